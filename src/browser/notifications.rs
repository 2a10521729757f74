//! The Notification API's permission, looked up at run time (it is missing
//! in some browsers and in insecure contexts). Subscribing to Web Push is
//! `push.rs`, when the article names a push service.

use crate::model::reader_rules::Permission;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn notification_class() -> Option<JsValue> {
    let window = web_sys::window()?;
    let class = Reflect::get(&window, &"Notification".into()).ok()?;
    (!class.is_undefined() && !class.is_null()).then_some(class)
}

pub fn notification_permission() -> Permission {
    let permission =
        notification_class().and_then(|class| Reflect::get(&class, &"permission".into()).ok());
    Permission::from_js(permission.and_then(|p| p.as_string()).as_deref())
}

/// Asks the browser for permission (only ever after a click in the prompt).
pub async fn request_notification_permission() -> Permission {
    let Some(class) = notification_class() else {
        return Permission::Unsupported;
    };
    let Some(request) = Reflect::get(&class, &"requestPermission".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return Permission::Unsupported;
    };
    let answer = match request.call0(&class) {
        Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await.ok(),
        Err(_) => None,
    };
    match answer.and_then(|a| a.as_string()) {
        Some(name) => Permission::from_js(Some(&name)),
        None => notification_permission(),
    }
}
