//! IPTC ninjs, News in JSON: 3.x (camelCase), 2.x (lower case) and the
//! 1.x fields agencies still send (`headline`, `body_html`, maps of
//! associations and renditions). Fields not below are ignored.

use super::html::{blocks, inline_markup, HtmlParser};
use super::v1::{AiDisclosure, Article, Author, Block, Image};
use super::{non_empty, required, with_offset, Dropped};
use article_format::ParseError;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(expecting = "a ninjs news item object")]
pub struct Item {
    uri: Option<String>,
    guid: Option<String>,
    /// ninjs 1.x.
    headline: Option<String>,
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
    #[serde(alias = "versionCreated")]
    versioncreated: Option<String>,
    language: Option<String>,
    #[serde(alias = "subjects", default)]
    subject: Vec<Subject>,
    #[serde(default)]
    associations: ListOrMap<Association>,
    #[serde(alias = "digitalSourceType")]
    digitalsourcetype: Option<SourceType>,
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
    let id = required(item.uri.or(item.guid), "uri")?;
    let headline = item
        .headlines
        .iter()
        .find(|h| h.role.as_deref() == Some("main"))
        .or_else(|| item.headlines.first())
        .map(|h| h.value.clone())
        .or(item.headline);
    let title = required(headline, "headlines")?;
    let published = with_offset(
        required(
            item.firstcreated.or_else(|| item.versioncreated.clone()),
            "firstcreated",
        )?,
        "firstcreated",
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
    let body = match (html_body, text_body) {
        (Some(body), _) => blocks(&body, html, "bodies", Some(&title), dropped),
        (None, Some(text)) => text_paragraphs(&text),
        (None, None) => return Err(ParseError::new("bodies", "no text/html or text/plain body")),
    };
    let lede = item
        .descriptions
        .iter()
        .find(|d| {
            d.role
                .as_deref()
                .is_none_or(|r| r == "summary" || r == "text")
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
        .and_then(non_empty);
    let authors = match item.byline.and_then(non_empty) {
        Some(byline) => vec![Author {
            name: byline,
            url: None,
        }],
        None => item
            .people
            .into_iter()
            .filter(|p| {
                [p.rel.as_deref(), p.role.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|r| r.contains("author") || r.contains("creator"))
            })
            .filter_map(|p| {
                Some(Author {
                    name: non_empty(p.name?)?,
                    url: None,
                })
            })
            .collect(),
    };
    let image = item
        .associations
        .into_vec()
        .into_iter()
        .filter(|a| a.kind.as_deref() == Some("picture"))
        .find_map(picture);
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
        updated: item
            .versioncreated
            .and_then(non_empty)
            .map(|date| with_offset(date, "versioncreated", dropped)),
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

fn is_html(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|t| t.contains("html"))
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

fn picture(association: Association) -> Option<Image> {
    // The widest with an address (the page scales it down).
    let rendition = association
        .renditions
        .into_vec()
        .into_iter()
        .filter(|r| r.href.as_deref().is_some_and(|h| !h.trim().is_empty()))
        .max_by_key(|r| r.width.unwrap_or(0))?;
    let description = association
        .descriptions
        .iter()
        .map(|d| d.value.clone())
        .next()
        .or(association.description_text)
        .or(association.body_text)
        .and_then(non_empty);
    Some(Image {
        src: rendition.href?.trim().to_owned(),
        alt: description
            .clone()
            .or(association.headline)
            .unwrap_or_default(),
        caption: description.map(|d| super::html::escape(&super::html::collapse_spaces(&d))),
        credit: association.byline.and_then(non_empty),
        width: rendition.width,
        height: rendition.height,
    })
}
