//! The article model: the JSON format (version 1), its validation and the
//! rules around it. Plain Rust with no browser in it, tested natively.

mod date;
mod error;
mod inline;
mod json_ld;
pub mod metering;
mod share;
mod url;

pub use date::DateTime;
pub use error::ParseError;
pub use inline::{Inline, RichText};
pub use json_ld::{news_article_json_ld, PAYWALLED_CLASS};
pub use share::{encode_component, share_link, share_networks, ShareData, ShareNetwork};
pub use url::{safe_url, UrlUse};

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The language of the UI strings and date formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Nb,
}

impl Lang {
    /// Maps a BCP 47 tag to a supported language: Norwegian in any form
    /// (`nb`, `no`, `nn`, `nb-NO`) to `Nb`, English to `En`; `None` otherwise.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The locale handed to `Intl` for dates.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Nb => "nb-NO",
        }
    }
}

/// A whole article, validated.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an article object")]
pub struct Article {
    pub id: String,
    pub title: String,
    pub published: DateTime,
    #[serde(deserialize_with = "blocks")]
    pub body: Vec<Block>,
    #[serde(default, deserialize_with = "optional_link")]
    pub url: Option<String>,
    /// The article's own language tag as given (for the `lang` attribute).
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default, deserialize_with = "optional_rich_text")]
    pub lede: Option<RichText>,
    #[serde(default)]
    pub updated: Option<DateTime>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub authors: Vec<Author>,
    #[serde(default)]
    pub publisher: Option<Publisher>,
    #[serde(default)]
    pub image: Option<Image>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub related: Vec<RelatedArticle>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub latest: Vec<LatestItem>,
    #[serde(default)]
    pub ai_disclosure: Option<AiDisclosure>,
    #[serde(default)]
    pub access: Option<Access>,
    #[serde(default)]
    pub notifications: Option<Notifications>,
    #[serde(default)]
    pub share: Option<Share>,
    /// UI strings to use instead of the built-in ones, by key.
    #[serde(default)]
    pub strings: BTreeMap<String, String>,
}

impl Article {
    /// What the share button shares: the canonical `url` (else the page the
    /// widget is on), the title and the plain-text lede.
    pub fn share_data(&self, page_url: &str) -> ShareData {
        ShareData {
            url: self.url.clone().unwrap_or_else(|| page_url.to_owned()),
            title: self.title.clone(),
            text: self
                .lede
                .as_ref()
                .map(RichText::plain_text)
                .unwrap_or_default(),
        }
    }

    /// The language for UI strings and dates (English unless the article is
    /// in a supported language).
    pub fn ui_lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an author object with a \"name\""
)]
pub struct Author {
    pub name: String,
    #[serde(default, deserialize_with = "optional_link")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a publisher object with a \"name\""
)]
pub struct Publisher {
    pub name: String,
    #[serde(default, deserialize_with = "optional_link")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "optional_image_url")]
    pub logo: Option<String>,
}

/// A picture: the hero image or an image block.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an image object with \"src\" and \"alt\""
)]
pub struct Image {
    /// `None` when the source failed the allow-list: the caption still shows.
    #[serde(deserialize_with = "required_image_url")]
    pub src: Option<String>,
    pub alt: String,
    #[serde(default, deserialize_with = "optional_rich_text")]
    pub caption: Option<RichText>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
}

