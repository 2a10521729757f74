//! Apple News Format (`article.json`): the title, `metadata` and the text
//! components. Styles (`componentTextStyles`, layouts) are never read.

use super::html::{blocks, collapse_spaces, escape, inline_markup, HtmlParser};
use super::ninjs::text_paragraphs;
use super::v1::{Article, Author, Block, Image};
use super::{non_empty, required, with_offset, Dropped};
use article_format::ParseError;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(expecting = "an Apple News Format article.json object")]
pub struct Document {
    identifier: Option<String>,
    title: Option<String>,
    language: Option<String>,
    #[serde(default)]
    metadata: Metadata,
    #[serde(default)]
    components: Vec<Component>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Metadata {
    #[serde(default)]
    authors: Vec<String>,
    #[serde(rename = "canonicalURL")]
    canonical_url: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    excerpt: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Component {
    role: String,
    text: Option<String>,
    format: Option<String>,
    #[serde(rename = "URL")]
    url: Option<String>,
    caption: Option<Caption>,
    accessibility_caption: Option<String>,
    #[serde(default)]
    components: Vec<Component>,
}

/// A caption is a string, or an object with `text` (and `format`).
#[derive(Deserialize)]
#[serde(untagged)]
enum Caption {
    Text(String),
    Object { text: String },
}

pub fn convert(
    document: Document,
    html: &dyn HtmlParser,
    dropped: &mut Dropped,
) -> Result<Article, ParseError> {
    let metadata = document.metadata;
    let mut reader = Reader {
        html,
        dropped,
        body: Vec::new(),
        title: None,
        intro: None,
        bylines: Vec::new(),
        photo_left_out: false,
    };
    reader.components(&document.components, "components");
    let title = required(document.title.or(reader.title.take()), "title")?;
    let id = required(
        document
            .identifier
            .or_else(|| metadata.canonical_url.clone()),
        "identifier",
    )?;
    let published = with_offset(
        required(metadata.date_published, "metadata.datePublished")?,
        "metadata.datePublished",
        reader.dropped,
    );
    let authors: Vec<Author> = if metadata.authors.is_empty() {
        std::mem::take(&mut reader.bylines)
    } else {
        metadata.authors.clone()
    }
    .into_iter()
    .filter_map(non_empty)
    .map(|name| Author { name, url: None })
    .collect();
    let lede = reader
        .intro
        .take()
        .or_else(|| metadata.excerpt.map(|e| escape(&collapse_spaces(&e))))
        .and_then(non_empty);
    Ok(Article {
        id,
        title,
        published,
        updated: metadata
            .date_modified
            .and_then(non_empty)
            .map(|date| with_offset(date, "metadata.dateModified", reader.dropped)),
        body: reader.body,
        url: metadata.canonical_url.and_then(non_empty),
        lang: document.language.and_then(non_empty),
        lede,
        authors,
        ..Article::default()
    })
}

struct Reader<'a> {
    html: &'a dyn HtmlParser,
    dropped: &'a mut Dropped,
    body: Vec<Block>,
    title: Option<String>,
    intro: Option<String>,
    bylines: Vec<String>,
    /// The component before was a photo left out: its caption goes too.
    photo_left_out: bool,
}

impl Reader<'_> {
    fn components(&mut self, components: &[Component], at: &str) {
        for (index, component) in components.iter().enumerate() {
            self.component(component, &format!("{at}[{index}]"));
        }
    }

