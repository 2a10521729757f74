//! The `<article-widget>` element: its data sources, attributes, properties, events, shadow DOM and theming.

use crate::support::*;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const ENGLISH: &str = include_str!("../../www/articles/night-ferry.json");
const NORWEGIAN: &str = include_str!("../../www/articles/havnebadet.json");

fn tiny(id: &str, title: &str) -> String {
    format!(
        r#"{{"id":"{id}","title":"{title}","published":"2026-11-01T10:00:00Z","body":[{{"type":"paragraph","text":"Body of {id}"}}]}}"#
    )
}

/// A `data:` URL for JSON, so `src` tests need no server.
fn data_url(json: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(json).into();
    format!("data:application/json,{encoded}")
}

/// Creates an `<article-widget debug>` (errors show their detail) with the
/// given attributes (and children), puts it in the page and returns it.
fn widget(attributes: &[(&str, &str)], inner_json: Option<&str>) -> HtmlElement {
    let element = article_widget_element(attributes);
    element.set_attribute("debug", "").unwrap();
    if let Some(json) = inner_json {
        let island = document().create_element("script").unwrap();
        island.set_attribute("type", "application/json").unwrap();
        island.set_text_content(Some(json));
        element.append_child(&island).unwrap();
    }
    in_page(element)
}

fn headline(host: &HtmlElement) -> Option<String> {
    all(&inside(host), "h1").first().map(text_of)
}

async fn wait_for_headline(host: &HtmlElement, expected: &str) {
    wait_until(&format!("the headline {expected:?}"), || {
        headline(host).as_deref() == Some(expected)
    })
    .await;
}

fn set_property(host: &HtmlElement, name: &str, value: &JsValue) {
    js_sys::Reflect::set(host, &name.into(), value).unwrap();
}

#[wasm_bindgen_test]
async fn src_attribute_is_fetched_and_rendered_in_a_shadow_root() {
    let host = widget(&[("src", &data_url(&tiny("s1", "From src")))], None);
    assert_eq!(
        all_by_role(&inside(&host), "status").len(),
        1,
        "a loading skeleton at once"
    );
    wait_for_headline(&host, "From src").await;
    assert!(
        host.query_selector("h1").unwrap().is_none(),
        "nothing in the light DOM"
    );
}

#[wasm_bindgen_test]
async fn sources_in_order_of_precedence() {
    let host = widget(
        &[("src", &data_url(&tiny("s", "From src")))],
        Some(&tiny("i", "From the data island")),
    );
    wait_for_headline(&host, "From the data island").await;

    let object = js_sys::JSON::parse(&tiny("p", "From the property")).unwrap();
    set_property(&host, "article", &object);
    wait_for_headline(&host, "From the property").await;

    set_property(&host, "article", &JsValue::UNDEFINED);
    wait_for_headline(&host, "From the data island").await;

    host.first_element_child().unwrap().remove();
    host.set_attribute("src", &data_url(&tiny("s2", "From the new src")))
        .unwrap();
    wait_for_headline(&host, "From the new src").await;
}

#[wasm_bindgen_test]
async fn article_property_set_before_the_element_exists() {
    let host: HtmlElement = document()
        .create_element("article-widget")
        .unwrap()
        .unchecked_into();
    set_property(
        &host,
        "article",
        &JsValue::from_str(&tiny("early", "Set early, as JSON text")),
    );
    document().body().unwrap().append_child(&host).unwrap();
    article_widget::element::define();
    wait_for_headline(&host, "Set early, as JSON text").await;
}

