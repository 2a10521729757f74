//! localStorage under the `article-widget:` prefix. Storage can be missing,
//! blocked (private modes, sandboxed frames) or full: then nothing is
//! remembered, and nothing is thrown to the host page.

const PREFIX: &str = "article-widget:";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?
        .get_item(&format!("{PREFIX}{key}"))
        .ok()
        .flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{PREFIX}{key}"), value);
    }
}
