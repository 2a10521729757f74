//! HTML to format v1. The parser (html5ever, `html5ever.rs`, everywhere:
//! natively, in Node and in the browser's converter module) hands over a
//! small owned tree; this file maps it to blocks and inline markup. Text always becomes text (markup characters
//! escaped), never HTML.

use super::v1::{Block, Image};
use super::Dropped;
use article_format::{safe_url, UrlUse};

/// An element deeper than this is taken as its text alone: both parsers
/// stop there, so nothing below recurses without bound (10,000 nested
/// `<b>` read as one run of text).
pub const MAX_HTML_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
/// A node of parsed HTML: what the mapping reads of it.
pub enum HtmlNode {
    /// An element with its attributes and children.
    Element(Element),
    /// Text, with character references decoded.
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
/// An HTML element.
pub struct Element {
    /// The lower-case local name: `p`, `a`, `svg`.
    pub name: String,
    /// The attributes as (name, value), names in lower case.
    pub attributes: Vec<(String, String)>,
    /// The child nodes, in order.
    pub children: Vec<HtmlNode>,
}

impl Element {
    /// The value of the attribute `name`, if it has one.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// How deeply a feed's HTML may nest before it is parsed at all. Building
/// a tree costs a real parser time in proportion to the depth for every
/// element (the HTML standard's scope checks walk the open elements), so
/// 100,000 nested `<div>` would take minutes; past this depth, measured by
/// a linear pass of the tokenizer alone, the field is read as its text.
pub const MAX_HTML_NESTING: usize = 512;

/// HTML nested deeper than [`MAX_HTML_NESTING`]: not parsed into a tree.
#[derive(Debug, Clone, PartialEq)]
pub struct TooDeep {
    /// The fragment's text (a script's or a style's left out).
    pub text: String,
}

/// A real HTML parser, inert: nothing runs, nothing loads.
pub trait HtmlParser {
    /// The nodes of an HTML fragment (as in a `<body>`), elements deeper
    /// than [`MAX_HTML_DEPTH`] replaced by their text; comments left out.
    /// Markup nested deeper than [`MAX_HTML_NESTING`] is not parsed: its
    /// text comes back instead.
    fn parse_fragment(&self, html: &str) -> Result<Vec<HtmlNode>, TooDeep>;
}

/// A fragment's nodes, or its text alone (with a warning) when it nests
/// too deeply to parse.
fn parse(parser: &dyn HtmlParser, html: &str, at: &str, dropped: &mut Dropped) -> Vec<HtmlNode> {
    parser.parse_fragment(html).unwrap_or_else(|too_deep| {
        dropped.note(
            at,
            &format!("its markup (nested deeper than {MAX_HTML_NESTING} elements: read as text)"),
        );
        vec![HtmlNode::Text(too_deep.text)]
    })
}

/// Elements whose content is never article text: dropped with a warning.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "video", "audio",
    "canvas", "svg", "math", "form", "input", "button", "select", "textarea", "noscript",
    "template", "map", "dialog", "portal", "applet",
];

/// Elements that carry nothing to show: left out without a word.
const IGNORED: &[&str] = &["head", "title", "meta", "link", "base", "wbr"];

/// Elements a browser lays out as blocks (or cells) that the mapping
/// reads as text: words on either side of them stay apart.
const SPACED: &[&str] = &[
    "li",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "legend",
    "fieldset",
    "caption",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "option",
    "p",
];

/// Containers whose children are blocks.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "header", "footer", "aside", "center", "body", "html",
    "details", "summary", "address", "hgroup", "nav",
];

/// Maps HTML to body blocks. `at` names the source field in warnings;
/// a heading that repeats `title` (agencies often start a body with the
/// headline) is left out.
pub fn blocks(
    html: &str,
    parser: &dyn HtmlParser,
    at: &str,
    title: Option<&str>,
    dropped: &mut Dropped,
) -> Vec<Block> {
    let nodes = parse(parser, html, at, dropped);
    let mut builder = Builder {
        at,
        // Collapsed once here, not once a heading.
        title: title.map(collapse_spaces),
        dropped,
        blocks: Vec::new(),
        run: Vec::new(),
    };
    builder.walk(&nodes);
    builder.flush();
    builder.blocks
}

