//! Feeds publishers already have, read as format v1 (docs/feeds.md):
//! WordPress REST posts, IPTC ninjs, Apple News Format and schema.org
//! NewsArticle JSON-LD. Each converter reads only the fields it maps (serde
//! types of its own), writes v1 JSON, and says what it dropped. The result
//! is then read like any v1 document (validation, URL allow-list, inline
//! markup), so a converter never lets through what v1 refuses.
//!
//! HTML inside a feed is parsed by a real HTML parser behind
//! [`HtmlParser`]: html5ever ([`Html5ever`]) natively, in Node and in the
//! widget's converter module (`convert/`) alike, so every place reads a
//! feed the same way.

#![deny(missing_docs)]

mod anf;
mod bylines;
mod dates;
mod html;
#[cfg(feature = "html5ever")]
mod html5ever;
mod json_ld;
mod ninjs;
mod v1;
mod wordpress;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use html::{Element, HtmlNode, HtmlParser, TooDeep, MAX_HTML_DEPTH, MAX_HTML_NESTING};
#[cfg(feature = "html5ever")]
pub use html5ever::Html5ever;

use article_format::ParseError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Where a document comes from: the `format` attribute, `--from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Format v1 itself: read as it is.
    V1,
    /// A WordPress REST API post (`/wp-json/wp/v2/posts/ID?_embed`).
    WordPress,
    /// An IPTC ninjs item, 1.x to 3.x.
    Ninjs,
    /// An Apple News Format `article.json`.
    Anf,
    /// schema.org NewsArticle JSON-LD (also in an `@graph`).
    JsonLd,
}

impl Format {
    /// Every format, v1 first.
    pub const ALL: [Format; 5] = [
        Format::V1,
        Format::WordPress,
        Format::Ninjs,
        Format::Anf,
        Format::JsonLd,
    ];

    /// By its name: `v1`, `wordpress`, `ninjs`, `anf`, `jsonld`.
    pub fn from_name(name: &str) -> Result<Format, ParseError> {
        let wanted = name.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|format| format.name() == wanted)
            .ok_or_else(|| {
                ParseError::new(
                    "format",
                    format!(
                        "expected one of v1, wordpress, ninjs, anf, jsonld, found {}",
                        article_format::quoted(name)
                    ),
                )
            })
    }

    /// The name the `format` attribute and `--from` take.
    pub fn name(self) -> &'static str {
        match self {
            Format::V1 => "v1",
            Format::WordPress => "wordpress",
            Format::Ninjs => "ninjs",
            Format::Anf => "anf",
            Format::JsonLd => "jsonld",
        }
    }
}

/// A document in format v1, and what the converter left out of the source.
#[derive(Debug)]
pub struct Converted {
    /// The v1 document as a JSON value, to be read by the v1 rules.
    pub article: Value,
    /// What the source had that v1 cannot show, one line a kind, with where.
    pub dropped: Vec<String>,
}

/// Converts a parsed source document to format v1 JSON. Errors name the
/// source's own field (`title.rendered: missing field`, in WordPress's
/// words), prefixed with the format.
pub fn convert(
    format: Format,
    document: Value,
    html: &dyn HtmlParser,
) -> Result<Converted, ParseError> {
    convert_from(format, document, html, None)
}

/// [`convert`], for a document fetched from `base` (its URL, or the folder
/// it came from): files an Apple News bundle names (`bundle://photo.jpg`)
/// are read beside it. Without a base they are left out, with a warning.
pub fn convert_from(
    format: Format,
    document: Value,
    html: &dyn HtmlParser,
    base: Option<&str>,
) -> Result<Converted, ParseError> {
    let mut dropped = Dropped::default();
    let convert = |document, dropped: &mut Dropped| match format {
        Format::V1 => unreachable!("v1 is not converted"),
        Format::WordPress => wordpress::convert(read(document)?, html, dropped),
        Format::Ninjs => ninjs::convert(read(document)?, html, dropped),
        Format::Anf => anf::convert(read(document)?, html, base, dropped),
        Format::JsonLd => json_ld::convert(document, html, dropped),
    };
    if format == Format::V1 {
        return Ok(Converted {
            article: document,
            dropped: Vec::new(),
        });
    }
    let article = convert(document, &mut dropped).map_err(|error| ParseError {
        message: format!("{} (read as {})", error.message, format.name()),
        ..error
    })?;
    Ok(Converted {
        article: serde_json::to_value(article).expect("v1 always serialises"),
        dropped: dropped.messages(format),
    })
}

