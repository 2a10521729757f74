//! IPTC ninjs, News in JSON: 3.x (camelCase), 2.x (lower case) and the
//! 1.x fields agencies still send (`headline`, `body_html`, maps of
//! associations and renditions). Fields not below are ignored.

use super::dates::{optional_date, publication_date};
use super::html::{blocks, inline_markup, HtmlParser};
use super::v1::{AiDisclosure, Article, Author, Block, Image};
use super::{non_empty, required, Dropped};
use article_format::ParseError;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(expecting = "a ninjs news item object")]
pub struct Item {
    /// `text`, or a kind with no article text (`picture`, `video` …).
    #[serde(rename = "type")]
    kind: Option<String>,
    uri: Option<String>,
    guid: Option<String>,
    /// ninjs 1.x.
    headline: Option<String>,
    /// A short name for the item: the headline when there is no other.
    title: Option<String>,
    #[serde(default)]
    headlines: Vec<Text>,
    body_html: Option<String>,
    body_text: Option<String>,
    #[serde(default)]
    bodies: Vec<Body>,
    description_text: Option<String>,
    description_html: Option<String>,
    #[serde(default)]
    descriptions: Vec<Text>,
    #[serde(alias = "by")]
    byline: Option<String>,
    #[serde(default)]
    people: Vec<Person>,
    #[serde(alias = "firstCreated")]
    firstcreated: Option<String>,
    #[serde(alias = "contentCreated")]
    contentcreated: Option<String>,
    #[serde(alias = "versionCreated")]
    versioncreated: Option<String>,
    language: Option<String>,
    #[serde(alias = "subjects", default)]
    subject: Vec<Subject>,
    #[serde(default)]
    associations: ListOrMap<Association>,
    #[serde(alias = "digitalSourceType")]
    digitalsourcetype: Option<SourceType>,
    /// ninjs 1.x allows `headline_*`, `body_*` and `description_*` beyond
    /// the named ones (`body_xhtml`, `headline_en` …): read from here.
    #[serde(flatten)]
    other: BTreeMap<String, serde_json::Value>,
}

/// Item types that carry no article text: refused with their type named.
const NOT_TEXT: &[&str] = &[
    "picture",
    "audio",
    "video",
    "graphic",
    "event",
    "planning",
    "collection",
];

impl Item {
    /// The first string among the 1.x fields named `{prefix}*`, with its
    /// field name.
    fn variant(&self, prefix: &str) -> Option<(String, String)> {
        self.other.iter().find_map(|(name, value)| {
            let text = value.as_str()?.trim();
            (name.starts_with(prefix) && !text.is_empty()).then(|| (name.clone(), text.to_owned()))
        })
    }
}

#[derive(Deserialize)]
struct Text {
    value: String,
    role: Option<String>,
    #[serde(alias = "contentType")]
    contenttype: Option<String>,
}

#[derive(Deserialize)]
struct Body {
    value: String,
    #[serde(alias = "contentType")]
    contenttype: Option<String>,
}

#[derive(Deserialize)]
struct Person {
    name: Option<String>,
    rel: Option<String>,
    role: Option<String>,
}

#[derive(Deserialize)]
struct Subject {
    name: Option<String>,
}

/// ninjs 2 and 3 list associations and renditions (each with a `name`);
/// 1.x keys them by name.
#[derive(Deserialize)]
#[serde(untagged)]
enum ListOrMap<T> {
    List(Vec<T>),
    Map(BTreeMap<String, T>),
}

impl<T> Default for ListOrMap<T> {
    fn default() -> Self {
        ListOrMap::List(Vec::new())
    }
}

impl<T> ListOrMap<T> {
    fn into_vec(self) -> Vec<T> {
        match self {
            ListOrMap::List(list) => list,
            ListOrMap::Map(map) => map.into_values().collect(),
        }
    }
}

impl ListOrMap<Rendition> {
    /// Each rendition with its name (the map's key, or its `name`).
    fn into_named(self) -> Vec<(String, Rendition)> {
        match self {
            ListOrMap::List(list) => list
                .into_iter()
                .map(|r| (r.name.clone().unwrap_or_default(), r))
                .collect(),
            ListOrMap::Map(map) => map.into_iter().collect(),
        }
    }
}

#[derive(Deserialize)]
struct Association {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    renditions: ListOrMap<Rendition>,
    #[serde(alias = "by")]
    byline: Option<String>,
    description_text: Option<String>,
    #[serde(default)]
    descriptions: Vec<Text>,
    /// ninjs 1.x pictures carry their caption here.
    body_text: Option<String>,
    headline: Option<String>,
}

#[derive(Deserialize, Clone)]
struct Rendition {
    name: Option<String>,
    href: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
}

