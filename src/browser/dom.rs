//! Article text into DOM nodes: markup steps (see `components::markup`) are
//! encoded as numbers plus one string and built by `dom.js` in one call.

use crate::markup_steps::Markup;
use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

#[wasm_bindgen(module = "/src/browser/dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildNodes)]
    fn build_nodes(ops: &[u32], text: &str) -> Array;
    #[wasm_bindgen(js_name = mountNodes)]
    fn mount_nodes(nodes: &Array, parent: &Element, marker: Option<&Node>);
    #[wasm_bindgen(js_name = unmountNodes)]
    fn unmount_nodes(nodes: &Array);
    #[wasm_bindgen(js_name = insertBeforeLast)]
    fn insert_before_last(nodes: &Array, added: &Array);
    #[wasm_bindgen(js_name = nextTask)]
    fn next_task(callback: JsValue);
    #[wasm_bindgen(js_name = setScriptText)]
    fn set_script_text(script: &Element, text: &str) -> bool;
    #[wasm_bindgen(js_name = shapeOf)]
    fn shape_of_children(root: &Element) -> String;
}

// The step codes `dom.js` reads.
const NAME: u32 = 0;
const OPEN: u32 = 1;
const OPEN_SVG: u32 = 2;
const ATTR: u32 = 3;
const TEXT: u32 = 4;
const CLOSE: u32 = 5;

/// Markup steps, encoded for `dom.js`.
#[derive(Default)]
pub struct DomMarkup {
    ops: Vec<u32>,
    /// Every name and text, one after another; `ops` point into it.
    text: String,
    /// `text`'s length in UTF-16 code units: JavaScript's string offsets.
    text_units: u32,
    /// Tag and attribute names sent so far; ops name them by index.
    names: Vec<&'static str>,
}

impl DomMarkup {
    /// Builds the elements; returns the top-level ones, not yet mounted. When
    /// nothing was written, an empty comment instead, so that what replaces
    /// it later has a place to go (as Leptos's `()` does).
    pub fn build(self) -> Array {
        let nodes = self.build_all();
        if nodes.length() == 0 {
            nodes.push(&leptos::prelude::document().create_comment(""));
        }
        nodes
    }

    /// Builds the elements; returns the top-level ones (none if nothing was
    /// written), not yet mounted.
    pub fn build_all(self) -> Array {
        build_nodes(&self.ops, &self.text)
    }

    /// About how much work building these nodes is: one per step and one per
    /// 32 characters of text (see `components::StaticMarkup::in_parts`).
    pub fn work(&self) -> usize {
        self.ops.len() + self.text_units as usize / 32
    }

    /// Appends `text` and returns its start and length in UTF-16 units.
    fn push_text(&mut self, text: &str) -> [u32; 2] {
        let start = self.text_units;
        let units = if text.is_ascii() {
            text.len()
        } else {
            text.chars().map(char::len_utf16).sum()
        };
        self.text.push_str(text);
        self.text_units += units as u32;
        [start, units as u32]
    }

    fn name(&mut self, name: &'static str) -> u32 {
        if let Some(index) = self.names.iter().position(|known| *known == name) {
            return index as u32;
        }
        let [start, length] = self.push_text(name);
        self.ops.extend([NAME, start, length]);
        self.names.push(name);
        (self.names.len() - 1) as u32
    }
}

impl Markup for DomMarkup {
    fn open(&mut self, tag: &'static str) {
        let name = self.name(tag);
        self.ops.extend([OPEN, name]);
    }

    fn open_svg(&mut self, tag: &'static str) {
        let name = self.name(tag);
        self.ops.extend([OPEN_SVG, name]);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        let name = self.name(name);
        let [start, length] = self.push_text(value);
        self.ops.extend([ATTR, name, start, length]);
    }

    fn text(&mut self, text: &str) {
        let [start, length] = self.push_text(text);
        self.ops.extend([TEXT, start, length]);
    }

    fn close(&mut self) {
        self.ops.push(CLOSE);
    }
}

/// Puts built nodes into `parent`, before `marker` (at the end if none).
pub fn mount_all(nodes: &Array, parent: &Element, marker: Option<&Node>) {
    mount_nodes(nodes, parent, marker);
}

/// Takes built nodes out of the page.
pub fn unmount_all(nodes: &Array) {
    unmount_nodes(nodes);
}

/// Adds `added` before the last of `nodes`, an end marker: in the list, and
/// in the page if the marker is in it.
pub fn insert_before_end(nodes: &Array, added: &Array) {
    insert_before_last(nodes, added);
}

/// Runs `run` in a task of its own, soon (not clamped as nested timeouts
/// are), so that the page can paint and take input in between.
pub fn in_next_task(run: impl FnOnce() + 'static) {
    next_task(Closure::once_into_js(run));
}

/// Sets the text of a `<script>` element, through the Trusted Types policy
/// `article-widget` where the browser has Trusted Types; false if the page
/// does not allow that policy.
pub fn script_text(script: &Element, text: &str) -> bool {
    set_script_text(script, text)
}

/// The shape of `root`'s children (see [`crate::fingerprint::shape_hash`]).
pub fn shape_of(root: &Element) -> String {
    shape_of_children(root)
}
