//! Web Push for the bell (`notifications.push`; README, "Notifications"):
//! the service worker, `PushManager` and the calls to the publisher's
//! subscription service, in `push.js` (see there why its fetch is not
//! gloo-net). Each step that fails says which, and a subscription the
//! service did not store is ended again, so the bell never shows "on" for a
//! reader who will get nothing.

use super::json::{describe, to_js};
use crate::model::Push;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/push.js")]
extern "C" {
    #[wasm_bindgen(js_name = pushSupport)]
    fn push_support_name() -> String;
    #[wasm_bindgen(js_name = isSubscribed, catch)]
    async fn is_subscribed_in(scope: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = subscribe, catch)]
    async fn subscribe_in(
        push: &JsValue,
        scope: &str,
        topics: &JsValue,
        lang: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = unsubscribe, catch)]
    async fn unsubscribe_in(push: &JsValue, scope: &str) -> Result<JsValue, JsValue>;
}

/// Whether this browser can take Web Push.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushSupport {
    Supported,
    /// iOS and iPadOS: only in a web app opened from the Home Screen.
    HomeScreenOnly,
    Unsupported,
}

pub fn push_support() -> PushSupport {
    match push_support_name().as_str() {
        "supported" => PushSupport::Supported,
        "home-screen" => PushSupport::HomeScreenOnly,
        _ => PushSupport::Unsupported,
    }
}

/// Whether the browser holds a subscription for this widget's worker.
pub async fn is_subscribed(push: &Push) -> bool {
    is_subscribed_in(&push.scope_or_default())
        .await
        .is_ok_and(|subscribed| subscribed.is_truthy())
}

/// Subscribes the reader (permission already granted) and posts the
/// subscription with its topics; on any failure nothing is left subscribed.
pub async fn subscribe(push: &Push, topics: &[String], lang: &str) -> Result<(), String> {
    subscribe_in(&to_js(push), &push.scope_or_default(), &to_js(topics), lang)
        .await
        .map(drop)
        .map_err(|error| describe(&error))
}

/// What turning push off did.
pub enum Unsubscribed {
    /// Off, and the service was told.
    Done,
    /// Off in the browser (no message can arrive), but the service was not
    /// told: it drops the subscription when the push service says it is gone.
    ServiceNotTold(String),
}

/// Ends the browser's subscription, then tells the service. `Err` when the
/// browser kept it (the reader is still subscribed).
pub async fn unsubscribe(push: &Push) -> Result<Unsubscribed, String> {
    let answer = unsubscribe_in(&to_js(push), &push.scope_or_default())
        .await
        .map_err(|error| describe(&error))?;
    Ok(match answer.as_string() {
        Some(why) => Unsubscribed::ServiceNotTold(why),
        None => Unsubscribed::Done,
    })
}
