//! The browser APIs the views use, each behind one small function so that
//! components stay views and the model stays plain Rust.

use crate::model::{DateTime, Lang};
use js_sys::Intl::{DateTimeFormat, DateTimeFormatOptions, DateTimeStyle};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How much of a timestamp to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "1 November 2025" / "1. november 2025": the dateline.
    Long,
    /// "2 November 2025 at 14:05" / "2. november 2025 kl. 14:05".
    LongWithTime,
    /// "1 Nov 2025" / "1. nov. 2025": cards and lists.
    Medium,
}

/// Formats a timestamp in the article's language with the browser's `Intl`,
/// showing the wall clock the newsroom wrote (see [`DateTime`]).
pub fn format_date(date: &DateTime, lang: Lang, style: DateStyle) -> String {
    let instant = js_sys::Date::new(&JsValue::from_f64(date.wall_clock_millis() as f64));
    formatter(lang, style)
        .call1(&JsValue::UNDEFINED, &instant)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.rfc3339.clone())
}

thread_local! {
    /// `Intl.DateTimeFormat`s are slow to make: one per language and style,
    /// kept for the page's life (a page shows many dates).
    static FORMATTERS: RefCell<Vec<((Lang, DateStyle), js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

fn formatter(lang: Lang, style: DateStyle) -> js_sys::Function {
    FORMATTERS.with(|formatters| {
        if let Some((_, format)) = formatters
            .borrow()
            .iter()
            .find(|(key, _)| *key == (lang, style))
        {
            return format.clone();
        }
        let options = DateTimeFormatOptions::new();
        options.set_time_zone("UTC");
        match style {
            DateStyle::Long => options.set_date_style(DateTimeStyle::Long),
            DateStyle::LongWithTime => {
                options.set_date_style(DateTimeStyle::Long);
                options.set_time_style(DateTimeStyle::Short);
            }
            DateStyle::Medium => options.set_date_style(DateTimeStyle::Medium),
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(lang.locale()));
        let format = DateTimeFormat::new(&locales, options.unchecked_ref()).format();
        formatters
            .borrow_mut()
            .push(((lang, style), format.clone()));
        format
    })
}

/// Writes a warning to the browser console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The value of a query parameter of the page's own URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Why an article could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchError(pub String);

/// Fetches for one widget: starting a request aborts the one before it (a
/// newer `src` makes it stale), and so does [`LatestRequest::abort`] (the
/// widget leaving the page). No stale request is left running.
#[derive(Default)]
pub struct LatestRequest(RefCell<Option<web_sys::AbortController>>);

impl LatestRequest {
    pub fn abort(&self) {
        if let Some(controller) = self.0.borrow_mut().take() {
            controller.abort();
        }
    }

    /// Fetches `url` (relative to the page) as text, giving up after
    /// `timeout_ms`.
    pub fn fetch_text(
        &self,
        url: &str,
        timeout_ms: i32,
    ) -> impl Future<Output = Result<String, FetchError>> + 'static {
        self.abort();
        let controller = web_sys::AbortController::new().ok();
        self.0.borrow_mut().clone_from(&controller);
        fetch_text(url.to_owned(), timeout_ms, controller)
    }
}

async fn fetch_text(
    url: String,
    timeout_ms: i32,
    controller: Option<web_sys::AbortController>,
) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError("no window".into()))?;
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let href = web_sys::Url::new_with_base(&url, &base)
        .map_err(|_| {
            FetchError(format!(
                "src: {} is not a URL",
                crate::model::json::quoted(&url)
            ))
        })?
        .href();
    let init = web_sys::RequestInit::new();
    let timed_out = Rc::new(Cell::new(false));
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
        let (abort, flag) = (controller.clone(), Rc::clone(&timed_out));
        let on_timeout = wasm_bindgen::closure::Closure::once_into_js(move || {
            flag.set(true);
            abort.abort();
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            timeout_ms,
        );
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(&href, &init))
        .await
        .map_err(|error| {
            if timed_out.get() {
                FetchError(format!(
                    "could not load {href}: no answer within {} seconds",
                    timeout_ms / 1000
                ))
            } else {
                FetchError(format!("could not load {href}: {}", describe_js(&error)))
            }
        })?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(FetchError(format!(
            "could not load {href}: HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(|error| FetchError(format!("could not read {href}: {}", describe_js(&error))))?;
    Ok(text.as_string().unwrap_or_default())
}

fn js_error(error: JsValue) -> FetchError {
    FetchError(describe_js(&error))
}

fn describe_js(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

mod dom;
mod events;
mod host;
mod notifications;
mod reader;
mod share;
mod storage;

pub use dom::{mount_all, unmount_all, DomMarkup};
pub use events::{dispatch, Detail};
pub use host::{article_property, data_island, focus_is_within};
pub use notifications::{notification_permission, request_notification_permission};
pub use reader::{dismiss_prompt, load_bell, reader_access, save_bell, take_prompt_impression};
pub use share::{copy_to_clipboard, share_natively, NativeShare};

/// Milliseconds since the epoch, by the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The address of the page the widget is on.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Puts JSON-LD metadata into the host document's `<head>` for as long as
/// the calling component lives.
pub fn use_json_ld(text: String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("type", "application/ld+json");
    let _ = script.set_attribute("data-article-widget", "");
    // Text content, never parsed as HTML.
    script.set_text_content(Some(&text));
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
