//! schema.org `NewsArticle` JSON-LD, as news sites put it in their pages:
//! one object, a list, or an `@graph` whose nodes refer to each other by
//! `@id` (an author or publisher given once, as Yoast SEO writes it).
//! Read straight from the JSON: schema.org lets almost every field be a
//! string, an object or a list of either.

use super::dates::{optional_date, publication_date};
use super::html::{blocks, collapse_spaces, escape, HtmlParser};
use super::ninjs::text_paragraphs;
use super::v1::{Access, Article, Author, Image, Publisher};
use super::{non_empty, required, Dropped};
use article_format::ParseError;
use article_format::{safe_url, UrlUse};
use serde_json::Value;
use std::collections::HashMap;

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "Report",
];

pub fn convert(
    document: Value,
    html: &dyn HtmlParser,
    dropped: &mut Dropped,
) -> Result<Article, ParseError> {
    let nodes: Vec<&Value> = match &document {
        Value::Array(items) => items
            .iter()
            .flat_map(|item| graph_of(item).unwrap_or_else(|| vec![item]))
            .collect(),
        other => graph_of(other).unwrap_or_else(|| vec![other]),
    };
    let graph = Graph::new(&nodes);
    let article = nodes
        .iter()
        .copied()
        .find(|node| types(node).any(|t| ARTICLE_TYPES.contains(&t)))
        .ok_or_else(|| {
            ParseError::new("@type", "no NewsArticle (or Article) node in the JSON-LD")
        })?;
    let field = |name: &str| article.get(name);
    let title = required(
        text(field("headline")).or_else(|| text(field("name"))),
        "headline",
    )?;
    let published = publication_date(
        &[
            ("datePublished", text(field("datePublished")).as_deref()),
            ("dateCreated", text(field("dateCreated")).as_deref()),
            ("dateModified", text(field("dateModified")).as_deref()),
        ],
        dropped,
    );
    // The page's address: `url`, else `mainEntityOfPage` (the WebPage
    // node it names, or its `@id`), never a node id such as `#webpage`.
    let url =
        page_url(field("url"), &graph).or_else(|| page_url(field("mainEntityOfPage"), &graph));
    let id = identifier(field("identifier"))
        .or_else(|| text(field("@id")))
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{title} {}", published.as_deref().unwrap_or_default()));
    let body = match text(field("articleBody")) {
        // Some sites put the page's HTML in articleBody: read as HTML.
        Some(body) if looks_like_html(&body) => {
            blocks(&body, html, "articleBody", Some(&title), dropped)
        }
        Some(body) => text_paragraphs(&body),
        None => {
            dropped.note("articleBody", "nothing (missing: headline and lede only)");
            Vec::new()
        }
    };
    let authors = list(field("author"))
        .flat_map(|author| {
            let author = graph.resolve(author);
            match author {
                // "A and B" as one string: the names it lists.
                Value::String(byline) => super::bylines::authors(&collapse_spaces(byline)),
                other => {
                    let Some(name) = text(other.get("name")).and_then(non_empty) else {
                        return Vec::new();
                    };
                    let url = url_of(other.get("url"));
                    // schema.org's organisation types, as publishers use them.
                    let organization = list(other.get("@type")).any(|kind| {
                        kind.as_str().is_some_and(|kind| {
                            kind.ends_with("Organization") || kind == "Corporation"
                        })
                    });
                    let name = collapse_spaces(&name);
                    vec![if organization {
                        Author::organization(name, url)
                    } else {
                        Author::person(name, url)
                    }]
                }
            }
        })
        .filter(|author| !author.name.is_empty())
        .collect();
    let publisher = field("publisher").map(|p| graph.resolve(p)).and_then(|p| {
        Some(Publisher {
            name: non_empty(match p {
                Value::String(name) => name.clone(),
                other => text(other.get("name"))?,
            })?,
            url: url_of(p.get("url")),
            logo: p
                .get("logo")
                .map(|logo| graph.resolve(logo))
                .and_then(image_url),
        })
    });
    // Every picture: the first is the article's, the others follow the text.
    let base = url.clone();
    let mut images: Vec<Image> = list(field("image"))
        .map(|image| graph.resolve(image))
        .enumerate()
        .filter_map(|(index, image)| {
            let raw = image_url(image)?;
            let Some(src) = resolve_image_url(&raw, base.as_deref()) else {
                dropped.note(
                    &format!("image[{index}]"),
                    "a value that is no picture address",
                );
                return None;
            };
            Some(Image {
                src,
                alt: text(image.get("caption"))
                    .or_else(|| text(image.get("name")))
                    .map(|alt| collapse_spaces(&alt))
                    .unwrap_or_default(),
                caption: text(image.get("caption")).map(|c| escape(&collapse_spaces(&c))),
                credit: text(image.get("creditText"))
                    .or_else(|| text(image.get("copyrightHolder").and_then(|h| h.get("name"))))
                    .or_else(|| text(image.get("author").and_then(|a| a.get("name")))),
                width: number(image.get("width")),
                height: number(image.get("height")),
            })
        })
        .collect();
    // The same picture in several sizes (1x1, 4x3, 16x9, as Google asks)
    // is one picture: the first of each address's file name is kept.
    let mut seen = std::collections::HashSet::new();
    images.retain(|image| seen.insert(image.src.clone()));
    let image = (!images.is_empty()).then(|| images.remove(0));
    let mut body = body;
    body.extend(images.into_iter().map(super::v1::Block::Image));
    // schema.org's Boolean: only True (`true`, "True", "true", the
    // schema.org URL) is free; any other value given (`0`, "no", "False")
    // is not, so a paywalled body is never served whole by mistake.
    let free = match field("isAccessibleForFree") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(free)) => Some(*free),
        Some(Value::String(free)) => Some(matches!(
            free.trim()
                .trim_start_matches("https://schema.org/")
                .trim_start_matches("http://schema.org/"),
            "True" | "true"
        )),
        Some(_) => Some(false),
    };
    Ok(Article {
        id,
        title: collapse_spaces(&title),
        published,
        updated: optional_date(
            text(field("dateModified")).as_deref(),
            "dateModified",
            dropped,
        ),
        body,
        url,
        lang: match field("inLanguage") {
            Some(Value::Object(language)) => text(language.get("alternateName")),
            other => text(other),
        },
        section: list(field("articleSection")).find_map(|s| text(Some(s))),
        lede: text(field("description")).and_then(|d| non_empty(escape(&collapse_spaces(&d)))),
        authors,
        publisher,
        image,
        access: (free == Some(false)).then_some(Access { model: "premium" }),
        ..Article::default()
    })
}

