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

#![deny(missing_docs)]

pub mod date;
pub(crate) mod de;
mod error;
mod inline;
mod lang;
mod lenient;
#[cfg(not(target_arch = "wasm32"))]
mod native;
mod read;
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
pub use lang::Lang;
pub use read::{
    read_article, read_article_quickly, summarise, within_document_limit, NeedsPath, Parsed,
    MAX_DOCUMENT_CHARS,
};
pub use share::{encode_component, share_link, share_networks, ShareData, ShareNetwork};
pub use structured_data::{
    escape_for_script, news_article_json_ld, paywalled_from, NewsArticleLd, PAYWALLED_CLASS,
};
pub use url::{is_relative, safe_url, UrlUse};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// When the article was first published (RFC 3339). Feeds without any
    /// date (some Apple News documents) leave it out: no dateline shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime>,
    /// The body, block by block; unknown block types are kept as `Block::Unknown` and skipped.
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
    /// The section kicker above the headline, such as "Politics".
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The lede below the headline, in inline markup.
    pub lede: Option<RichText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// When the article was last changed (RFC 3339).
    pub updated: Option<DateTime>,
    #[serde(
        default,
        deserialize_with = "lenient::authors",
        skip_serializing_if = "Vec::is_empty"
    )]
    /// The byline; a wrong author is left out with a warning.
    pub authors: Vec<Author>,
    #[serde(
        default,
        deserialize_with = "lenient::publisher",
        skip_serializing_if = "Option::is_none"
    )]
    /// Who publishes the article (for the JSON-LD and the byline).
    pub publisher: Option<Publisher>,
    #[serde(
        default,
        deserialize_with = "lenient::image",
        skip_serializing_if = "Option::is_none"
    )]
    /// The hero picture.
    pub image: Option<Image>,
    #[serde(
        default,
        deserialize_with = "lenient::related",
        skip_serializing_if = "Vec::is_empty"
    )]
    /// Related-article cards, each id at most once.
    pub related: Vec<RelatedArticle>,
    #[serde(
        default,
        deserialize_with = "lenient::latest",
        skip_serializing_if = "Vec::is_empty"
    )]
    /// The "Latest news" list, each id at most once.
    pub latest: Vec<LatestItem>,
    #[serde(
        default,
        deserialize_with = "de::optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    /// How AI was involved in making the article (the badge).
    pub ai_disclosure: Option<AiDisclosure>,
    #[serde(
        default,
        deserialize_with = "de::optional_object",
        skip_serializing_if = "Option::is_none"
    )]
    /// How the article may be read: free, metered or premium.
    pub access: Option<Access>,
    #[serde(
        default,
        deserialize_with = "lenient::notifications",
        skip_serializing_if = "Option::is_none"
    )]
    /// The notification bell's topics, prompt and Web Push settings.
    pub notifications: Option<Notifications>,
    #[serde(
        default,
        deserialize_with = "lenient::share",
        skip_serializing_if = "Option::is_none"
    )]
    /// Which networks the share button offers.
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

    /// The article with `push` as its push settings when it offers topics
    /// and has none of its own (a site's settings, given once); else as it is.
    pub fn with_push_default(
        self: std::sync::Arc<Self>,
        push: Option<Push>,
    ) -> std::sync::Arc<Self> {
        match (&self.notifications, push) {
            (Some(notifications), Some(push)) if notifications.push.is_none() => {
                let mut article = Article::clone(&self);
                if let Some(notifications) = article.notifications.as_mut() {
                    notifications.push = Some(push);
                }
                std::sync::Arc::new(article)
            }
            _ => self,
        }
    }

    /// `ui`, when UI words in it are foreign to the article's own language
    /// (English words in an Arabic or Hebrew article): they are then marked
    /// with their own language and direction.
    pub fn ui_lang_if_foreign(&self, ui: Lang) -> Option<Lang> {
        let own = Lang::from_tag(self.lang.as_deref().unwrap_or("en"));
        (own != Some(ui)).then_some(ui)
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
/// A person, desk or organisation (a news agency) in the byline.
pub struct Author {
    /// The name as the byline shows it.
    pub name: String,
    #[serde(
        default,
        deserialize_with = "de::or_default",
        skip_serializing_if = "AuthorKind::is_person"
    )]
    /// Whether the name is a person's or an organisation's (`"person"` when absent).
    pub kind: AuthorKind,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    /// The author's page: a link that passes the allow-list.
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a publisher object with a \"name\"")]
/// The organisation that publishes the article.
pub struct Publisher {
    /// The publisher's name.
    pub name: String,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    /// The publisher's home page.
    pub url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::image_url",
        skip_serializing_if = "Option::is_none"
    )]
    /// The publisher's logo (for the JSON-LD).
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
    /// The text alternative; empty only for a picture that adds nothing to the text.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The caption under the picture, in inline markup.
    pub caption: Option<RichText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Who took or owns the picture.
    pub credit: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::whole",
        skip_serializing_if = "Option::is_none"
    )]
    /// The picture's width in pixels, which keeps its space while it loads.
    pub width: Option<u32>,
    #[serde(
        default,
        deserialize_with = "de::whole",
        skip_serializing_if = "Option::is_none"
    )]
    /// The picture's height in pixels, which keeps its space while it loads.
    pub height: Option<u32>,
}

