//! JSON at the JavaScript boundary: the browser parses JSON text (its parser
//! costs the bundle nothing), and serde-wasm-bindgen turns values into Rust
//! types and back.

use crate::model::{read_article, read_article_quickly, ParseError, Parsed};
use crate::PartMissing;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/browser/json.js")]
extern "C" {
    #[wasm_bindgen(js_name = parseJson, catch)]
    fn parse_json_js(text: &JsValue, max_chars: u32) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = beyondJsonLimits)]
    fn beyond_json_limits(value: &JsValue, max_depth: u32) -> Option<String>;

    #[wasm_bindgen(js_name = plainCopy, catch)]
    fn plain_copy(
        value: &JsValue,
        max_depth: u32,
        max_nodes: u32,
        max_chars: u32,
    ) -> Result<JsValue, JsValue>;
}

/// The nesting limit of format v1, the same as serde_json's natively.
const MAX_DEPTH: u32 = 128;
/// More values than any article has; bounds the copy of a host's object
/// (shared references would otherwise multiply).
const MAX_VALUES: u32 = 5_000_000;
/// The longest document read (`model::MAX_DOCUMENT_CHARS`), for `json.js`.
pub const MAX_DOCUMENT_CHARS: u32 = crate::model::MAX_DOCUMENT_CHARS as u32;

/// Parses JSON text (a JS string, never copied into Rust) with the
/// browser's `JSON.parse`. A byte order mark is skipped; the parser's own
/// message says what is wrong and where.
pub fn parse_json(text: &JsValue) -> Result<JsValue, ParseError> {
    let value = parse_json_js(text, MAX_DOCUMENT_CHARS).map_err(|error| {
        if error.is_instance_of::<js_sys::RangeError>() {
            ParseError::new("", describe(&error))
        } else {
            ParseError::syntax(describe(&error))
        }
    })?;
    check_limits(value)
}

/// Refuses what serde_json refuses natively in a parsed value: too deep,
/// or a number out of range.
pub fn check_limits(value: JsValue) -> Result<JsValue, ParseError> {
    match beyond_json_limits(&value, MAX_DEPTH) {
        Some(reason) => Err(ParseError::syntax(reason)),
        None => Ok(value),
    }
}

/// What the quick reader made of a document.
// Made once a document and taken apart at once: boxing the article would
// only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum QuickRead {
    /// The article, or the mistake the rules after the types name; with
    /// the document when the paths inside the parts it left out are
    /// pending (`Parsed::paths_pending`): the tracked reader names them.
    Read(Result<Parsed, ParseError>, Option<JsValue>),
    /// Refused by the types: [`explain_refusal`] names where.
    Refused(JsValue),
}

impl QuickRead {
    /// The read when it is exact as it is, or the document the tracked
    /// reader must read again for it to be.
    pub fn exact(self) -> Result<Result<Parsed, ParseError>, JsValue> {
        match self {
            QuickRead::Read(read, None) => Ok(read),
            QuickRead::Read(_, Some(document)) | QuickRead::Refused(document) => Err(document),
        }
    }
}

/// Reads an article from a JS value such as `JSON.parse` gives, without
/// tracking the reader's path (`model::read_article_quickly`).
pub fn read_quickly(value: JsValue) -> QuickRead {
    match read_article_quickly(serde_wasm_bindgen::Deserializer::from(value.clone())) {
        Ok(Ok(parsed)) if parsed.paths_pending => QuickRead::Read(Ok(parsed), Some(value)),
        Ok(read) => QuickRead::Read(read, None),
        Err(_) => QuickRead::Refused(value),
    }
}

split_part! {
    explain_refusal,
    __preload_explain_refusal,
    /// The path and words of the mistake in a document the quick reader
    /// refused, or the exact paths of the parts it left out: the tracked
    /// reader, which a split build loads only then (it is most of the reading
    /// code). See [`explain`] for a caller's view.
    pub fn explain_refusal(value: JsValue) -> Result<Result<Parsed, ParseError>, PartMissing> {
        Ok(read_article(serde_wasm_bindgen::Deserializer::from(value)))
    }
}

/// [`explain_refusal`], its part missing said as the document's error: the
/// quick reader refused it, only where is not known.
pub async fn explain(value: JsValue) -> Result<Parsed, ParseError> {
    load_part!(explain_refusal(value)).unwrap_or_else(|missing| Err(reader_missing(missing)))
}

fn reader_missing(missing: PartMissing) -> ParseError {
    ParseError::new(
        "",
        format!("the article does not match format v1; where, the reader cannot say: {missing}"),
    )
}

/// Reads an article from a JS value: quickly, and again with its path
/// tracked only when it is refused or left a part out
/// (`Parsed::paths_pending`).
pub async fn read_article_value(value: JsValue) -> Result<Parsed, ParseError> {
    match read_quickly(value).exact() {
        Ok(read) => read,
        Err(document) => explain(document).await,
    }
}

/// Reads an article from JSON text, in this task: for tests and the Node
/// renderer; the widget reads with [`read_quickly`], which a split build
/// needs (it loads the tracked reader apart).
#[cfg(not(feature = "split"))]
pub fn parse_article_text(text: &str) -> Result<Parsed, ParseError> {
    parse_article_js_text(&JsValue::from_str(text))
}

/// Reads an article from JSON text held by JavaScript, in this task (see
/// [`parse_article_text`]).
#[cfg(not(feature = "split"))]
pub fn parse_article_js_text(text: &JsValue) -> Result<Parsed, ParseError> {
    match read_quickly(parse_json(text)?).exact() {
        Ok(read) => read,
        Err(document) => {
            explain_refusal(document).unwrap_or_else(|missing| Err(reader_missing(missing)))
        }
    }
}

/// A host's object as plain data, within the document limits.
pub fn plain_object(value: &JsValue) -> Result<JsValue, ParseError> {
    plain_copy(value, MAX_DEPTH, MAX_VALUES, MAX_DOCUMENT_CHARS)
        .map_err(|error| ParseError::new("", describe(&error)))
}

/// A Rust value as a plain JS value: objects, not `Map`s, and `null`s kept.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A Rust value as JSON text, written by the browser's `JSON.stringify`.
pub fn to_json_text<T: Serialize + ?Sized>(value: &T) -> String {
    js_sys::JSON::stringify(&to_js(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A Rust value from a JS value; `None` when it is not of that shape.
pub fn from_js<T: for<'de> serde::Deserialize<'de>>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// The message of a thrown JS value.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
