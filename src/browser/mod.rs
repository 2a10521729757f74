//! The browser APIs the views use, each behind one small function so that
//! components stay views and the model stays plain Rust.

use crate::model::{quoted, ParseError};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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

/// What kind of failure kept an article off the screen, as the `error`
/// event names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FailureKind {
    /// No answer: offline, refused, blocked by CORS or CSP.
    Network,
    /// An answer that is not a success (`status` says which).
    Http,
    /// No answer within the time-out.
    Timeout,
    /// The document is not JSON or not an article.
    Format,
}

/// Why an article could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError {
    pub kind: FailureKind,
    /// The HTTP status, for [`FailureKind::Http`].
    pub status: Option<u16>,
    pub message: String,
}

impl FetchError {
    fn new(kind: FailureKind, message: String) -> Self {
        FetchError {
            kind,
            status: None,
            message,
        }
    }
}

/// Fetches for one widget: starting a request aborts the one before it (a
/// newer `src` makes it stale), and so does [`LatestRequest::abort`] (the
/// widget leaving the page). No stale request is left running, and
/// [`LatestRequest::is_latest`] tells a stale answer from the latest.
#[derive(Default)]
pub struct LatestRequest {
    controller: RefCell<Option<web_sys::AbortController>>,
    /// Counts requests started and aborted.
    number: Cell<u64>,
}

impl LatestRequest {
    pub fn abort(&self) {
        self.number.set(self.number.get() + 1);
        if let Some(controller) = self.controller.borrow_mut().take() {
            controller.abort();
        }
    }

    /// The number of the request started last (see [`Self::is_latest`]).
    pub fn latest(&self) -> u64 {
        self.number.get()
    }

    /// Whether request `number` is still the one wanted: none was started
    /// or aborted since.
    pub fn is_latest(&self, number: u64) -> bool {
        self.number.get() == number
    }

    /// Fetches `url` (relative to the page) and parses it as JSON, giving up
    /// after `timeout_ms`. The outer error is the network's; the inner one
    /// says what is wrong with the JSON.
    pub fn fetch_json(
        &self,
        url: &str,
        timeout_ms: u32,
    ) -> impl Future<Output = Result<Fetched, FetchError>> + 'static {
        self.abort();
        let controller = web_sys::AbortController::new().ok();
        self.controller.borrow_mut().clone_from(&controller);
        fetch_json(url.to_owned(), timeout_ms, controller)
    }
}

/// A fetched document: the address it came from (after redirects), and the
/// parsed JSON or what is wrong with it.
pub struct Fetched {
    pub address: String,
    pub json: Result<JsValue, ParseError>,
}

async fn fetch_json(
    url: String,
    timeout_ms: u32,
    controller: Option<web_sys::AbortController>,
) -> Result<Fetched, FetchError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let href = web_sys::Url::new_with_base(&url, &base)
        .map_err(|_| {
            FetchError::new(
                FailureKind::Network,
                format!("src: {} is not a URL", quoted(&url)),
            )
        })?
        .href();
    let timed_out = Rc::new(Cell::new(false));
    // Dropped (cancelled) when the fetch settles first.
    let _timeout = controller.clone().map(|controller| {
        let flag = Rc::clone(&timed_out);
        gloo_timers::callback::Timeout::new(timeout_ms, move || {
            flag.set(true);
            controller.abort();
        })
    });
    let signal = controller.as_ref().map(|c| c.signal());
    let response = gloo_net::http::Request::get(&href)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|error| {
            if timed_out.get() {
                FetchError::new(
                    FailureKind::Timeout,
                    format!(
                        "could not load {href}: no answer within {} seconds",
                        timeout_ms / 1000
                    ),
                )
            } else {
                FetchError::new(
                    FailureKind::Network,
                    format!("could not load {href}: {}", network_message(error)),
                )
            }
        })?;
    if !response.ok() {
        return Err(FetchError {
            kind: FailureKind::Http,
            status: Some(response.status()),
            message: format!(
                "could not load {href}: HTTP {} {}",
                response.status(),
                response.status_text()
            ),
        });
    }
    // Where the document really came from (after redirects): its relative
    // URLs mean that place.
    let address = Some(response.url())
        .filter(|url| !url.is_empty())
        .unwrap_or(href.clone());
    // The body as text (decoded as UTF-8 by the browser, and never copied
    // into Rust), then the browser's JSON parser, with the size limit.
    let body = web_sys::Response::from(response)
        .text()
        .map_err(|error| FetchError::new(FailureKind::Network, json::describe(&error)))?;
    let text = JsFuture::from(body).await.map_err(|error| {
        FetchError::new(
            FailureKind::Network,
            format!("could not read {href}: {}", json::describe(&error)),
        )
    })?;
    Ok(Fetched {
        address,
        json: parse_json(&text),
    })
}

fn network_message(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(error) => error.message,
        other => other.to_string(),
    }
}

mod convert;
mod dismiss;
mod dom;
mod events;
mod host;
mod hydration;
mod json;
mod notifications;
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
pub use host::{
    article_property, data_island, focus_is_within, host_options, page_lang, ArticleProperty,
    HostOptions,
};
pub use hydration::{hydration_mismatch, server_container};
pub use json::{
    parse_article_js_text, parse_article_text, parse_json, plain_object, read_article_object,
    read_article_value, to_js, to_json_text,
};
pub use notifications::{notification_permission, request_notification_permission};

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

/// The document an `<article-widget>` is in, for what the widget puts
/// outside its shadow root (the JSON-LD).
#[derive(Clone)]
pub struct HostDocument(send_wrapper::SendWrapper<web_sys::Document>);

impl HostDocument {
    pub fn new(document: web_sys::Document) -> Self {
        HostDocument(send_wrapper::SendWrapper::new(document))
    }
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
