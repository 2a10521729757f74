//! The hostile corpus in a browser: nothing runs, nothing blocks the page, refusals name their path.

use crate::support::*;
use article_widget::components::ArticleFromJson;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "../hostile/corpus.rs"]
mod corpus;
use corpus::{Expect, CORPUS};

/// Every element the widget may create.
const ALLOWED_TAGS: &[&str] = &[
    "div",
    "article",
    "header",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "a",
    "span",
    "bdi",
    "strong",
    "em",
    "figure",
    "figcaption",
    "img",
    "blockquote",
    "ul",
    "ol",
    "li",
    "nav",
    "aside",
    "section",
    "time",
    "details",
    "summary",
    "button",
    "svg",
    "path",
    "code",
    "input",
    "label",
    "fieldset",
    "legend",
];

/// The scheme of a URL once the browser has resolved it against the page.
fn resolved_protocol(url: &str) -> String {
    let base = window().location().href().unwrap();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.protocol())
        .unwrap_or_else(|_| "unparsable".into())
}

#[wasm_bindgen_test]
async fn every_case_that_parses_renders_without_running_anything() {
    js("window.__pwned = 0");
    let mut rendered = 0;
    for (name, json, expected) in CORPUS {
        if !matches!(expected, Expect::Renders | Expect::LeftOut(_)) {
            continue;
        }
        js(
            "window.__warnings = []; window.__realWarn = window.__realWarn || console.warn;
            console.warn = (message) => window.__warnings.push(String(message));",
        );
        let root = mount(move || view! { <ArticleFromJson json=json.to_string() entitled=true/> });
        leptos::task::tick().await;
        let warnings = js("console.warn = window.__realWarn; return window.__warnings.join('\\n')")
            .as_string()
            .unwrap();
        assert!(
            all_by_role(&root, "alert").is_empty(),
            "{name} shows an error"
        );
        // The browser's reader leaves out the same part as the native one.
        if let Expect::LeftOut(path) = expected {
            assert!(
                warnings
                    .lines()
                    .any(|w| w.starts_with(&format!("article-widget: {path}: "))
                        && w.ends_with("; left out")),
                "{name}: no warning for {path}: {warnings}"
            );
        }
        for element in all(&root, "*") {
            let tag = element.tag_name().to_lowercase();
            assert!(
                ALLOWED_TAGS.contains(&tag.as_str()),
                "{name}: a <{tag}> element"
            );
            let names = element.get_attribute_names();
            for attribute in names.iter().filter_map(|n| n.as_string()) {
                assert!(
                    !attribute.to_lowercase().starts_with("on"),
                    "{name}: <{tag} {attribute}>"
                );
            }
        }
        for link in all(&root, "a[href]") {
            let protocol = resolved_protocol(&attr(&link, "href"));
            assert!(
                ["http:", "https:", "mailto:"].contains(&protocol.as_str()),
                "{name}: link to {protocol}"
            );
        }
        for image in all(&root, "img[src]") {
            let protocol = resolved_protocol(&attr(&image, "src"));
            assert!(
                ["http:", "https:", "data:"].contains(&protocol.as_str()),
                "{name}: image from {protocol}"
            );
            if protocol == "data:" {
                assert!(
                    attr(&image, "src")
                        .to_lowercase()
                        .starts_with("data:image/"),
                    "{name}"
                );
            }
        }
        root.remove();
        rendered += 1;
    }
    let expected = CORPUS
        .iter()
        .filter(|(_, _, e)| matches!(e, Expect::Renders | Expect::LeftOut(_)))
        .count();
    assert!(
        rendered == expected && rendered > 20,
        "{rendered} of {expected} cases rendered"
    );
    // Give any injected handler (onerror, onload) the chance to run.
    sleep_ms(300).await;
    assert_eq!(
        js("return window.__pwned").as_f64(),
        Some(0.0),
        "injected code ran"
    );
}

#[wasm_bindgen_test]
async fn every_refused_case_shows_an_error_panel_with_its_path() {
    for (name, json, expected) in CORPUS {
        let Expect::Refused(path) = expected else {
            continue;
        };
        let root = mount(move || view! { <ArticleFromJson json=json.to_string()/> });
        leptos::task::tick().await;
        let alerts = all_by_role(&root, "alert");
        assert_eq!(alerts.len(), 1, "{name}: one error panel");
        let detail = text_of(&all(&alerts[0], "code")[0]);
        if !path.is_empty() {
            assert!(
                detail.starts_with(&format!("{path}: ")),
                "{name}: {detail:?} does not start with {path:?}"
            );
        }
        assert!(
            all(&root, "h1").is_empty(),
            "{name}: no half-rendered article"
        );
        root.remove();
    }
}

/// The shapes that froze a host page for 4 to 117 s (issue 12) render with
/// no task over one second. Long tasks are observed where the browser
/// reports them (Chromium), counting only those that start while each
/// document renders; elsewhere the render's own time counts.
#[wasm_bindgen_test]
async fn no_input_shape_blocks_the_page_for_a_second() {
    js("window.__tasks = [];
        if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
          window.__observer = new PerformanceObserver((list) => {
            for (const task of list.getEntries()) window.__tasks.push([task.startTime, task.duration]);
          });
          window.__observer.observe({ type: 'longtask' });
        }");
    let freezing = [
        "markup-quadratic-links",
        "markup-quadratic-brackets",
        "markup-quadratic-lede",
        "unknown-blocks-by-thousands",
        "unknown-strings-by-thousands",
    ];
    let mut documents: Vec<(&str, String)> = CORPUS
        .iter()
        .filter(|(name, _, _)| freezing.contains(name))
        .map(|(name, json, _)| (*name, json.to_string()))
        .collect();
    assert_eq!(documents.len(), freezing.len());
    // A 200,000-character share label (11 s of layout before the cap).
    documents.push((
        "a 200,000-character UI string",
        format!(
            r#"{{"id":"s","title":"t","published":"2026-11-01T10:00:00Z","body":[],"strings":{{"share":"{}"}}}}"#,
            "W".repeat(200_000)
        ),
    ));
    let now = || js("return performance.now()").as_f64().unwrap();
    for (name, json) in documents {
        let start = now();
        let root = mount(move || view! { <ArticleFromJson json/> });
        leptos::task::tick().await;
        // Layout and paint belong to the task too.
        sleep_ms(50).await;
        let end = now();
        assert!(all_by_role(&root, "alert").is_empty(), "{name}");
        root.remove();
        let longest = js(&format!(
            "return window.__observer
               ? Math.max(0, ...window.__tasks.filter(([at]) => at >= {start} && at <= {end}).map(([, d]) => d))
               : {end} - {start} - 50;"
        ))
        .as_f64()
        .unwrap();
        assert!(longest < 1000.0, "{name}: a task of {longest} ms");
    }
    js("window.__observer?.disconnect()");
}

/// Documents past the documented limit are refused before parsing, with a
/// message that says how long they are and what the limit is.
#[wasm_bindgen_test]
async fn documents_over_five_million_characters_are_refused() {
    let filler = "x".repeat(5_000_000);
    let json = format!(
        r#"{{"id":"big","title":"Big","published":"2026-11-01T10:00:00Z","body":[{{"type":"paragraph","text":"{filler}"}}]}}"#
    );
    let root = mount(move || view! { <ArticleFromJson json/> });
    leptos::task::tick().await;
    let alert = text_of(&all_by_role(&root, "alert")[0]);
    assert!(
        alert.contains("characters long; at most 5,000,000 are read"),
        "{alert}"
    );
    root.remove();
}