/// A name or URI, or (ninjs 3) an object with one.
#[derive(Deserialize)]
#[serde(untagged)]
enum SourceType {
    Text(String),
    Object {
        uri: Option<String>,
        name: Option<String>,
    },
}

/// IPTC digital source types that say AI or an algorithm made the content:
/// these become the AI badge. Others (a camera, a human) need no badge.
const MADE_BY_MACHINE: &[&str] = &[
    "trainedAlgorithmicMedia",
    "compositeWithTrainedAlgorithmicMedia",
    "algorithmicMedia",
    "compositeSynthetic",
    "algorithmicallyEnhanced",
    "dataDrivenMedia",
];

pub fn convert(
    item: Item,
    html: &dyn HtmlParser,
    dropped: &mut Dropped,
) -> Result<Article, ParseError> {
    if let Some(kind) = item.kind.as_deref().filter(|kind| NOT_TEXT.contains(kind)) {
        return Err(ParseError::new(
            "type",
            format!("a {kind} item, not a text article"),
        ));
    }
    // ninjs 3 events carry `eventDetails` (and often no `type`).
    let is_event =
        item.other.contains_key("eventDetails") || item.other.contains_key("eventdetails");
    let has_body = item.body_html.is_some()
        || item.body_text.is_some()
        || !item.bodies.is_empty()
        || item.variant("body_").is_some();
    if is_event && !has_body {
        return Err(ParseError::new(
            "eventDetails",
            "an event item, not a text article",
        ));
    }
    let headline_variant = item.variant("headline_").map(|(_, text)| text);
    let body_variant = item.variant("body_");
    let description_variant = item.variant("description_");
    let id = required(item.uri.or(item.guid), "uri")?;
    let headline = item
        .headlines
        .iter()
        .find(|h| h.role.as_deref() == Some("main"))
        .or_else(|| item.headlines.first())
        .map(|h| h.value.clone())
        .or(item.headline)
        .or(headline_variant)
        .or(item.title);
    let title = required(headline, "headlines")?;
    let published = publication_date(
        &[
            ("firstcreated", item.firstcreated.as_deref()),
            ("contentcreated", item.contentcreated.as_deref()),
            ("versioncreated", item.versioncreated.as_deref()),
        ],
        dropped,
    );
    let html_body = item
        .bodies
        .iter()
        .find(|b| is_html(b.contenttype.as_deref()))
        .map(|b| b.value.clone())
        .or(item.body_html);
    let text_body = item
        .bodies
        .iter()
        .find(|b| !is_html(b.contenttype.as_deref()) && is_text(b.contenttype.as_deref()))
        .map(|b| b.value.clone())
        .or(item.body_text);
    let body = match (html_body, text_body, body_variant) {
        (Some(body), _, _) => blocks(&body, html, "bodies", Some(&title), dropped),
        (None, Some(text), _) => text_paragraphs(&text),
        // `body_xhtml`, `body_richhtml` …: markup; any other, text.
        (None, None, Some((field, body))) if field.contains("html") => {
            blocks(&body, html, &field, Some(&title), dropped)
        }
        (None, None, Some((_, text))) => text_paragraphs(&text),
        // A flash or a notice: the headline and its description, if any.
        (None, None, None) => Vec::new(),
    };
    let no_body = body.is_empty();
    let lede = item
        .descriptions
        .iter()
        .find(|d| {
            d.role.as_deref().is_none_or(|r| {
                let r = r.rsplit([':', '/']).next().unwrap_or(r);
                matches!(r, "summary" | "text" | "lead" | "abstract" | "description")
            })
        })
        .map(|d| match is_html(d.contenttype.as_deref()) {
            true => inline_markup(&d.value, html, "descriptions", dropped),
            false => super::html::escape(&super::html::collapse_spaces(&d.value)),
        })
        .or_else(|| {
            item.description_html
                .map(|d| inline_markup(&d, html, "description_html", dropped))
        })
        .or_else(|| {
            item.description_text
                .map(|d| super::html::escape(&super::html::collapse_spaces(&d)))
        })
        .or_else(|| {
            description_variant.map(|(field, d)| match field.contains("html") {
                true => inline_markup(&d, html, &field, dropped),
                false => super::html::escape(&super::html::collapse_spaces(&d)),
            })
        })
        .and_then(non_empty);
    if no_body {
        if lede.is_none() {
            return Err(ParseError::new(
                "bodies",
                "no text/html or text/plain body, and no description",
            ));
        }
        dropped.say("bodies", "missing: the headline and description only");
    }
    let authors = match item.byline.and_then(non_empty) {
        Some(byline) => super::bylines::authors(&byline),
        None => item
            .people
            .into_iter()
            .filter(|p| {
                [p.rel.as_deref(), p.role.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|r| r.contains("author") || r.contains("creator"))
            })
            .filter_map(|p| Some(Author::person(non_empty(p.name?)?, None)))
            .collect(),
    };
    // Every picture, in order: the first is the article's, the others
    // follow the text.
    let mut pictures = item
        .associations
        .into_vec()
        .into_iter()
        .filter(|a| matches!(a.kind.as_deref(), Some("picture" | "graphic")))
        .filter_map(picture);
    let image = pictures.next();
    let mut body = body;
    body.extend(pictures.map(Block::Image));
    let lang = item.language.and_then(non_empty);
    let ai_disclosure = item.digitalsourcetype.and_then(|source| {
        let given = match source {
            SourceType::Text(text) => text,
            SourceType::Object { uri, name } => uri.or(name)?,
        };
        let name = given.rsplit('/').next().unwrap_or(&given).trim().to_owned();
        if MADE_BY_MACHINE.contains(&name.as_str()) {
            let norwegian = lang.as_deref().is_some_and(|l| {
                let l = l.to_ascii_lowercase();
                l.starts_with("nb") || l.starts_with("nn") || l.starts_with("no")
            });
            Some(AiDisclosure {
                text: if norwegian {
                    "Nyhetsbyrået oppgir at innholdet er laget med en algoritme eller kunstig intelligens.".into()
                } else {
                    "The news agency states that this content was made with an algorithm or AI.".into()
                },
                source_type: name,
            })
        } else {
            dropped.note(
                "digitalsourcetype",
                &format!("{name} (made by people: no AI badge)"),
            );
            None
        }
    });
    Ok(Article {
        id,
        title,
        published,
        updated: optional_date(item.versioncreated.as_deref(), "versioncreated", dropped),
        body,
        lang,
        section: item
            .subject
            .into_iter()
            .find_map(|s| s.name.and_then(non_empty)),
        lede,
        authors,
        image,
        ai_disclosure,
        ..Article::default()
    })
}

