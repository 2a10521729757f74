//! Format v1 of article-widget: the article as serde types, the rules that
//! read it (from a JavaScript value in the browser, from JSON text natively),
//! the one URL allow-list, dates, inline markup and the JSON-LD a page
//! carries for crawlers. Plain Rust with no browser in it, tested natively;
//! every other stage (the widget, the server renderer, the feed converters,
//! the push sender) depends on it, and it depends on none of them.
//!
//! ```
//! use article_format::{parse_article, to_json_text, Block};
//!
//! let parsed = parse_article(
//!     r#"{"id": "a1", "title": "Ferry back", "published": "2026-11-21T06:10:00+00:00",
//!         "body": [{"type": "paragraph", "text": "The **night ferry** runs again."}]}"#,
//! )
//! .expect("a valid article");
//! let article = parsed.article;
//! assert!(matches!(article.body[0], Block::Paragraph(_)));
//! // Written back as format v1, and read back the same.
//! let again = parse_article(&to_json_text(&article)).unwrap().article;
//! assert_eq!(again, article);
//! ```

pub mod date;
pub(crate) mod de;
mod error;
mod inline;
mod lenient;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod reader_rules;
mod relative;
#[cfg(any(test, feature = "test-support"))]
pub mod safety;
mod share;
mod structured_data;
mod url;

pub use date::DateTime;
pub use de::ObjectOnly;
pub use error::{quoted, ParseError};
pub use inline::{push_plain, Inline, RichText};
pub use share::{encode_component, share_link, share_networks, ShareData, ShareNetwork};
pub use structured_data::{
    escape_for_script, news_article_json_ld, NewsArticleLd, PAYWALLED_CLASS,
};
pub use url::{is_relative, safe_url, UrlUse};

use serde::{Deserialize, Serialize};
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

    /// The language's code: `en`, `nb`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        }
    }

    /// The language's locale tag, as `Intl` names it (`en-GB`, `nb-NO`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Nb => "nb-NO",
        }
    }
}

/// A whole article, validated. Reading it (from a JS value in the browser,
/// from JSON text natively) applies the rules of `docs/format-v1.md`: unknown
/// fields are ignored, `null` counts as absent, URLs that fail the allow-list
/// are dropped with their text kept.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", expecting = "an article object")]
pub struct Article {
    /// At most 256 characters.
    #[serde(deserialize_with = "de::article_id")]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(length(max = 256)))]
    pub id: String,
    /// The headline: not empty, not only spaces.
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(regex(pattern = r"\S"))
    )]
    pub title: String,
    pub published: DateTime,
    pub body: Vec<Block>,
    /// The article's canonical address: absolute `https:` or `http:`.
    #[serde(
        default,
        deserialize_with = "de::canonical_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// The article's own language tag as given (for the `lang` attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lede: Option<RichText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime>,
    #[serde(
        default,
        deserialize_with = "lenient::authors",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<Author>,
    #[serde(
        default,
        deserialize_with = "lenient::publisher",
        skip_serializing_if = "Option::is_none"
    )]
    pub publisher: Option<Publisher>,
    #[serde(
        default,
        deserialize_with = "lenient::image",
        skip_serializing_if = "Option::is_none"
    )]
    pub image: Option<Image>,
    #[serde(
        default,
        deserialize_with = "lenient::related",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub related: Vec<RelatedArticle>,
    #[serde(
        default,
        deserialize_with = "lenient::latest",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub latest: Vec<LatestItem>,
    #[serde(
        default,
        deserialize_with = "de::optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub ai_disclosure: Option<AiDisclosure>,
    #[serde(
        default,
        deserialize_with = "de::optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    pub access: Option<Access>,
    #[serde(
        default,
        deserialize_with = "lenient::notifications",
        skip_serializing_if = "Option::is_none"
    )]
    pub notifications: Option<Notifications>,
    #[serde(
        default,
        deserialize_with = "lenient::share",
        skip_serializing_if = "Option::is_none"
    )]
    pub share: Option<Share>,
    /// UI strings to use instead of the built-in ones, by key.
    #[serde(
        default,
        deserialize_with = "lenient::strings",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
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

    /// The direction the article's language is written in: `"rtl"` for
    /// Arabic, Hebrew, Persian, Urdu and the other right-to-left languages,
    /// else `"ltr"` (for the `dir` attribute).
    pub fn direction(&self) -> &'static str {
        const RIGHT_TO_LEFT: [&str; 14] = [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
        ];
        let primary = self
            .lang
            .as_deref()
            .and_then(|tag| tag.split(['-', '_']).next())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if RIGHT_TO_LEFT.contains(&primary.as_str()) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The blocks this version shows (unknown types left out).
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.body.iter().filter(|block| block.is_shown())
    }

    /// The article as sent to a reader who may read only its teaser: the
    /// first `teaser_blocks` blocks shown, nothing of the rest.
    pub fn teaser(&self, teaser_blocks: usize) -> Article {
        Article {
            body: self.blocks().take(teaser_blocks).cloned().collect(),
            ..self.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "an author object with a \"name\"")]