#[wasm_bindgen_test]
async fn attributes_change_language_access_and_theme() {
    clear_storage();
    let host = widget(&[("src", &data_url(ENGLISH))], None);
    wait_for_headline(
        &host,
        "The night ferry to the outer islands returns for the winter",
    )
    .await;
    let root = inside(&host);
    by_role(&root, "button", "Share");
    assert_eq!(all(&root, ".aw-paywall").len(), 1, "premium: the wall");

    host.set_attribute("lang", "nb").unwrap();
    wait_until("Norwegian UI strings", || {
        !all_by_role(&inside(&host), "button")
            .iter()
            .all(|b| accessible_name(b) != "Del")
    })
    .await;

    host.set_attribute("entitled", "").unwrap();
    wait_until("the wall to go", || {
        all(&inside(&host), ".aw-paywall").is_empty()
    })
    .await;
    assert_eq!(
        js_sys::Reflect::get(&host, &"entitled".into()).unwrap(),
        JsValue::TRUE
    );

    let background = || {
        let page = all(&inside(&host), ".aw-page").pop().unwrap();
        window()
            .get_computed_style(&page)
            .unwrap()
            .unwrap()
            .get_property_value("background-color")
            .unwrap()
    };
    host.set_attribute("theme", "light").unwrap();
    assert_eq!(background(), "rgb(255, 255, 255)");
    host.set_attribute("theme", "dark").unwrap();
    assert_eq!(background(), "rgb(18, 19, 23)");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let first = widget(&[], Some(&tiny("one", "First widget")));
    let second = widget(&[("lang", "nb")], Some(NORWEGIAN));
    wait_for_headline(&first, "First widget").await;
    wait_for_headline(
        &second,
        "Havnebadet åpner igjen etter to år med stengte porter",
    )
    .await;
    first
        .set_attribute("src", &data_url(&tiny("x", "Ignored: the island wins")))
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(headline(&first).as_deref(), Some("First widget"));
    assert_eq!(
        headline(&second).as_deref(),
        Some("Havnebadet åpner igjen etter to år med stengte porter")
    );
}

#[wasm_bindgen_test]
async fn removal_disposes_and_reinsertion_renders_again() {
    let host = widget(&[], Some(NORWEGIAN));
    wait_for_headline(
        &host,
        "Havnebadet åpner igjen etter to år med stengte porter",
    )
    .await;
    let metadata = all(
        &document().head().unwrap(),
        "script[type='application/ld+json']",
    )
    .pop()
    .unwrap();
    assert!(text_of(&metadata).contains("Havnebadet"));

    host.remove();
    assert!(
        host.shadow_root()
            .unwrap()
            .query_selector(".aw-container")
            .unwrap()
            .is_none(),
        "content gone"
    );
    assert!(!metadata.is_connected(), "its metadata gone with it");

    document().body().unwrap().append_child(&host).unwrap();
    wait_for_headline(
        &host,
        "Havnebadet åpner igjen etter to år med stengte porter",
    )
    .await;
}

