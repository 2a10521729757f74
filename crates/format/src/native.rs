//! Format v1 from and to JSON text outside the browser (tests, the fuzzer,
//! tools, a publisher's server), with serde_json. It reads the way the
//! browser does: parse the whole text first (as `JSON.parse` does: the last
//! of repeated keys wins, keys stay in document order), then read the value,
//! so both give the same outcome and the same paths.

use super::{read_article, read_article_quickly, Article, ParseError, Parsed};
use serde_json::Value;

/// Reads an article from JSON text. A byte order mark is skipped; a lone
/// surrogate escape (`"\ud800"`) reads as U+FFFD, as JavaScript's text
/// encoders make it; nesting deeper than 128 levels is refused.
pub fn parse_article(json: &str) -> Result<Parsed, ParseError> {
    read_json_value(parse_json_text(json)?)
}

/// A JSON value already parsed (by [`parse_json_text`], or written by a
/// feed converter) read as v1, with the same outcome and paths as
/// [`parse_article`].
pub fn read_json_value(mut value: Value) -> Result<Parsed, ParseError> {
    put_block_types_first(&mut value);
    // Quickly first; only a document the types refuse is read again, with
    // its path tracked (`read_article_quickly`).
    read_article_quickly(&value).unwrap_or_else(|_| read_article(value))
}

/// JSON text as a value, the way the browser's `JSON.parse` reads it.
pub fn parse_json_text(json: &str) -> Result<Value, ParseError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let json = replace_lone_surrogates(json);
    serde_json::from_str(&json).map_err(|error| {
        if error.to_string().starts_with("recursion limit exceeded") {
            ParseError::syntax(format!("nested more than {MAX_DEPTH} levels deep"))
        } else {
            ParseError::syntax(format!(
                "{} (line {}, column {})",
                without_position(&error),
                error.line(),
                error.column()
            ))
        }
    })
}

/// The article as compact JSON text of format v1: what it reads back as,
/// with `<` escaped so that it can go into a data island as it is (no
/// `</script>` in an article can end the island).
pub fn to_json_text(article: &Article) -> String {
    super::escape_for_script(&serde_json::to_string(article).expect("an article always serialises"))
}

/// serde_json refuses documents nested deeper than this; the browser checks
/// the same limit (`src/browser/json.js`).
pub const MAX_DEPTH: usize = 128;

/// serde-wasm-bindgen reads a block's keys in the order of
/// [`super::de::BLOCK_KEYS`], `type` first; a JSON object's keys come in
/// document order. Moving `type` first reads both the same way.
pub(crate) fn put_block_types_first(document: &mut Value) {
    let Some(Value::Array(blocks)) = document.get_mut("body") else {
        return;
    };
    for block in blocks {
        if let Value::Object(fields) = block {
            if let Some(type_name) = fields.shift_remove("type") {
                let mut reordered = serde_json::Map::with_capacity(fields.len() + 1);
                reordered.insert("type".to_owned(), type_name);
                reordered.append(fields);
                *fields = reordered;
            }
        }
    }
}

/// serde_json appends " at line L column C" to its messages; the position is
/// given in the same words as the browser's instead.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(stripped) => stripped.to_owned(),
        None => message,
    }
}

/// Replaces `\uD800`–`\uDFFF` escapes that are not part of a surrogate pair
/// by `\uFFFD`. Only escapes outside a pair are touched, and an escaped
/// backslash (`\\uD800`, the text "\uD800") is left alone.
pub(crate) fn replace_lone_surrogates(json: &str) -> std::borrow::Cow<'_, str> {
    let bytes = json.as_bytes();
    // Fast path: most documents have no surrogate escapes at all.
    if !json.contains("\\ud") && !json.contains("\\uD") {
        return json.into();
    }
    let surrogate_at = |i: usize| -> Option<u16> {
        let hex = json.get(i + 2..i + 6)?;
        if bytes.get(i) != Some(&b'\\') || bytes.get(i + 1) != Some(&b'u') {
            return None;
        }
        let unit = u16::from_str_radix(hex, 16).ok()?;
        (0xD800..=0xDFFF).contains(&unit).then_some(unit)
    };
    let mut out = String::with_capacity(json.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate_at(i) {
            Some(0xD800..=0xDBFF) if surrogate_at(i + 6).is_some_and(|low| low >= 0xDC00) => {
                i += 12;
            }
            Some(_) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\uFFFD");
                i += 6;
                copied = i;
            }
            // Any other escape, `\\` included, is two characters long at least.
            None => i += 2,
        }
    }
    out.push_str(&json[copied..]);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_the_replacement_character() {
        assert_eq!(replace_lone_surrogates(r#""\ud800""#), r#""\uFFFD""#);
        assert_eq!(replace_lone_surrogates(r#""a\uDC00b""#), r#""a\uFFFDb""#);
        assert_eq!(
            replace_lone_surrogates(r#""\ud83d\ude00""#),
            r#""\ud83d\ude00""#
        );
        assert_eq!(replace_lone_surrogates(r#""\\ud800""#), r#""\\ud800""#);
        assert_eq!(
            replace_lone_surrogates(r#""\ud83d\ud83d\ude00""#),
            r#""\uFFFD\ud83d\ude00""#
        );
        assert_eq!(replace_lone_surrogates(r#""\ud83d""#), r#""\uFFFD""#);
    }
}
