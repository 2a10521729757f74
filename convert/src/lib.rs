//! The feed converters in the browser, a wasm module of their own
//! (dist/convert/): the widget loads it only when an element has a
//! `format` attribute, so a page that shows v1 never downloads them
//! (docs/feeds.md), and runs it in a worker where it can (`worker.js`).
//! HTML inside feeds is parsed by html5ever, as on the command line and
//! the servers: one parser everywhere, so the browser reads a feed exactly
//! as the server does, and parsing touches no document: nothing can load,
//! run or raise the host page's CSP reports.

use article_feeds::{convert_from, Format, Html5ever};
use article_format::ParseError;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `convert` answers: the article in format v1 and what was dropped.
#[derive(Serialize)]
struct Answer {
    article: serde_json::Value,
    warnings: Vec<String>,
}

/// What `convert` throws: the message and the source field.
#[derive(Serialize)]
struct Failure {
    path: String,
    message: String,
}

/// Converts a parsed feed document (`JSON.parse`'s value) from `format` to
/// `{ article, warnings }`; `base` is where the document came from (an
/// Apple News bundle's files are beside it), if known. Throws
/// `{ path, message }`.
#[wasm_bindgen]
pub fn convert(format: &str, document: JsValue, base: Option<String>) -> Result<JsValue, JsValue> {
    let answer =
        convert_value(format, document, base.as_deref()).map_err(|error| to_js(&failure(error)))?;
    Ok(to_js(&answer))
}

fn convert_value(
    format: &str,
    document: JsValue,
    base: Option<&str>,
) -> Result<Answer, ParseError> {
    let format = Format::from_name(format)?;
    let document: serde_json::Value = serde_wasm_bindgen::from_value(document)
        .map_err(|error| ParseError::new("", error.to_string()))?;
    let converted = convert_from(format, document, &Html5ever, base)?;
    Ok(Answer {
        article: converted.article,
        warnings: converted.dropped,
    })
}

fn failure(error: ParseError) -> Failure {
    Failure {
        path: error.path,
        message: error.message,
    }
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Objects, not `Map`s, as JSON.parse would give them.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("JSON values always convert")
}