#[wasm_bindgen_test]
async fn ready_and_error_events_with_their_detail() {
    record_events();
    widget(&[], Some(&tiny("evented", "Evented")));
    wait_until("ready", || {
        recorded_events().iter().any(|e| e.contains("evented"))
    })
    .await;
    assert!(recorded_events().contains(
        &r#"article-widget:ready {"id":"evented","source":"island","warnings":0}"#.to_owned()
    ));

    record_events();
    let bad = tiny("bad", "Bad").replace(r#""text":"Body of bad""#, r#""text":5"#);
    widget(&[], Some(&bad));
    wait_until("error", || !recorded_events().is_empty()).await;
    assert_eq!(
        recorded_events(),
        vec![
            r#"article-widget:error {"kind":"format","path":"body[0].text","message":"body[0].text: expected a string, found number `5`"}"#
        ]
    );
}

#[wasm_bindgen_test]
async fn fetch_errors_offer_a_retry_that_works_once_the_server_recovers() {
    // The first request answers 500, later ones the article.
    js(&format!(
        "window.__realFetch = window.__realFetch || window.fetch;
         window.__requests = 0;
         window.fetch = (url, init) => ++window.__requests === 1
           ? Promise.resolve(new Response('oops', {{ status: 500, statusText: 'Internal Server Error' }}))
           : Promise.resolve(new Response({json:?}, {{ status: 200 }}));",
        json = tiny("recovered", "Back again")
    ));
    record_events();
    let host = widget(&[("src", "articles/flaky.json")], None);
    wait_until("the error panel", || {
        !all_by_role(&inside(&host), "alert").is_empty()
    })
    .await;
    let alert = all_by_role(&inside(&host), "alert").pop().unwrap();
    assert!(
        text_of(&alert).contains("articles/flaky.json: HTTP 500 Internal Server Error"),
        "{}",
        text_of(&alert)
    );
    wait_until("the error event", || {
        recorded_events().iter().any(|e| {
            e.starts_with(
                r#"article-widget:error {"kind":"http","status":500,"message":"could not load"#,
            )
        })
    })
    .await;
    click(&by_role(&alert, "button", "Try again"));
    wait_for_headline(&host, "Back again").await;
    js("window.fetch = window.__realFetch;");
}

#[wasm_bindgen_test]
async fn missing_and_non_json_sources_say_what_went_wrong() {
    let missing = widget(&[("src", "no-such-article.json")], None);
    let html = widget(
        &[("src", "data:text/html,<html><body>Not found</body></html>")],
        None,
    );
    for (host, expected) in [(&missing, "HTTP 404"), (&html, "not valid JSON")] {
        wait_until(expected, || !all_by_role(&inside(host), "alert").is_empty()).await;
        let text = text_of(&all_by_role(&inside(host), "alert")[0]);
        assert!(text.contains(expected), "{text}");
    }
    assert_eq!(
        all_by_role(&all_by_role(&inside(&missing), "alert")[0], "button").len(),
        1,
        "Retry for a fetch"
    );
}

#[wasm_bindgen_test]
async fn bad_data_from_the_property_has_no_retry() {
    let host = widget(&[], None);
    set_property(
        &host,
        "article",
        &js_sys::JSON::parse(r#"{"id":"x","title":"t"}"#).unwrap(),
    );
    wait_until("the error panel", || {
        !all_by_role(&inside(&host), "alert").is_empty()
    })
    .await;
    let alert = all_by_role(&inside(&host), "alert").pop().unwrap();
    assert!(text_of(&alert).contains("missing field `body`"));
    assert!(all_by_role(&alert, "button").is_empty());
}

#[wasm_bindgen_test]
async fn strings_in_the_json_override_ui_strings() {
    let json = ENGLISH.replacen(
        "{",
        r#"{ "strings": { "share": "Spread the word", "relatedArticles": "More from the coast" },"#,
        1,
    );
    let host = widget(&[("entitled", "")], Some(&json));
    wait_for_headline(
        &host,
        "The night ferry to the outer islands returns for the winter",
    )
    .await;
    by_role(&inside(&host), "button", "Spread the word");
    by_role(&inside(&host), "navigation", "More from the coast");
}

#[wasm_bindgen_test]
async fn loading_twice_is_harmless() {
    article_widget::element::define();
    article_widget::element::define();
    assert!(js("return customElements.get('article-widget') !== undefined").is_truthy());
}

#[wasm_bindgen_test]
async fn hostile_host_styles_do_not_reach_inside() {
    let host = widget(&[("entitled", "")], Some(ENGLISH));
    wait_for_headline(
        &host,
        "The night ferry to the outer islands returns for the winter",
    )
    .await;
    let probes = [
        ".aw-headline",
        ".aw-lede",
        ".aw-body p",
        ".aw-byline",
        ".aw-section-title",
    ];
    let properties = [
        "color",
        "font-family",
        "font-size",
        "display",
        "line-height",
        "margin-top",
    ];
    let snapshot = || -> Vec<String> {
        probes
            .iter()
            .flat_map(|selector| {
                let element = inside(&host).query_selector(selector).unwrap().unwrap();
                let style = window().get_computed_style(&element).unwrap().unwrap();
                properties
                    .map(|p| format!("{selector} {p}: {}", style.get_property_value(p).unwrap()))
            })
            .collect()
    };
    let before = snapshot();
    let hostile = document().create_element("style").unwrap();
    hostile.set_text_content(Some(
        "* { all: revert; color: red !important; font: 40px serif !important } p { display: none !important }",
    ));
    document().head().unwrap().append_child(&hostile).unwrap();
    let after = snapshot();
    hostile.remove();
    assert_eq!(before, after);
    assert!(before
        .iter()
        .any(|line| line == ".aw-body p display: block"));
}

/// How many JSON-LD scripts in `document` mention `text`.
fn json_ld_mentioning(document: &web_sys::Document, text: &str) -> usize {
    let scripts = document
        .query_selector_all("script[type='application/ld+json']")
        .unwrap();
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .filter(|s| s.text_content().unwrap_or_default().contains(text))
        .count()
}

fn alert_of(host: &HtmlElement) -> Option<String> {
    all_by_role(&inside(host), "alert").first().map(text_of)
}

/// The `article` property as an object goes to the Rust types through
/// serde-wasm-bindgen, copied once as plain data: what JSON.stringify would
/// keep, read once, with a clear error for what cannot be JSON.
#[wasm_bindgen_test]
async fn an_article_object_is_read_as_json_would_see_it() {
    let host = widget(&[], None);
    // A Date for `published` (its toJSON gives RFC 3339), a function and a
    // symbol-keyed value left out, a lone surrogate read as U+FFFD.
    let article = js(r#"return {
        id: 'object', title: 'From an object \ud800', published: new Date(Date.UTC(2026, 10, 1, 10)),
        body: [{ type: 'paragraph', text: 'Read straight from the object.' }],
        onLoad() {}, [Symbol('x')]: 1 };"#);
    set_property(&host, "article", &article);
    wait_for_headline(&host, "From an object \u{fffd}").await;
    assert_eq!(
        all(&inside(&host), "time")
            .first()
            .and_then(|t| t.get_attribute("datetime")),
        Some("2026-11-01T10:00:00.000Z".to_owned())
    );

    // The same object, changed and set again, is read again.
    js_sys::Reflect::set(&article, &"title".into(), &"Changed in place".into()).unwrap();
    set_property(&host, "article", &article);
    wait_for_headline(&host, "Changed in place").await;

    // What cannot be JSON is refused with what and where; the widget stays
    // usable and takes the next good article.
    let refusals = [
        (
            r#"const a = { id: 'x', published: '2026-11-01T10:00:00Z', body: [] };
            Object.defineProperty(a, 'title', { enumerable: true, get() { throw new Error('no title today'); } });
            return a;"#,
            "no title today",
        ),
        (
            "return { id: 'x', title: 'x', published: '2026-11-01T10:00:00Z', body: [], n: 10n };",
            "n is a BigInt",
        ),
        (
            "const a = { id: 'x', title: 'x', published: '2026-11-01T10:00:00Z', body: [] }; a.self = a; return a;",
            "does it refer to itself?",
        ),
        ("return Symbol('article');", "the article is a symbol, not an object"),
        ("return () => 1;", "the article is a function, not an object"),
    ];
    for (script, says) in refusals {
        set_property(&host, "article", &js(script));
        wait_until(says, || alert_of(&host).is_some_and(|a| a.contains(says))).await;
    }
    set_property(
        &host,
        "article",
        &JsValue::from_str(&tiny("after", "Good again")),
    );
    wait_for_headline(&host, "Good again").await;
    host.remove();
}

/// Storage holds JSON read with serde-wasm-bindgen: numbers outside the
/// safe integer range are not a time, so the stored state counts as corrupt
/// and is dropped (before, `at = -9223372036854775808` silenced the prompt).
#[wasm_bindgen_test]
async fn stored_times_out_of_range_count_as_corrupt() {
    let free_with_prompt = NORWEGIAN.to_owned();
    js(r#"localStorage.setItem('article-widget:prompt',
        '{"dismissedUntil":null,"shown":[{"id":"nordvik-2026-havnebadet","at":-9223372036854775808}]}');"#);
    let host = widget(&[], Some(&free_with_prompt));
    wait_until("the article", || headline(&host).is_some()).await;
    assert_eq!(
        all(&inside(&host), ".aw-donation").len(),
        1,
        "the donation prompt shows"
    );
    host.remove();
    js("localStorage.removeItem('article-widget:prompt');");
}

/// Moved into a same-origin iframe and back, the widget adopts a stylesheet
/// made for the document it is in (never a `<style>`, which a strict CSP
/// blocks) and its JSON-LD moves with it (before: a `<style>` added per move,
/// and the JSON-LD left in the parent's `<head>`).
#[wasm_bindgen_test]
async fn moving_into_an_iframe_and_back_keeps_styles_and_metadata_with_it() {
    let iframe =
        js("const f = document.createElement('iframe'); document.body.append(f); return f;");
    let frame_document: web_sys::Document =
        js_sys::Reflect::get(&iframe, &"contentDocument".into())
            .unwrap()
            .unchecked_into();
    let host = widget(&[], Some(&tiny("travelling", "Travelling widget")));
    wait_for_headline(&host, "Travelling widget").await;
    let ld_in = |document: &web_sys::Document| json_ld_mentioning(document, "Travelling widget");
    let styles = |host: &HtmlElement| {
        let root = host.shadow_root().unwrap();
        let adopted = js_sys::Reflect::get(&root, &"adoptedStyleSheets".into()).unwrap();
        let adopted = js_sys::Array::from(&adopted).length();
        (adopted, root.query_selector_all("style").unwrap().length())
    };
    for _ in 0..6 {
        frame_document.body().unwrap().append_child(&host).unwrap();
        wait_for_headline(&host, "Travelling widget").await;
        assert_eq!(
            styles(&host),
            (1, 0),
            "one adopted sheet in the iframe, no <style>"
        );
        assert_eq!((ld_in(&frame_document), ld_in(&document())), (1, 0));
        document().body().unwrap().append_child(&host).unwrap();
        wait_for_headline(&host, "Travelling widget").await;
        assert_eq!(styles(&host), (1, 0), "back home: one adopted sheet");
        assert_eq!((ld_in(&frame_document), ld_in(&document())), (0, 1));
    }
    host.remove();
    js_sys::Reflect::get(&iframe, &"remove".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(|f| f.call0(&iframe));
}

/// A host that moves the element from its own `ready` listener gets a live
/// widget in the new place: it shows the article, keeps its JSON-LD, and
/// takes later `article` changes and `entitled` (before: frozen, old content,
/// JSON-LD gone, changes ignored).
#[wasm_bindgen_test]
async fn moving_the_element_from_its_ready_listener_leaves_it_alive() {
    let elsewhere =
        js("const d = document.createElement('section'); document.body.append(d); return d;");
    js_sys::Reflect::set(&window(), &"__elsewhere".into(), &elsewhere).unwrap();
    js("document.addEventListener('article-widget:ready', (e) => window.__elsewhere.append(e.target), { once: true });");
    let host = widget(&[], Some(&tiny("moved", "Moved on ready")));
    wait_until("the move", || {
        host.parent_element()
            .is_some_and(|p| p.tag_name().eq_ignore_ascii_case("section"))
    })
    .await;
    wait_for_headline(&host, "Moved on ready").await;
    set_property(
        &host,
        "article",
        &JsValue::from_str(&tiny("changed", "Changed after the move")),
    );
    wait_for_headline(&host, "Changed after the move").await;
    let with_title = json_ld_mentioning(&document(), "Changed after the move");
    assert_eq!(with_title, 1, "the JSON-LD follows the article shown");
    host.remove();
    js("window.__elsewhere.remove()");
}

/// Removed by its own `article` getter while it mounts, the element does not
/// go on rendering detached, and leaves no JSON-LD behind.
#[wasm_bindgen_test]
async fn removed_while_mounting_leaves_nothing_behind() {
    article_widget::element::define();
    let host: HtmlElement = document()
        .create_element("article-widget")
        .unwrap()
        .unchecked_into();
    js_sys::Reflect::set(&window(), &"__host".into(), &host).unwrap();
    let json = tiny("vanishing", "Vanishing article");
    js(&format!(
        "let read = false;
         Object.defineProperty(window.__host, 'article', {{ configurable: true, get() {{
           if (!read) {{ read = true; window.__host.remove(); }}
           return {json:?};
         }} }});"
    ));
    document().body().unwrap().append_child(&host).unwrap();
    sleep_ms(100).await;
    assert!(!host.is_connected());
    let rendered = host
        .shadow_root()
        .map(|root| root.query_selector_all("h1").unwrap().length())
        .unwrap_or(0);
    assert_eq!(rendered, 0, "nothing renders in a removed element");
    let left = json_ld_mentioning(&document(), "Vanishing article");
    assert_eq!(left, 0, "no JSON-LD left in <head>");
}

/// A `toJSON` that sets `article` again while the widget reads it: the
/// widget ends up showing what the property holds (out of step when the
/// object went through JSON.stringify; reading it as a value, the setter's
/// change is seen by the next read).
#[wasm_bindgen_test]
async fn an_article_set_while_it_is_read_is_shown_in_step() {
    let host = widget(&[], None);
    js_sys::Reflect::set(&window(), &"__stepHost".into(), &host).unwrap();
    let second = tiny("second", "Set while reading");
    let first = js(&format!(
        "return {{ toJSON() {{ window.__stepHost.article = {second:?}; return {{ id: 'first', title: 'First read', published: '2026-11-01T10:00:00Z', body: [] }}; }} }};"
    ));
    set_property(&host, "article", &first);
    wait_for_headline(&host, "Set while reading").await;
    sleep_ms(50).await;
    assert_eq!(headline(&host).as_deref(), Some("Set while reading"));
    host.remove();
}

/// `no-json-ld` leaves structured data to the host's CMS; without it the
/// same article puts its JSON-LD into `<head>`.
#[wasm_bindgen_test]
async fn no_json_ld_leaves_structured_data_to_the_host() {
    let quiet = widget(&[("no-json-ld", "")], Some(&tiny("quiet-ld", "Quiet LD")));
    wait_for_headline(&quiet, "Quiet LD").await;
    assert_eq!(json_ld_mentioning(&document(), "Quiet LD"), 0);
    quiet.remove();

    let told = widget(&[], Some(&tiny("told-ld", "Told LD")));
    wait_for_headline(&told, "Told LD").await;
    assert_eq!(json_ld_mentioning(&document(), "Told LD"), 1);
    told.remove();
}

/// Readers see what happened in their language (the page's), with Try
/// again; the technical detail goes to the console and the `error` event,
/// with its kind and HTTP status, and is shown only with `debug`.
#[wasm_bindgen_test]
async fn readers_get_a_plain_message_and_developers_the_detail() {
    record_events();
    let html = document().document_element().unwrap();
    let page_lang = html.get_attribute("lang");
    html.set_attribute("lang", "nb-NO").unwrap();
    let host = widget(&[("src", "no-such-article.json")], None);
    host.remove_attribute("debug").unwrap();
    wait_until("the error panel", || alert_of(&host).is_some()).await;
    match page_lang {
        Some(lang) => html.set_attribute("lang", &lang).unwrap(),
        None => html.remove_attribute("lang").unwrap(),
    }
    let panel = all_by_role(&inside(&host), "alert").pop().unwrap();
    assert_eq!(text_of(&all(&panel, "p")[0]), "Artikkelen kan ikke vises");
    by_role(&panel, "button", "Prøv igjen");
    assert!(all(&panel, "code").is_empty(), "no technical detail");
    let url = js("return new URL('no-such-article.json', document.baseURI).href")
        .as_string()
        .unwrap();
    wait_until("the error event", || !recorded_events().is_empty()).await;
    assert_eq!(
        recorded_events(),
        vec![format!(
            r#"article-widget:error {{"kind":"http","status":404,"message":"could not load {url}: HTTP 404 Not Found"}}"#
        )]
    );
    host.remove();
}

/// One wrong optional part (a related card's image written as an object)
/// no longer hides the article: that card is left out, the article and the
/// other card are shown, and the console says what was left out and where.
#[wasm_bindgen_test]
async fn a_wrong_optional_part_is_left_out_with_a_warning() {
    js(
        "window.__warnings = []; window.__realWarn = window.__realWarn || console.warn;
        console.warn = (message) => window.__warnings.push(String(message));",
    );
    let json = r#"{"id":"lenient","title":"Lenient","published":"2026-11-01T10:00:00Z","body":[],
        "related":[{"id":"a","title":"Card with a wrong image","url":"https://x.example/a","image":{"src":"x.jpg"}},
                   {"id":"b","title":"Card that is fine","url":"https://x.example/b"}],
        "strings":{"share":[1,2],"copyLink":"Copy it"}}"#;
    let host = widget(&[], Some(json));
    wait_for_headline(&host, "Lenient").await;
    sleep_ms(20).await;
    let warnings = js("console.warn = window.__realWarn; return window.__warnings.join('\\n')")
        .as_string()
        .unwrap();
    let related = by_role(&inside(&host), "navigation", "Related articles");
    assert_eq!(
        text_of(&related).matches("Card").count(),
        1,
        "{}",
        text_of(&related)
    );
    assert!(text_of(&related).contains("Card that is fine"));
    assert!(
        warnings.contains(
            "article-widget: related[0].image: expected a string, found an object; left out"
        ),
        "{warnings}"
    );
    host.remove();
}

/// A part left out inside a part that is left out too (a wrong `push`, then
/// wrong `topics`): the quick reader counts what the tracked one names, and
/// the tracked one names each once, with its exact path, as natively.
#[wasm_bindgen_test]
fn parts_left_out_inside_parts_left_out_are_named_once() {
    use article_widget::browser::{explain_refusal, read_quickly, QuickRead};
    let json = r#"{"id":"nested","title":"Nested","published":"2026-11-01T10:00:00Z","body":[],
        "notifications":{"push":{"vapidPublicKey":5},"topics":7},
        "related":[{"id":"a","title":"A card","url":"https://x.example/a","image":{"src":"x.jpg"}}]}"#;
    let document = js_sys::JSON::parse(json).unwrap();
    let QuickRead::Read(Ok(quick), Some(pending)) = read_quickly(document.clone()) else {
        panic!("the quick reader should read it, with the paths pending");
    };
    assert!(quick.paths_pending, "{:?}", quick.warnings);
    assert!(
        pending == document,
        "the document to read again is the one read"
    );
    let exact = explain_refusal(document).unwrap().unwrap();
    assert!(!exact.paths_pending);
    assert_eq!(quick.article, exact.article);
    assert_eq!(
        quick.warnings.len(),
        exact.warnings.len(),
        "{:?}",
        exact.warnings
    );
    let paths: Vec<&str> = exact
        .warnings
        .iter()
        .map(|warning| warning.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "notifications.push.vapidPublicKey",
            "notifications.topics",
            "related[0].image"
        ],
        "{:?}",
        exact.warnings
    );
}

