//! Article text (the body blocks, inline markup, figures) written as a
//! sequence of open/attribute/text/close steps, and a view type that turns
//! those steps straight into DOM nodes.
//!
//! Why not `view!`: article text never changes once shown, yet each
//! `view!` node carries framework state, and inline runs (a `Vec` of views
//! per paragraph, per link, per emphasis) add a comment marker each: about
//! three per block. Written this way the body costs what its DOM costs
//! (see the README's "Cost"). Everything stays nodes and attributes: no
//! HTML text is ever parsed, so article text cannot become markup.

use crate::browser::{mount_all, unmount_all, DomMarkup};
use crate::i18n::Text;
use crate::model::{Block, Heading, Image, Inline, List, Paragraph, Quote, ReadAlso, RichText};
use js_sys::Array;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use leptos::wasm_bindgen::JsCast;

/// Where markup steps go: DOM nodes in the browser, or HTML text.
pub trait Markup {
    /// Opens an HTML element as a child of the open one.
    fn open(&mut self, tag: &'static str);
    /// Opens an SVG element.
    fn open_svg(&mut self, tag: &'static str);
    /// Sets an attribute of the element opened last.
    fn attr(&mut self, name: &'static str, value: &str);
    /// Adds text to the open element.
    fn text(&mut self, text: &str);
    /// Closes the element opened last.
    fn close(&mut self);
}

/// Writes markup steps as HTML text, escaped (for server rendering and tests).
#[derive(Default)]
pub struct HtmlMarkup {
    pub html: String,
    open: Vec<&'static str>,
    in_tag: bool,
}

impl HtmlMarkup {
    fn end_tag_start(&mut self) {
        if self.in_tag {
            self.html.push('>');
            self.in_tag = false;
        }
    }

    fn escape(&mut self, text: &str, quotes: bool) {
        for c in text.chars() {
            match c {
                '&' => self.html.push_str("&amp;"),
                '<' => self.html.push_str("&lt;"),
                '>' => self.html.push_str("&gt;"),
                '"' if quotes => self.html.push_str("&quot;"),
                c => self.html.push(c),
            }
        }
    }
}

impl Markup for HtmlMarkup {
    fn open(&mut self, tag: &'static str) {
        self.end_tag_start();
        self.html.push('<');
        self.html.push_str(tag);
        self.open.push(tag);
        self.in_tag = true;
    }

    fn open_svg(&mut self, tag: &'static str) {
        self.open(tag);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        self.escape(value, true);
        self.html.push('"');
    }

    fn text(&mut self, text: &str) {
        self.end_tag_start();
        self.escape(text, false);
    }

    fn close(&mut self) {
        self.end_tag_start();
        let tag = self.open.pop().unwrap_or_default();
        if tag != "img" {
            self.html.push_str("</");
            self.html.push_str(tag);
            self.html.push('>');
        }
    }
}

/// Opens `tag`, lets `content` fill it, closes it.
pub fn element(m: &mut dyn Markup, tag: &'static str, content: impl FnOnce(&mut dyn Markup)) {
    m.open(tag);
    content(m);
    m.close();
}

/// Inline text with its strong, emphasis and link runs.
pub fn rich_text(m: &mut dyn Markup, text: &RichText) {
    inlines(m, &text.0);
}

fn inlines(m: &mut dyn Markup, inlines_: &[Inline]) {
    for inline in inlines_ {
        match inline {
            Inline::Text(text) => m.text(text),
            Inline::Strong(children) => element(m, "strong", |m| inlines(m, children)),
            Inline::Emphasis(children) => element(m, "em", |m| inlines(m, children)),
            Inline::Link { href, children } => {
                m.open("a");
                m.attr("href", href);
                inlines(m, children);
                m.close();
            }
        }
    }
}

/// One block of the article body: exactly one element.
pub fn block(m: &mut dyn Markup, block: &Block, strings: &dyn Fn(Text) -> String) {
    match block {
        Block::Paragraph(Paragraph { text }) => element(m, "p", |m| rich_text(m, text)),
        Block::Heading(Heading { text, level }) => {
            let tag = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            element(m, tag, |m| rich_text(m, text));
        }
        Block::Image(image) => figure(m, image, false),
        Block::Quote(Quote { text, cite }) => {
            m.open("figure");
            m.attr("class", "aw-quote");
            element(m, "blockquote", |m| element(m, "p", |m| rich_text(m, text)));
            if let Some(cite) = cite {
                element(m, "figcaption", |m| m.text(cite));
            }
            m.close();
        }
        Block::List(List { items, ordered }) => {
            element(m, if *ordered { "ol" } else { "ul" }, |m| {
                for item in items {
                    element(m, "li", |m| rich_text(m, item));
                }
            });
        }
        Block::ReadAlso(read_also) => read_also_link(m, read_also, strings),
    }
}

/// A picture with its caption and credit. The image keeps its space while it
/// loads (its width and height, or a 3:2 box), so nothing shifts. The hero
/// picture loads at once and shows wide; body pictures load lazily.
pub fn figure(m: &mut dyn Markup, image: &Image, hero: bool) {
    m.open("figure");
    m.attr(
        "class",
        if hero {
            "aw-figure aw-hero"
        } else {
            "aw-figure"
        },
    );
    if let Some(src) = &image.src {
        m.open("img");
        m.attr("src", src);
        m.attr("alt", &image.alt);
        let sized = match (image.width, image.height) {
            (Some(width), Some(height)) => {
                m.attr("width", &width.to_string());
                m.attr("height", &height.to_string());
                true
            }
            (width, height) => {
                if let Some(width) = width {
                    m.attr("width", &width.to_string());
                }
                if let Some(height) = height {
                    m.attr("height", &height.to_string());
                }
                false
            }
        };
        m.attr(
            "class",
            if sized {
                "aw-img"
            } else {
                "aw-img aw-img-unsized"
            },
        );
        m.attr("loading", if hero { "eager" } else { "lazy" });
        m.attr("decoding", "async");
        m.close();
    }
    if image.caption.is_some() || image.credit.is_some() {
        m.open("figcaption");
        if let Some(caption) = &image.caption {
            rich_text(m, caption);
        }
        if let Some(credit) = &image.credit {
            m.text(" ");
            m.open("span");
            m.attr("class", "aw-credit");
            m.text(credit);
            m.close();
        }
        m.close();
    }
    m.close();
}

/// "Read also:" and a link to another article, with a padlock when that
/// article is for subscribers.
fn read_also_link(m: &mut dyn Markup, read_also: &ReadAlso, strings: &dyn Fn(Text) -> String) {
    m.open("p");
    m.attr("class", "aw-read-also");
    m.open("span");
    m.attr("class", "aw-read-also-label");
    m.text(&strings(Text::ReadAlso));
    m.close();
    m.text(" ");
    if read_also.premium {
        premium_badge(m, strings);
    }
    match &read_also.url {
        Some(url) => {
            m.open("a");
            m.attr("href", url);
            m.text(&read_also.title);
            m.close();
        }
        None => m.text(&read_also.title),
    }
    m.close();
}

/// The padlock's path, shared with the `PremiumBadge` component.
pub const PADLOCK_PATH: &str = "M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z";

/// The same markup as the `PremiumBadge` component.
fn premium_badge(m: &mut dyn Markup, strings: &dyn Fn(Text) -> String) {
    m.open("span");
    m.attr("class", "aw-premium");
    m.open_svg("svg");
    m.attr("class", "aw-padlock");
    m.attr("viewBox", "0 0 16 16");
    m.attr("width", "14");
    m.attr("height", "14");
    m.attr("aria-hidden", "true");
    m.attr("focusable", "false");
    m.open_svg("path");
    m.attr("d", PADLOCK_PATH);
    m.close();
    m.close();
    m.open("span");
    m.attr("class", "aw-visually-hidden");
    m.text(&strings(Text::SubscribersOnly));
    m.close();
    m.close();
    m.text(" ");
}

/// A view of the elements `write` writes: built straight into DOM nodes on
/// the client (one call into JavaScript for all of them), or written as
/// HTML text on a server.
pub struct StaticMarkup(Box<Writer>);

/// Writes markup steps.
type Writer = dyn FnOnce(&mut dyn Markup) + Send;

impl StaticMarkup {
    /// `write` writes elements only at its top level (no bare text), so the
    /// view is a list of elements.
    pub fn new(write: impl FnOnce(&mut dyn Markup) + Send + 'static) -> Self {
        StaticMarkup(Box::new(write))
    }
}

/// The top-level elements a [`StaticMarkup`] built.
pub struct StaticMarkupState(Array);

impl StaticMarkupState {
    fn first(&self) -> Option<Element> {
        let first = self.0.get(0);
        (!first.is_undefined()).then(|| first.unchecked_into())
    }
}

impl Mountable for StaticMarkupState {
    fn unmount(&mut self) {
        unmount_all(&self.0);
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        mount_all(&self.0, parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.first()
            .is_some_and(|first| first.insert_before_this(child))
    }

    fn elements(&self) -> Vec<Element> {
        self.0.iter().map(JsCast::unchecked_into).collect()
    }
}

impl Render for StaticMarkup {
    type State = StaticMarkupState;

    fn build(self) -> Self::State {
        let mut dom = DomMarkup::default();
        (self.0)(&mut dom);
        StaticMarkupState(dom.build())
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut fresh = self.build();
        if let Some(first) = state.first() {
            first.insert_before_this(&mut fresh);
        }
        state.unmount();
        *state = fresh;
    }
}

impl AddAnyAttr for StaticMarkup {
    type Output<SomeNewAttr: Attribute> = Self;

    /// Attributes spread onto a component go to its own elements; article
    /// text takes none.
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self
    }
}

impl RenderHtml for StaticMarkup {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        let mut html = HtmlMarkup::default();
        (self.0)(&mut html);
        buf.push_str(&html.html);
        *position = Position::NextChild;
    }

    /// The server wrote the same elements: adopt them (the text never
    /// changes).
    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        let mut count = TopLevel::default();
        (self.0)(&mut count);
        let adopted = Array::new();
        for _ in 0..count.elements {
            match position.get() {
                Position::FirstChild => cursor.child(),
                Position::Current => {}
                _ => cursor.sibling(),
            }
            position.set(Position::NextChild);
            adopted.push(&cursor.current());
        }
        StaticMarkupState(adopted)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// Counts what is written at the top level.
#[derive(Default)]
struct TopLevel {
    depth: usize,
    elements: usize,
    texts: usize,
}

impl Markup for TopLevel {
    fn open(&mut self, _tag: &'static str) {
        self.elements += usize::from(self.depth == 0);
        self.depth += 1;
    }

    fn open_svg(&mut self, tag: &'static str) {
        self.open(tag);
    }

    fn attr(&mut self, _name: &'static str, _value: &str) {}

    fn text(&mut self, _text: &str) {
        self.texts += usize::from(self.depth == 0);
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::UiStrings;
    use crate::model::Lang;

    fn html(write: impl FnOnce(&mut dyn Markup)) -> String {
        let mut markup = HtmlMarkup::default();
        write(&mut markup);
        markup.html
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let text = RichText::parse("a <b> & [\"q\"](https://x.example/?a=1&b=\"2\")");
        let written = html(|m| element(m, "p", |m| rich_text(m, &text)));
        assert_eq!(
            written,
            "<p>a &lt;b&gt; &amp; <a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">\"q\"</a></p>"
        );
    }

    #[test]
    fn each_block_is_one_closed_element() {
        let strings = UiStrings::new(Lang::En, Default::default());
        for json in [
            include_str!("../../www/articles/night-ferry.json"),
            include_str!("../../www/articles/havnebadet.json"),
        ] {
            let article = crate::model::parse_article(json).unwrap().article;
            for b in &article.body {
                let mut top = TopLevel::default();
                block(&mut top, b, &|text| strings.get(text));
                assert_eq!((top.elements, top.texts, top.depth), (1, 0, 0), "{b:?}");
            }
        }
    }
}
