//! The notification bell: its prompt, permission states and Web Push, against stubs of the browser's push APIs.

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

// ---- Web Push (`notifications.push`) ----
// No push service can be reached here: the browser's service worker
// container and PushManager are replaced by stubs that record what the bell
// asks, and `fetch` by one that records the calls to the subscription
// service and answers with `window.__push.status`.

const VAPID_KEY: &str =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

fn with_push() -> String {
    NORWEGIAN.replacen(
        "\"notifications\": {",
        &format!(
            "\"notifications\": {{ \"push\": {{ \"vapidPublicKey\": \"{VAPID_KEY}\", \"subscribeUrl\": \"https://push.example/subscriptions\", \"unsubscribeUrl\": \"https://push.example/unsubscribe\" }},"
        ),
        1,
    )
}

/// Stubs for the Push API and the service; `state` sets `window.__push`
/// fields (`subscribed`, `refuse`, `registerFails`, `keep`, `status`).
fn fake_push(state: &str) {
    js(&format!(
        "if (!('__realFetch' in window)) window.__realFetch = window.fetch;
         const push = window.__push = Object.assign({{ calls: [], fetches: [], status: 201, subscription: null, registered: false }}, {state});
         const subscription = () => ({{
           endpoint: 'https://push.example/sub/1',
           toJSON() {{ return {{ endpoint: this.endpoint, expirationTime: null, keys: {{ p256dh: 'P256', auth: 'AUTH' }} }}; }},
           unsubscribe() {{ push.calls.push('unsubscribe'); if (push.keep) return Promise.resolve(false); push.subscription = null; return Promise.resolve(true); }},
         }});
         if (push.subscribed) {{ push.subscription = subscription(); push.registered = true; }}
         const registration = {{ active: {{ postMessage(m) {{ push.calls.push(['tell', m.type, m.subscribeUrl, m.topics]); }} }}, pushManager: {{
           getSubscription: () => Promise.resolve(push.subscription),
           subscribe(options) {{
             push.calls.push(['subscribe', options.applicationServerKey, options.userVisibleOnly]);
             if (push.refuse) return Promise.reject(new DOMException('Registration failed - push service not available', 'AbortError'));
             push.subscription = subscription();
             return Promise.resolve(push.subscription);
           }},
         }} }};
         Object.defineProperty(navigator, 'serviceWorker', {{ configurable: true, value: {{
           register(url, options) {{
             push.calls.push(['register', url, options.scope]);
             if (push.registerFails) return Promise.reject(new TypeError('The script has an unsupported MIME type'));
             push.registered = true;
             return Promise.resolve(registration);
           }},
           getRegistration: () => Promise.resolve(push.registered ? registration : undefined),
        }} }});
         window.PushManager = window.PushManager ?? function PushManager() {{}};
         window.fetch = async (input, init) => {{
           const request = new Request(input, init);
           push.fetches.push(`${{request.method}} ${{request.url}} ${{request.credentials}} ${{await request.text()}}`);
           return new Response(null, {{ status: push.status }});
         }};"
    ));
}

fn restore_fetch() {
    js("window.fetch = window.__realFetch; delete navigator.serviceWorker;");
}

fn push_log(field: &str) -> Vec<String> {
    let list = js(&format!(
        "return window.__push.{field}.map((c) => typeof c === 'string' ? c : JSON.stringify(c))"
    ));
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|c| c.as_string())
        .collect()
}

async fn show_with_push() -> (HtmlElement, Element) {
    record_events();
    let root = mount(|| view! { <ArticleFromJson json=with_push()/> });
    leptos::task::tick().await;
    let bell = by_role(&root, "button", "Få varsler");
    (root, bell)
}

async fn turn_on(root: &HtmlElement, bell: &Element) {
    click(bell);
    leptos::task::tick().await;
    let dialog = by_role(root, "dialog", "Varsler");
    click(&by_role(&dialog, "button", "Slå på"));
}

