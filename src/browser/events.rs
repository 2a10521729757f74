//! The widget's events to the host page: `CustomEvent`s that bubble and
//! cross shadow roots (`composed`), named `article-widget:*`.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// An event's `detail` object, built field by field.
#[derive(Default)]
pub struct Detail(Vec<(&'static str, JsValue)>);

impl Detail {
    pub fn new() -> Self {
        Detail::default()
    }

    pub fn with(mut self, key: &'static str, value: impl Into<JsValue>) -> Self {
        self.0.push((key, value.into()));
        self
    }

    pub fn with_strings(self, key: &'static str, values: &[String]) -> Self {
        let array: js_sys::Array = values.iter().map(|v| JsValue::from_str(v)).collect();
        self.with(key, array)
    }

    fn into_object(self) -> Object {
        let object = Object::new();
        for (key, value) in self.0 {
            let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
        }
        object
    }
}

/// Dispatches `article-widget:{name}` from `target`.
pub fn dispatch(target: &web_sys::EventTarget, name: &str, detail: Detail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail.into_object());
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("article-widget:{name}"), &init)
    {
        let _ = target.dispatch_event(&event);
    }
}
