//! Apple News Format (`article.json`): the title, `metadata` and the text
//! components. Styles (`componentTextStyles`, layouts) are never read.

use super::dates::{optional_date, publication_date};
use super::html::{blocks, collapse_spaces, escape, inline_markup, HtmlParser};
use super::ninjs::text_paragraphs;
use super::v1::{Article, Author, Block, Image};
use super::{non_empty, required, Dropped};
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
    date_created: Option<String>,
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
    /// A gallery's or a mosaic's pictures.
    #[serde(default)]
    items: Vec<GalleryItem>,
    #[serde(default)]
    components: Vec<Component>,
}

/// A picture of a gallery or a mosaic.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GalleryItem {
    #[serde(rename = "URL")]
    url: Option<String>,
    caption: Option<Caption>,
    accessibility_caption: Option<String>,
}

/// A caption is a string, or a caption descriptor: `text` with a `format`
/// (`html`, `markdown` or none).
#[derive(Deserialize)]
#[serde(untagged)]
enum Caption {
    Text(String),
    Object {
        text: String,
        format: Option<String>,
    },
}

impl Caption {
    fn text(&self) -> &str {
        match self {
            Caption::Text(text) | Caption::Object { text, .. } => text,
        }
    }

    fn format(&self) -> Option<&str> {
        match self {
            Caption::Text(_) => None,
            Caption::Object { format, .. } => format.as_deref(),
        }
    }
}

/// Components with nothing a web page can show: left out with a warning.
const DROPPED_ROLES: &[&str] = &[
    "divider",
    "banner_advertisement",
    "medium_rectangle_advertisement",
    "replica_advertisement",
    "advertisement",
    "logo",
    "arkit",
    "spacer",
];

/// Embedded media and posts: shown as a link to them (their caption, or
/// their kind, as the label).
const LINKED_ROLES: &[(&str, &str)] = &[
    ("video", "Video"),
    ("embedwebvideo", "Video"),
    ("embedvideo", "Video"),
    ("audio", "Audio"),
    ("music", "Audio"),
    ("podcast", "Podcast"),
    ("tweet", "Post on X"),
    ("instagram", "Instagram post"),
    ("facebook_post", "Facebook post"),
    ("tiktok", "TikTok video"),
    ("map", "Map"),
    ("place", "Map"),
    ("link_button", "Link"),
];

pub fn convert(
    document: Document,
    html: &dyn HtmlParser,
    base: Option<&str>,
    dropped: &mut Dropped,
) -> Result<Article, ParseError> {
    let metadata = document.metadata;
    let mut reader = Reader {
        html,
        base,
        dropped,
        body: Vec::new(),
        title: None,
        intro: None,
        subtitle: None,
        hero: None,
        bylines: Vec::new(),
        photo_left_out: false,
        in_header: false,
    };
    reader.components(&document.components, "components");
    if reader.body.is_empty() && reader.intro.is_none() {
        // Pictures or ads alone: not an article a reader could read.
        return Err(ParseError::new("components", "no text in any component"));
    }
    // The title component is the headline on the page; the document's
    // `title` is for lists and search.
    let title = required(reader.title.take().or(document.title), "title")?;
    let id = required(
        document
            .identifier
            .or_else(|| metadata.canonical_url.clone()),
        "identifier",
    )?;
    let published = publication_date(
        &[
            ("metadata.datePublished", metadata.date_published.as_deref()),
            ("metadata.dateCreated", metadata.date_created.as_deref()),
            ("metadata.dateModified", metadata.date_modified.as_deref()),
        ],
        reader.dropped,
    );
    let authors: Vec<Author> = if metadata.authors.is_empty() {
        std::mem::take(&mut reader.bylines)
            .iter()
            .flat_map(|byline| super::bylines::authors(byline))
            .collect()
    } else {
        metadata
            .authors
            .iter()
            .filter_map(|name| non_empty(name.clone()))
            .map(super::bylines::credited)
            .collect()
    };
    let lede = reader
        .intro
        .take()
        .or(reader.subtitle.take())
        .or_else(|| metadata.excerpt.map(|e| escape(&collapse_spaces(&e))))
        .and_then(non_empty);
    Ok(Article {
        id,
        title,
        published,
        updated: optional_date(
            metadata.date_modified.as_deref(),
            "metadata.dateModified",
            reader.dropped,
        ),
        body: reader.body,
        url: metadata.canonical_url.and_then(non_empty),
        lang: document.language.and_then(non_empty),
        lede,
        authors,
        image: reader.hero,
        ..Article::default()
    })
}

