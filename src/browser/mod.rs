//! The browser APIs the views use, each behind one small function so that
//! components stay views and the model stays plain Rust.

use wasm_bindgen::JsValue;

pub use crate::i18n::DateStyle;

/// Writes a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Makes the article's relative URLs absolute against `base`, the address
/// of the document it came from (see `model::relative`); a base that is
/// not a web address (`data:`) leaves them as they are.
pub fn resolve_relative_urls(article: &mut crate::model::Article, base: &str) {
    if !(base.starts_with("https:") || base.starts_with("http:")) {
        return;
    }
    article.resolve_relative_urls(&|url| {
        web_sys::Url::new_with_base(url, base)
            .ok()
            .map(|u| u.href())
    });
}

/// Writes an error to the browser console.
pub fn log_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// The value of a query parameter of the page's own URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

mod convert;
mod dismiss;
mod dom;
mod events;
mod fetch;
mod host;
mod hydration;
mod json;
mod languages;
mod notifications;
mod page_metadata;
pub mod push;
mod reader_state;
mod share;
mod storage;

pub use convert::read_document;
pub use dismiss::use_light_dismiss;
pub use dom::{in_next_task, insert_before_end, mount_all, unmount_all, DomMarkup};
pub use events::{
    dispatch, dispatch_cancelable, dispatch_soon, Failed, NoDetail, Notify, PromptDismissed, Ready,
    Shared,
};
pub use fetch::{FailureKind, FetchError, Fetched, LatestRequest};
pub use host::{
    article_property, data_island, focus_is_within, host_options, page_lang, strings_set,
    ArticleProperty, HostOptions,
};
pub use hydration::{hydration_mismatch, server_container};
pub use json::{
    explain, explain_refusal, parse_json, plain_object, read_article_value, read_quickly, to_js,
    to_json_text, QuickRead,
};
#[cfg(not(feature = "split"))]
pub use json::{parse_article_js_text, parse_article_text};
pub use languages::{language_ready, load_language};
pub use notifications::{notification_permission, request_notification_permission};
pub use page_metadata::{resolve_against_page, use_json_ld, HostDocument};

pub use reader_state::{
    dismiss_prompt, load_bell, reader_access, save_bell, take_prompt_impression,
};
pub use share::{copy_to_clipboard, share_natively, NativeShare};

/// Calls `handler` for each `event` on the window for as long as the calling
/// component lives: the gloo-events listener is removed when dropped.
pub fn on_window_while_mounted(
    event: &'static str,
    handler: impl FnMut(&web_sys::Event) + 'static,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = gloo_events::EventListener::new(&window, event, handler);
    let listener = send_wrapper::SendWrapper::new(listener);
    leptos::prelude::on_cleanup(move || drop(listener));
}

/// Milliseconds since the epoch, by the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The address to share when the article names none: the host page's
/// `<link rel="canonical">` (a web address), else the page's own address
/// without its query and fragment, which may hold a session or an access
/// token (`?session=…#access_token=…`). A server knows no page: nothing.
pub fn page_url() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return String::new();
    }
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let canonical = window
        .document()
        .and_then(|d| {
            d.query_selector("link[rel~='canonical'][href]")
                .ok()
                .flatten()
        })
        .and_then(|link| js_sys::Reflect::get(&link, &"href".into()).ok())
        .and_then(|href| href.as_string())
        .and_then(|href| crate::model::safe_url(&href, crate::model::UrlUse::Canonical));
    canonical.unwrap_or_else(|| {
        let location = window.location();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    })
}