pub struct Author {
    pub name: String,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a publisher object with a \"name\"")]
pub struct Publisher {
    pub name: String,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::image_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub logo: Option<String>,
}

/// A picture: the hero image or an image block.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "an image object with \"src\" and \"alt\"")]
pub struct Image {
    /// `None` when the source failed the allow-list: the caption still shows.
    #[serde(
        deserialize_with = "de::required_image_url",
        serialize_with = "refused_as_empty"
    )]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    pub src: Option<String>,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<RichText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub width: Option<u32>,
    #[serde(
        default,
        deserialize_with = "de::whole",
        skip_serializing_if = "Option::is_none"
    )]
    pub height: Option<u32>,
}

/// One block of the article body, by its `type`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Paragraph(Paragraph),
    Heading(Heading),
    Image(Image),
    Quote(Quote),
    List(List),
    ReadAlso(ReadAlso),
    /// A type this version does not know (a newer feed): skipped with a
    /// warning naming its place, never shown.
    #[serde(untagged)]
    Unknown(UnknownBlock),
}

impl Block {
    /// Whether this version shows the block (unknown types are skipped).
    pub fn is_shown(&self) -> bool {
        !matches!(self, Block::Unknown(_))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Paragraph {
    pub text: RichText,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Heading {
    pub text: RichText,
    /// 2, 3 or 4: the page's `h1` is the headline.
    #[serde(default)]
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(range(min = 2, max = 4))
    )]
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct Quote {
    pub text: RichText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct List {
    pub items: Vec<RichText>,
    #[serde(default)]
    pub ordered: bool,
}

/// An inline "Read also:" link to another article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct ReadAlso {
    pub title: String,
    /// `None` when the URL failed the allow-list: the title shows as text.
    #[serde(serialize_with = "refused_as_empty")]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    pub url: Option<String>,
    #[serde(default)]
    pub premium: bool,
}

/// A block of a type this version does not know.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownBlock {
    #[serde(rename = "type")]
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a related article object")]
pub struct RelatedArticle {
    pub id: String,
    pub title: String,
    #[serde(
        deserialize_with = "de::required_link",
        serialize_with = "refused_as_empty"
    )]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    pub url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::image_url",
        skip_serializing_if = "Option::is_none"
    )]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    #[serde(default, deserialize_with = "de::flag")]
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a latest-news object")]
pub struct LatestItem {
    pub id: String,
    pub title: String,
    #[serde(
        deserialize_with = "de::required_link",
        serialize_with = "refused_as_empty"
    )]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
}

/// How AI took part in making the article, shown in the AI badge.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(
    rename_all = "camelCase",
    expecting = "an aiDisclosure object with a \"text\""
)]
pub struct AiDisclosure {
    /// Shown verbatim.
    pub text: String,
    /// An IPTC digital source type, by name or by its full URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    /// The newsroom responsible for the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
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
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", expecting = "an access object")]
pub struct Access {
    #[serde(default, deserialize_with = "de::or_default")]
    pub model: AccessModel,
    #[serde(default = "de::five", deserialize_with = "de::whole_or::<5, _>")]
    pub free_articles: u32,
    #[serde(default = "de::thirty", deserialize_with = "de::whole_or::<30, _>")]
    pub period_days: u32,
    #[serde(default = "de::two", deserialize_with = "de::whole_or::<2, _>")]
    pub teaser_blocks: u32,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    pub subscribe_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    pub donate_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    pub login_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum AccessModel {
    #[default]
    Free,
    Metered,
    Premium,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a notifications object with \"topics\"")]
pub struct Notifications {
    #[serde(deserialize_with = "de::required_objects")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Web Push: with it the bell subscribes the reader itself.
    #[serde(
        default,
        deserialize_with = "lenient::push",
        skip_serializing_if = "Option::is_none"
    )]
    pub push: Option<Push>,
}

