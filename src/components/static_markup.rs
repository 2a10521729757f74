//! A view type that turns markup steps (see `crate::markup_steps`) straight into
//! DOM nodes. Article text (see `article_text`) is written this way, a long
//! body in parts over several tasks.
//!
//! Why not `view!`: article text never changes once shown, yet each
//! `view!` node carries framework state, and inline runs (a `Vec` of views
//! per paragraph, per link, per emphasis) add a comment marker each: about
//! three per block. Written this way the body costs what its DOM costs
//! (see the README's "Cost"). Everything stays nodes and attributes: no
//! HTML text is ever parsed, so article text cannot become markup.

use crate::browser::{in_next_task, insert_before_end, mount_all, unmount_all, DomMarkup};
pub use crate::markup_steps::Markup;
use crate::markup_steps::{HtmlMarkup, TopLevel};
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

/// A view of the elements a writer writes: built straight into DOM nodes on
/// the client (one call into JavaScript per task), or written as HTML text
/// on a server.
///
/// Written in one go ([`StaticMarkup::new`]) or, for a long run of parts
/// such as the blocks of an article body, in parts ([`StaticMarkup::in_parts`])
/// so that it never blocks the page for long: in the browser the parts up
/// to [`FIRST_TASK_WORK`] are built at once (the first screen and more), the
/// rest in later tasks of up to [`LATER_TASK_WORK`] each, appended in order
/// (each is laid out and painted before the next). On a server, and when
/// hydrating, all at once.
pub struct StaticMarkup {
    /// Writes the next part; false when none was left.
    write_next: Box<PartWriter>,
    /// Written in parts: told whether parts are left for later tasks after
    /// the first, and `false` when the last is in.
    on_busy: Option<Box<dyn Fn(bool) + Send>>,
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

impl StaticMarkup {
    /// `write` writes elements only at its top level (no bare text), so the
    /// view is a list of elements.
    pub fn new(write: impl FnOnce(&mut dyn Markup) + Send + 'static) -> Self {
        let mut write = Some(write);
        StaticMarkup {
            write_next: Box::new(move |m| {
                if let Some(write) = write.take() {
                    write(m);
                }
                false
            }),
            on_busy: None,
        }
    }

    /// `write_next` writes the next part (elements only) and says whether
    /// it wrote one; `on_busy` is told whether parts are left for later
    /// tasks (also `false` when none are, since this may replace a view
    /// that was still busy), then `false` when the last is in.
    pub fn in_parts(
        write_next: impl FnMut(&mut dyn Markup) -> bool + Send + 'static,
        on_busy: impl Fn(bool) + Send + 'static,
    ) -> Self {
        StaticMarkup {
            write_next: Box::new(write_next),
            on_busy: Some(Box::new(on_busy)),
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

/// The top-level elements built so far: an end marker last while parts are
/// left, an empty comment when nothing was written (so that a rebuild
/// always has a place to go, as `()` does). Never empty. Later parts stop
/// being written when this is dropped.
pub struct StaticMarkupState {
    nodes: Array,
    alive: Rc<Cell<bool>>,
}

impl StaticMarkupState {
    fn first(&self) -> Node {
        self.nodes.get(0).unchecked_into()
    }
}

impl Drop for StaticMarkupState {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

impl Mountable for StaticMarkupState {
    fn unmount(&mut self) {
        unmount_all(&self.nodes);
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        mount_all(&self.nodes, parent, marker);
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
        self.nodes
            .iter()
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }
}

/// Builds the next parts into `nodes` in a task of its own, then schedules
/// the next, until none is left or the view is gone.
fn build_later(mut markup: StaticMarkup, nodes: Array, alive: Rc<Cell<bool>>) {
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
        } else if let Some(on_busy) = &markup.on_busy {
            on_busy(false);
        }
    });
}

impl Render for StaticMarkup {
    type State = StaticMarkupState;

    fn build(mut self) -> Self::State {
        let mut dom = DomMarkup::default();
        let first_task = if self.on_busy.is_some() {
            FIRST_TASK_WORK
        } else {
            usize::MAX
        };
        let more = self.write_until(&mut dom, first_task);
        let alive = Rc::new(Cell::new(true));
        if let Some(on_busy) = &self.on_busy {
            on_busy(more);
        }
        let nodes = if more {
            let nodes = dom.build_all();
            nodes.push(&leptos::prelude::document().create_comment(""));
            build_later(self, nodes.clone(), Rc::clone(&alive));
            nodes
        } else {
            dom.build()
        };
        StaticMarkupState { nodes, alive }
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
        self.write_all(&mut html);
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
        self.write_all(&mut count);
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
        StaticMarkupState {
            nodes: adopted,
            alive: Rc::new(Cell::new(true)),
        }
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
