//! What the widget reads from its host element (attributes and property
//! changes as signals, the source in order of precedence) and what it shows
//! (nothing, a skeleton, the article or a failure).

use crate::browser::{explain, warn, FailureKind, FetchError};
use crate::i18n::document_warnings;
use crate::model::{Article, ParseError, Parsed};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

/// What the host element says, as signals: its attributes, and a counter
/// for changes of its `article` property.
#[derive(Clone, Copy, Debug)]
pub struct WidgetInputs {
    pub src: RwSignal<Option<String>>,
    /// The `format` attribute: the feed's format when it is not v1.
    pub format: RwSignal<Option<String>>,
    pub lang: RwSignal<Option<String>>,
    pub entitled: RwSignal<bool>,
    pub article_changes: RwSignal<u32>,
    /// Counts `reload()` calls (and Retry): each fetches `src` again.
    pub reloads: RwSignal<u32>,
    /// Counts changes of the `strings` property.
    pub strings_changes: RwSignal<u32>,
}

impl WidgetInputs {
    pub fn read_from(host: &HtmlElement) -> Self {
        WidgetInputs {
            src: RwSignal::new(host.get_attribute("src")),
            format: RwSignal::new(host.get_attribute("format")),
            lang: RwSignal::new(host.get_attribute("lang")),
            entitled: RwSignal::new(host.has_attribute("entitled")),
            article_changes: RwSignal::new(0),
            reloads: RwSignal::new(0),
            strings_changes: RwSignal::new(0),
        }
    }

    /// Takes in a change of the attribute (or property) `name`.
    pub fn update_from(&self, host: &HtmlElement, name: &str) {
        match name {
            "src" => self.src.set(host.get_attribute("src")),
            "format" => self.format.set(host.get_attribute("format")),
            "lang" => self.lang.set(host.get_attribute("lang")),
            "entitled" => self.entitled.set(host.has_attribute("entitled")),
            "article" => self.article_changes.update(|n| *n = n.wrapping_add(1)),
            "reload" => self.reloads.update(|n| *n = n.wrapping_add(1)),
            "strings" => self.strings_changes.update(|n| *n = n.wrapping_add(1)),
            _ => {}
        }
    }
}

/// Where the article comes from, in order of precedence. JavaScript values
/// are compared by `generation` (the number of `article` changes), so
/// setting the property again reads it again.
#[derive(Clone, Debug)]
pub(super) enum Source {
    /// The `article` property: JSON text or an object.
    PropertyText(SendWrapper<JsValue>, u32),
    PropertyValue(SendWrapper<JsValue>, u32),
    /// The JSON text of a `<script type="application/json">` child.
    DataIsland(SendWrapper<JsValue>, u32),
    /// The `src` attribute, fetched.
    Url(String),
    /// Nothing (yet: the host page may still set one).
    Nothing,
}

impl Source {
    /// How the `ready` event names it.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Source::PropertyText(..) | Source::PropertyValue(..) => "property",
            Source::DataIsland(..) => "island",
            Source::Url(_) | Source::Nothing => "src",
        }
    }
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Source::Url(a), Source::Url(b)) => a == b,
            (Source::PropertyText(_, a), Source::PropertyText(_, b))
            | (Source::PropertyValue(_, a), Source::PropertyValue(_, b))
            | (Source::DataIsland(_, a), Source::DataIsland(_, b)) => a == b,
            (Source::Nothing, Source::Nothing) => true,
            _ => false,
        }
    }
}

/// What the widget shows. The article is shared, not copied, on each
/// re-render; a new article is a new `Arc`.
#[derive(Clone, Debug)]
pub(super) enum State {
    /// No source: nothing to show, nothing to wait for.
    Empty,
    /// `src` is being fetched.
    Waiting,
    Ready(Arc<Article>, Warnings),
    Failed(Failure),
}

/// What reading an article skipped, for the console.
#[derive(Clone, Debug)]
pub(super) struct Warnings {
    /// One line each, in document order.
    pub(super) lines: Arc<[String]>,
    /// The document, when the quick reader named a part it left out without
    /// the path inside it (`Parsed::paths_pending`): the lines to print come
    /// from reading it again with the tracked reader (as many, exact).
    pub(super) exact_from: Option<SendWrapper<JsValue>>,
}

impl Warnings {
    /// What reading skipped in `parsed`; `pending` is the document when
    /// the exact paths inside the parts it left out are still to be named
    /// (`QuickRead::Read`).
    pub(super) fn of(parsed: &Parsed, pending: Option<JsValue>) -> Self {
        Warnings {
            lines: document_warnings(parsed).into(),
            exact_from: pending.map(SendWrapper::new),
        }
    }

    /// Prints them on the console; those of a document whose left-out parts
    /// need their exact paths, once the tracked reader (a part of its own in
    /// a split build) has named them, a moment later.
    pub(super) fn print(&self) {
        let Some(document) = self.exact_from.clone() else {
            for line in self.lines.iter() {
                warn(&format!("article-widget: {line}"));
            }
            return;
        };
        let quick_lines = Arc::clone(&self.lines);
        leptos::task::spawn_local(async move {
            // The tracked reader accepts what the quick one read (both
            // readers agree: tested natively and in the browser). Should
            // that ever break, or its part not load, the quick lines still
            // say what was left out, without the path inside it.
            let lines = match explain(document.take()).await {
                Ok(exact) => document_warnings(&exact),
                Err(_) => quick_lines.to_vec(),
            };
            for line in lines {
                warn(&format!("article-widget: {line}"));
            }
        });
    }
}

/// Why the article is not shown, and whether trying again may help.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Failure {
    /// The message, with its JSON path for a document.
    pub(super) error: ParseError,
    pub(super) kind: FailureKind,
    pub(super) status: Option<u16>,
    /// A fetch failed: offer Try again.
    pub(super) retry: bool,
}

impl From<&FetchError> for Failure {
    /// The network's failure: worth trying again.
    fn from(failed: &FetchError) -> Self {
        Failure {
            error: ParseError::new("", failed.message.clone()),
            kind: failed.kind,
            status: failed.status,
            retry: true,
        }
    }
}

impl Failure {
    pub(super) fn of_document(error: ParseError, retry: bool) -> Self {
        Failure {
            error,
            kind: FailureKind::Format,
            status: None,
            retry,
        }
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (State::Empty, State::Empty) | (State::Waiting, State::Waiting) => true,
            (State::Ready(a, _), State::Ready(b, _)) => Arc::ptr_eq(a, b),
            (State::Failed(a), State::Failed(b)) => a == b,
            _ => false,
        }
    }
}
