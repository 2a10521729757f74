//! Light dismiss for the share menu and the bell's prompt.

use super::{focus_is_within, on_window_while_mounted};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::FocusEvent;

/// Closes the popup of `container` (its button and the popup) while `open`:
/// on a press anywhere outside the container (`close(true)` if focus was
/// inside it, so that focus goes back to the button rather than being lost),
/// and when focus moves to something outside it (`close(false)`; not when
/// the window itself loses focus, say to the browser's permission prompt).
/// Returns the `focusout` handler to put on the container.
pub fn use_light_dismiss(
    container: NodeRef<html::Div>,
    open: RwSignal<bool>,
    close: Callback<bool>,
) -> impl Fn(FocusEvent) + Clone + 'static {
    on_window_while_mounted("pointerdown", move |event| {
        let Some(container) = container.get_untracked() else {
            return;
        };
        if !open.get_untracked()
            || event
                .composed_path()
                .includes(&JsValue::from(&container), 0)
        {
            return;
        }
        close.run(focus_is_within(&container));
    });
    move |event: FocusEvent| {
        let (Some(container), Some(next)) = (container.get_untracked(), event.related_target())
        else {
            return;
        };
        if open.get_untracked() && !container.contains(next.dyn_ref::<web_sys::Node>()) {
            close.run(false);
        }
    }
}
