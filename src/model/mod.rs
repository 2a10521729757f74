//! The article model: the JSON format (version 1), its validation and the
//! rules around it. Plain Rust with no browser in it, tested natively.

mod date;
mod error;
mod inline;
pub mod json;
mod json_ld;
pub mod metering;
mod read;
mod share;
mod url;

pub use date::DateTime;
pub use error::ParseError;
pub use inline::{Inline, RichText};
pub use json_ld::{news_article_json_ld, PAYWALLED_CLASS};
pub use share::{encode_component, share_link, share_networks, ShareData, ShareNetwork};
pub use url::{safe_url, UrlUse};

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
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub published: DateTime,
    pub body: Vec<Block>,
    pub url: Option<String>,
    /// The article's own language tag as given (for the `lang` attribute).
    pub lang: Option<String>,
    pub section: Option<String>,
    pub lede: Option<RichText>,
    pub updated: Option<DateTime>,
    pub authors: Vec<Author>,
    pub publisher: Option<Publisher>,
    pub image: Option<Image>,
    pub related: Vec<RelatedArticle>,
    pub latest: Vec<LatestItem>,
    pub ai_disclosure: Option<AiDisclosure>,
    pub access: Option<Access>,
    pub notifications: Option<Notifications>,
    pub share: Option<Share>,
    /// UI strings to use instead of the built-in ones, by key.
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

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

/// A picture: the hero image or an image block.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// `None` when the source failed the allow-list: the caption still shows.
    pub src: Option<String>,
    pub alt: String,
    pub caption: Option<RichText>,
    pub credit: Option<String>,
    pub width: Option<u32>,
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

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub text: RichText,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub text: RichText,
    /// 2, 3 or 4: the page's `h1` is the headline.
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub text: RichText,
    pub cite: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub items: Vec<RichText>,
    pub ordered: bool,
}

/// An inline "Read also:" link to another article.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAlso {
    pub title: String,
    /// `None` when the URL failed the allow-list: the title shows as text.
    pub url: Option<String>,
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelatedArticle {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub image: Option<String>,
    pub section: Option<String>,
    pub published: Option<DateTime>,
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LatestItem {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<DateTime>,
}

/// How AI took part in making the article, shown in the AI badge.
#[derive(Clone, Debug, PartialEq)]
pub struct AiDisclosure {
    /// Shown verbatim.
    pub text: String,
    /// An IPTC digital source type, by name or by its full URI.
    pub source_type: Option<String>,
    /// The newsroom responsible for the content.
    pub reviewed_by: Option<String>,
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
#[derive(Clone, Debug, PartialEq)]
pub struct Access {
    pub model: AccessModel,
    pub free_articles: u32,
    pub period_days: u32,
    pub teaser_blocks: u32,
    pub subscribe_url: Option<String>,
    pub donate_url: Option<String>,
    pub login_url: Option<String>,
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AccessModel {
    #[default]
    Free,
    Metered,
    Premium,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notifications {
    pub topics: Vec<Topic>,
    pub prompt: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Share {
    /// Network names as given; names this version does not know are left
    /// for the share button to skip.
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
    let value = json::parse(json).map_err(ParseError::syntax)?;
    let mut warnings = Vec::new();
    let article = read::article(&value, &mut warnings)?;
    Ok(Parsed { article, warnings })
}

const KNOWN_BLOCK_TYPES: &[&str] = &["paragraph", "heading", "image", "quote", "list", "readAlso"];

#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod tests;
