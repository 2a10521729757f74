//! The meter, the wall and the donation prompt.

use crate::support::*;
use article_widget::browser::parse_article_text as parse_article;
use article_widget::components::{ArticleFromJson, ArticlePage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const ENGLISH_PREMIUM: &str = include_str!("../../www/articles/night-ferry.json");
const NORWEGIAN_FREE: &str = include_str!("../../www/articles/havnebadet.json");

fn metered(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","title":"Metered {id}","published":"2026-11-01T10:00:00Z",
            "access":{{"model":"metered","freeArticles":2,"teaserBlocks":1,"subscribeUrl":"https://x.example/s","loginUrl":"https://x.example/l"}},
            "body":[{{"type":"paragraph","text":"One"}},{{"type":"paragraph","text":"Two"}},{{"type":"paragraph","text":"Three"}}]}}"#
    )
}

async fn show(json: String) -> HtmlElement {
    let root = mount(move || view! { <ArticleFromJson json/> });
    leptos::task::tick().await;
    root
}

fn paragraphs(root: &HtmlElement) -> Vec<String> {
    all(&all(root, ".aw-body").pop().unwrap(), "p")
        .iter()
        .map(text_of)
        .collect()
}

#[wasm_bindgen_test]
async fn premium_shows_the_teaser_and_the_wall() {
    clear_storage();
    record_events();
    let root = show(ENGLISH_PREMIUM.to_owned()).await;
    assert_eq!(all(&root, ".aw-body > *").len(), 2, "teaserBlocks: 2");
    let wall = by_role(&root, "region", "This article is for subscribers");
    // The paywalled-content class marks paywalled text, not the wall; a
    // cut page has none.
    assert!(all(&root, ".aw-paywalled").is_empty());
    assert_eq!(
        attr(&by_role(&wall, "link", "Subscribe"), "href"),
        "https://harbour-herald.example/subscribe"
    );
    assert_eq!(
        attr(&by_role(&wall, "link", "Log in"), "href"),
        "https://harbour-herald.example/login"
    );
    let donate = by_role(&wall, "link", "Donate");
    js("document.addEventListener('click', (e) => e.preventDefault(), { once: true })");
    click(&donate);
    assert_eq!(recorded_events(), vec!["article-widget:donate {}"]);
    assert!(
        all(&root, ".aw-donation").is_empty(),
        "no donation ask under a wall"
    );
}

#[wasm_bindgen_test]
async fn supporters_get_everything_even_when_it_changes_later() {
    clear_storage();
    let article = parse_article(ENGLISH_PREMIUM).unwrap().article;
    let entitled = RwSignal::new(false);
    let root = mount(move || view! { <ArticlePage article entitled/> });
    leptos::task::tick().await;
    assert_eq!(all(&root, ".aw-paywall").len(), 1);
    entitled.set(true);
    leptos::task::tick().await;
    assert!(
        all(&root, ".aw-paywall").is_empty(),
        "the host's login check unlocks"
    );
    assert_eq!(all(&root, ".aw-body > *").len(), 12, "the whole body");
    assert_eq!(
        all(&root, ".aw-body > .aw-paywalled").len(),
        10,
        "all but the teaser's two blocks are marked as paywalled"
    );
}

/// A wall with no teaser at all: the empty body must still open up in place.
#[wasm_bindgen_test]
async fn no_teaser_then_unlocked_shows_the_body_in_place() {
    clear_storage();
    let json = r#"{"id":"z","title":"Zero teaser","published":"2026-11-01T10:00:00Z",
        "access":{"model":"premium","teaserBlocks":0,"subscribeUrl":"https://x.example/s"},
        "body":[{"type":"paragraph","text":"One"},{"type":"paragraph","text":"Two"}]}"#;
    let article = parse_article(json).unwrap().article;
    let entitled = RwSignal::new(false);
    let root = mount(move || view! { <ArticlePage article entitled/> });
    leptos::task::tick().await;
    assert!(paragraphs(&root).is_empty(), "nothing before the wall");
    entitled.set(true);
    leptos::task::tick().await;
    assert_eq!(paragraphs(&root), ["One", "Two"]);
    entitled.set(false);
    leptos::task::tick().await;
    assert!(paragraphs(&root).is_empty(), "and closed again");
}

