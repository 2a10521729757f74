//! The share button, menu and links.

use crate::support::*;
use article_widget::components::ArticleFromJson;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

const ENGLISH: &str = include_str!("../../www/articles/night-ferry.json");
const URL: &str = "https://harbour-herald.example/local/night-ferry-returns";

/// No Web Share API, as in desktop Chromium on Linux.
fn without_native_share() {
    js("Object.defineProperty(navigator, 'share', { value: undefined, configurable: true, writable: true });
        Object.defineProperty(navigator, 'canShare', { value: undefined, configurable: true, writable: true });");
}

fn fake_clipboard(works: bool) {
    js(&format!(
        "window.__copied = null;
         Object.defineProperty(navigator, 'clipboard', {{ configurable: true, value: {{
           writeText: (text) => {{ window.__copied = text; return {works} ? Promise.resolve() : Promise.reject(new DOMException('denied', 'NotAllowedError')); }}
         }} }});"
    ));
}

async fn show() -> (HtmlElement, Element) {
    record_events();
    let root = mount(|| view! { <ArticleFromJson json=ENGLISH.to_owned()/> });
    leptos::task::tick().await;
    let button = by_role(&root, "button", "Share");
    (root, button)
}

async fn open_menu(root: &HtmlElement, button: &Element) -> Element {
    click(button);
    wait_until("the share menu", || !all_by_role(root, "menu").is_empty()).await;
    all_by_role(root, "menu").pop().unwrap()
}

#[wasm_bindgen_test]
async fn fallback_menu_with_share_links() {
    without_native_share();
    let (root, button) = show().await;
    assert_eq!(attr(&button, "aria-haspopup"), "menu");
    assert_eq!(attr(&button, "aria-expanded"), "false");
    assert!(
        button.get_attribute("aria-controls").is_none(),
        "closed: no reference to a menu that does not exist"
    );
    let menu = open_menu(&root, &button).await;
    assert_eq!(attr(&button, "aria-expanded"), "true");
    assert_eq!(attr(&button, "aria-controls"), attr(&menu, "id"));
    let names: Vec<_> = all_by_role(&menu, "menuitem")
        .iter()
        .map(accessible_name)
        .collect();
    assert_eq!(
        names,
        vec![
            "Share on X",
            "Share on Facebook",
            "Share on LinkedIn",
            "Share on WhatsApp",
            "Share on Bluesky",
            "Send by e-mail",
            "Copy link"
        ]
    );
    let linkedin = by_role(&menu, "menuitem", "Share on LinkedIn");
    assert_eq!(
        attr(&linkedin, "href"),
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fharbour-herald.example%2Flocal%2Fnight-ferry-returns"
    );
    assert_eq!(attr(&linkedin, "target"), "_blank");
    assert_eq!(attr(&linkedin, "rel"), "noopener noreferrer");
    let email = by_role(&menu, "menuitem", "Send by e-mail");
    assert!(attr(&email, "href").starts_with("mailto:?subject=The%20night%20ferry"));
}

#[wasm_bindgen_test]
async fn keyboard_moves_within_the_menu_and_escape_returns_focus() {
    without_native_share();
    let (root, button) = show().await;
    let menu = open_menu(&root, &button).await;
    wait_until("focus on the first item", || {
        focused().is_some_and(|f| accessible_name(&f) == "Share on X")
    })
    .await;
    press(&focused().unwrap(), "ArrowDown");
    assert_eq!(accessible_name(&focused().unwrap()), "Share on Facebook");
    press(&focused().unwrap(), "End");
    assert_eq!(accessible_name(&focused().unwrap()), "Copy link");
    press(&focused().unwrap(), "ArrowDown");
    assert_eq!(
        accessible_name(&focused().unwrap()),
        "Share on X",
        "wraps around"
    );
    press(&focused().unwrap(), "ArrowUp");
    assert_eq!(accessible_name(&focused().unwrap()), "Copy link");
    press(&focused().unwrap(), "Home");
    assert_eq!(accessible_name(&focused().unwrap()), "Share on X");
    press(&focused().unwrap(), "Escape");
    leptos::task::tick().await;
    assert!(all_by_role(&root, "menu").is_empty(), "Escape closes");
    assert!(!menu.is_connected());
    assert_eq!(
        focused().as_ref(),
        Some(&button),
        "focus is back on the button"
    );
    assert_eq!(attr(&button, "aria-expanded"), "false");
}

#[wasm_bindgen_test]
async fn outside_click_closes_the_menu() {
    without_native_share();
    let (root, button) = show().await;
    open_menu(&root, &button).await;
    js("document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }))");
    leptos::task::tick().await;
    assert!(all_by_role(&root, "menu").is_empty());
    assert_eq!(
        focused().as_ref(),
        Some(&button),
        "focus was in the menu, so it returns to the button"
    );
}

#[wasm_bindgen_test]
async fn copy_link_writes_the_url_and_says_so() {
    without_native_share();
    fake_clipboard(true);
    let (root, button) = show().await;
    let menu = open_menu(&root, &button).await;
    click(&by_role(&menu, "menuitem", "Copy link"));
    wait_until("the copy", || {
        js("return window.__copied").as_string().is_some()
    })
    .await;
    assert_eq!(js("return window.__copied").as_string().unwrap(), URL);
    wait_until("the announcement", || {
        !by_text(&root, "Link copied").is_empty()
    })
    .await;
    let status = by_text(&root, "Link copied").pop().unwrap();
    assert_eq!(attr(&status, "role"), "status", "announced politely");
    assert!(recorded_events()
        .contains(&r#"article-widget:share {"method":"copy","network":"copy"}"#.to_owned()));
    assert_eq!(focused().as_ref(), Some(&button));
}

#[wasm_bindgen_test]
async fn refused_clipboard_shows_the_link_selected() {
    without_native_share();
    fake_clipboard(false);
    let (root, button) = show().await;
    let menu = open_menu(&root, &button).await;
    click(&by_role(&menu, "menuitem", "Copy link"));
    wait_until("the manual copy field", || {
        !all(&root, "input[readonly]").is_empty()
    })
    .await;
    let field: web_sys::HtmlInputElement = all(&root, "input[readonly]")
        .pop()
        .unwrap()
        .unchecked_into();
    assert_eq!(field.value(), URL);
    assert_eq!(attr(&field, "aria-label"), "Link to the article");
    wait_until("the field is focused", || {
        focused().as_ref() == Some(field.as_ref())
    })
    .await;
    assert_eq!(
        (
            field.selection_start().unwrap(),
            field.selection_end().unwrap()
        ),
        (Some(0), Some(URL.len() as u32))
    );
    js("delete navigator.clipboard");
}

#[wasm_bindgen_test]
async fn native_share_gets_title_text_and_url() {
    js("window.__shared = null;
        Object.defineProperty(navigator, 'canShare', { configurable: true, writable: true, value: () => true });
        Object.defineProperty(navigator, 'share', { configurable: true, writable: true, value: (data) => { window.__shared = JSON.stringify(data); return Promise.resolve(); } });");
    let (root, button) = show().await;
    click(&button);
    wait_until("the share sheet", || {
        js("return window.__shared").as_string().is_some()
    })
    .await;
    let shared = js("return window.__shared").as_string().unwrap();
    assert!(shared.contains(&format!(r#""url":"{URL}""#)), "{shared}");
    assert!(
        shared.contains(r#""title":"The night ferry to the outer islands returns for the winter""#)
    );
    assert!(
        shared.contains(r#""text":"After a year without a late crossing"#),
        "plain lede, no markup: {shared}"
    );
    wait_until("the share event", || {
        recorded_events().iter().any(|e| e.contains("native"))
    })
    .await;
    assert!(
        all_by_role(&root, "menu").is_empty(),
        "no menu when the system sheet works"
    );
    without_native_share();
}

#[wasm_bindgen_test]
async fn cancelled_native_share_is_silent() {
    js("Object.defineProperty(navigator, 'canShare', { configurable: true, writable: true, value: () => true });
        Object.defineProperty(navigator, 'share', { configurable: true, writable: true, value: () => Promise.reject(new DOMException('cancelled', 'AbortError')) });");
    let (root, button) = show().await;
    click(&button);
    for _ in 0..5 {
        sleep_ms(10).await;
    }
    assert!(
        all_by_role(&root, "menu").is_empty(),
        "a cancel opens nothing"
    );
    assert!(recorded_events().is_empty(), "{:?}", recorded_events());
    without_native_share();
}

#[wasm_bindgen_test]
async fn every_menu_item_says_its_visible_text_in_its_name() {
    without_native_share();
    for json in [ENGLISH, include_str!("../../www/articles/havnebadet.json")] {
        let root = mount(move || view! { <ArticleFromJson json=json.to_owned()/> });
        leptos::task::tick().await;
        let button = all_by_role(&root, "button")
            .into_iter()
            .find(|b| b.get_attribute("aria-haspopup").is_some())
            .unwrap();
        let menu = open_menu(&root, &button).await;
        for item in all_by_role(&menu, "menuitem") {
            let (visible, name) = (
                text_of(&item).to_lowercase(),
                accessible_name(&item).to_lowercase(),
            );
            assert!(
                name.contains(&visible),
                "{visible:?} is not in {name:?} (WCAG 2.5.3)"
            );
        }
    }
}

/// An article without `url` shares the host page's canonical address, or
/// the page's own address without the query and fragment, which may hold a
/// session or an access token.
#[wasm_bindgen_test]
async fn without_a_url_the_page_is_shared_without_its_secrets() {
    without_native_share();
    fake_clipboard(true);
    let no_url = r#"{"id":"n","title":"No address","published":"2026-11-01T10:00:00Z","body":[]}"#;
    let copied = || async {
        js("window.__copied = null");
        let root = mount(|| view! { <ArticleFromJson json=no_url.to_owned()/> });
        leptos::task::tick().await;
        let button = by_role(&root, "button", "Share");
        let menu = open_menu(&root, &button).await;
        click(&by_role(&menu, "menuitem", "Copy link"));
        wait_until("the copy", || {
            js("return window.__copied").as_string().is_some()
        })
        .await;
        root.remove();
        js("return window.__copied").as_string().unwrap()
    };
    let before = js("return location.href").as_string().unwrap();
    js("history.replaceState(null, '', location.pathname + '?session=SECRET#access_token=XYZ')");
    let page = copied().await;
    assert!(!page.contains("SECRET") && !page.contains("XYZ"), "{page}");
    assert_eq!(
        page,
        js("return location.origin + location.pathname")
            .as_string()
            .unwrap()
    );

    js(
        "const link = document.createElement('link'); link.rel = 'canonical';
        link.href = 'https://harbour-herald.example/canonical'; link.id = 'test-canonical';
        document.head.append(link);",
    );
    assert_eq!(copied().await, "https://harbour-herald.example/canonical");
    js("document.getElementById('test-canonical').remove()");
    js(&format!("history.replaceState(null, '', {before:?})"));
}
