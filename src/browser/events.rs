//! The widget's events to the host page: `CustomEvent`s that bubble and
//! cross shadow roots (`composed`), named `article-widget:*`. Each `detail`
//! is a serde type, handed over as a plain object by serde-wasm-bindgen.

use super::json::to_js;
use serde::Serialize;

/// `ready`: an article is on screen, where it came from: `"property"`,
/// `"island"` or `"src"`, and how many warnings reading it gave (what a
/// feed's converter left out among them; the console lists each).
#[derive(Serialize)]
pub struct Ready<'a> {
    pub id: &'a str,
    pub source: &'static str,
    pub warnings: usize,
}

/// `error`: what kind of failure, the HTTP status, where in the document,
/// and the whole message.
#[derive(Serialize)]
pub struct Failed<'a> {
    pub kind: super::FailureKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub path: &'a str,
    pub message: String,
}

/// `notify`: the bell's state after the reader answered or turned it off.
#[derive(Serialize)]
pub struct Notify<'a> {
    pub permission: &'a str,
    pub topics: &'a [String],
    pub subscribed: bool,
    /// Why Web Push could not be turned on or off (`notifications.push`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
}

/// `share`: how the reader shared.
#[derive(Serialize)]
pub struct Shared<'a> {
    pub method: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<&'a str>,
}

/// `prompt-dismissed`: "Not now", quiet for this many days.
#[derive(Serialize)]
pub struct PromptDismissed {
    pub days: u32,
}

/// An event with nothing more to say (`subscribe`, `login`, `donate`).
#[derive(Serialize)]
pub struct NoDetail {}

/// Dispatches `article-widget:{name}` from `target`.
pub fn dispatch(target: &web_sys::EventTarget, name: &str, detail: &impl Serialize) {
    dispatch_value(target, name, &to_js(detail));
}

/// Dispatches `article-widget:{name}` from `target` as a cancelable event;
/// false if a listener called `preventDefault()`.
pub fn dispatch_cancelable(
    target: &web_sys::EventTarget,
    name: &str,
    detail: &impl Serialize,
) -> bool {
    send(target, name, &to_js(detail), true)
}

/// The same, as soon as the widget's current update is done (a microtask):
/// a host's listener may move or remove the element, which must not run in
/// the middle of the widget's own reactive update (it froze the widget).
pub fn dispatch_soon(target: &web_sys::EventTarget, name: &str, detail: &impl Serialize) {
    let (target, name, detail) = (target.clone(), name.to_owned(), to_js(detail));
    wasm_bindgen_futures::spawn_local(async move { dispatch_value(&target, &name, &detail) });
}

fn dispatch_value(target: &web_sys::EventTarget, name: &str, detail: &wasm_bindgen::JsValue) {
    send(target, name, detail, false);
}

/// Sends the event; false if it was cancelable and cancelled.
fn send(
    target: &web_sys::EventTarget,
    name: &str,
    detail: &wasm_bindgen::JsValue,
    cancelable: bool,
) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match web_sys::CustomEvent::new_with_event_init_dict(&format!("article-widget:{name}"), &init) {
        Ok(event) => target.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