/// A feed's JSON text converted to v1 JSON text (the Node renderer's way,
/// whose reader takes text), with what was dropped.
pub fn convert_json_text(
    format: Format,
    json: &str,
    html: &dyn HtmlParser,
    base: Option<&str>,
) -> Result<(String, Vec<String>), ParseError> {
    let document: Value =
        serde_json::from_str(json).map_err(|error| ParseError::syntax(error.to_string()))?;
    let converted = convert_from(format, document, html, base)?;
    Ok((converted.article.to_string(), converted.dropped))
}

/// A source document as its converter's serde types, errors with paths.
/// Only from an object: serde's derives would also take an array.
fn read<T: DeserializeOwned>(document: Value) -> Result<T, ParseError> {
    serde_path_to_error::deserialize::<_, article_format::ObjectOnly<T>>(document)
        .map(|object| object.0)
        .map_err(ParseError::from_path)
}

/// What a converter left out, by kind in the order first met, with where.
/// A feed could invent a kind per component (ANF roles): past
/// [`Dropped::KINDS`] kinds the rest are only counted, so a note costs the
/// same however many came before and the warnings stay few.
#[derive(Debug, Default)]
pub(crate) struct Dropped {
    /// (what, how many times, where first, whether it is a drop or a
    /// sentence of its own).
    kinds: Vec<(String, usize, String, bool)>,
    other_kinds: usize,
}

impl Dropped {
    /// Kinds named one by one, as the widget's own warnings do.
    const KINDS: usize = 8;

    /// `what` left out at `at`: "… dropped".
    pub fn note(&mut self, at: &str, what: &str) {
        self.add(at, what, true);
    }

    /// A warning that is not a drop (a date taken from elsewhere).
    pub fn say(&mut self, at: &str, sentence: &str) {
        self.add(at, sentence, false);
    }

    fn add(&mut self, at: &str, what: &str, is_drop: bool) {
        let full = self.kinds.len() >= Self::KINDS;
        match self.kinds.iter_mut().find(|(kind, ..)| kind == what) {
            Some((_, count, _, _)) => *count += 1,
            None if full => self.other_kinds += 1,
            None => self
                .kinds
                .push((what.to_owned(), 1, at.to_owned(), is_drop)),
        }
    }

    /// One warning a kind: `wordpress: content.rendered: <iframe> dropped (2 times)`.
    pub(crate) fn messages(self, format: Format) -> Vec<String> {
        let mut messages: Vec<String> = self
            .kinds
            .into_iter()
            .map(|(what, count, at, is_drop)| {
                let times = if count > 1 {
                    format!(" ({count} times)")
                } else {
                    String::new()
                };
                let dropped = if is_drop { " dropped" } else { "" };
                format!("{}: {at}: {what}{dropped}{times}", format.name())
            })
            .collect();
        if self.other_kinds > 0 {
            messages.push(format!(
                "{}: {} more parts of other kinds dropped",
                format.name(),
                self.other_kinds
            ));
        }
        messages
    }
}

/// A required string, or an error naming the source's field.
fn required(value: Option<String>, path: &str) -> Result<String, ParseError> {
    value
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .ok_or_else(|| ParseError::new(path, "missing or empty"))
}

/// `Some` for a non-empty trimmed string.
fn non_empty(text: impl AsRef<str>) -> Option<String> {
    let text = text.as_ref().trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A feed's JSON text converted to v1 and read by the v1 rules: what the
/// converter dropped comes first among the warnings.
#[cfg(all(not(target_arch = "wasm32"), feature = "html5ever"))]
pub fn parse_feed(
    json: &str,
    format: Format,
    base: Option<&str>,
) -> Result<article_format::Parsed, ParseError> {
    let converted = convert_from(
        format,
        article_format::parse_json_text(json)?,
        &Html5ever,
        base,
    )?;
    let mut parsed = article_format::read_json_value(converted.article)?;
    parsed.warnings.splice(0..0, converted.dropped);
    Ok(parsed)
}
