//! Mounting and DOM queries for the browser tests. Queries go by role, label
//! or visible text, the way a reader (or a screen reader) finds things.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Mounts a view into a fresh container at the end of `<body>` and returns
/// the container. The view stays mounted for the rest of the test run.
pub fn mount<F, V>(view: F) -> HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

/// Whitespace-collapsed text content.
pub fn text_of(element: &Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The CSS selector of the elements that have an ARIA role, explicit or
/// implicit (only the roles these tests use).
fn role_selector(role: &str) -> String {
    match role {
        "heading" => "h1,h2,h3,h4,h5,h6,[role=heading]".into(),
        "button" => "button:not([role]),[role=button]".into(),
        "checkbox" => "input[type=checkbox],[role=checkbox]".into(),
        "region" => "section[aria-label],section[aria-labelledby],[role=region]".into(),
        "dialog" => "dialog,[role=dialog]".into(),
        "link" => "a[href],[role=link]".into(),
        "navigation" => "nav,[role=navigation]".into(),
        "complementary" => "aside,[role=complementary]".into(),
        "list" => "ul,ol,[role=list]".into(),
        "listitem" => "li,[role=listitem]".into(),
        "img" => "img[alt]:not([alt='']),[role=img]".into(),
        "figure" => "figure,[role=figure]".into(),
        "blockquote" => "blockquote".into(),
        "time" => "time".into(),
        "paragraph" => "p".into(),
        "strong" => "strong".into(),
        "emphasis" => "em".into(),
        other => format!("[role={other}]"),
    }
}

/// The accessible name, as far as these tests need it: `aria-label`,
/// `aria-labelledby`, an image's `alt`, a checkbox's label, or the text content.
pub fn accessible_name(element: &Element) -> String {
    if let Some(label) = element.get_attribute("aria-label") {
        return label;
    }
    if let Some(ids) = element.get_attribute("aria-labelledby") {
        let root = element.get_root_node();
        return ids
            .split_whitespace()
            .filter_map(|id| {
                js_sys::Reflect::get(&root, &"getElementById".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call1(&root, &id.into()).ok())
                    .and_then(|e| e.dyn_into::<Element>().ok())
            })
            .map(|e| text_of(&e))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if element.tag_name().eq_ignore_ascii_case("input") {
        if let Some(label) = element.closest("label").ok().flatten() {
            return text_of(&label);
        }
    }
    if element.tag_name().eq_ignore_ascii_case("img") {
        return element.get_attribute("alt").unwrap_or_default();
    }
    text_of(element)
}

/// All elements with `role` inside `root`.
pub fn all_by_role(root: &Element, role: &str) -> Vec<Element> {
    all(root, &role_selector(role))
}

/// The one element with `role` whose accessible name is `name`.
pub fn by_role(root: &Element, role: &str, name: &str) -> Element {
    let matches: Vec<_> = all_by_role(root, role)
        .into_iter()
        .filter(|e| accessible_name(e) == name)
        .collect();
    match matches.len() {
        1 => matches.into_iter().next().unwrap(),
        n => panic!(
            "expected one {role} named {name:?}, found {n}; the {role}s here are {:?}",
            all_by_role(root, role)
                .iter()
                .map(accessible_name)
                .collect::<Vec<_>>()
        ),
    }
}

/// The smallest elements whose whole text is `text`.
pub fn by_text(root: &Element, text: &str) -> Vec<Element> {
    all(root, "*")
        .into_iter()
        .filter(|e| text_of(e) == text)
        .filter(|e| all(e, "*").iter().all(|child| text_of(child) != text))
        .collect()
}

pub fn attr(element: &Element, name: &str) -> String {
    element
        .get_attribute(name)
        .unwrap_or_else(|| panic!("no {name} attribute on {}", element.outer_html()))
}

/// Waits (up to about two seconds) for the condition to hold.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("timed out waiting for {what}");
}

pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Runs a snippet of JavaScript (test doubles, events) and returns its value.
pub fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Dispatches a `keydown` of `key` on `element`, bubbling like a real one.
pub fn press(element: &Element, key: &str) {
    js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    )
    .call2(&JsValue::NULL, element, &JsValue::from_str(key))
    .unwrap();
}