struct Reader<'a> {
    html: &'a dyn HtmlParser,
    /// Where the document came from: `bundle://` files are beside it.
    base: Option<&'a str>,
    dropped: &'a mut Dropped,
    body: Vec<Block>,
    title: Option<String>,
    intro: Option<String>,
    subtitle: Option<String>,
    /// The first picture of the header: the article's main picture.
    hero: Option<Image>,
    bylines: Vec<String>,
    /// The component before was a photo left out: its caption goes too.
    photo_left_out: bool,
    /// Inside a `header` component.
    in_header: bool,
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
        let role = component.role.as_str();
        match role {
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
            "subtitle" => {
                if self.subtitle.is_none() {
                    self.subtitle = non_empty(self.inline(component, at));
                }
            }
            "body" | "text" => self.text(component, at),
            "heading" | "heading1" | "heading2" | "heading3" | "heading4" | "heading5"
            | "heading6" => {
                let level = match role {
                    "heading3" => 3,
                    "heading4" | "heading5" | "heading6" => 4,
                    _ => 2,
                };
                if let Some(text) = non_empty(self.inline(component, at)) {
                    self.body.push(Block::Heading { text, level });
                }
            }
            "photo" | "image" | "figure" | "portrait" => {
                let image = self.picture(
                    component.url.as_deref(),
                    component.caption.as_ref(),
                    component.accessibility_caption.as_deref(),
                    at,
                );
                match image {
                    Some(image) => self.push_picture(image),
                    None => self.photo_left_out = true,
                }
            }
            "gallery" | "mosaic" => {
                for (index, item) in component.items.iter().enumerate() {
                    let at = format!("{at}.items[{index}]");
                    if let Some(image) = self.picture(
                        item.url.as_deref(),
                        item.caption.as_ref(),
                        item.accessibility_caption.as_deref(),
                        &at,
                    ) {
                        self.body.push(Block::Image(image));
                    }
                }
            }
            "caption" if after_photo_left_out => {
                self.dropped.note(at, "caption of a photo left out")
            }
            "caption" => {
                // A caption component is the picture's caption on the page
                // (a photo's own `caption` is for full screen): it wins.
                let caption = non_empty(self.inline(component, at));
                match self.last_picture() {
                    Some(image) => image.caption = caption.or(image.caption.take()),
                    _ => {
                        if let Some(text) = caption {
                            self.body.push(Block::Paragraph { text });
                        }
                    }
                }
            }
            "photographer" | "illustrator" => {
                // The credit of the picture before it.
                let credit = non_empty(collapse_spaces(text));
                match self.last_picture() {
                    Some(image) if image.credit.is_none() => image.credit = credit,
                    _ => {
                        if let Some(text) = credit {
                            self.body.push(Block::Paragraph {
                                text: escape(&text),
                            });
                        }
                    }
                }
            }
            "pullquote" | "quote" => {
                if let Some(text) = non_empty(self.inline(component, at)) {
                    self.body.push(Block::Quote { text, cite: None });
                }
            }
            "byline" | "author" | "contributor" => {
                if let Some(name) = non_empty(collapse_spaces(text)) {
                    self.bylines.push(name);
                }
            }
            "header" => {
                let was = std::mem::replace(&mut self.in_header, true);
                self.components(&component.components, &format!("{at}.components"));
                self.in_header = was;
            }
            "container" | "section" | "chapter" | "aside" | "article-link" | "collection" => {
                self.components(&component.components, &format!("{at}.components"))
            }
            _ if DROPPED_ROLES.contains(&role) => self.dropped.note(at, role),
            _ => self.other(component, at),
        }
    }

    /// A component the mapping does not name: its text kept, its media a
    /// link, its components read; only what has none of these is dropped.
    fn other(&mut self, component: &Component, at: &str) {
        let role = component.role.as_str();
        if let Some((_, kind)) = LINKED_ROLES.iter().find(|(name, _)| *name == role) {
            let label = component
                .caption
                .as_ref()
                .map(|caption| escape(&collapse_spaces(caption.text())))
                .and_then(non_empty)
                .unwrap_or_else(|| (*kind).to_owned());
            match component
                .url
                .as_deref()
                .and_then(|url| article_format::safe_url(url, article_format::UrlUse::Link))
            {
                Some(url) => {
                    self.body.push(Block::Paragraph {
                        text: format!("[{label}]({})", escape(&url)),
                    });
                    self.dropped
                        .say(at, &format!("component \"{role}\" shown as a link"));
                }
                None => self.dropped.note(at, &format!("component \"{role}\"")),
            }
            return;
        }
        let has_text = component
            .text
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty());
        if has_text {
            self.text(component, at);
            self.dropped
                .say(at, &format!("component \"{role}\" read as text"));
        } else if !component.components.is_empty() {
            self.components(&component.components, &format!("{at}.components"));
        } else {
            self.dropped.note(at, &format!("component \"{role}\""));
        }
    }

    /// The picture last added (the hero, inside the header).
    fn last_picture(&mut self) -> Option<&mut Image> {
        match self.body.last_mut() {
            Some(Block::Image(image)) => Some(image),
            None if self.in_header => self.hero.as_mut(),
            _ => None,
        }
    }

    /// The header's first picture is the article's main picture; any other
    /// goes into the body.
    fn push_picture(&mut self, image: Image) {
        if self.in_header && self.hero.is_none() && self.body.is_empty() {
            self.hero = Some(image);
        } else {
            self.body.push(Block::Image(image));
        }
    }

    /// Text in a component's `format` as inline markup.
    fn inline_text(&mut self, text: &str, format: Option<&str>, at: &str) -> String {
        match format {
            Some("html") => inline_markup(text, self.html, at, self.dropped),
            Some("markdown") => inline_markup(&markdown_html(text), self.html, at, self.dropped),
            _ => escape(&collapse_spaces(text)),
        }
    }

    /// A component's text as inline markup, by its `format`.
    fn inline(&mut self, component: &Component, at: &str) -> String {
        let text = component.text.as_deref().unwrap_or_default();
        self.inline_text(text, component.format.as_deref(), at)
    }

    fn text(&mut self, component: &Component, at: &str) {
        let text = component.text.as_deref().unwrap_or_default();
        match component.format.as_deref() {
            Some("html") => {
                let found = blocks(text, self.html, at, None, self.dropped);
                self.body.extend(found);
            }
            Some("markdown") => {
                let found = blocks(&markdown_html(text), self.html, at, None, self.dropped);
                self.body.extend(found);
            }
            _ => self.body.extend(text_paragraphs(text)),
        }
    }

    fn picture(
        &mut self,
        url: Option<&str>,
        caption: Option<&Caption>,
        accessibility_caption: Option<&str>,
        at: &str,
    ) -> Option<Image> {
        let Some(url) = url.map(str::trim).filter(|url| !url.is_empty()) else {
            self.dropped.note(at, "photo without URL");
            return None;
        };
        // `bundle://` names a file shipped beside article.json: read
        // beside the document when it is known where that is.
        let resolved;
        let url = match url.strip_prefix("bundle://") {
            Some(file) => match self.base.and_then(|base| beside(base, file)) {
                Some(address) => {
                    resolved = address;
                    resolved.as_str()
                }
                None => {
                    self.dropped.note(
                        at,
                        "photo from the bundle (bundle://: give the bundle's address as the base)",
                    );
                    return None;
                }
            },
            None => url,
        };
        let caption_markup = caption
            .map(|caption| self.inline_text(caption.text(), caption.format(), at))
            .and_then(non_empty);
        let alt = accessibility_caption
            .map(collapse_spaces)
            .or_else(|| {
                caption.map(|caption| match caption.format() {
                    Some("html") => {
                        super::html::plain_text(caption.text(), self.html, at, self.dropped)
                    }
                    _ => collapse_spaces(caption.text()),
                })
            })
            .unwrap_or_default();
        Some(Image {
            src: url.to_owned(),
            alt,
            caption: caption_markup,
            ..Image::default()
        })
    }
}

/// `file` in the folder of `base` (a document's URL, or a folder ending in
/// `/`), if that gives a web address the allow-list takes.
fn beside(base: &str, file: &str) -> Option<String> {
    let base = base.trim();
    let folder = match base.rfind('/') {
        Some(at) if base[..at].contains("://") || !base.contains("://") => &base[..=at],
        _ => return None,
    };
    if file.is_empty() || file.contains("..") || file.starts_with('/') {
        return None;
    }
    // A file name may hold spaces; nothing else in it needs escaping here.
    let address = format!("{folder}{}", file.replace(' ', "%20"));
    article_format::safe_url(&address, article_format::UrlUse::Image)
}

/// Apple News Markdown as HTML (CommonMark: `*x*` and `_x_` emphasis,
/// `**x**` and `__x__` strong, links, lists), for the HTML mapping. Raw
/// HTML in it is kept as text, never markup.
fn markdown_html(text: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let events = Parser::new(text).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut html = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}