/// `max-related` and `max-latest` change how many cards and items show.
#[wasm_bindgen_test]
async fn max_related_and_max_latest_attributes() {
    let json = article_with_lists(
        "Most",
        &list_items_json("Card", 5),
        &list_items_json("News", 5),
    );
    let host = widget(&[("max-related", "2"), ("max-latest", "0")], Some(&json));
    wait_for_headline(&host, "Most").await;
    let related = by_role(&inside(&host), "navigation", "Related articles");
    assert_eq!(all(&related, "li").len(), 2);
    assert!(
        all_by_role(&inside(&host), "complementary").is_empty(),
        "no latest news"
    );
    host.remove();
}

/// The `strings` property sets UI strings for the widget: the error panel's
/// words (the failed document has none of its own), and the article's page
/// unless the article sets the same key.
#[wasm_bindgen_test]
async fn the_strings_property_overrides_reader_texts() {
    let host = article_widget_element(&[]);
    set_property(
        &host,
        "strings",
        &js("return { errorTitle: 'This story is not available right now', retry: 'Load it again', share: 'Pass it on' }"),
    );
    host.set_attribute("src", "no-such-article.json").unwrap();
    let host = in_page(host);
    wait_until("the error panel", || alert_of(&host).is_some()).await;
    let panel = all_by_role(&inside(&host), "alert").pop().unwrap();
    assert_eq!(
        text_of(&all(&panel, "p")[0]),
        "This story is not available right now"
    );
    by_role(&panel, "button", "Load it again");

    host.remove_attribute("src").unwrap();
    set_property(
        &host,
        "article",
        &tiny("strings-prop", "Strings property").into(),
    );
    wait_for_headline(&host, "Strings property").await;
    by_role(&inside(&host), "button", "Pass it on");
    host.remove();
}