pub fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

/// The focused element, also inside shadow roots.
pub fn focused() -> Option<Element> {
    let mut active = document().active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    Some(active)
}

/// Starts recording every `article-widget:*` event that reaches the document.
pub fn record_events() {
    js("if (!window.__awEvents) {
          window.__awEvents = [];
          for (const name of ['share', 'notify', 'subscribe', 'donate', 'login', 'prompt-dismissed', 'ready', 'error']) {
            document.addEventListener('article-widget:' + name, (e) => window.__awEvents.push(e.type + ' ' + JSON.stringify(e.detail)));
          }
        }
        window.__awEvents.length = 0;");
}

/// The recorded events, as `"article-widget:share {\"method\":\"copy\"}"`.
pub fn recorded_events() -> Vec<String> {
    let events: js_sys::Array = js("return window.__awEvents || []").unchecked_into();
    events.iter().filter_map(|e| e.as_string()).collect()
}

/// Empties localStorage (the meter, prompt and bell state).
pub fn clear_storage() {
    js("try { localStorage.clear() } catch (e) {}");
}

/// A new `<article-widget>` (the element defined) with these attributes,
/// not yet in the page.
pub fn article_widget_element(attributes: &[(&str, &str)]) -> HtmlElement {
    article_widget::element::define();
    let element: HtmlElement = document()
        .create_element("article-widget")
        .unwrap()
        .unchecked_into();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    element
}

/// Puts `element` at the end of `<body>` and returns it.
pub fn in_page(element: HtmlElement) -> HtmlElement {
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// An article with an empty body and these `related` and `latest` items
/// (see [`list_items_json`]), as JSON text.
pub fn article_with_lists(title: &str, related: &str, latest: &str) -> String {
    format!(
        r#"{{"id":"{title}","title":"{title}","published":"2026-11-01T10:00:00Z","body":[],"related":[{related}],"latest":[{latest}]}}"#
    )
}

/// `count` related or latest items as JSON (`"id":"{prefix}{n}"`, titled
/// `"{prefix} {n}"`), comma-separated.
pub fn list_items_json(prefix: &str, count: usize) -> String {
    (1..=count)
        .map(|n| {
            format!(r#"{{"id":"{prefix}{n}","title":"{prefix} {n}","url":"https://x.example/{prefix}{n}"}}"#)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Clicks the bell and waits for its prompt (`name`) to take focus.
pub async fn open_bell_prompt(root: &Element, bell: &Element, name: &str) -> Element {
    click(bell);
    leptos::task::tick().await;
    let dialog = by_role(root, "dialog", name);
    wait_until("focus in the prompt", || {
        focused().as_ref() == Some(&dialog)
    })
    .await;
    dialog
}

/// The widget's content inside `host`'s shadow root (its container).
pub fn inside(host: &HtmlElement) -> Element {
    host.shadow_root()
        .expect("an open shadow root")
        .query_selector(".aw-container")
        .unwrap()
        .expect("the widget's container")
}

/// Puts the page's own `fetch` back after a test replaced it.
pub fn restore_fetch() {
    js("if (window.__realFetch) window.fetch = window.__realFetch;");
}

/// Collects console warnings from now on (see [`captured_warnings`]).
pub fn capture_warnings() {
    js(
        "window.__warnings = []; window.__realWarn = window.__realWarn || console.warn;
        console.warn = (message) => window.__warnings.push(String(message));",
    );
}

/// The warnings collected since [`capture_warnings`], one a line; the
/// console's own `warn` is back.
pub fn captured_warnings() -> String {
    js("console.warn = window.__realWarn; return window.__warnings.join('\\n')")
        .as_string()
        .unwrap()
}