/// Where and how the bell subscribes a reader to Web Push (README,
/// "Notifications").
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Push {
    /// The sender's VAPID public key: an uncompressed P-256 point,
    /// base64url (87 characters, starting with `B`).
    pub vapid_public_key: String,
    /// Where the bell posts `{ subscription, topics, lang }`.
    pub subscribe_url: String,
    /// Where "turn off" posts `{ endpoint }` as DELETE; default
    /// `subscribeUrl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsubscribe_url: Option<String>,
    /// The worker's path on the page's own origin (browsers take no other).
    #[cfg_attr(
        all(test, not(target_arch = "wasm32")),
        schemars(default = "de::default_service_worker")
    )]
    pub service_worker: String,
    /// The worker's scope; default its own folder, so it never replaces a
    /// site's existing worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a topic object with \"id\" and \"label\"")]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a share object")]
pub struct Share {
    /// Network names as given; names this version does not know are left
    /// for the share button to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<String>>,
}

impl Push {
    /// The worker's scope: as given, else `article-widget-push/` beside the
    /// worker, a scope no site's own worker has, so registering never
    /// replaces it (push needs no pages in the scope).
    pub fn scope_or_default(&self) -> String {
        self.scope.clone().unwrap_or_else(|| {
            let folder = &self.service_worker[..=self.service_worker.rfind('/').unwrap_or(0)];
            format!("{folder}article-widget-push/")
        })
    }
}

/// An article and what was skipped while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    /// Things a newer feed may contain that this version skips (unknown block
    /// types, languages), each with its JSON path, for the console.
    pub warnings: Vec<String>,
}

/// The terms of the IPTC digital source type vocabulary
/// (<https://cv.iptc.org/newscodes/digitalsourcetype/>), retired ones too.
const DIGITAL_SOURCE_TYPES: &[&str] = &[
    "digitalCapture",
    "computationalCapture",
    "negativeFilm",
    "positiveFilm",
    "print",
    "humanEdits",
    "minorHumanEdits",
    "algorithmicallyEnhanced",
    "compositeCapture",
    "compositeSynthetic",
    "compositeWithTrainedAlgorithmicMedia",
    "dataDrivenMedia",
    "digitalArt",
    "digitalCreation",
    "virtualRecording",
    "screenCapture",
    "algorithmicMedia",
    "trainedAlgorithmicMedia",
    "softwareImage",
];

fn is_digital_source_type(name: &str) -> bool {
    DIGITAL_SOURCE_TYPES.contains(&name)
}

/// One warning per kind of thing skipped, with a count and the first few
/// places, however many there are (a million unknown blocks must not write a
/// million console lines). `items` are (kind, path) in document order.
pub fn summarise<'a>(
    prefix: &str,
    items: impl Iterator<Item = (&'a str, String)>,
    describe: impl Fn(&str, usize) -> String,
) -> Vec<String> {
    const SHOWN: usize = 3;
    const KINDS: usize = 8;
    let mut kinds: Vec<(&str, usize, Vec<String>)> = Vec::new();
    let mut others = 0;
    for (kind, path) in items {
        match kinds.iter().position(|(k, _, _)| *k == kind) {
            Some(at) => {
                let (_, count, paths) = &mut kinds[at];
                *count += 1;
                if paths.len() < SHOWN {
                    paths.push(path);
                }
            }
            // A feed could invent a million kinds: past a few, just count.
            None if kinds.len() >= KINDS => others += 1,
            None => kinds.push((kind, 1, vec![path])),
        }
    }
    let mut summary: Vec<String> = kinds
        .into_iter()
        .map(|(kind, count, paths)| {
            let more = if count > paths.len() { ", …" } else { "" };
            match count {
                1 => format!("{}: {}", paths[0], describe(kind, 1)),
                _ => format!(
                    "{prefix}: {} ({}{more})",
                    describe(kind, count),
                    paths.join(", ")
                ),
            }
        })
        .collect();
    if others > 0 {
        summary.push(format!("{prefix}: {others} more of other kinds skipped"));
    }
    summary
}

