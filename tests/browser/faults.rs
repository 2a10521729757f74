//! Network faults and rapid changes on the `<article-widget>` element.
use crate::support::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

fn widget(src: &str) -> HtmlElement {
    article_widget::element::define();
    let element: HtmlElement = document()
        .create_element("article-widget")
        .unwrap()
        .unchecked_into();
    element.set_attribute("src", src).unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn inside(host: &HtmlElement) -> Element {
    host.shadow_root()
        .unwrap()
        .query_selector(".aw-container")
        .unwrap()
        .unwrap()
}

fn alert_text(host: &HtmlElement) -> Option<String> {
    all_by_role(&inside(host), "alert").first().map(text_of)
}

fn restore_fetch() {
    js("if (window.__realFetch) window.fetch = window.__realFetch;");
}

#[wasm_bindgen_test]
async fn truncated_body_and_refused_connection() {
    let json =
        r#"{"id":"t","title":"Cut off","published":"2026-11-01T10:00:00Z","body":[{"type":"para"#;
    let truncated = widget(&format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    ));
    // Nothing listens on port 1: the connection is refused, as with a CORS or network failure.
    let refused = widget("http://127.0.0.1:1/article.json");
    wait_until("both errors", || {
        alert_text(&truncated).is_some() && alert_text(&refused).is_some()
    })
    .await;
    // The browser's own parser says what is wrong (its wording differs
    // between browsers).
    let truncated_text = alert_text(&truncated).unwrap();
    assert!(
        truncated_text.contains("not valid JSON: ")
            && truncated_text
                .to_lowercase()
                .contains("unterminated string"),
        "{truncated_text}"
    );
    let refused_text = alert_text(&refused).unwrap();
    assert!(
        refused_text.contains("could not load http://127.0.0.1:1/article.json"),
        "{refused_text}"
    );
    assert_eq!(all_by_role(&inside(&refused), "button").len(), 1, "Retry");
}

#[wasm_bindgen_test]
async fn a_server_that_never_answers_times_out_after_15_seconds() {
    // Like the real fetch: pending until its signal aborts.
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = (request) => new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));");
    record_events();
    let host = widget("articles/slow.json");
    let started = js_sys::Date::now();
    for _ in 0..90 {
        if alert_text(&host).is_some() {
            break;
        }
        sleep_ms(200).await;
    }
    restore_fetch();
    let waited = (js_sys::Date::now() - started) / 1000.0;
    let text = alert_text(&host).expect("an error panel after the time-out");
    assert!(text.contains("no answer within 15 seconds"), "{text}");
    assert!((14.0..18.0).contains(&waited), "gave up after {waited} s");
}

#[wasm_bindgen_test]
async fn fifty_quick_src_changes_show_the_last_and_abort_the_rest() {
    // Each request answers after 50 ms with an article named after its URL,
    // unless it is aborted first.
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.__aborted = 0; window.__requested = 0;
        window.fetch = (request) => new Promise((resolve, reject) => {
          const url = request.url;
          window.__requested++;
          const timer = setTimeout(() => resolve(new Response(JSON.stringify({
            id: url, title: 'Article ' + url, published: '2026-11-01T10:00:00Z', body: [] }))), 50);
          request.signal.addEventListener('abort', () => { clearTimeout(timer); window.__aborted++;
            reject(new DOMException('aborted', 'AbortError')); });
        });");
    let host = widget("articles/0.json");
    for i in 1..50 {
        host.set_attribute("src", &format!("articles/{i}.json"))
            .unwrap();
        leptos::task::tick().await;
    }
    let last = format!(
        "Article {}",
        js("return new URL('articles/49.json', document.baseURI).href")
            .as_string()
            .unwrap()
    );
    wait_until("the last article", || {
        all(&inside(&host), "h1").first().map(text_of).as_deref() == Some(&last)
    })
    .await;
    sleep_ms(150).await;
    let (requested, aborted) = (
        js("return window.__requested").as_f64().unwrap(),
        js("return window.__aborted").as_f64().unwrap(),
    );
    restore_fetch();
    assert_eq!(
        all(&inside(&host), "h1").first().map(text_of),
        Some(last),
        "no stale render"
    );
    assert_eq!(
        aborted,
        requested - 1.0,
        "{requested} requests, {aborted} aborted: only the last may finish"
    );
}