    fn component(&mut self, component: &Component, at: &str) {
        let text = component.text.as_deref().unwrap_or_default();
        let after_photo_left_out = std::mem::take(&mut self.photo_left_out);
        match component.role.as_str() {
            "title" => {
                if self.title.is_none() {
                    self.title = non_empty(collapse_spaces(text));
                }
            }
            "intro" => {
                if self.intro.is_none() {
                    self.intro = non_empty(self.inline(component, at));
                }
            }
            "body" | "text" => self.text(component, at),
            "heading" | "heading1" | "heading2" | "heading3" | "heading4" | "heading5"
            | "heading6" => {
                let level = match component.role.as_str() {
                    "heading3" => 3,
                    "heading4" | "heading5" | "heading6" => 4,
                    _ => 2,
                };
                if let Some(text) = non_empty(self.inline(component, at)) {
                    self.body.push(Block::Heading { text, level });
                }
            }
            "photo" | "image" | "figure" | "portrait" => self.photo(component, at),
            "caption" if after_photo_left_out => {
                self.dropped.note(at, "caption of a photo left out")
            }
            "caption" => {
                // A caption component describes the picture before it.
                let caption = non_empty(self.inline(component, at));
                match self.body.last_mut() {
                    Some(Block::Image(image)) if image.caption.is_none() => image.caption = caption,
                    _ => {
                        if let Some(text) = caption {
                            self.body.push(Block::Paragraph { text });
                        }
                    }
                }
            }
            "pullquote" | "quote" => {
                if let Some(text) = non_empty(self.inline(component, at)) {
                    self.body.push(Block::Quote { text, cite: None });
                }
            }
            "byline" | "author" => {
                if let Some(name) = non_empty(collapse_spaces(text)) {
                    self.bylines.push(name);
                }
            }
            "container" | "section" | "chapter" | "header" | "aside" | "article-link" => {
                self.components(&component.components, &format!("{at}.components"))
            }
            "divider" => self.dropped.note(at, "divider"),
            other => self.dropped.note(at, &format!("component \"{other}\"")),
        }
    }

    /// A component's text as inline markup, by its `format`.
    fn inline(&mut self, component: &Component, at: &str) -> String {
        let text = component.text.as_deref().unwrap_or_default();
        match component.format.as_deref() {
            Some("html") => inline_markup(text, self.html, at, self.dropped),
            // Apple's Markdown writes strong, emphasis and links as v1 does.
            Some("markdown") => collapse_spaces(text),
            _ => escape(&collapse_spaces(text)),
        }
    }

    fn text(&mut self, component: &Component, at: &str) {
        let text = component.text.as_deref().unwrap_or_default();
        match component.format.as_deref() {
            Some("html") => {
                let found = blocks(text, self.html, at, None, self.dropped);
                self.body.extend(found);
            }
            Some("markdown") => self.body.extend(markdown_blocks(text)),
            _ => self.body.extend(text_paragraphs(text)),
        }
    }

    fn photo(&mut self, component: &Component, at: &str) {
        let Some(url) = component.url.as_deref().and_then(non_empty) else {
            self.photo_left_out = true;
            return self.dropped.note(at, "photo without URL");
        };
        // `bundle://` names a file shipped beside article.json, which a
        // web page cannot load.
        if url.starts_with("bundle://") {
            self.photo_left_out = true;
            return self.dropped.note(at, "photo from the bundle (bundle://)");
        }
        let caption = component.caption.as_ref().map(|caption| match caption {
            Caption::Text(text) | Caption::Object { text } => escape(&collapse_spaces(text)),
        });
        self.body.push(Block::Image(Image {
            src: url,
            alt: component
                .accessibility_caption
                .clone()
                .or_else(|| {
                    component.caption.as_ref().map(|caption| match caption {
                        Caption::Text(text) | Caption::Object { text } => text.clone(),
                    })
                })
                .map(|alt| collapse_spaces(&alt))
                .unwrap_or_default(),
            caption: caption.and_then(non_empty),
            ..Image::default()
        }));
    }
}

/// Apple News Markdown: paragraphs on blank lines; a paragraph whose lines
/// all start with `- `, `* `, `+ ` or `1. ` is a list.
fn markdown_blocks(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .filter_map(|part| {
            let lines: Vec<&str> = part
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if lines.is_empty() {
                return None;
            }
            let bullet = |line: &str| {
                ["- ", "* ", "+ "]
                    .iter()
                    .find_map(|b| line.strip_prefix(b))
                    .map(str::to_owned)
            };
            let numbered = |line: &str| {
                let (number, rest) = line.split_once(". ")?;
                number
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    .then(|| rest.to_owned())
            };
            if let Some(items) = lines.iter().map(|l| bullet(l)).collect::<Option<Vec<_>>>() {
                return Some(Block::List {
                    items,
                    ordered: false,
                });
            }
            if let Some(items) = lines
                .iter()
                .map(|l| numbered(l))
                .collect::<Option<Vec<_>>>()
            {
                return Some(Block::List {
                    items,
                    ordered: true,
                });
            }
            non_empty(collapse_spaces(&lines.join(" "))).map(|text| Block::Paragraph { text })
        })
        .collect()
}