#[wasm_bindgen_test]
async fn push_subscribes_in_the_workers_own_scope_and_posts_the_subscription() {
    clear_storage();
    fake_notifications("default", "granted");
    fake_push("{}");
    let (root, bell) = show_with_push().await;
    turn_on(&root, &bell).await;
    wait_until("subscribed", || attr(&bell, "aria-pressed") == "true").await;
    assert_eq!(
        push_log("calls"),
        vec![
            // The renewal target rides in the worker's URL (fixed with it).
            format!(
                r#"["register","/article-widget-sw.js?subscribe=https%3A%2F%2Fpush.example%2Fsubscriptions&unsubscribe=https%3A%2F%2Fpush.example%2Funsubscribe&key={VAPID_KEY}","/article-widget-push/"]"#
            ),
            format!(r#"["subscribe","{VAPID_KEY}",true]"#),
            r#"["tell","article-widget:push","https://push.example/subscriptions",["lokalt","sport"]]"#.to_owned(),
        ]
    );
    assert_eq!(
        push_log("fetches"),
        vec![
            r#"POST https://push.example/subscriptions omit {"subscription":{"endpoint":"https://push.example/sub/1","expirationTime":null,"keys":{"p256dh":"P256","auth":"AUTH"}},"topics":["lokalt","sport"],"lang":"nb"}"#
        ]
    );
    assert_eq!(
        recorded_events(),
        vec![
            r#"article-widget:notify {"permission":"granted","topics":["lokalt","sport"],"subscribed":true}"#
        ]
    );

    // Turning off ends the browser's subscription and tells the service.
    click(&bell);
    wait_until("off", || attr(&bell, "aria-pressed") == "false").await;
    assert_eq!(
        push_log("calls").last().map(String::as_str),
        Some("unsubscribe")
    );
    assert_eq!(
        push_log("fetches").last().map(String::as_str),
        Some(
            r#"DELETE https://push.example/unsubscribe omit {"endpoint":"https://push.example/sub/1"}"#
        )
    );
    restore_fetch();
    root.remove();
}

#[wasm_bindgen_test]
async fn every_push_failure_leaves_the_bell_off_says_so_and_offers_try_again() {
    for (state, reason) in [
        ("{ status: 503 }", "POST https://push.example/subscriptions: HTTP 503"),
        ("{ refuse: true }", "the push service refused the subscription: Registration failed"),
        ("{ registerFails: true }", "the service worker /article-widget-sw.js could not be registered: The script has an unsupported MIME type"),
    ] {
        clear_storage();
        fake_notifications("default", "granted");
        fake_push(state);
        let (root, bell) = show_with_push().await;
        turn_on(&root, &bell).await;
        let dialog = by_role(&root, "dialog", "Varsler");
        wait_until(state, || {
            all_by_role(&dialog, "alert")
                .first()
                .is_some_and(|alert| text_of(alert).starts_with("Beklager"))
        })
        .await;
        assert_eq!(attr(&bell, "aria-pressed"), "false", "{state}");
        assert_eq!(
            text_of(&all_by_role(&dialog, "alert")[0]),
            "Beklager, varsler kunne ikke slås på akkurat nå. Prøv igjen om litt."
        );
        let retry = by_role(&dialog, "button", "Prøv igjen");
        let events = recorded_events();
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(events[0].contains(r#""subscribed":false,"error":""#) && events[0].contains(reason), "{events:?}");
        assert!(js("return window.__push.subscription === null").as_bool().unwrap(), "{state}: nothing left subscribed");

        // Try again, with the fault gone.
        js("Object.assign(window.__push, { status: 201, refuse: false, registerFails: false })");
        click(&retry);
        wait_until("subscribed after trying again", || attr(&bell, "aria-pressed") == "true").await;
        restore_fetch();
        root.remove();
    }
}

/// A `<article-widget>` with the site's push settings as attributes and
/// the Norwegian sample (topics, no `push`) as its data island.
fn widget_with_site_push(attributes: &[(&str, &str)]) -> HtmlElement {
    let host = article_widget_element(attributes);
    let island = document().create_element("script").unwrap();
    island.set_attribute("type", "application/json").unwrap();
    island.set_text_content(Some(NORWEGIAN));
    host.append_child(&island).unwrap();
    in_page(host)
}

/// A widget with the site's push settings `attributes`, its bell turned on
/// (granted, against the push stubs); returns the element once the bell
/// says it is on.
async fn turned_on_with_site_push(attributes: &[(&str, &str)]) -> HtmlElement {
    clear_storage();
    fake_notifications("default", "granted");
    fake_push("{}");
    let host = widget_with_site_push(attributes);
    wait_until("the bell", || {
        !all(&inside(&host), ".aw-bell-button").is_empty()
    })
    .await;
    let root = inside(&host).unchecked_into::<HtmlElement>();
    let bell = by_role(&root, "button", "Få varsler");
    turn_on(&root, &bell).await;
    wait_until("subscribed", || attr(&bell, "aria-pressed") == "true").await;
    host
}

/// Push settings given once for the site, on the element, serve every
/// article with topics and no `push` of its own.
#[wasm_bindgen_test]
async fn the_sites_push_settings_on_the_element_serve_an_article_without_its_own() {
    let host = turned_on_with_site_push(&[
        ("push-key", VAPID_KEY),
        ("push-subscribe-url", "https://push.example/subscriptions"),
    ])
    .await;
    assert_eq!(
        push_log("calls")[0],
        format!(
            r#"["register","/article-widget-sw.js?subscribe=https%3A%2F%2Fpush.example%2Fsubscriptions&key={VAPID_KEY}","/article-widget-push/"]"#
        )
    );
    assert!(push_log("fetches")[0].starts_with("POST https://push.example/subscriptions omit "));
    restore_fetch();
    host.remove();
}

/// A wrong site setting is ignored with a warning naming the attribute;
/// the bell then works as without push (the host page subscribes).
#[wasm_bindgen_test]
async fn a_wrong_site_push_setting_is_ignored_naming_the_attribute() {
    capture_warnings();
    let host = turned_on_with_site_push(&[
        ("push-key", VAPID_KEY),
        ("push-subscribe-url", "javascript:alert(1)"),
    ])
    .await;
    assert!(
        push_log("calls").is_empty(),
        "no worker registered without valid settings"
    );
    let warnings = captured_warnings();
    assert!(
        warnings.contains(
            "article-widget: push-subscribe-url: expected an https:, http: or relative URL, found \"javascript:alert(1)\"; the site's push settings are ignored"
        ),
        "{warnings}"
    );
    restore_fetch();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_bells_state_comes_from_the_browsers_subscription() {
    // Storage says off, the browser holds a subscription: on.
    clear_storage();
    fake_notifications("granted", "granted");
    fake_push("{ subscribed: true }");
    let (root, bell) = show_with_push().await;
    wait_until("on from the subscription", || {
        attr(&bell, "aria-pressed") == "true"
    })
    .await;
    root.remove();

    // Storage says on, the subscription is gone (cleared by the browser): off.
    fake_push("{ subscribed: false }");
    let (root, bell) = show_with_push().await;
    assert_eq!(attr(&bell, "aria-pressed"), "true", "storage first");
    wait_until("off without a subscription", || {
        attr(&bell, "aria-pressed") == "false"
    })
    .await;

    // A browser that keeps the subscription when asked to end it: still on.
    fake_push("{ subscribed: true, keep: true }");
    root.remove();
    let (root, bell) = show_with_push().await;
    wait_until("on", || attr(&bell, "aria-pressed") == "true").await;
    record_events();
    click(&bell);
    wait_until("an answer", || !recorded_events().is_empty()).await;
    assert_eq!(attr(&bell, "aria-pressed"), "true");
    assert_eq!(
        by_text(
            &root,
            "Beklager, varsler kunne ikke slås av akkurat nå. Prøv igjen om litt."
        )
        .len(),
        1
    );
    restore_fetch();
    root.remove();
}

#[wasm_bindgen_test]
async fn ios_outside_the_home_screen_is_told_how() {
    clear_storage();
    fake_notifications("default", "granted");
    js("if (!('__realPushManager' in window)) window.__realPushManager = window.PushManager; delete window.PushManager;
        Object.defineProperty(navigator, 'userAgent', { configurable: true, value: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)' });");
    let (root, bell) = show_with_push().await;
    click(&bell);
    leptos::task::tick().await;
    let dialog = by_role(&root, "dialog", "Varsler");
    assert!(
        text_of(&dialog).contains("virker varsler bare når nettstedet ligger på Hjem-skjermen"),
        "{}",
        text_of(&dialog)
    );
    assert!(
        all_by_role(&dialog, "button")
            .iter()
            .all(|b| text_of(b) != "Slå på"),
        "no button that cannot work"
    );
    assert_eq!(permission_requests(), 0.0);
    js("window.PushManager = window.__realPushManager; delete navigator.userAgent;");
    root.remove();
}
