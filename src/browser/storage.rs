//! The reader's state in localStorage under the `article-widget:` prefix, as
//! JSON written and read with serde-wasm-bindgen and the browser's JSON.
//! Storage can be missing, blocked (private modes, sandboxed frames) or full:
//! then nothing is remembered, and nothing is thrown to the host page.
//!
//! Not gloo-storage: it always links serde_json (+11.6 KB brotli measured),
//! and the browser already has a JSON parser.

use super::json::{from_js, to_json_text};
use serde::{Deserialize, Serialize};

const PREFIX: &str = "article-widget:";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The state stored under `key`; the default (empty) state when there is
/// none, or when what is there is not JSON of that shape.
pub fn load<T: for<'de> Deserialize<'de> + Default>(key: &str) -> T {
    local_storage()
        .and_then(|storage| storage.get_item(&format!("{PREFIX}{key}")).ok().flatten())
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .and_then(from_js)
        .unwrap_or_default()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), &to_json_text(value));
    }
}