/// Inline markup of an HTML fragment (a caption, an excerpt): paragraphs
/// joined by a space, images and blocks' structure dropped.
pub fn inline_markup(
    html: &str,
    parser: &dyn HtmlParser,
    at: &str,
    dropped: &mut Dropped,
) -> String {
    let nodes = parse(parser, html, at, dropped);
    let mut images = Vec::new();
    let mut out = String::new();
    let mut writer = Inline {
        at,
        dropped,
        images: &mut images,
        strong: false,
        emphasis: false,
        link: false,
    };
    writer.nodes(&nodes, &mut out);
    if !images.is_empty() {
        dropped.note(at, "<img>");
    }
    tidy(&out)
}

/// The plain text of an HTML fragment (a title, an author's name).
pub fn plain_text(html: &str, parser: &dyn HtmlParser, at: &str, dropped: &mut Dropped) -> String {
    let mut out = String::new();
    text_of(&parse(parser, html, at, dropped), &mut out);
    collapse_spaces(&out)
}

fn text_of(nodes: &[HtmlNode], out: &mut String) {
    for node in nodes {
        match node {
            HtmlNode::Text(text) => out.push_str(text),
            HtmlNode::Element(element) if DROPPED.contains(&element.name.as_str()) => {}
            HtmlNode::Element(element) if element.name == "br" => out.push(' '),
            HtmlNode::Element(element) => text_of(&element.children, out),
        }
    }
}

struct Builder<'a, 'd> {
    at: &'a str,
    /// The title, spaces collapsed: a heading equal to it is left out.
    title: Option<String>,
    dropped: &'d mut Dropped,
    blocks: Vec<Block>,
    /// Inline nodes met between blocks, waiting to become a paragraph.
    run: Vec<&'a HtmlNode>,
}

