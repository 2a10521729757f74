//! Network faults and rapid changes on the `<article-widget>` element.
use crate::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn widget(src: &str) -> HtmlElement {
    in_page(article_widget_element(&[("debug", ""), ("src", src)]))
}

fn alert_text(host: &HtmlElement) -> Option<String> {
    all_by_role(&inside(host), "alert").first().map(text_of)
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

/// Replaces `fetch` with a server that answers each URL after the delay in
/// its name (`slow-3000-a.json`: 3 s; anything else 50 ms) with an article
/// whose id is the URL, and records when each request started, was
/// aborted (before its answer) and was answered.
fn delaying_fetch() {
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.__log = [];
        window.fetch = (request) => new Promise((resolve, reject) => {
          const url = request.url;
          const delay = Number((url.match(/slow-(\\d+)/) || [0, 50])[1]);
          window.__log.push(['start', url, performance.now()]);
          const timer = setTimeout(() => {
            window.__log.push(['answer', url, performance.now()]);
            resolve(new Response(JSON.stringify({
              id: url, title: 'Article ' + url, published: '2026-11-01T10:00:00Z', body: [] })));
          }, delay);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            window.__log.push(['abort', url, performance.now()]);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });");
}

/// How many times `what` happened to requests whose URL contains `part`.
fn logged(what: &str, part: &str) -> usize {
    js(&format!(
        "return window.__log.filter(([w, url]) => w === '{what}' && url.includes('{part}')).length"
    ))
    .as_f64()
    .unwrap() as usize
}

fn absolute(url: &str) -> String {
    js(&format!("return new URL('{url}', document.baseURI).href"))
        .as_string()
        .unwrap()
}

fn headline(host: &HtmlElement) -> Option<String> {
    all(&inside(host), "h1").first().map(text_of)
}

/// Waits for the article `delaying_fetch` answers for `path`.
async fn wait_for_article_from(host: &HtmlElement, path: &str) {
    let expected = format!("Article {}", absolute(path));
    wait_until(&expected, || headline(host).as_deref() == Some(&expected)).await;
}

#[wasm_bindgen_test]
async fn fifty_quick_src_changes_show_the_last_and_abort_the_rest() {
    delaying_fetch();
    let host = widget("articles/0.json");
    for i in 1..50 {
        host.set_attribute("src", &format!("articles/{i}.json"))
            .unwrap();
        leptos::task::tick().await;
    }
    let last = format!("Article {}", absolute("articles/49.json"));
    wait_until("the last article", || {
        headline(&host).as_deref() == Some(&last)
    })
    .await;
    sleep_ms(150).await;
    let (started, aborted, answered) = (
        logged("start", "articles/"),
        logged("abort", "articles/"),
        logged("answer", "articles/"),
    );
    restore_fetch();
    assert_eq!(headline(&host), Some(last), "no stale render");
    assert_eq!(
        (aborted, answered),
        (started - 1, 1),
        "{started} requests: all but the last aborted before their answer"
    );
    host.remove();
}

/// A new `src` while a slow one loads aborts it at once and starts the new
/// request then (not when the slow one answers); one `ready`, for the
/// article on screen.
#[wasm_bindgen_test]
async fn a_new_src_aborts_a_slow_request_at_once() {
    delaying_fetch();
    record_events();
    let host = widget("articles/slow-3000-a.json");
    sleep_ms(100).await;
    host.set_attribute("src", "articles/b.json").unwrap();
    wait_for_article_from(&host, "articles/b.json").await;
    let fast = absolute("articles/b.json");
    let abort_delay = js(
        "const at = (w, p) => window.__log.find(([x, u]) => x === w && u.includes(p))[2];
         return at('abort', 'slow-3000-a') - at('start', 'slow-3000-a');",
    )
    .as_f64()
    .unwrap();
    let started_b_after_a = js(
        "const at = (w, p) => window.__log.find(([x, u]) => x === w && u.includes(p))[2];
         return at('start', 'articles/b') - at('start', 'slow-3000-a');",
    )
    .as_f64()
    .unwrap();
    restore_fetch();
    assert!(
        abort_delay < 1000.0,
        "the slow request was aborted after {abort_delay} ms"
    );
    assert!(
        started_b_after_a < 1000.0,
        "the new request started {started_b_after_a} ms after the first"
    );
    assert_eq!(logged("answer", "slow-3000-a"), 0);
    assert_eq!(
        recorded_events(),
        vec![format!(
            r#"article-widget:ready {{"id":"{fast}","source":"src","warnings":0}}"#
        )],
        "one ready, for the article shown"
    );
    host.remove();
}

/// Switching `src` between articles fires `ready` once per article shown,
/// never again for the one before.
#[wasm_bindgen_test]
async fn one_ready_per_article_shown() {
    delaying_fetch();
    let host = widget("articles/first.json");
    wait_for_article_from(&host, "articles/first.json").await;
    sleep_ms(20).await;
    record_events();
    for name in ["second", "third"] {
        host.set_attribute("src", &format!("articles/{name}.json"))
            .unwrap();
        wait_for_article_from(&host, &format!("articles/{name}.json")).await;
    }
    sleep_ms(50).await;
    restore_fetch();
    let second = absolute("articles/second.json");
    let third = absolute("articles/third.json");
    assert_eq!(
        recorded_events(),
        vec![
            format!(r#"article-widget:ready {{"id":"{second}","source":"src","warnings":0}}"#),
            format!(r#"article-widget:ready {{"id":"{third}","source":"src","warnings":0}}"#),
        ]
    );
    host.remove();
}

/// `reload()` fetches `src` again and shows what it answers now.
#[wasm_bindgen_test]
async fn reload_fetches_src_again() {
    delaying_fetch();
    let host = widget("articles/reloaded.json");
    wait_for_article_from(&host, "articles/reloaded.json").await;
    js_sys::Reflect::get(&host, &"reload".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call0(&host)
        .unwrap();
    wait_until("a second answer", || logged("answer", "reloaded") == 2).await;
    sleep_ms(20).await;
    restore_fetch();
    assert_eq!(logged("start", "reloaded"), 2);
    let url = absolute("articles/reloaded.json");
    assert_eq!(headline(&host), Some(format!("Article {url}")));
    host.remove();
}

/// With no source (`src=""`, or `src` removed), the widget is empty: no
/// skeleton waiting for ever, no error.
#[wasm_bindgen_test]
async fn no_source_shows_nothing_rather_than_a_skeleton() {
    let host = widget("");
    leptos::task::tick().await;
    assert_eq!(
        inside(&host).child_element_count(),
        0,
        "{}",
        inside(&host).outer_html()
    );

    delaying_fetch();
    host.set_attribute("src", "articles/gone.json").unwrap();
    wait_for_article_from(&host, "articles/gone.json").await;
    restore_fetch();
    host.remove_attribute("src").unwrap();
    leptos::task::tick().await;
    assert_eq!(inside(&host).child_element_count(), 0);
    host.remove();
}

/// The element class says which release is running.
#[wasm_bindgen_test]
fn the_element_class_has_a_version() {
    article_widget::element::define();
    let version = js("return customElements.get('article-widget').version");
    assert_eq!(
        version.as_string().as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
}

/// Relative URLs in a document fetched through `src` mean next to that
/// document (a feed on a CDN), not next to the page; in a data island they
/// stay relative to the page.
#[wasm_bindgen_test]
async fn relative_urls_in_a_fetched_document_resolve_against_it() {
    let document_json = r##"{"id":"rel","title":"Relative","published":"2026-11-01T10:00:00Z",
        "image":{"src":"images/hero.svg","alt":"Hero"},
        "body":[{"type":"paragraph","text":"[More](more.html) and [notes](#notes)"}]}"##;
    js(&format!(
        "window.__realFetch = window.__realFetch || window.fetch;
         window.fetch = () => Promise.resolve(new Response({document_json:?}));"
    ));
    let host = widget("feeds/cdn/article.json");
    wait_until("the article", || {
        headline(&host).as_deref() == Some("Relative")
    })
    .await;
    restore_fetch();
    let root = inside(&host);
    let feed = absolute("feeds/cdn/");
    assert_eq!(
        attr(&all(&root, "img")[0], "src"),
        format!("{feed}images/hero.svg")
    );
    assert_eq!(
        attr(&by_role(&root, "link", "More"), "href"),
        format!("{feed}more.html")
    );
    assert_eq!(attr(&by_role(&root, "link", "notes"), "href"), "#notes");
    host.remove();
}
