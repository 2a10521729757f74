//! A view type that turns markup steps (see `crate::markup`) straight into
//! DOM nodes. Article text (see `article_text`) is written this way.
//!
//! Why not `view!`: article text never changes once shown, yet each
//! `view!` node carries framework state, and inline runs (a `Vec` of views
//! per paragraph, per link, per emphasis) add a comment marker each: about
//! three per block. Written this way the body costs what its DOM costs
//! (see the README's "Cost"). Everything stays nodes and attributes: no
//! HTML text is ever parsed, so article text cannot become markup.

use crate::browser::{in_next_task, insert_before_end, mount_all, unmount_all, DomMarkup};
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
use std::cell::Cell;
use std::rc::Rc;

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

/// A long run of parts (the blocks of an article body), written so that it
/// never blocks the page for long: in the browser the first parts, up to
/// [`FIRST_TASK_WORK`], are built at once (the first screen and more), the
/// rest in later tasks of up to [`LATER_TASK_WORK`] each, appended in order
/// (each is laid out and painted before the next). On a server, and when
/// hydrating, all at once.
pub struct ChunkedMarkup {
    /// Writes the next part; false when none was left.
    write_next: Box<PartWriter>,
    /// Told whether parts are left for later tasks after the first, and
    /// `false` when the last is in.
    on_busy: Box<dyn Fn(bool) + Send>,
}

/// Writes one part at a time.
type PartWriter = dyn FnMut(&mut dyn Markup) -> bool + Send;

/// Work (see `DomMarkup::work`) built in the first task: about 270 blocks
/// of the benchmark's article, several screens, so a usual article is
/// written in one go.
const FIRST_TASK_WORK: usize = 8_000;
/// Work built in each later task: about 1,300 such blocks, measured at
/// 8 to 10 ms of script and 5 ms of layout and paint on this project's slow
/// 2-core machine (the parts off screen are not laid out; README, "Cost").
const LATER_TASK_WORK: usize = 40_000;

impl ChunkedMarkup {
    pub fn new(
        write_next: impl FnMut(&mut dyn Markup) -> bool + Send + 'static,
        on_busy: impl Fn(bool) + Send + 'static,
    ) -> Self {
        ChunkedMarkup {
            write_next: Box::new(write_next),
            on_busy: Box::new(on_busy),
        }
    }

    /// Writes parts until `work` is done or none is left; true if some are
    /// left.
    fn write_until(&mut self, dom: &mut DomMarkup, work: usize) -> bool {
        while dom.work() < work {
            if !(self.write_next)(dom) {
                return false;
            }
        }
        true
    }

    /// Writes everything.
    fn write_all(mut self, m: &mut dyn Markup) {
        while (self.write_next)(m) {}
    }
}

/// The nodes built so far, an end marker last while parts are left; the
/// later tasks stop when this is dropped.
pub struct ChunkedMarkupState {
    nodes: StaticMarkupState,
    alive: Rc<Cell<bool>>,
}

impl Drop for ChunkedMarkupState {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

impl Mountable for ChunkedMarkupState {
    fn unmount(&mut self) {
        self.nodes.unmount();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.nodes.mount(parent, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.nodes.insert_before_this(child)
    }

    fn elements(&self) -> Vec<Element> {
        self.nodes.elements()
    }
}

/// Builds the next parts into `nodes` in a task of its own, then schedules
/// the next, until none is left or the view is gone.
fn build_later(mut markup: ChunkedMarkup, nodes: Array, alive: Rc<Cell<bool>>) {
    in_next_task(move || {
        if !alive.get() {
            return;
        }
        let mut dom = DomMarkup::default();
        // One element a part, which the stylesheet lays out only near the
        // screen (`.aw-part`).
        dom.open("div");
        dom.attr("class", "aw-part");
        let more = markup.write_until(&mut dom, LATER_TASK_WORK);
        dom.close();
        insert_before_end(&nodes, &dom.build_all());
        if more {
            build_later(markup, nodes, alive);
        } else {
            (markup.on_busy)(false);
        }
    });
}

impl Render for ChunkedMarkup {
    type State = ChunkedMarkupState;

    fn build(mut self) -> Self::State {
        let mut dom = DomMarkup::default();
        let more = self.write_until(&mut dom, FIRST_TASK_WORK);
        let alive = Rc::new(Cell::new(true));
        // Told even when nothing is left: this may replace a view that was
        // still busy.
        (self.on_busy)(more);
        let nodes = if more {
            let nodes = dom.build_all();
            nodes.push(&leptos::prelude::document().create_comment(""));
            build_later(self, nodes.clone(), Rc::clone(&alive));
            nodes
        } else {
            dom.build()
        };
        ChunkedMarkupState {
            nodes: StaticMarkupState(nodes),
            alive,
        }
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut fresh = self.build();
        state.insert_before_this(&mut fresh);
        state.unmount();
        *state = fresh;
    }
}

impl AddAnyAttr for ChunkedMarkup {
    type Output<SomeNewAttr: Attribute> = Self;

    /// Article text takes no attributes (as [`StaticMarkup`]).
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self
    }
}

impl RenderHtml for ChunkedMarkup {
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
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        StaticMarkup::new(move |m| self.write_all(m)).to_html_with_buf(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        ChunkedMarkupState {
            nodes: StaticMarkup::new(move |m| self.write_all(m))
                .hydrate::<FROM_SERVER>(cursor, position),
            alive: Rc::new(Cell::new(true)),
        }
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