/// One block of the article body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Heading(Heading),
    Image(Image),
    Quote(Quote),
    List(List),
    ReadAlso(ReadAlso),
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a paragraph block")]
pub struct Paragraph {
    #[serde(deserialize_with = "rich_text")]
    pub text: RichText,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a heading block")]
pub struct Heading {
    #[serde(deserialize_with = "rich_text")]
    pub text: RichText,
    /// 2, 3 or 4: the page's `h1` is the headline.
    #[serde(default = "default_heading_level", deserialize_with = "heading_level")]
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a quote block")]
pub struct Quote {
    #[serde(deserialize_with = "rich_text")]
    pub text: RichText,
    #[serde(default)]
    pub cite: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a list block")]
pub struct List {
    #[serde(deserialize_with = "rich_texts")]
    pub items: Vec<RichText>,
    #[serde(default)]
    pub ordered: bool,
}

/// An inline "Read also:" link to another article.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a readAlso block")]
pub struct ReadAlso {
    pub title: String,
    /// `None` when the URL failed the allow-list: the title shows as text.
    #[serde(deserialize_with = "required_link")]
    pub url: Option<String>,
    #[serde(default)]
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a related article object")]
pub struct RelatedArticle {
    pub id: String,
    pub title: String,
    #[serde(deserialize_with = "required_link")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "optional_image_url")]
    pub image: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub published: Option<DateTime>,
    #[serde(default)]
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a latest-news object")]
pub struct LatestItem {
    pub id: String,
    pub title: String,
    #[serde(deserialize_with = "required_link")]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<DateTime>,
}

/// How AI took part in making the article, shown in the AI badge.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an aiDisclosure object with a \"text\""
)]
pub struct AiDisclosure {
    /// Shown verbatim.
    pub text: String,
    /// An IPTC digital source type, by name or by its full URI.
    #[serde(default)]
    pub source_type: Option<String>,
    /// The newsroom responsible for the content.
    #[serde(default)]
    pub reviewed_by: Option<String>,
    #[serde(default, deserialize_with = "optional_link")]
    pub policy_url: Option<String>,
}

impl AiDisclosure {
    /// The source type's name: `trainedAlgorithmicMedia` from either the name
    /// or `http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia`.
    pub fn source_type_name(&self) -> Option<&str> {
        let raw = self.source_type.as_deref()?.trim().trim_end_matches('/');
        let name = raw.rsplit('/').next().unwrap_or(raw);
        (!name.is_empty()).then_some(name)
    }
}

/// How the article may be read; the metering rules build on it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an access object")]
pub struct Access {
    #[serde(default)]
    pub model: AccessModel,
    #[serde(default = "default_free_articles")]
    pub free_articles: u32,
    #[serde(default = "default_period_days")]
    pub period_days: u32,
    #[serde(default = "default_teaser_blocks")]
    pub teaser_blocks: u32,
    #[serde(default, deserialize_with = "optional_link")]
    pub subscribe_url: Option<String>,
    #[serde(default, deserialize_with = "optional_link")]
    pub donate_url: Option<String>,
    #[serde(default, deserialize_with = "optional_link")]
    pub login_url: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

impl Access {
    /// A free article ends with the donation prompt when there is somewhere
    /// to send the reader: a subscribe or a donate link.
    pub fn asks_for_support(&self) -> bool {
        self.model == AccessModel::Free
            && (self.subscribe_url.is_some() || self.donate_url.is_some())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AccessModel {
    #[default]
    Free,
    Metered,
    Premium,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a notifications object with \"topics\""
)]
pub struct Notifications {
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub prompt: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a topic object with \"id\" and \"label\"")]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a share object")]
pub struct Share {
    /// Network names as given; names this version does not know are left
    /// for the share button to skip.
    #[serde(default)]
    pub networks: Option<Vec<String>>,
}

/// An article and what was skipped while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    /// Things a newer feed may contain that this version skips (unknown block
    /// types, languages), each with its JSON path, for the console.
    pub warnings: Vec<String>,
}

/// Reads an article from JSON text.
pub fn parse_article(json: &str) -> Result<Parsed, ParseError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: Value = serde_json::from_str(json).map_err(ParseError::syntax)?;
    article_from_value(&value)
}

/// Reads an article from an already parsed JSON value.
pub fn article_from_value(value: &Value) -> Result<Parsed, ParseError> {
    if !value.is_object() {
        return Err(ParseError::new(
            "",
            format!("expected an article object, found {}", describe(value)),
        ));
    }
    let article: Article =
        serde_path_to_error::deserialize(value).map_err(ParseError::from_path)?;
    let mut warnings = Vec::new();
    if let Some(tag) = article.lang.as_deref() {
        if Lang::from_tag(tag).is_none() {
            warnings.push(format!(
                "lang: {tag:?} has no UI strings here; showing English"
            ));
        }
    }
    for key in article.strings.keys() {
        if !crate::i18n::is_known_key(key) {
            warnings.push(format!("strings.{key}: no UI string has this key; ignored"));
        }
    }
    if let Some(Value::Array(blocks)) = value.get("body") {
        for (index, block) in blocks.iter().enumerate() {
            if let Some(kind) = block.get("type").and_then(Value::as_str) {
                if !KNOWN_BLOCK_TYPES.contains(&kind) {
                    warnings.push(format!(
                        "body[{index}]: unknown block type {kind:?} skipped"
                    ));
                }
            }
        }
    }
    Ok(Parsed { article, warnings })
}

const KNOWN_BLOCK_TYPES: &[&str] = &["paragraph", "heading", "image", "quote", "list", "readAlso"];

/// How JSON names a value's kind in error messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The body: each block is read by its `type`; unknown types are skipped
/// (reported as warnings by [`article_from_value`]).
fn blocks<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Block>, D::Error> {
    let values = Vec::<Value>::deserialize(deserializer)?;
    let mut blocks = Vec::with_capacity(values.len());
    for (index, value) in values.iter().enumerate() {
        let read = |error: ParseError| D::Error::custom(error.nested_in_element(index));
        let kind = match value {
            Value::Object(fields) => match fields.get("type") {
                Some(Value::String(kind)) => kind.as_str(),
                Some(other) => {
                    return Err(read(ParseError::new(
                        "type",
                        format!("expected a string, found {}", describe(other)),
                    )))
                }
                None => return Err(read(ParseError::new("", "missing field `type`"))),
            },
            other => {
                return Err(read(ParseError::new(
                    "",
                    format!("expected a block object, found {}", describe(other)),
                )))
            }
        };
        let block = match kind {
            "paragraph" => read_as(value).map(Block::Paragraph),
            "heading" => read_as(value).map(Block::Heading),
            "image" => read_as(value).map(Block::Image),
            "quote" => read_as(value).map(Block::Quote),
            "list" => read_as(value).map(Block::List),
            "readAlso" => read_as(value).map(Block::ReadAlso),
            _ => continue,
        };
        blocks.push(block.map_err(read)?);
    }
    Ok(blocks)
}

fn read_as<T: for<'de> Deserialize<'de>>(value: &Value) -> Result<T, ParseError> {
    serde_path_to_error::deserialize(value).map_err(ParseError::from_path)
}

fn rich_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<RichText, D::Error> {
    String::deserialize(deserializer).map(|text| RichText::parse(&text))
}

fn optional_rich_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<RichText>, D::Error> {
    Option::<String>::deserialize(deserializer).map(|text| text.map(|t| RichText::parse(&t)))
}

fn rich_texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<RichText>, D::Error> {
    Vec::<String>::deserialize(deserializer)
        .map(|items| items.iter().map(|t| RichText::parse(t)).collect())
}

fn required_link<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    String::deserialize(deserializer).map(|url| safe_url(&url, UrlUse::Link))
}

fn optional_link<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer)
        .map(|url| url.and_then(|u| safe_url(&u, UrlUse::Link)))
}

fn required_image_url<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    String::deserialize(deserializer).map(|url| safe_url(&url, UrlUse::Image))
}

fn optional_image_url<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer)
        .map(|url| url.and_then(|u| safe_url(&u, UrlUse::Image)))
}

/// A list that may also be given as `null` (an empty list).
fn list_or_null<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<Vec<T>>::deserialize(deserializer).map(Option::unwrap_or_default)
}

fn heading_level<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let level = Option::<u8>::deserialize(deserializer)?.unwrap_or_else(default_heading_level);
    if (2..=4).contains(&level) {
        Ok(level)
    } else {
        Err(D::Error::custom(format!(
            "expected 2, 3 or 4, found {level}"
        )))
    }
}

fn default_heading_level() -> u8 {
    2
}

fn default_free_articles() -> u32 {
    5
}

fn default_period_days() -> u32 {
    30
}

fn default_teaser_blocks() -> u32 {
    2
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::parse(&text).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod tests;
