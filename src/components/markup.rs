//! A view type that turns markup steps (see `crate::markup`) straight into
//! DOM nodes. Article text (see `article_text`) is written this way.
//!
//! Why not `view!`: article text never changes once shown, yet each
//! `view!` node carries framework state, and inline runs (a `Vec` of views
//! per paragraph, per link, per emphasis) add a comment marker each: about
//! three per block. Written this way the body costs what its DOM costs
//! (see the README's "Cost"). Everything stays nodes and attributes: no
//! HTML text is ever parsed, so article text cannot become markup.

use crate::browser::{mount_all, unmount_all, DomMarkup};
pub use crate::markup::Markup;
use crate::markup::{HtmlMarkup, TopLevel};
use js_sys::Array;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use leptos::wasm_bindgen::JsCast;

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
/// Never empty.
pub struct StaticMarkupState(Array);

impl StaticMarkupState {
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
        StaticMarkupState(dom.build())
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
        StaticMarkupState(adopted)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