/// HTML, XHTML, or NITF's XML (its `p`, `hl2`, `block` read by the HTML
/// mapping: unknown elements keep their text).
fn is_html(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("html") || t.contains("nitf") || t.ends_with("+xml")
    })
}

fn is_text(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|t| t.starts_with("text/plain"))
}

/// Plain text: paragraphs split on blank lines (a line each when there are
/// none, as agencies send them).
pub fn text_paragraphs(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let parts: Vec<&str> = if text.contains("\n\n") {
        text.split("\n\n").collect()
    } else {
        text.split('\n').collect()
    };
    parts
        .into_iter()
        .map(|part| super::html::escape(&super::html::collapse_spaces(part)))
        .filter(|text| !text.is_empty())
        .map(|text| Block::Paragraph { text })
        .collect()
}

/// The width a page's main picture needs (a phone at 3x, a column at 2x).
const PAGE_WIDTH: u32 = 2048;

fn picture(association: Association) -> Option<Image> {
    // The rendition fit for a page: the one closest to PAGE_WIDTH wide,
    // never the original (often 6,000 px and megabytes) when there are
    // others; one without a width only when nothing else has one.
    let renditions: Vec<(String, Rendition)> = association
        .renditions
        .into_named()
        .into_iter()
        .filter(|(_, r)| r.href.as_deref().is_some_and(|h| !h.trim().is_empty()))
        .collect();
    let is_original = |name: &str| {
        let name = name.to_ascii_lowercase();
        name == "original" || name == "source" || name == "highres"
    };
    let choices: Vec<&Rendition> = if renditions.iter().any(|(name, _)| !is_original(name)) {
        renditions
            .iter()
            .filter(|(name, _)| !is_original(name))
            .map(|(_, r)| r)
            .collect()
    } else {
        renditions.iter().map(|(_, r)| r).collect()
    };
    let rendition = choices
        .iter()
        .min_by_key(|r| match r.width {
            Some(width) => u64::from(width.abs_diff(PAGE_WIDTH)),
            None => u64::MAX,
        })
        .copied()
        .cloned()?;
    let text_of = |role: &str| {
        association
            .descriptions
            .iter()
            .find(|d| d.role.as_deref().is_some_and(|r| r.ends_with(role)))
            .map(|d| d.value.clone())
    };
    let description = text_of("caption")
        .or_else(|| {
            association
                .descriptions
                .iter()
                .find(|d| d.role.as_deref().is_none_or(|r| !r.ends_with("alt")))
                .map(|d| d.value.clone())
        })
        .or(association.description_text)
        .or(association.body_text)
        .and_then(non_empty);
    Some(Image {
        src: rendition.href?.trim().to_owned(),
        alt: text_of("alt")
            .or(description.clone())
            .or(association.headline)
            .map(|alt| super::html::collapse_spaces(&alt))
            .unwrap_or_default(),
        caption: description.map(|d| super::html::escape(&super::html::collapse_spaces(&d))),
        credit: association.byline.and_then(non_empty),
        width: rendition.width,
        height: rendition.height,
    })
}