impl<'a> Builder<'a, '_> {
    fn walk(&mut self, nodes: &'a [HtmlNode]) {
        for node in nodes {
            let HtmlNode::Element(element) = node else {
                self.run.push(node);
                continue;
            };
            let name = element.name.as_str();
            // An element the mapping does not know (NITF's `body.content`,
            // a CMS's own tag) that holds blocks is read as a container.
            // (The tree is at most MAX_HTML_DEPTH deep, so this look down
            // costs a bounded factor, not the input again.)
            let holds_blocks = || find_where(element, &|e| is_block(&e.name)).is_some();
            if !is_block(name) && (is_inline(name) || !holds_blocks()) {
                self.run.push(node);
                continue;
            }
            self.flush();
            match name {
                "p" => self.paragraph(&element.children),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading(element),
                "figure" => self.figure(element),
                "img" => self.image(element, None),
                "blockquote" => self.quote(element),
                "ul" | "ol" => self.list(element),
                "table" => self.table(element),
                "pre" => {
                    let mut text = String::new();
                    text_of(&element.children, &mut text);
                    self.push_paragraph(escape(&collapse_spaces(&text)));
                }
                "hr" => self.dropped.note(self.at, "<hr>"),
                _ if IGNORED.contains(&name) => {}
                _ if DROPPED.contains(&name) => self.dropped.note(self.at, &format!("<{name}>")),
                _ => {
                    self.walk(&element.children);
                    self.flush();
                }
            }
        }
    }

    /// The inline run so far as a paragraph.
    fn flush(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let (text, images) = self.inline(run.into_iter());
        self.push_paragraph(text);
        self.push_images(images);
    }

    fn inline<'n>(&mut self, nodes: impl Iterator<Item = &'n HtmlNode>) -> (String, Vec<Image>) {
        let mut images = Vec::new();
        let mut out = String::new();
        let mut writer = Inline {
            at: self.at,
            dropped: self.dropped,
            images: &mut images,
            strong: false,
            emphasis: false,
            link: false,
        };
        for node in nodes {
            writer.node(node, &mut out);
        }
        (tidy(&out), images)
    }

    fn push_paragraph(&mut self, text: String) {
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    fn push_images(&mut self, images: Vec<Image>) {
        self.blocks.extend(images.into_iter().map(Block::Image));
    }

    fn paragraph(&mut self, children: &[HtmlNode]) {
        let (text, images) = self.inline(children.iter());
        self.push_paragraph(text);
        self.push_images(images);
    }

    fn heading(&mut self, element: &Element) {
        let level = match element.name.as_str() {
            "h1" | "h2" => 2,
            "h3" => 3,
            _ => 4,
        };
        let (text, images) = self.inline(element.children.iter());
        let mut plain = String::new();
        text_of(&element.children, &mut plain);
        let repeats_title = self
            .title
            .as_deref()
            .is_some_and(|title| collapse_spaces(&plain) == title);
        if !text.is_empty() && !repeats_title {
            self.blocks.push(Block::Heading { text, level });
        }
        self.push_images(images);
    }

    /// A figure: a picture with its `<figcaption>` as caption; a quote
    /// with a `<figcaption>` after it as its source; anything else (a fact
    /// box, a chart's data) read as blocks in order, the caption among
    /// them. An embed (a video, a post) becomes a link: WordPress writes
    /// its address as the text of `.wp-block-embed__wrapper`, others an
    /// `<iframe src>`.
    fn figure(&mut self, figure: &'a Element) {
        let is_caption =
            |n: &&HtmlNode| matches!(n, HtmlNode::Element(e) if e.name == "figcaption");
        let caption_element = figure
            .children
            .iter()
            .find(is_caption)
            .and_then(|n| match n {
                HtmlNode::Element(e) => Some(e),
                HtmlNode::Text(_) => None,
            });
        let content: Vec<&'a HtmlNode> =
            figure.children.iter().filter(|n| !is_caption(n)).collect();
        let has_picture = find(figure, "img").is_some();
        let quote_before_caption = figure
            .children
            .iter()
            .position(|n| matches!(n, HtmlNode::Element(e) if e.name == "blockquote"))
            .zip(figure.children.iter().position(|n| is_caption(&n)))
            .is_some_and(|(quote, caption)| quote < caption);
        if !has_picture && find(figure, "blockquote").is_none() {
            let mut text = String::new();
            text_of(
                &content.iter().map(|n| (*n).clone()).collect::<Vec<_>>(),
                &mut text,
            );
            let address = collapse_spaces(&text);
            let address = Some(address.as_str())
                .filter(|a| {
                    !a.contains(' ') && (a.starts_with("https://") || a.starts_with("http://"))
                })
                .map(str::to_owned)
                .or_else(|| {
                    find(figure, "iframe")
                        .and_then(|f| f.attribute("src"))
                        .map(str::to_owned)
                })
                .and_then(|a| safe_url(&a, UrlUse::Link));
            if let Some(address) = address {
                let label = caption_element
                    .map(|caption| self.inline(caption.children.iter()).0)
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| "Embedded media".to_owned());
                self.push_paragraph(format!("[{label}]({})", escape(&address)));
                self.dropped
                    .say(self.at, "an embed (a video or a post) shown as a link");
                return;
            }
        }
        if !has_picture && !quote_before_caption {
            self.walk(&figure.children);
            self.flush();
            return;
        }
        let before = self.blocks.len();
        for node in content {
            self.walk(std::slice::from_ref(node));
        }
        self.flush();
        let Some(caption_element) = caption_element else {
            return;
        };
        let caption = self.inline(caption_element.children.iter()).0;
        if caption.is_empty() {
            return;
        }
        let added = &mut self.blocks[before..];
        if let Some(Block::Image(image)) = added
            .iter_mut()
            .find(|b| matches!(b, Block::Image(i) if i.caption.is_none()))
        {
            image.caption = Some(caption);
        } else if let Some(Block::Quote { cite, .. }) = added
            .iter_mut()
            .find(|b| matches!(b, Block::Quote { cite: None, .. }))
        {
            let mut plain = String::new();
            text_of(&caption_element.children, &mut plain);
            *cite = Some(collapse_spaces(&plain));
        } else {
            self.push_paragraph(caption);
        }
    }

    fn image(&mut self, img: &Element, caption: Option<String>) {
        match image_of(img, caption) {
            Some(image) => self.blocks.push(Block::Image(image)),
            None => self.dropped.note(self.at, "<img> without an allowed src"),
        }
    }

    /// A quote: its text, and its source from a `<cite>` or `<footer>`
    /// that ends it (one before the words is read in place). A quote
    /// with no other text keeps its source's words as a paragraph.
    fn quote(&mut self, quote: &Element) {
        let significant: Vec<&HtmlNode> = quote
            .children
            .iter()
            .filter(|n| !matches!(n, HtmlNode::Text(t) if t.trim().is_empty()))
            .collect();
        let source = significant.last().copied().filter(
            |n| matches!(n, HtmlNode::Element(e) if e.name == "cite" || e.name == "footer"),
        );
        let cite = source.and_then(|node| {
            let mut text = String::new();
            text_of(std::slice::from_ref(node), &mut text);
            non_empty_text(collapse_spaces(&text))
        });
        let content = quote
            .children
            .iter()
            .filter(|node| source.is_none_or(|source| !std::ptr::eq(*node, source)));
        let (text, images) = self.inline(content);
        if !text.is_empty() {
            self.blocks.push(Block::Quote { text, cite });
        } else if let Some(cite) = cite {
            self.push_paragraph(escape(&cite));
        }
        self.push_images(images);
    }

    /// A list. v1's lists are flat: a list inside an item gives items of
    /// its own after that item's text, and anything else inside the list
    /// (a heading, a paragraph, a CMS's wrapper) ends the list there, is
    /// read as blocks, and a new list goes on after it. No text is lost.
    fn list(&mut self, list: &'a Element) {
        let ordered = list.name == "ol";
        let mut items = Vec::new();
        let mut images = Vec::new();
        self.list_items(&list.children, &mut items, &mut images, ordered);
        self.end_list(&mut items, &mut images, ordered);
    }

    fn list_items(
        &mut self,
        children: &'a [HtmlNode],
        items: &mut Vec<String>,
        images: &mut Vec<Image>,
        ordered: bool,
    ) {
        for node in children {
            match node {
                HtmlNode::Element(item) if item.name == "li" => {
                    let (nested, own): (Vec<&HtmlNode>, Vec<&HtmlNode>) =
                        item.children.iter().partition(|child| {
                            matches!(child, HtmlNode::Element(e) if e.name == "ul" || e.name == "ol")
                        });
                    let (text, found) = self.inline(own.into_iter());
                    images.extend(found);
                    if !text.is_empty() {
                        items.push(text);
                    }
                    for list in nested {
                        if let HtmlNode::Element(list) = list {
                            self.list_items(&list.children, items, images, ordered);
                        }
                    }
                }
                // Lists straight inside lists, as some editors write them.
                HtmlNode::Element(list) if list.name == "ul" || list.name == "ol" => {
                    self.list_items(&list.children, items, images, ordered);
                }
                HtmlNode::Element(_) => {
                    self.end_list(items, images, ordered);
                    self.walk(std::slice::from_ref(node));
                    self.flush();
                }
                HtmlNode::Text(text) if !text.trim().is_empty() => {
                    items.push(escape(&collapse_spaces(text)));
                }
                HtmlNode::Text(_) => {}
            }
        }
    }

    /// A table as v1 can show it: its caption, then a list with a row an
    /// item, the cells joined by " · " (results, timetables: the words
    /// stay, the grid goes).
    fn table(&mut self, table: &'a Element) {
        fn rows<'e>(element: &'e Element, out: &mut Vec<&'e Element>) {
            for node in &element.children {
                if let HtmlNode::Element(child) = node {
                    match child.name.as_str() {
                        "tr" => out.push(child),
                        "thead" | "tbody" | "tfoot" => rows(child, out),
                        _ => {}
                    }
                }
            }
        }
        if let Some(caption) = find(table, "caption") {
            self.paragraph(&caption.children);
        }
        let mut found = Vec::new();
        rows(table, &mut found);
        let mut items = Vec::new();
        let mut images = Vec::new();
        for row in found {
            let mut cells = Vec::new();
            for node in &row.children {
                if let HtmlNode::Element(cell) = node {
                    if cell.name == "td" || cell.name == "th" {
                        let (text, pictures) = self.inline(cell.children.iter());
                        images.extend(pictures);
                        if !text.is_empty() {
                            cells.push(text);
                        }
                    }
                }
            }
            if !cells.is_empty() {
                items.push(cells.join(" · "));
            }
        }
        if !items.is_empty() {
            self.dropped
                .say(self.at, "a table shown as a list of its rows");
        }
        self.end_list(&mut items, &mut images, false);
    }

    /// The items so far as a list block, and the pictures met in them.
    fn end_list(&mut self, items: &mut Vec<String>, images: &mut Vec<Image>, ordered: bool) {
        if !items.is_empty() {
            self.blocks.push(Block::List {
                items: std::mem::take(items),
                ordered,
            });
        }
        self.push_images(std::mem::take(images));
    }
}