/// The nodes of an `@graph`, if the value has one.
fn graph_of(value: &Value) -> Option<Vec<&Value>> {
    match value.get("@graph")? {
        Value::Array(nodes) => Some(nodes.iter().collect()),
        node => Some(vec![node]),
    }
}

/// The graph's nodes by `@id`, indexed once: each reference is then one
/// lookup, not a walk over the graph.
struct Graph<'a> {
    by_id: HashMap<&'a str, &'a Value>,
}

impl<'a> Graph<'a> {
    fn new(nodes: &[&'a Value]) -> Graph<'a> {
        let mut by_id = HashMap::new();
        for node in nodes {
            // A node that is only a reference names nothing new.
            let Some(object) = node.as_object().filter(|object| object.len() > 1) else {
                continue;
            };
            if let Some(Value::String(id)) = object.get("@id") {
                by_id.entry(id.as_str()).or_insert(*node);
            }
        }
        Graph { by_id }
    }

    /// A reference (`{"@id": …}` alone) as the node it names.
    fn resolve(&self, value: &'a Value) -> &'a Value {
        let Some(object) = value.as_object() else {
            return value;
        };
        match (object.len(), object.get("@id")) {
            (1, Some(Value::String(id))) => self.by_id.get(id.as_str()).copied().unwrap_or(value),
            _ => value,
        }
    }
}

fn types(node: &Value) -> impl Iterator<Item = &str> {
    list(node.get("@type")).filter_map(Value::as_str)
}

/// A value or each item of a list.
fn list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    };
    items.into_iter()
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => non_empty(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Array(items) => text(items.first()),
        _ => None,
    }
}

fn identifier(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(property) => text(property.get("value")),
        other => text(Some(other)),
    }
}

/// Whether text has HTML elements in it (a `<p>`, a `<br>`), not just a `<`.
fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p>",
        "<p ",
        "<br",
        "<div",
        "<h2",
        "<h3",
        "<ul",
        "<ol",
        "<blockquote",
        "<figure",
        "<a href",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// The page an address names: a string as it is; an object's `url`, else
/// the node its `@id` names (its `url`), else that `@id`; a fragment that
/// names a node (`#webpage`, `#article`) is never part of it.
fn page_url(value: Option<&Value>, graph: &Graph) -> Option<String> {
    let address = match value? {
        Value::Object(object) => text(object.get("url")).or_else(|| {
            let node = graph.resolve(value?);
            text(node.get("url")).or_else(|| text(object.get("@id")))
        }),
        other => text(Some(other)),
    }?;
    Some(match address.split_once('#') {
        Some((page, _)) => page.to_owned(),
        None => address,
    })
    .and_then(non_empty)
}

/// A picture's address: protocol-relative read as `https:`, a path from the
/// root against the article's own address; anything that is not an
/// address (a caption, `https:https://…`) refused.
fn resolve_image_url(raw: &str, base: Option<&str>) -> Option<String> {
    let raw = raw.trim();
    let resolved = if let Some(rest) = raw.strip_prefix("//") {
        format!("https://{rest}")
    } else if raw.starts_with('/') {
        let base = base?;
        let after_scheme = base.find("://")? + 3;
        let origin_end = base[after_scheme..]
            .find('/')
            .map_or(base.len(), |at| after_scheme + at);
        format!("{}{raw}", &base[..origin_end])
    } else {
        raw.to_owned()
    };
    let lower = resolved.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // `https:https://…` and a caption in the field are not addresses.
    if host.is_empty()
        || rest.contains("http:")
        || rest.contains("https:")
        || resolved.contains(char::is_whitespace)
    {
        return None;
    }
    safe_url(&resolved, UrlUse::Image)
}

fn url_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(object) => text(object.get("@id")).or_else(|| text(object.get("url"))),
        other => text(Some(other)),
    }
}

fn image_url(value: &Value) -> Option<String> {
    match value {
        Value::String(url) => non_empty(url),
        Value::Object(image) => text(image.get("url")).or_else(|| text(image.get("contentUrl"))),
        _ => None,
    }
}

/// `1200`, `"1200"` or `"1200px"`.
fn number(value: Option<&Value>) -> Option<u32> {
    match value? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().trim_end_matches("px").trim().parse().ok(),
        Value::Object(q) => number(q.get("value")),
        _ => None,
    }
}
