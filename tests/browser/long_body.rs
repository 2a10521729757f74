//! Long bodies are written over several tasks (issue 12): the first screen
//! at once, the rest appended in order while the page stays responsive.

use crate::support::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

fn numbered_paragraphs(count: usize) -> String {
    let body: Vec<String> = (1..=count)
        .map(|n| format!(r#"{{"type":"paragraph","text":"Paragraph {n}"}}"#))
        .collect();
    format!(
        r#"{{"id":"long","title":"A long read","published":"2026-11-01T10:00:00Z","body":[{}]}}"#,
        body.join(",")
    )
}

/// An `<article-widget>` showing `json`, whole (no wall).
fn widget_with(json: &str) -> HtmlElement {
    let host = article_widget_element(&[("entitled", "")]);
    js_sys::Reflect::set(&host, &"article".into(), &json.into()).unwrap();
    in_page(host)
}

fn body_of(host: &HtmlElement) -> Option<Element> {
    host.shadow_root()?.query_selector(".aw-body").ok()?
}

fn paragraphs(body: &Element) -> u32 {
    body.query_selector_all("p").unwrap().length()
}

/// Starts a heartbeat: a task every few milliseconds that records the
/// longest gap between two beats, i.e. the longest the page could not
/// respond (in every browser, unlike the `longtask` entries).
fn start_heartbeat() {
    js("window.__gap = 0;
        window.__beating = true;
        let last = performance.now();
        const beat = () => {
          const now = performance.now();
          window.__gap = Math.max(window.__gap, now - last);
          last = now;
          if (window.__beating) setTimeout(beat, 5);
        };
        setTimeout(beat, 5);");
}

/// Stops the heartbeat; returns the longest gap in milliseconds.
fn stop_heartbeat() -> f64 {
    js("window.__beating = false; return window.__gap")
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_twenty_thousand_block_body_is_written_whole_in_tasks() {
    const BLOCKS: u32 = 20_000;
    let json = numbered_paragraphs(BLOCKS as usize);
    start_heartbeat();
    let host = widget_with(&json);
    leptos::task::tick().await;
    let body = body_of(&host).expect("the article is shown in the first task");
    // Header, share button and the first screen of the body at once; the
    // rest marked as still coming.
    let inside = host.shadow_root().unwrap();
    assert!(inside.query_selector("h1").unwrap().is_some());
    assert!(inside.query_selector(".aw-share button").unwrap().is_some());
    let first = paragraphs(&body);
    assert!((50..BLOCKS).contains(&first), "{first} at first");
    assert_eq!(attr(&body, "aria-busy"), "true");

    for _ in 0..1500 {
        if body.get_attribute("aria-busy").is_none() {
            break;
        }
        sleep_ms(20).await;
    }
    let gap = stop_heartbeat();
    assert!(body.get_attribute("aria-busy").is_none(), "still busy");
    assert_eq!(paragraphs(&body), BLOCKS);
    // In order, each once.
    let texts = body.query_selector_all("p").unwrap();
    for n in [1, first, first + 1, BLOCKS / 2, BLOCKS] {
        let p = texts.get(n - 1).unwrap();
        assert_eq!(p.text_content().unwrap(), format!("Paragraph {n}"));
    }
    assert!(gap < 1000.0, "the page was blocked for {gap} ms");
    host.remove();
}

#[wasm_bindgen_test]
async fn removing_the_widget_stops_writing_its_body() {
    let host = widget_with(&numbered_paragraphs(20_000));
    leptos::task::tick().await;
    let body = body_of(&host).unwrap();
    assert_eq!(attr(&body, "aria-busy"), "true");
    host.remove();
    let at_removal = paragraphs(&body);
    sleep_ms(300).await;
    assert_eq!(paragraphs(&body), at_removal, "written after removal");
}

#[wasm_bindgen_test]
async fn a_short_body_is_written_in_one_go() {
    let host = widget_with(&numbered_paragraphs(30));
    leptos::task::tick().await;
    let body = body_of(&host).unwrap();
    assert_eq!(paragraphs(&body), 30);
    assert!(body.get_attribute("aria-busy").is_none());
    host.remove();
}
