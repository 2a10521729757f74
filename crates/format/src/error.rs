//! Errors that name what is wrong and where, as a JSON path such as
//! `body[3].text`, worded the same whichever deserializer found them.

use std::fmt;

/// Why an article could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Where in the document, e.g. `body[3].text`; empty for the document
    /// itself.
    pub path: String,
    /// What is wrong there, e.g. `expected a string, found number `5``.
    pub message: String,
}

impl ParseError {
    /// An error at `path` (a JSON path such as `body[3].text`; empty for the whole document).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ParseError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The document is not JSON at all (the parser's own words).
    pub fn syntax(message: impl fmt::Display) -> Self {
        ParseError::new("", format!("not valid JSON: {message}"))
    }

    /// An error from serde, at the path serde_path_to_error tracked.
    pub fn from_path<E: fmt::Display>(error: serde_path_to_error::Error<E>) -> Self {
        let mut path = error.path().to_string();
        if path == "." {
            path.clear();
        }
        ParseError::at(path, error.inner())
    }

    /// An error from serde with no path tracked: the same words as
    /// [`ParseError::from_path`] gives, at the top of what was read.
    pub fn untracked(error: impl fmt::Display) -> Self {
        ParseError::at(String::new(), &error)
    }

    fn at(path: String, error: &impl fmt::Display) -> Self {
        let raw = error.to_string();
        // serde-wasm-bindgen's errors are JS `Error`s, shown as "Error: …".
        let raw = raw.strip_prefix("Error: ").unwrap_or(&raw);
        ParseError::new(path, readable(raw))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

/// Rephrases serde's "invalid type: integer `3`, expected a string" as
/// "expected a string, found number `3`": what to write comes first, and
/// values are named the same from JavaScript and from JSON text.
fn readable(message: &str) -> String {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    else {
        return message.to_owned();
    };
    let expected = match expected {
        "a sequence" => "an array",
        "a map" => "an object",
        other => other,
    };
    format!("expected {expected}, found {}", found_value(found))
}

/// serde's name for a value, in JSON's words.
fn found_value(found: &str) -> String {
    // serde-wasm-bindgen's name for `null`.
    if found == "unit value" {
        return "null".to_owned();
    }
    if found == "sequence" {
        return "an array".to_owned();
    }
    if found == "map" {
        return "an object".to_owned();
    }
    // serde-wasm-bindgen names an object or an array by its debug form.
    if let Some(shown) = found.strip_prefix("JsValue(") {
        let is_array = shown.starts_with('[') || shown.starts_with("Array");
        return if is_array { "an array" } else { "an object" }.to_owned();
    }
    for prefix in ["integer `", "floating point `"] {
        if let Some(number) = found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix('`'))
        {
            // JavaScript has only numbers: `5.0` is `5`.
            let number = number.strip_suffix(".0").unwrap_or(number);
            return format!("number `{number}`");
        }
    }
    if let Some(text) = found
        .strip_prefix("string \"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        // serde quotes the string with Rust's escapes; a long one is cut.
        const SHOWN: usize = 40;
        return match text.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("string \"{}\"…", &text[..cut].trim_end_matches('\\')),
            None => format!("string \"{text}\""),
        };
    }
    found.to_owned()
}

/// `text` quoted for a message, with Rust's escapes: control characters and
/// invisible direction marks are spelled out (`\u{202e}`), so they cannot
/// reorder or hide the message.
pub fn quoted(text: &str) -> String {
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_read_the_same_from_either_reader() {
        assert_eq!(
            readable("invalid type: integer `5`, expected a string"),
            "expected a string, found number `5`"
        );
        assert_eq!(
            readable("invalid type: floating point `5.0`, expected a string"),
            "expected a string, found number `5`"
        );
        assert_eq!(
            readable("invalid type: floating point `1.5`, expected a whole number"),
            "expected a whole number, found number `1.5`"
        );
        assert_eq!(
            readable("invalid type: map, expected a sequence"),
            "expected an array, found an object"
        );
        assert_eq!(
            readable(r#"invalid type: JsValue(Object({"src":"x"})), expected a string"#),
            "expected a string, found an object"
        );
        assert_eq!(
            readable("invalid type: JsValue([1, 2]), expected a string"),
            "expected a string, found an array"
        );
        assert_eq!(
            readable("invalid type: unit value, expected a string"),
            "expected a string, found null"
        );
        assert_eq!(
            readable("invalid type: null, expected a string"),
            "expected a string, found null"
        );
        let long = format!(
            "invalid type: string \"{}\", expected a number",
            "x".repeat(100)
        );
        assert_eq!(
            readable(&long),
            format!("expected a number, found string \"{}\"…", "x".repeat(40))
        );
        assert_eq!(readable("something else"), "something else");
    }

    #[test]
    fn quoted_text_spells_out_what_could_hide_or_reorder_a_message() {
        assert_eq!(quoted("a\"b"), r#""a\"b""#);
        assert_eq!(quoted("\u{202e}evil"), r#""\u{202e}evil""#);
        assert_eq!(quoted("line\nbreak"), r#""line\nbreak""#);
    }
}