/// Elements that are text in a line, whatever they hold.
pub(crate) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "strong"
            | "b"
            | "em"
            | "i"
            | "span"
            | "u"
            | "s"
            | "small"
            | "mark"
            | "code"
            | "sup"
            | "sub"
            | "q"
            | "cite"
            | "time"
            | "abbr"
            | "font"
            | "br"
            | "img"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "img"
            | "blockquote"
            | "ul"
            | "ol"
            | "pre"
            | "hr"
            | "table"
    ) || IGNORED.contains(&name)
        || DROPPED.contains(&name)
        || CONTAINERS.contains(&name)
}

fn non_empty_text(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The first element named `name` inside `element` (not itself).
fn find<'e>(element: &'e Element, name: &str) -> Option<&'e Element> {
    find_where(element, &|child| child.name == name)
}

/// The first element inside `element` (not itself) that `wanted` accepts,
/// depth first.
fn find_where<'e>(element: &'e Element, wanted: &dyn Fn(&Element) -> bool) -> Option<&'e Element> {
    element.children.iter().find_map(|node| match node {
        HtmlNode::Element(child) if wanted(child) => Some(child),
        HtmlNode::Element(child) => find_where(child, wanted),
        HtmlNode::Text(_) => None,
    })
}

/// The picture, if its address passes the allow-list for images.
fn image_of(img: &Element, caption: Option<String>) -> Option<Image> {
    let src = safe_url(img.attribute("src")?, UrlUse::Image)?;
    let number = |name: &str| img.attribute(name).and_then(|n| n.trim().parse().ok());
    Some(Image {
        src,
        alt: collapse_spaces(img.attribute("alt").unwrap_or_default()),
        caption,
        credit: None,
        width: number("width"),
        height: number("height"),
    })
}