#[wasm_bindgen_test]
async fn meter_counts_distinct_articles_and_rereads_are_free() {
    clear_storage();
    let first = show(metered("m1")).await;
    assert_eq!(
        by_text(&first, "You can read 1 more free article.").len(),
        1
    );
    assert_eq!(paragraphs(&first), vec!["One", "Two", "Three"]);
    let second = show(metered("m2")).await;
    assert_eq!(by_text(&second, "This is your last free article.").len(), 1);
    let third = show(metered("m3")).await;
    assert_eq!(paragraphs(&third), vec!["One"], "cut after teaserBlocks");
    by_role(&third, "region", "You have read all your free articles");
    assert!(all(&third, ".aw-body-cut").len() == 1, "the cut fades out");
    let again = show(metered("m1")).await;
    assert_eq!(
        paragraphs(&again),
        vec!["One", "Two", "Three"],
        "re-reading is free"
    );
    let stored = js("return localStorage.getItem('article-widget:meter')")
        .as_string()
        .unwrap();
    assert_eq!(
        stored.matches("\"id\"").count(),
        2,
        "the walled read is not counted: {stored}"
    );
}

#[wasm_bindgen_test]
async fn reads_older_than_the_period_no_longer_count() {
    clear_storage();
    js("const old = Date.now() - 31 * 86400000;
        localStorage.setItem('article-widget:meter', JSON.stringify({ reads: [{ id: 'x', at: old }, { id: 'y', at: old }] }));");
    let root = show(metered("fresh")).await;
    assert_eq!(by_text(&root, "You can read 1 more free article.").len(), 1);
}

#[wasm_bindgen_test]
async fn corrupt_stored_state_is_ignored() {
    clear_storage();
    js("localStorage.setItem('article-widget:meter', '{not json');
        localStorage.setItem('article-widget:prompt', '[]');
        localStorage.setItem('article-widget:bell', 'null');");
    let root = show(metered("c1")).await;
    assert_eq!(paragraphs(&root).len(), 3);
    let root = show(NORWEGIAN_FREE.to_owned()).await;
    assert_eq!(all(&root, ".aw-donation").len(), 1);
}

#[wasm_bindgen_test]
async fn donation_prompt_not_now_is_remembered() {
    clear_storage();
    record_events();
    let root = show(NORWEGIAN_FREE.to_owned()).await;
    let prompt = all(&root, ".aw-donation")
        .pop()
        .expect("the ask after a free article");
    assert!(text_of(&prompt).contains("Du har nettopp lest en gratisartikkel. Vi lever kun gjennom våre lesere: abonner eller donér!"));
    assert_eq!(
        attr(&by_role(&prompt, "link", "Donér"), "href"),
        "https://nordvik-tidende.example/gi-en-gave"
    );
    assert_eq!(
        attr(&by_role(&prompt, "link", "Abonner"), "href"),
        "https://nordvik-tidende.example/abonnement"
    );
    click(&by_role(&prompt, "button", "Ikke nå"));
    leptos::task::tick().await;
    let thanks = by_text(&root, "Takk. Vi spør ikke igjen på en stund.")
        .pop()
        .unwrap();
    wait_until("focus on the thank-you", || {
        focused().as_ref() == Some(&thanks)
    })
    .await;
    assert_eq!(
        recorded_events(),
        vec![r#"article-widget:prompt-dismissed {"days":30}"#]
    );

    js("localStorage.removeItem('article-widget:meter')");
    let later = show(NORWEGIAN_FREE.to_owned()).await;
    assert!(
        all(&later, ".aw-donation").is_empty(),
        "dismissed for the period"
    );
}

#[wasm_bindgen_test]
async fn donation_prompt_at_most_once_a_day_per_article() {
    clear_storage();
    let prompts = |root: HtmlElement| all(&root, ".aw-donation").len();
    assert_eq!(prompts(show(NORWEGIAN_FREE.to_owned()).await), 1);
    assert_eq!(
        prompts(show(NORWEGIAN_FREE.to_owned()).await),
        0,
        "same article, same day"
    );
    js(
        "const log = JSON.parse(localStorage.getItem('article-widget:prompt'));
        log.shown[0].at -= 86400000;
        localStorage.setItem('article-widget:prompt', JSON.stringify(log));",
    );
    assert_eq!(
        prompts(show(NORWEGIAN_FREE.to_owned()).await),
        1,
        "a day later"
    );
}

#[wasm_bindgen_test]
async fn storage_that_throws_leaves_the_article_readable() {
    js("window.__realLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });");
    let metered_root = show(metered("blocked")).await;
    let free_root = show(NORWEGIAN_FREE.to_owned()).await;
    let premium_root = show(ENGLISH_PREMIUM.to_owned()).await;
    js("Object.defineProperty(window, 'localStorage', window.__realLocalStorage);");
    assert_eq!(
        paragraphs(&metered_root).len(),
        3,
        "nothing remembered, the article is readable"
    );
    assert_eq!(all(&free_root, "h1").len(), 1);
    assert_eq!(all(&premium_root, ".aw-paywall").len(), 1);
}

#[wasm_bindgen_test]
async fn storage_quota_errors_are_swallowed() {
    clear_storage();
    js("window.__realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let root = show(metered("quota")).await;
    js("Storage.prototype.setItem = window.__realSetItem;");
    assert_eq!(paragraphs(&root).len(), 3);
}

#[wasm_bindgen_test]
async fn json_ld_describes_the_article_for_search_engines() {
    clear_storage();
    let count = || {
        all(
            &document().head().unwrap(),
            "script[type='application/ld+json']",
        )
        .len()
    };
    let before = count();
    show(ENGLISH_PREMIUM.to_owned()).await;
    assert_eq!(count(), before + 1, "one per widget");
    let scripts = all(
        &document().head().unwrap(),
        "script[type='application/ld+json']",
    );
    let ld: serde_json::Value =
        serde_json::from_str(&scripts.last().unwrap().text_content().unwrap()).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(
        ld["headline"],
        "The night ferry to the outer islands returns for the winter"
    );
    assert_eq!(ld["isAccessibleForFree"], false);
    assert!(
        ld.get("hasPart").is_none(),
        "a cut page holds nothing paywalled"
    );
    assert_eq!(
        ld["digitalSourceType"],
        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    );
}

#[wasm_bindgen_test]
async fn json_ld_leaves_with_the_widget() {
    let article = parse_article(NORWEGIAN_FREE).unwrap().article;
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let owner = Owner::new();
    let handle =
        owner.with(|| leptos::mount::mount_to(container, move || view! { <ArticlePage article/> }));
    let ours = all(
        &document().head().unwrap(),
        "script[type='application/ld+json']",
    )
    .pop()
    .unwrap();
    assert!(text_of(&ours).contains("Havnebadet"));
    drop(handle);
    owner.cleanup();
    assert!(
        !ours.is_connected(),
        "disposing the widget's owner removes its metadata"
    );
}

/// Whether following `link` would navigate: a document listener (after
/// every other) records `defaultPrevented`, then stops the navigation
/// itself so the test page stays.
fn navigates(link: &web_sys::Element) -> bool {
    js("document.addEventListener('click', (e) => { window.__navigates = !e.defaultPrevented; e.preventDefault(); }, { once: true })");
    click(link);
    js("return window.__navigates").as_bool().unwrap()
}

/// `subscribe`, `login` and `donate` are cancelable: a host that calls
/// `preventDefault()` opens its own login or checkout instead.
#[wasm_bindgen_test]
async fn a_host_can_cancel_subscribe_login_and_donate() {
    clear_storage();
    let root = show(ENGLISH_PREMIUM.to_owned()).await;
    let wall = by_role(&root, "region", "This article is for subscribers");
    for (name, event) in [
        ("Subscribe", "subscribe"),
        ("Log in", "login"),
        ("Donate", "donate"),
    ] {
        let link = by_role(&wall, "link", name);
        assert!(navigates(&link), "{name} navigates when nobody cancels");
        js(&format!(
            "window.__cancel = (e) => e.preventDefault();
             document.addEventListener('article-widget:{event}', window.__cancel, {{ once: true }});"
        ));
        assert!(!navigates(&link), "{name} stays when the host cancels");
    }
}
