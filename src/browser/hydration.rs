//! Whether a server's HTML in a widget's shadow root can be hydrated: the
//! browser draws exactly what the server drew only when the release, the
//! element's attributes, the data island and the HTML's shape are all
//! as the server left them (see `crate::fingerprint`).

use super::{article_property, data_island, dom, strings_set};
use crate::fingerprint::{
    differing_input, fingerprint, inputs, shape_hash, DrawnWith, FINGERPRINT_ATTRIBUTE,
    INPUTS_ATTRIBUTE, SHAPE_ATTRIBUTE,
};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

/// The server-rendered container in `root`, if there is one.
pub fn server_container(root: &ShadowRoot) -> Option<HtmlElement> {
    // A child of the shadow root (`:scope` matches no element there).
    let children = root.children();
    (0..children.length())
        .filter_map(|index| children.item(index))
        .find(|child| {
            child.class_name() == "aw-container" && child.has_attribute(FINGERPRINT_ATTRIBUTE)
        })
        .and_then(|element| element.dyn_into().ok())
}

/// Why `container` cannot be hydrated for `host`, if it cannot.
pub fn hydration_mismatch(host: &HtmlElement, container: &HtmlElement) -> Option<String> {
    if article_property(host).is_some() {
        return Some(
            "the page set the `article` property, which replaces the server's article".into(),
        );
    }
    let Some(island) = data_island(host).and_then(|text| text.as_string()) else {
        return Some("its data island is missing".into());
    };
    if strings_set(host) {
        return Some(
            "the page set the `strings` property, which changes the server's words".into(),
        );
    }
    let (lang, max_related, max_latest, format) = (
        host.get_attribute("lang"),
        host.get_attribute("max-related"),
        host.get_attribute("max-latest"),
        host.get_attribute("format"),
    );
    let drawn_with = DrawnWith {
        lang: lang.as_deref().filter(|tag| !tag.is_empty()),
        entitled: host.has_attribute("entitled"),
        max_related: max_related.as_deref(),
        max_latest: max_latest.as_deref(),
        format: format.as_deref(),
    };
    if container.get_attribute(FINGERPRINT_ATTRIBUTE).as_deref()
        != Some(fingerprint(&drawn_with, &island).as_str())
    {
        return Some(differing_input(
            &container
                .get_attribute(INPUTS_ATTRIBUTE)
                .unwrap_or_default(),
            &inputs(&drawn_with, &island),
        ));
    }
    if container.get_attribute(SHAPE_ATTRIBUTE).as_deref()
        != Some(shape_hash(&dom::shape_of(container)).as_str())
    {
        return Some("its HTML is not what the server wrote (edited, or cut short)".into());
    }
    None
}