/// Writes inline markup: `**strong**`, `*emphasis*`, `[label](url)`.
struct Inline<'a, 'd, 'i> {
    at: &'a str,
    dropped: &'d mut Dropped,
    /// Pictures met inside text: they become blocks after it.
    images: &'i mut Vec<Image>,
    strong: bool,
    emphasis: bool,
    link: bool,
}

impl Inline<'_, '_, '_> {
    fn nodes(&mut self, nodes: &[HtmlNode], out: &mut String) {
        for node in nodes {
            self.node(node, out);
        }
    }

    fn node(&mut self, node: &HtmlNode, out: &mut String) {
        let element = match node {
            HtmlNode::Text(text) => return out.push_str(&escape(text)),
            HtmlNode::Element(element) => element,
        };
        let name = element.name.as_str();
        match name {
            // Text both strong and emphasised keeps only the outer one:
            // v1 reads `***both***` as strong "*both" and a "*".
            "strong" | "b" if !self.strong => {
                let (strong, emphasis) = (self.strong, self.emphasis);
                self.strong = true;
                self.emphasis |= only_child_is(element, &["em", "i"]);
                self.wrapped("**", &element.children, out);
                (self.strong, self.emphasis) = (strong, emphasis);
            }
            "em" | "i" if !self.emphasis => {
                let (strong, emphasis) = (self.strong, self.emphasis);
                self.emphasis = true;
                self.strong |= only_child_is(element, &["strong", "b"]);
                self.wrapped("*", &element.children, out);
                (self.strong, self.emphasis) = (strong, emphasis);
            }
            // An in-page anchor (a footnote's number, its way back) points
            // at an id v1 does not keep: its label as text, a footnote's
            // number in parentheses, a way back (↩) left out.
            "a" if element
                .attribute("href")
                .is_some_and(|h| h.trim().starts_with('#')) =>
            {
                let mut label = String::new();
                text_of(&element.children, &mut label);
                let label = collapse_spaces(&label);
                if label.chars().all(|c| c.is_ascii_digit()) && !label.is_empty() {
                    out.push_str(&format!(" \\({label}\\)"));
                } else if label.chars().any(char::is_alphanumeric) {
                    self.nodes(&element.children, out);
                }
            }
            "a" if !self.link => match element.attribute("href").map(str::trim) {
                // A refused address (`javascript:`, `//host`) leaves the label
                // as text, as v1 does, and never reaches the v1 document.
                Some(href) if !href.is_empty() && safe_url(href, UrlUse::Link).is_none() => {
                    self.dropped.note(self.at, "link to a refused address");
                    self.nodes(&element.children, out);
                }
                Some(href) if !href.is_empty() => {
                    self.link = true;
                    let mut label = String::new();
                    self.nodes(&element.children, &mut label);
                    self.link = false;
                    let label = tidy(&label);
                    if label.is_empty() {
                        return;
                    }
                    out.push_str(&format!("[{label}]({})", escape(href)));
                }
                _ => self.nodes(&element.children, out),
            },
            "br" => out.push(' '),
            // An agency's dateline and source (`<span class="dateline">`)
            // stay words of their own, not glued to the text after them.
            "span"
                if element.attribute("class").is_some_and(|class| {
                    ["dateline", "location", "source", "byline"]
                        .iter()
                        .any(|kind| class.to_ascii_lowercase().contains(kind))
                }) =>
            {
                out.push(' ');
                self.nodes(&element.children, out);
                out.push(' ');
            }
            "img" => match image_of(element, None) {
                Some(image) => self.images.push(image),
                None => self.dropped.note(self.at, "<img> without an allowed src"),
            },
            _ if IGNORED.contains(&name) => {}
            _ if DROPPED.contains(&name) => self.dropped.note(self.at, &format!("<{name}>")),
            // Blocks inside text (a list in a list item) keep a space
            // between them.
            _ if is_block(name) || SPACED.contains(&name) => {
                out.push(' ');
                self.nodes(&element.children, out);
                out.push(' ');
            }
            _ => self.nodes(&element.children, out),
        }
    }

    /// `marker` around the children, with their outer spaces outside it
    /// (`** a **` would not read as strong).
    fn wrapped(&mut self, marker: &str, children: &[HtmlNode], out: &mut String) {
        let mut inner = String::new();
        self.nodes(children, &mut inner);
        let inner = collapse_spaces_keeping_ends(&inner);
        let trimmed = inner.trim();
        if trimmed.is_empty() {
            out.push_str(&inner);
            return;
        }
        if inner.starts_with(' ') {
            out.push(' ');
        }
        out.push_str(marker);
        out.push_str(trimmed);
        out.push_str(marker);
        if inner.ends_with(' ') {
            out.push(' ');
        }
    }
}

/// Whether the element's only content (spaces aside) is one of `names`.
fn only_child_is(element: &Element, names: &[&str]) -> bool {
    let mut children = element
        .children
        .iter()
        .filter(|node| !matches!(node, HtmlNode::Text(text) if text.trim().is_empty()));
    matches!(
        (children.next(), children.next()),
        (Some(HtmlNode::Element(child)), None) if names.contains(&child.name.as_str())
    )
}

/// Text as v1 inline markup: its markup characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '[' | ']' | '(' | ')') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// HTML's white space collapsed to single spaces, trimmed.
pub fn collapse_spaces(text: &str) -> String {
    collapse_spaces_keeping_ends(text).trim().to_owned()
}

fn collapse_spaces_keeping_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn tidy(markup: &str) -> String {
    collapse_spaces(markup)
}
