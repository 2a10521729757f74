//! Markup written as a sequence of open/attribute/text/close steps, and a
//! view type that turns those steps straight into DOM nodes. Article text
//! (see `article_text`) is written this way.
//!
//! Why not `view!`: article text never changes once shown, yet each
//! `view!` node carries framework state, and inline runs (a `Vec` of views
//! per paragraph, per link, per emphasis) add a comment marker each: about
//! three per block. Written this way the body costs what its DOM costs
//! (see the README's "Cost"). Everything stays nodes and attributes: no
//! HTML text is ever parsed, so article text cannot become markup.

use crate::browser::{mount_all, unmount_all, DomMarkup};
use js_sys::Array;
use leptos::prelude::document;
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

/// The top-level elements a [`StaticMarkup`] built; an empty comment when it
/// wrote none, so that a rebuild always has a place to go (as `()` does).
pub struct StaticMarkupState(Array);

impl StaticMarkupState {
    fn new(nodes: Array) -> Self {
        if nodes.length() == 0 {
            nodes.push(&document().create_comment(""));
        }
        StaticMarkupState(nodes)
    }

    fn first(&self) -> Node {
        self.0.get(0).unchecked_into()
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
        let first = self.first();
        match first.parent_node() {
            // The parent may be a shadow root: only `insertBefore` is used.
            Some(parent) => {
                child.mount(parent.unchecked_ref(), Some(&first));
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        self.0
            .iter()
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }
}

impl Render for StaticMarkup {
    type State = StaticMarkupState;

    fn build(self) -> Self::State {
        let mut dom = DomMarkup::default();
        (self.0)(&mut dom);
        StaticMarkupState::new(dom.build())
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut fresh = self.build();
        state.insert_before_this(&mut fresh);
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
        // The client keeps an empty comment in place of nothing.
        buf.push_str(if html.html.is_empty() {
            "<!---->"
        } else {
            &html.html
        });
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
        // Nothing written: the server wrote an empty comment.
        for _ in 0..count.elements.max(1) {
            match position.get() {
                Position::FirstChild => cursor.child(),
                Position::Current => {}
                _ => cursor.sibling(),
            }
            position.set(Position::NextChild);
            adopted.push(&cursor.current());
        }
        StaticMarkupState::new(adopted)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// Counts what is written at the top level.
#[derive(Default)]
pub(crate) struct TopLevel {
    pub depth: usize,
    pub elements: usize,
    pub texts: usize,
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
    use crate::components::article_text::{element, rich_text};
    use crate::model::RichText;

    #[test]
    fn text_and_attributes_are_escaped() {
        let text = RichText::parse("a <b> & [\"q\"](https://x.example/?a=1&b=\"2\")");
        let mut html = HtmlMarkup::default();
        element(&mut html, "p", |m| rich_text(m, &text));
        assert_eq!(
            html.html,
            "<p>a &lt;b&gt; &amp; <a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">\"q\"</a></p>"
        );
    }

    #[test]
    fn counts_top_level_elements_and_text() {
        let mut count = TopLevel::default();
        element(&mut count, "p", |m| m.text("x"));
        count.text("loose");
        element(&mut count, "ul", |m| element(m, "li", |_| {}));
        assert_eq!((count.elements, count.texts, count.depth), (2, 1, 0));
    }
}
