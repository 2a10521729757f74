//! Fetching the article JSON of `src` (gloo-net, with a gloo-timers
//! time-out): only the latest request of a widget counts, an older one is
//! aborted; every failure becomes a `FetchError` of a kind the `error` event
//! names.

use super::{json, parse_json};
use crate::model::{quoted, ParseError};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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