/// One block of the article body, by its `type`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    /// A paragraph of text.
    Paragraph(Paragraph),
    /// A subheading.
    Heading(Heading),
    /// A picture in the body.
    Image(Image),
    /// A pull quote or a quotation, with who said it.
    Quote(Quote),
    /// A bulleted or numbered list.
    List(List),
    /// A "Read also" link to another article.
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
/// A paragraph of the body.
pub struct Paragraph {
    /// The text, in inline markup.
    pub text: RichText,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
/// A subheading of the body.
pub struct Heading {
    /// The heading's text, in inline markup.
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
/// A quotation in the body.
pub struct Quote {
    /// What was said, in inline markup.
    pub text: RichText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Who said it.
    pub cite: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
/// A list in the body.
pub struct List {
    /// The items, each in inline markup.
    pub items: Vec<RichText>,
    #[serde(default)]
    /// Numbered (true) or bulleted (false).
    pub ordered: bool,
}

/// An inline "Read also:" link to another article.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
pub struct ReadAlso {
    /// The linked article's headline.
    pub title: String,
    /// `None` when the URL failed the allow-list: the title shows as text.
    #[serde(serialize_with = "refused_as_empty")]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    pub url: Option<String>,
    #[serde(default)]
    /// Whether the linked article is for subscribers.
    pub premium: bool,
}

/// A block of a type this version does not know.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnknownBlock {
    #[serde(rename = "type")]
    /// The block's `type` as given.
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a related article object")]
/// A card for a related article.
pub struct RelatedArticle {
    /// The related article's id, unique in the list.
    pub id: String,
    /// The related article's headline.
    pub title: String,
    #[serde(
        deserialize_with = "de::required_link",
        serialize_with = "refused_as_empty"
    )]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    /// Where the card links to.
    pub url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::image_url",
        skip_serializing_if = "Option::is_none"
    )]
    /// The card's picture.
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The related article's section.
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// When the related article was published.
    pub published: Option<DateTime>,
    #[serde(default, deserialize_with = "de::flag")]
    /// Whether the related article is for subscribers.
    pub premium: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a latest-news object")]
/// An item of the "Latest news" list.
pub struct LatestItem {
    /// The item's id, unique in the list.
    pub id: String,
    /// The item's headline.
    pub title: String,
    #[serde(
        deserialize_with = "de::required_link",
        serialize_with = "refused_as_empty"
    )]
    #[cfg_attr(all(test, not(target_arch = "wasm32")), schemars(with = "String"))]
    /// Where the item links to.
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// When the item was published.
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
    /// The publisher's policy on AI, linked from the badge.
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
    /// Free, metered or premium.
    pub model: AccessModel,
    #[serde(default = "de::five", deserialize_with = "de::whole_or::<5, _>")]
    /// Metered: how many articles a reader may read free in a period.
    pub free_articles: u32,
    #[serde(default = "de::thirty", deserialize_with = "de::whole_or::<30, _>")]
    /// Metered: the period's length in days.
    pub period_days: u32,
    #[serde(default = "de::two", deserialize_with = "de::whole_or::<2, _>")]
    /// Premium: how many body blocks a reader without a subscription sees.
    pub teaser_blocks: u32,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where a reader subscribes.
    pub subscribe_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where a reader donates.
    pub donate_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "de::link",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where a subscriber logs in.
    pub login_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The wall's or the donation prompt's message, instead of the widget's own.
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
/// Who a byline name is: structured data calls it a `Person` or an `Organization`.
pub enum AuthorKind {
    #[default]
    /// A person (or a desk a person signs for).
    Person,
    /// An organisation credited as author, such as a news agency.
    Organization,
}

impl AuthorKind {
    /// Whether this is the default kind, left out when written.
    pub fn is_person(&self) -> bool {
        *self == AuthorKind::Person
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
/// How an article may be read.
pub enum AccessModel {
    #[default]
    /// Everyone reads it whole; a donation prompt follows it.
    Free,
    /// A reader reads a number of articles free in a period, then sees the wall.
    Metered,
    /// Only subscribers read past the teaser.
    Premium,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a notifications object with \"topics\"")]
/// The notification bell: the topics a reader may follow.
pub struct Notifications {
    #[serde(deserialize_with = "de::required_objects")]
    /// The topics offered in the bell's prompt.
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The prompt's text, instead of the widget's own.
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

impl Push {
    /// Push settings given apart from an article (a site's, on the
    /// element), checked by the rules `notifications.push` is read with;
    /// the error's path is the field (`subscribeUrl`).
    pub fn new(
        vapid_public_key: String,
        subscribe_url: String,
        unsubscribe_url: Option<String>,
        service_worker: Option<String>,
    ) -> Result<Push, ParseError> {
        de::checked_push(Push {
            vapid_public_key,
            subscribe_url,
            unsubscribe_url,
            service_worker: service_worker.unwrap_or_else(de::default_service_worker),
            scope: None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a topic object with \"id\" and \"label\"")]
/// A topic a reader may follow with the bell.
pub struct Topic {
    /// The topic's id, sent to the subscription service.
    pub id: String,
    /// The topic's name as the prompt shows it.
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(expecting = "a share object")]
/// The share button's settings.
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

/// A required URL that failed the allow-list is written as `""`, which reads
/// back as refused too.
fn refused_as_empty<S: serde::Serializer>(url: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(url.as_deref().unwrap_or_default())
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
