//! What the widget puts outside its shadow root: the article's JSON-LD in
//! the host document's `<head>`, for as long as the article is shown.

use super::{dom, to_json_text, warn};

/// The document an `<article-widget>` is in, for what the widget puts
/// outside its shadow root (the JSON-LD).
#[derive(Clone)]
pub struct HostDocument(send_wrapper::SendWrapper<web_sys::Document>);

impl HostDocument {
    pub fn new(document: web_sys::Document) -> Self {
        HostDocument(send_wrapper::SendWrapper::new(document))
    }
}

/// `relative` resolved against the host page's base URL (the JSON-LD is
/// read by crawlers apart from the page), as the browser resolves it.
pub fn resolve_against_page(relative: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(relative, &base)
        .ok()
        .map(|url| url.href())
}

/// Puts JSON-LD metadata into the host document's `<head>` for as long as
/// the calling component lives.
pub fn use_json_ld(metadata: &impl serde::Serialize) {
    let text = crate::model::escape_for_script(&to_json_text(metadata));
    // The widget's own document (an iframe's, if it was moved there), else
    // the page's.
    let document = leptos::prelude::use_context::<HostDocument>()
        .map(|host| host.0.take())
        .or_else(|| web_sys::window().and_then(|w| w.document()));
    let Some(document) = document else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "application/ld+json");
    let _ = script.set_attribute("data-article-widget", "");
    // Text content, never parsed as HTML.
    if !dom::script_text(&script, &text) {
        warn("article-widget: no JSON-LD: the page's Trusted Types policy list (CSP `trusted-types`) does not allow the policy \"article-widget\"");
        return;
    }
    let target = document
        .head()
        .map(web_sys::Element::from)
        .or_else(|| document.document_element());
    if let Some(target) = target {
        let _ = target.append_child(&script);
        let script = send_wrapper::SendWrapper::new(script);
        leptos::prelude::on_cleanup(move || script.remove());
    }
}
