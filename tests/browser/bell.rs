use crate::support::*;
use article_widget::components::ArticleFromJson;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

const NORWEGIAN: &str = include_str!("../../www/articles/havnebadet.json");

/// Replaces the Notification API: `permission` now, and what
/// `requestPermission()` answers (counting the calls).
fn fake_notifications(permission: &str, answer: &str) {
    keep_real_notification_api();
    js(&format!(
        "window.__permissionRequests = 0;
         window.Notification = {{
           permission: '{permission}',
           requestPermission() {{ window.__permissionRequests++; this.permission = '{answer}'; return Promise.resolve('{answer}'); }}
         }};"
    ));
}

/// Keeps the browser's own API aside (once) for the test that uses it.
fn keep_real_notification_api() {
    js("if (!('__realNotification' in window)) window.__realNotification = window.Notification;");
}

fn permission_requests() -> f64 {
    js("return window.__permissionRequests")
        .as_f64()
        .unwrap_or(0.0)
}

async fn show() -> (HtmlElement, Element) {
    record_events();
    let root = mount(|| view! { <ArticleFromJson json=NORWEGIAN.to_owned()/> });
    leptos::task::tick().await;
    let bell = by_role(&root, "button", "Få varsler");
    (root, bell)
}

#[wasm_bindgen_test]
async fn soft_prompt_then_permission_then_subscribed() {
    clear_storage();
    fake_notifications("default", "granted");
    let (root, bell) = show().await;
    assert_eq!(permission_requests(), 0.0, "never asks on load");
    assert_eq!(attr(&bell, "aria-pressed"), "false");

    click(&bell);
    leptos::task::tick().await;
    assert_eq!(attr(&bell, "aria-expanded"), "true");
    let dialog = by_role(&root, "dialog", "Varsler");
    assert_eq!(permission_requests(), 0.0, "the soft prompt comes first");
    let sport = by_role(&dialog, "checkbox", "Sport");
    assert!(
        sport.unchecked_ref::<web_sys::HtmlInputElement>().checked(),
        "all topics start checked"
    );
    click(&sport);
    click(&by_role(&dialog, "button", "Slå på"));
    wait_until("subscribed", || attr(&bell, "aria-pressed") == "true").await;
    assert_eq!(permission_requests(), 1.0);
    assert!(all_by_role(&root, "dialog").is_empty(), "the prompt closes");
    assert_eq!(focused().as_ref(), Some(&bell));
    assert_eq!(
        recorded_events(),
        vec![
            r#"article-widget:notify {"permission":"granted","topics":["lokalt"],"subscribed":true}"#
        ]
    );
    assert_eq!(
        by_text(&root, "Varsler er på for: Lokale nyheter").len(),
        1,
        "announced"
    );
    assert_eq!(all(&bell, ".aw-bell-dot-on").len(), 1, "the dot shows");
    let stored = js("return localStorage.getItem('article-widget:bell')")
        .as_string()
        .unwrap();
    assert_eq!(stored, r#"{"subscribed":true,"topics":["lokalt"]}"#);

    // The next page remembers.
    let (_, next_bell) = show().await;
    assert_eq!(attr(&next_bell, "aria-pressed"), "true");

    // One click turns it off.
    click(&next_bell);
    leptos::task::tick().await;
    assert_eq!(attr(&next_bell, "aria-pressed"), "false");
    assert!(recorded_events()
        .last()
        .unwrap()
        .contains(r#""subscribed":false"#));
    assert_eq!(
        permission_requests(),
        1.0,
        "turning off never asks the browser"
    );
}

#[wasm_bindgen_test]
async fn not_now_and_escape_close_the_prompt() {
    clear_storage();
    fake_notifications("default", "granted");
    let (root, bell) = show().await;
    click(&bell);
    leptos::task::tick().await;
    click(&by_role(
        &by_role(&root, "dialog", "Varsler"),
        "button",
        "Ikke nå",
    ));
    leptos::task::tick().await;
    assert!(all_by_role(&root, "dialog").is_empty());
    assert_eq!(focused().as_ref(), Some(&bell));
    let dialog = open_bell_prompt(&root, &bell, "Varsler").await;
    press(&dialog, "Escape");
    leptos::task::tick().await;
    assert!(all_by_role(&root, "dialog").is_empty());
    assert_eq!(focused().as_ref(), Some(&bell));
    assert_eq!(permission_requests(), 0.0);
}

#[wasm_bindgen_test]
async fn denied_in_the_browser_explains_how_to_unblock() {
    clear_storage();
    fake_notifications("default", "denied");
    let (root, bell) = show().await;
    click(&bell);
    leptos::task::tick().await;
    click(&by_role(
        &by_role(&root, "dialog", "Varsler"),
        "button",
        "Slå på",
    ));
    wait_until("the explanation", || {
        text_of(&root).contains("Varsler er blokkert")
    })
    .await;
    assert_eq!(attr(&bell, "aria-pressed"), "false");
    assert!(recorded_events().contains(
        &r#"article-widget:notify {"permission":"denied","topics":[],"subscribed":false}"#
            .to_owned()
    ));

    // Already blocked before: the bell explains at once and asks nothing.
    fake_notifications("denied", "denied");
    let (root, bell) = show().await;
    click(&bell);
    leptos::task::tick().await;
    let dialog = by_role(&root, "dialog", "Varsler");
    assert!(text_of(&dialog).contains("tillate varsler i nettleserens innstillinger"));
    assert!(all_by_role(&dialog, "checkbox")
        .iter()
        .all(|c| c.closest("[hidden]").unwrap().is_some()));
    assert_eq!(permission_requests(), 0.0);
}

#[wasm_bindgen_test]
async fn unsupported_browsers_get_an_explanation() {
    clear_storage();
    keep_real_notification_api();
    js("window.Notification = undefined;");
    let (root, bell) = show().await;
    click(&bell);
    leptos::task::tick().await;
    let dialog = by_role(&root, "dialog", "Varsler");
    assert!(text_of(&dialog).contains("Denne nettleseren kan ikke vise varsler"));
    click(&by_role(&dialog, "button", "Lukk"));
    leptos::task::tick().await;
    assert!(all_by_role(&root, "dialog").is_empty());
}

#[wasm_bindgen_test]
async fn real_notification_api_in_headless_chromium() {
    // The browser's own API, not a double: the bell reads its state without
    // asking anything, and the state is one the bell knows how to show.
    clear_storage();
    keep_real_notification_api();
    js("window.Notification = window.__realNotification;");
    let (_, bell) = show().await;
    let permission =
        js("return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission")
            .as_string()
            .unwrap();
    assert!(["default", "granted", "denied", "unsupported"].contains(&permission.as_str()));
    assert_eq!(
        attr(&bell, "aria-pressed"),
        "false",
        "nothing remembered, so not subscribed"
    );
}

/// Light dismiss, as the share menu: a press outside closes the prompt
/// (focus back on the bell, as it was inside), and so does focus moving to
/// something else on the page (focus stays there). Closed, the bell
/// refers to no prompt.
#[wasm_bindgen_test]
async fn outside_press_or_focus_elsewhere_closes_the_prompt() {
    clear_storage();
    fake_notifications("default", "granted");
    let (root, bell) = show().await;
    assert!(bell.get_attribute("aria-controls").is_none());
    let dialog = open_bell_prompt(&root, &bell, "Varsler").await;
    assert_eq!(attr(&bell, "aria-controls"), attr(&dialog, "id"));
    js("document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }))");
    leptos::task::tick().await;
    assert!(
        all_by_role(&root, "dialog").is_empty(),
        "closed by a press outside"
    );
    assert_eq!(focused().as_ref(), Some(&bell));

    open_bell_prompt(&root, &bell, "Varsler").await;
    let elsewhere = js(
        "const b = document.createElement('button'); b.textContent = 'Elsewhere';
        document.body.append(b); b.focus(); return b;",
    );
    leptos::task::tick().await;
    assert!(
        all_by_role(&root, "dialog").is_empty(),
        "closed when focus left"
    );
    assert_eq!(
        focused().map(wasm_bindgen::JsValue::from),
        Some(elsewhere.clone())
    );
    elsewhere.unchecked_into::<web_sys::Element>().remove();
    assert_eq!(permission_requests(), 0.0);
}
