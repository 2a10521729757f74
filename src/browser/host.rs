//! What the widget reads from its host element and the page around it.

use crate::model::{quoted, Lang, Push};
use js_sys::Reflect;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

/// The host's `article` property.
pub enum ArticleProperty {
    /// JSON text (left in JavaScript: the browser parses it).
    Text(JsValue),
    /// An object (or anything else a script set).
    Value(JsValue),
}

/// The host's `article` property; `None` when it is not set.
pub fn article_property(host: &HtmlElement) -> Option<ArticleProperty> {
    let article = Reflect::get(host, &"article".into()).ok()?;
    if article.is_undefined() || article.is_null() {
        return None;
    }
    Some(if article.is_string() {
        ArticleProperty::Text(article)
    } else {
        ArticleProperty::Value(article)
    })
}

/// The host page's language (`<html lang>`) if the widget has UI strings
/// for it, else English: for what is shown before there is an article.
pub fn page_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// What the host element asks of the widget besides its data: read as each
/// article, skeleton or error panel is shown.
pub struct HostOptions {
    /// `debug`: readers see an error's technical detail too.
    pub debug: bool,
    /// `no-json-ld`: structured data is the host's.
    pub without_json_ld: bool,
    /// `max-related`, `max-latest`: at most this many cards and items.
    pub most_related: Option<usize>,
    pub most_latest: Option<usize>,
    /// The `strings` property: UI strings by key for this widget.
    pub strings: BTreeMap<String, String>,
    /// The site's push settings (`push-key`, `push-subscribe-url`, …), for
    /// an article whose `notifications` give none.
    pub push: Option<Push>,
}

pub fn host_options(host: &HtmlElement) -> HostOptions {
    HostOptions {
        debug: host.has_attribute("debug"),
        without_json_ld: host.has_attribute("no-json-ld"),
        most_related: count_attribute(host, "max-related"),
        most_latest: count_attribute(host, "max-latest"),
        strings: strings_property(host),
        push: push_attributes(host),
    }
}

/// The push settings given once for a site on the element, as attributes
/// (the names below, each for a field of `notifications.push`): checked by
/// the same rules, and ignored with a warning naming the attribute when
/// wrong. `None` without `push-key` and `push-subscribe-url`.
fn push_attributes(host: &HtmlElement) -> Option<Push> {
    const NAMES: [(&str, &str); 4] = [
        ("vapidPublicKey", "push-key"),
        ("subscribeUrl", "push-subscribe-url"),
        ("unsubscribeUrl", "push-unsubscribe-url"),
        ("serviceWorker", "push-worker"),
    ];
    let [key, subscribe, unsubscribe, worker] = NAMES.map(|(_, name)| host.get_attribute(name));
    if key.is_none() && subscribe.is_none() {
        return None;
    }
    Push::new(
        key.unwrap_or_default(),
        subscribe.unwrap_or_default(),
        unsubscribe,
        worker,
    )
    .inspect_err(|error| {
        let attribute = NAMES
            .iter()
            .find(|(field, _)| *field == error.path)
            .map_or("push-key", |(_, name)| name);
        super::warn(&format!(
            "article-widget: {attribute}: {}; the site's push settings are ignored",
            error.message
        ));
    })
    .ok()
}

/// A whole-number attribute; anything else is ignored with a warning.
fn count_attribute(host: &HtmlElement, name: &str) -> Option<usize> {
    let value = host.get_attribute(name)?;
    let count = value.trim().parse::<usize>().ok();
    if count.is_none() {
        super::warn(&format!(
            "article-widget: {name}: expected a whole number, found {}; the default is used",
            quoted(&value)
        ));
    }
    count
}

/// The host's `strings` property, read as plain data; a value that is not an
/// object of strings is ignored with a warning. It is copied first, in
/// JavaScript, as the `article` property is: a getter of the host's that
/// throws is caught there, never in the middle of Rust code (a JS exception
/// crossing wasm frames would leave their borrows held).
/// Whether the page has set the `strings` property (read or not).
pub fn strings_set(host: &HtmlElement) -> bool {
    Reflect::get(host, &"strings".into())
        .is_ok_and(|value| !value.is_undefined() && !value.is_null())
}

fn strings_property(host: &HtmlElement) -> BTreeMap<String, String> {
    let Ok(value) = Reflect::get(host, &"strings".into()) else {
        return Default::default();
    };
    if value.is_undefined() || value.is_null() {
        return Default::default();
    }
    let copy = match super::plain_object(&value) {
        Ok(copy) => copy,
        Err(error) => {
            super::warn(&format!(
                "article-widget: the strings property could not be read ({}); ignored",
                error.message
            ));
            return Default::default();
        }
    };
    serde_wasm_bindgen::from_value(copy).unwrap_or_else(|error| {
        super::warn(&format!(
            "article-widget: the strings property: expected an object of strings ({error}); ignored"
        ));
        Default::default()
    })
}

/// The text of a `<script type="application/json">` child of the host, as
/// a JS string.
pub fn data_island(host: &HtmlElement) -> Option<JsValue> {
    let island = host
        .query_selector(":scope > script[type='application/json']")
        .ok()??;
    Reflect::get(&island, &"textContent".into()).ok()
}

/// Whether keyboard focus is inside `element`, looking through shadow roots
/// (a document's and a shadow root's `activeElement` alike).
pub fn focus_is_within(element: &Element) -> bool {
    let root = element.get_root_node();
    Reflect::get(&root, &"activeElement".into())
        .ok()
        .and_then(|active| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(active).ok())
        .is_some_and(|active| element.contains(Some(&active)))
}
