//! What the widget reads from its host element and the page around it.

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

/// The host's `article` property as JSON text (a string is taken as JSON
/// already); `None` when it is not set.
pub fn article_property(host: &HtmlElement) -> Option<Result<String, String>> {
    let article = Reflect::get(host, &"article".into()).ok()?;
    if article.is_undefined() || article.is_null() {
        return None;
    }
    Some(as_json_text(&article))
}

fn as_json_text(article: &JsValue) -> Result<String, String> {
    if let Some(text) = article.as_string() {
        return Ok(text);
    }
    JSON::stringify(article)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            "the object cannot be turned into JSON (does it refer to itself?)".to_owned()
        })
}

/// The text of a `<script type="application/json">` child of the host.
pub fn data_island(host: &HtmlElement) -> Option<String> {
    let island = host
        .query_selector(":scope > script[type='application/json']")
        .ok()??;
    Some(island.text_content().unwrap_or_default())
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