/// A `max-related` that is not a whole number, or a `strings` property that
/// is not an object of strings, is ignored with a warning that names it.
#[wasm_bindgen_test]
async fn bad_host_options_are_ignored_with_a_warning() {
    js(
        "window.__warnings = []; window.__realWarn = window.__realWarn || console.warn;
        console.warn = (message) => window.__warnings.push(String(message));",
    );
    let json = article_with_lists("Bad options", &list_items_json("Card", 14), "");
    let host = article_widget_element(&[("max-related", "a dozen")]);
    set_property(&host, "strings", &js("return { share: 5 }"));
    set_property(&host, "article", &json.into());
    let host = in_page(host);
    wait_for_headline(&host, "Bad options").await;
    let warnings = js("console.warn = window.__realWarn; return window.__warnings.join('\\n')")
        .as_string()
        .unwrap();
    assert!(
        warnings.contains(
            "article-widget: max-related: expected a whole number, found \"a dozen\"; the default is used"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("article-widget: the strings property: expected an object of strings"),
        "{warnings}"
    );
    let related = by_role(&inside(&host), "navigation", "Related articles");
    assert_eq!(all(&related, "li").len(), 12, "the default");
    by_role(&inside(&host), "button", "Share");
    host.remove();
}

/// A `strings` object whose getter throws is ignored with a warning, and the
/// widget (and the next article it is given) keeps working.
#[wasm_bindgen_test]
async fn a_throwing_strings_getter_is_ignored_and_the_widget_goes_on() {
    js(
        "window.__warnings = []; window.__realWarn = window.__realWarn || console.warn;
        console.warn = (message) => window.__warnings.push(String(message));",
    );
    let host = article_widget_element(&[]);
    set_property(
        &host,
        "strings",
        &js("return { get share() { throw new Error('no strings today'); } }"),
    );
    set_property(&host, "article", &tiny("throwing-1", "First story").into());
    let host = in_page(host);
    wait_for_headline(&host, "First story").await;
    by_role(&inside(&host), "button", "Share");
    set_property(&host, "article", &tiny("throwing-2", "Second story").into());
    wait_for_headline(&host, "Second story").await;
    let other = in_page(article_widget_element(&[]));
    set_property(&other, "article", &tiny("throwing-3", "Beside it").into());
    wait_for_headline(&other, "Beside it").await;
    let warnings = js("console.warn = window.__realWarn; return window.__warnings.join('\\n')")
        .as_string()
        .unwrap();
    assert!(
        warnings
            .contains("article-widget: the strings property could not be read (no strings today)"),
        "{warnings}"
    );
    host.remove();
    other.remove();
}

#[wasm_bindgen_test]
async fn the_format_attribute_reads_through_the_converter_and_says_when_it_cannot() {
    // `v1` (any case) is the format itself: read in the same task as ever.
    let v1 = widget(&[("format", "V1")], Some(&tiny("v1", "Plain v1")));
    assert_eq!(headline(&v1).as_deref(), Some("Plain v1"));

    // This test page has no converter module beside the widget (a site that
    // did not copy dist/convert/): the panel and the event say so.
    record_events();
    let host = widget(&[("format", "wordpress")], Some(&tiny("f", "Read as v1")));
    wait_until("the error panel", || {
        !all_by_role(&inside(&host), "alert").is_empty()
    })
    .await;
    let alert = all_by_role(&inside(&host), "alert").pop().unwrap();
    assert!(
        text_of(&alert)
            .contains("the feed converter (convert/article-widget-convert.js) could not be loaded"),
        "{}",
        text_of(&alert)
    );
    assert!(recorded_events()
        .iter()
        .any(|e| e.starts_with("article-widget:error") && e.contains("could not be loaded")));

    // Without the attribute the same island is v1 again.
    host.remove_attribute("format").unwrap();
    wait_for_headline(&host, "Read as v1").await;
}
