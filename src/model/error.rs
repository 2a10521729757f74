//! Errors that name what is wrong and where, as a JSON path such as
//! `body[3].text`.

use std::fmt;

/// Why an article could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Where in the document, e.g. `body[3].text`; empty for the document
    /// itself.
    pub path: String,
    /// What is wrong there, e.g. `expected a string, found a number`.
    pub message: String,
}

/// Marks an error raised inside a nested value (a body block) whose path
/// must be joined to the outer path rather than replace it.
const NESTED: char = '\u{1}';

impl ParseError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ParseError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The document is not JSON at all.
    pub(crate) fn syntax(error: serde_json::Error) -> Self {
        let message = without_position(&error);
        ParseError::new(
            "",
            format!(
                "not valid JSON: {message} (line {}, column {})",
                error.line(),
                error.column()
            ),
        )
    }

    pub(crate) fn from_path(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let mut path = error.path().to_string();
        if path == "." {
            path.clear();
        }
        let message = readable(&without_position(error.inner()));
        match message
            .strip_prefix(NESTED)
            .and_then(|m| m.split_once(NESTED))
        {
            Some((relative, message)) => ParseError::new(path + relative, message),
            None => ParseError::new(path, message),
        }
    }

    /// Carries this error (found in element `index` of an array) out through
    /// serde, to be unpacked by [`ParseError::from_path`].
    pub(crate) fn nested_in_element(&self, index: usize) -> String {
        let separator = if self.path.is_empty() { "" } else { "." };
        format!(
            "{NESTED}[{index}]{separator}{}{NESTED}{}",
            self.path, self.message
        )
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

/// serde_json appends " at line L column C" to its messages; the path says
/// where instead (and syntax errors say it in words).
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(stripped) => stripped.to_owned(),
        None => message,
    }
}

/// Rephrases serde's "invalid type: integer `3`, expected a string" as
/// "expected a string, found integer `3`": what to write comes first.
fn readable(message: &str) -> String {
    message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "))
        .map(|(found, expected)| format!("expected {expected}, found {found}"))
        .unwrap_or_else(|| message.to_owned())
}