/// A required URL that failed the allow-list is written as `""`, which reads
/// back as refused too.
fn refused_as_empty<S: serde::Serializer>(url: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(url.as_deref().unwrap_or_default())
}

/// One warning per part left out, for the first few; then how many more.
fn left_out_warnings(left_out: &[ParseError]) -> Vec<String> {
    const SHOWN: usize = 5;
    let mut warnings: Vec<String> = left_out
        .iter()
        .take(SHOWN)
        .map(|error| format!("{error}; left out"))
        .collect();
    if left_out.len() > SHOWN {
        warnings.push(format!(
            "{} more mistakes in optional parts; those parts left out",
            left_out.len() - SHOWN
        ));
    }
    warnings
}

/// Keeps the first item of each id in `items` (a card twice is a mistake,
/// and ids key the list); one warning for the dropped ones.
fn drop_repeated_ids<T>(
    list: &str,
    items: &mut Vec<T>,
    id_of: impl Fn(&T) -> &String,
) -> Vec<String> {
    let mut seen = fnv::FnvHashSet::default();
    let mut dropped = Vec::new();
    let mut index = 0;
    items.retain(|item| {
        let first = seen.insert(id_of(item).clone());
        if !first {
            dropped.push((id_of(item).clone(), format!("{list}[{index}]")));
        }
        index += 1;
        first
    });
    summarise(
        list,
        dropped.iter().map(|(id, path)| (id.as_str(), path.clone())),
        |id, count| match count {
            1 => format!("id {} repeated; the later one left out", quoted(id)),
            _ => format!(
                "id {} repeated {count} times; the later ones left out",
                quoted(id)
            ),
        },
    )
}

/// Reads an article with any serde deserializer (a JS value through
/// serde-wasm-bindgen in the browser, JSON through serde_json natively);
/// every error names its JSON path.
pub fn read_article<'de, D>(deserializer: D) -> Result<Parsed, ParseError>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let (read, left_out) = lenient::gathering_left_out(|| {
        serde_path_to_error::deserialize::<_, de::ObjectOnly<Article>>(deserializer)
    });
    let de::ObjectOnly(mut article) = read.map_err(ParseError::from_path)?;
    if article.title.trim().is_empty() {
        return Err(ParseError::new(
            "title",
            format!(
                "expected a headline, found {}",
                if article.title.is_empty() {
                    "an empty string"
                } else {
                    "only spaces"
                }
            ),
        ));
    }
    let mut warnings = left_out_warnings(&left_out);
    warnings.extend(drop_repeated_ids("related", &mut article.related, |r| {
        &r.id
    }));
    warnings.extend(drop_repeated_ids("latest", &mut article.latest, |l| &l.id));
    if let Some(tag) = article.lang.as_deref() {
        if Lang::from_tag(tag).is_none() {
            warnings.push(format!(
                "lang: {} has no UI strings here; showing English",
                quoted(tag)
            ));
        }
    }
    if let Some(ai) = article.ai_disclosure.as_mut() {
        if let Some(name) = ai
            .source_type_name()
            .filter(|name| !is_digital_source_type(name))
        {
            warnings.push(format!(
                "aiDisclosure.sourceType: {} is not an IPTC digital source type; left out",
                quoted(name)
            ));
            ai.source_type = None;
        }
    }
    let unknown: Vec<(usize, &str)> = article
        .body
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Unknown(unknown) => Some((index, unknown.type_name.as_str())),
            _ => None,
        })
        .collect();
    warnings.extend(summarise(
        "body",
        unknown
            .iter()
            .map(|(index, name)| (*name, format!("body[{index}]"))),
        |name, count| match count {
            1 => format!("unknown block type {} skipped", quoted(name)),
            _ => format!("{count} blocks of unknown type {} skipped", quoted(name)),
        },
    ));
    Ok(Parsed { article, warnings })
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{parse_article, parse_json_text, read_json_value, to_json_text};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod schema;

// Natively: they read JSON text with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod hostile_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
