//! The Web Share API and the clipboard, looked up at run time: both are
//! missing in some browsers and contexts, and tests replace them.

use crate::model::ShareData;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"navigator".into()).ok()
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// How a native share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeShare {
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// No `navigator.share`, or `canShare` refuses the data.
    Unavailable,
    Failed,
}

/// Opens the system share sheet when the browser has one.
pub async fn share_natively(data: &ShareData) -> NativeShare {
    let Some(navigator) = navigator() else {
        return NativeShare::Unavailable;
    };
    let Some(share) = method(&navigator, "share") else {
        return NativeShare::Unavailable;
    };
    let payload = Object::new();
    let _ = Reflect::set(&payload, &"title".into(), &data.title.as_str().into());
    if !data.text.is_empty() {
        let _ = Reflect::set(&payload, &"text".into(), &data.text.as_str().into());
    }
    let _ = Reflect::set(&payload, &"url".into(), &data.url.as_str().into());
    if let Some(can_share) = method(&navigator, "canShare") {
        let accepted = can_share
            .call1(&navigator, &payload)
            .map(|v| v.is_truthy())
            .unwrap_or(false);
        if !accepted {
            return NativeShare::Unavailable;
        }
    }
    let Ok(promise) = share.call1(&navigator, &payload) else {
        return NativeShare::Failed;
    };
    match JsFuture::from(Promise::resolve(&promise)).await {
        Ok(_) => NativeShare::Shared,
        Err(error) => {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            match name.as_deref() {
                Some("AbortError") => NativeShare::Cancelled,
                _ => NativeShare::Failed,
            }
        }
    }
}

/// Writes text to the clipboard; `false` when the browser refuses.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(clipboard) = navigator().and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
    else {
        return false;
    };
    let Some(write_text) = method(&clipboard, "writeText") else {
        return false;
    };
    match write_text.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await.is_ok(),
        Err(_) => false,
    }
}
