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

impl ParseError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ParseError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The document is not JSON at all.
    pub(crate) fn syntax(error: super::json::SyntaxError) -> Self {
        ParseError::new(
            "",
            format!(
                "not valid JSON: {} (line {}, column {})",
                error.message, error.line, error.column
            ),
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
