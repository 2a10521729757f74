//! Feeds in other formats (the element's `format` attribute, docs/feeds.md):
//! converted to v1 by the converter module, loaded on first use (see
//! `convert.js`), then read like any v1 document.

use super::json::{describe, from_js, read_article_value};
use crate::model::{ParseError, Parsed};
use crate::PartMissing;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/convert.js")]
extern "C" {
    #[wasm_bindgen(js_name = convertFeed, catch)]
    async fn convert_feed(
        format: &str,
        document: JsValue,
        base: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// A converted document: v1 as a JS value, and what the source had that v1
/// cannot show.
pub struct ConvertedFeed {
    pub article: JsValue,
    pub warnings: Vec<String>,
}

#[derive(Deserialize)]
struct Failure {
    #[serde(default)]
    path: String,
    message: String,
}

#[derive(Deserialize)]
struct Warnings {
    warnings: Vec<String>,
}

/// Converts a parsed document from `format`; `base` is the URL it was
/// fetched from, if it was (an Apple News bundle's files are beside it).
pub async fn convert_feed_document(
    format: &str,
    document: JsValue,
    base: Option<&str>,
) -> Result<ConvertedFeed, ParseError> {
    let answer = convert_feed(format, document, base.map(str::to_owned)).await;
    load_part!(read_converted(answer)).unwrap_or_else(|missing| {
        Err(ParseError::new(
            "",
            format!("the feed could not be converted: {missing}"),
        ))
    })
}

split_part! {
    read_converted,
    __preload_read_converted,
    /// The converter's answer (or its failure, with a path) as Rust values: a
    /// part of its own in a split build, since only a page with a `format`
    /// needs it; the outer error is its part missing.
    fn read_converted(
        answer: Result<JsValue, JsValue>,
    ) -> Result<Result<ConvertedFeed, ParseError>, PartMissing> {
        let answer = match answer {
            Ok(answer) => answer,
            Err(error) => {
                return Ok(Err(match from_js::<Failure>(error.clone()) {
                    Some(failure) => ParseError::new(failure.path, failure.message),
                    None => ParseError::new("", describe(&error)),
                }))
            }
        };
        let article = js_sys::Reflect::get(&answer, &JsValue::from_str("article"))
            .unwrap_or(JsValue::UNDEFINED);
        let warnings = from_js::<Warnings>(answer)
            .map(|w| w.warnings)
            .unwrap_or_default();
        Ok(Ok(ConvertedFeed { article, warnings }))
    }
}

/// A parsed document read as v1, converted first from `format` if given
/// (what the converter dropped comes first among the warnings); `base` is
/// the URL it was fetched from, if it was.
pub async fn read_document(
    document: Result<JsValue, ParseError>,
    format: Option<&str>,
    base: Option<&str>,
) -> Result<Parsed, ParseError> {
    let document = document?;
    let Some(format) = format else {
        return read_article_value(document).await;
    };
    let converted = convert_feed_document(format, document, base).await?;
    let mut parsed = read_article_value(converted.article).await?;
    parsed.warnings.splice(0..0, converted.warnings);
    Ok(parsed)
}
