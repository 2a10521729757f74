//! A server-rendered widget (tests/browser/fixtures/, written by the native
//! renderer) hydrated in place: no article text node created or replaced,
//! the live parts working after, and a clean client render with a warning
//! when the HTML is not what the server wrote.

use crate::support::*;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

const NIGHT_FERRY: &str = include_str!("fixtures/ssr-night-ferry.html");
const HAVNEBADET: &str = include_str!("fixtures/ssr-havnebadet.html");
/// Night ferry metered, with no hero picture.
const METERED: &str = include_str!("fixtures/ssr-metered.html");
/// Night ferry with its title and wall message U+0000 alone.
const NUL: &str = include_str!("fixtures/ssr-nul.html");

/// Parses `html` (with its declarative shadow root) into a detached
/// `<div>`, starts recording every change inside the widget's shadow root,
/// then puts the div in the page, which upgrades and hydrates the widget.
fn server_page(html: &str) -> HtmlElement {
    server_page_with(html, |_| {})
}

/// [`server_page`], with `before` run on the element before it joins the
/// page (as a host's script sets properties on an element not yet upgraded).
fn server_page_with(html: &str, before: impl FnOnce(&HtmlElement)) -> HtmlElement {
    article_widget::element::define();
    clear_storage();
    let holder = document().create_element("div").unwrap();
    js_sys::Reflect::get(&holder, &"setHTMLUnsafe".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call1(&holder, &JsValue::from_str(html))
        .unwrap();
    let host: HtmlElement = holder
        .query_selector("article-widget")
        .unwrap()
        .expect("the fragment's element")
        .unchecked_into();
    let root = host
        .shadow_root()
        .expect("the declarative shadow root, before any script");
    js_sys::Function::new_with_args(
        "root",
        "root.__changes = [];
         new MutationObserver((records) => {
           for (const r of records) root.__changes.push(r);
         }).observe(root, { childList: true, subtree: true, characterData: true });",
    )
    .call1(&JsValue::NULL, &root)
    .unwrap();
    before(&host);
    document().body().unwrap().append_child(&holder).unwrap();
    host
}

/// The shadow root's recorded changes: `(type, target's closest region)`.
fn changes(host: &HtmlElement) -> Vec<(String, String)> {
    let root = host.shadow_root().unwrap();
    let records: js_sys::Array = js_sys::Reflect::get(&root, &"__changes".into())
        .unwrap()
        .unchecked_into();
    records
        .iter()
        .map(|record| {
            let kind = js_sys::Reflect::get(&record, &"type".into())
                .unwrap()
                .as_string()
                .unwrap();
            let target: web_sys::Node = js_sys::Reflect::get(&record, &"target".into())
                .unwrap()
                .unchecked_into();
            let element = target
                .dyn_ref::<Element>()
                .cloned()
                .or_else(|| target.parent_element());
            let region = element
                .and_then(|e| {
                    e.closest(
                        ".aw-actions, .aw-body, .aw-header, .aw-article, .aw-page, .aw-container",
                    )
                    .ok()
                    .flatten()
                })
                .map(|e| e.class_name())
                .unwrap_or_else(|| "the shadow root".into());
            (kind, region)
        })
        .collect()
}

/// Where `element` is on the page, in CSS pixels from the viewport's top.
fn top_of(element: &Element) -> f64 {
    js_sys::Function::new_with_args("e", "return e.getBoundingClientRect().top")
        .call1(&JsValue::NULL, element)
        .unwrap()
        .as_f64()
        .unwrap()
}

fn root_of(host: &HtmlElement) -> Element {
    host.shadow_root()
        .unwrap()
        .query_selector(".aw-container")
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
async fn hydration_adopts_the_article_text_and_makes_the_page_live() {
    record_events();
    let host = server_page(NIGHT_FERRY);
    let root = root_of(&host);
    let headline = root.query_selector("h1").unwrap().unwrap();
    let first_paragraph = root.query_selector(".aw-body > p").unwrap().unwrap();
    // Live: the share links become the share button, the bell appears.
    wait_until("the share button", || {
        !all_by_role(&root, "button").is_empty()
    })
    .await;
    sleep_ms(50).await;
    // The same nodes, never replaced; no change at all outside the actions.
    assert!(root.query_selector("h1").unwrap().unwrap() == headline);
    assert!(root.query_selector(".aw-body > p").unwrap().unwrap() == first_paragraph);
    assert!(
        host.shadow_root()
            .unwrap()
            .query_selector(".aw-container")
            .unwrap()
            .unwrap()
            == root
    );
    let outside: Vec<_> = changes(&host)
        .into_iter()
        .filter(|(_, region)| !region.contains("aw-actions"))
        .collect();
    assert_eq!(
        outside,
        Vec::<(String, String)>::new(),
        "changes outside the share and bell"
    );
    assert!(
        !changes(&host).is_empty(),
        "the share button and bell went live"
    );

    // The page works: the share menu opens and closes, the bell asks.
    let share = by_role(&root, "button", "Share");
    assert_eq!(attr(&share, "aria-expanded"), "false");
    js("navigator.share = undefined");
    click(&share);
    wait_until("the share menu", || attr(&share, "aria-expanded") == "true").await;
    press(&all_by_role(&root, "menuitem")[0], "Escape");
    wait_until("the menu closed", || {
        attr(&share, "aria-expanded") == "false"
    })
    .await;
    assert_eq!(all(&root, ".aw-bell button").len(), 1, "the bell");
    assert!(all(&root, "details.aw-share-links").is_empty());
    // The wall came from the server, with its links; one `ready`, from the island.
    assert_eq!(all(&root, "section.aw-paywall").len(), 1);
    assert_eq!(all(&root, ".aw-body > p").len(), 2);
    let ready: Vec<_> = recorded_events()
        .into_iter()
        .filter(|e| e.starts_with("article-widget:ready"))
        .collect();
    assert_eq!(
        ready,
        vec![
            r#"article-widget:ready {"id":"harbour-herald-2026-night-ferry","source":"island","warnings":0}"#
        ]
    );
    host.parent_element().unwrap().remove();
}

/// A metered article: the server kept the meter note's place (the reader's
/// meter is in the browser); the live page writes the note there, and the
/// body neither moves nor changes.
#[wasm_bindgen_test]
async fn hydration_writes_the_meter_note_in_the_place_kept_for_it() {
    // The stylesheet the server linked, which this test server does not
    // serve: positions are those of a styled page.
    let host = server_page_with(METERED, |host| {
        js_sys::Function::new_with_args(
            "root, css",
            "const sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet];",
        )
        .call2(
            &JsValue::NULL,
            &host.shadow_root().unwrap(),
            &include_str!("../../www/article-widget.css").into(),
        )
        .unwrap();
    });
    let root = root_of(&host);
    let first_paragraph = root.query_selector(".aw-body > p").unwrap().unwrap();
    let top = top_of(&first_paragraph);
    let note = || root.query_selector(".aw-meter-note").unwrap();
    assert_eq!(
        note().map(|place| attr(&place, "aria-hidden")).as_deref(),
        Some("true"),
        "the place kept, hidden"
    );
    wait_until("the meter note", || {
        note().is_some_and(|note| note.get_attribute("aria-hidden").is_none())
    })
    .await;
    assert_eq!(
        note().unwrap().text_content().unwrap(),
        "You can read 4 more free articles."
    );
    assert!(root.query_selector(".aw-body > p").unwrap().unwrap() == first_paragraph);
    assert_eq!(top_of(&first_paragraph), top, "the body moved");
    assert!(changes(&host)
        .iter()
        .all(|(_, region)| !region.contains("aw-body")));
    host.parent_element().unwrap().remove();
}

#[wasm_bindgen_test]
async fn a_hydrated_widget_follows_changes_afterwards() {
    let host = server_page(HAVNEBADET);
    let root = root_of(&host);
    wait_until("the share button", || {
        !all_by_role(&root, "button").is_empty()
    })
    .await;
    assert_eq!(text_of(&by_role(&root, "button", "Del")), "Del");
    // A new article replaces the server's, drawn in the browser.
    js_sys::Reflect::set(
        &host,
        &"article".into(),
        &JsValue::from_str(
            r#"{"id":"n","title":"Nytt","published":"2026-11-01T10:00:00Z","body":[]}"#,
        ),
    )
    .unwrap();
    wait_until("the new article", || {
        all(&root_of(&host), "h1").first().map(text_of).as_deref() == Some("Nytt")
    })
    .await;
    host.parent_element().unwrap().remove();
}

/// The fixture with the body's first paragraph taken out.
fn without_first_paragraph(html: &str) -> String {
    let body = html.find("<div part=\"body\"").unwrap();
    let start = body + html[body..].find("<p>").unwrap();
    let end = start + html[start..].find("</p>").unwrap() + "</p>".len();
    format!("{}{}", &html[..start], &html[end..])
}

#[wasm_bindgen_test]
async fn edited_html_or_data_is_drawn_again_in_the_browser() {
    // Each with the reason the console gives: exactly what differs.
    for (what, html, why) in [
        (
            "a paragraph removed",
            without_first_paragraph(NIGHT_FERRY),
            "its HTML is not what the server wrote",
        ),
        (
            "the island edited",
            NIGHT_FERRY.replace("\"title\":\"The night ferry", "\"title\":\"The late ferry"),
            "its data island changed since the server wrote it",
        ),
        (
            "another release",
            NIGHT_FERRY
                .replacen("data-aw-render=\"", "data-aw-render=\"0", 1)
                .replacen("release=", "release=0.0.9-", 1),
            "it was rendered by release 0.0.9-",
        ),
        (
            "a UI language set since",
            NIGHT_FERRY.replacen("<article-widget", "<article-widget lang=\"nb\"", 1),
            "the lang attribute is \"nb\" here, none on the server",
        ),
    ] {
        // The warning comes as the element mounts, when it joins the page:
        // recorded around that alone, so other tests running meanwhile
        // (which replace console.warn too) cannot take it.
        let recorder = js("const warnings = [], before = console.warn;
            console.warn = (...a) => { warnings.push(a.join(' ')); before(...a); };
            return { warnings, stop: () => { console.warn = before; } };");
        let host = server_page(&html);
        js_sys::Reflect::get(&recorder, &"stop".into())
            .unwrap()
            .unchecked_into::<js_sys::Function>()
            .call0(&JsValue::NULL)
            .unwrap();
        let warnings: js_sys::Array = js_sys::Reflect::get(&recorder, &"warnings".into())
            .unwrap()
            .unchecked_into();
        let warnings: Vec<String> = warnings.iter().filter_map(|w| w.as_string()).collect();
        let shadow = host.shadow_root().unwrap();
        wait_until("the share button", || {
            shadow
                .query_selector("button.aw-share-button")
                .ok()
                .flatten()
                .is_some()
        })
        .await;
        // One container, drawn fresh, the article readable and live.
        assert_eq!(
            shadow.query_selector_all(".aw-container").unwrap().length(),
            1,
            "{what}"
        );
        assert_eq!(all(&root_of(&host), "h1").len(), 1, "{what}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("drawn again in the browser: ") && w.contains(why)),
            "{what}: {warnings:?}"
        );
        host.parent_element().unwrap().remove();
    }
}

/// Any widget that cannot be hydrated is drawn again alone: the one beside
/// it hydrates and stays live, and nothing says "stopped working" (a
/// hydration mismatch stops the whole wasm instance, every widget with it).
#[wasm_bindgen_test]
async fn a_widget_that_cannot_hydrate_leaves_the_others_live() {
    for (what, html, strings) in [
        (
            "a format given since (the island is v1)",
            NIGHT_FERRY.replacen("<article-widget", "<article-widget format=\"ninjs\"", 1),
            false,
        ),
        (
            "words set by the page before hydration",
            NIGHT_FERRY.to_owned(),
            true,
        ),
        ("text the parser drops (U+0000)", NUL.to_owned(), false),
    ] {
        let good = server_page(HAVNEBADET);
        let good_headline = root_of(&good).query_selector("h1").unwrap().unwrap();
        let other = server_page_with(&html, |host| {
            if strings {
                let words = js_sys::Object::new();
                js_sys::Reflect::set(&words, &"share".into(), &"Pass it on".into()).unwrap();
                js_sys::Reflect::set(host, &"strings".into(), &words).unwrap();
            }
        });
        let other_root = other.shadow_root().unwrap();
        wait_until("the good widget live", || {
            !all_by_role(&root_of(&good), "button").is_empty()
        })
        .await;
        wait_until("the other widget drawn", || {
            other_root
                .query_selector("h1, [role='alert']")
                .ok()
                .flatten()
                .is_some()
                && (other_root
                    .query_selector("button, [role='alert']")
                    .ok()
                    .flatten())
                .is_some()
        })
        .await;
        sleep_ms(50).await;
        // The good one hydrated: its own nodes, live.
        assert!(
            root_of(&good).query_selector("h1").unwrap().unwrap() == good_headline,
            "{what}"
        );
        for host in [&good, &other] {
            let text = host
                .shadow_root()
                .unwrap()
                .text_content()
                .unwrap_or_default();
            assert!(!text.contains("stopped working"), "{what}: {text}");
        }
        if strings {
            assert_eq!(
                text_of(&by_role(&root_of(&other), "button", "Pass it on")),
                "Pass it on",
                "{what}"
            );
        }
        if what.contains("U+0000") {
            // Written as U+FFFD, it hydrates like any other.
            assert_eq!(text_of(&all(&root_of(&other), "h1")[0]), "\u{fffd}");
        }
        good.parent_element().unwrap().remove();
        other.parent_element().unwrap().remove();
    }
}
