//! The languages whose strings are a file of their own (`strings/<code>.json`):
//! fetched when an article needs them, then drawn in them; English when
//! they cannot be had; dates as the browser's `Intl` writes them.

use crate::support::*;
use article_widget::language_tables;
use article_widget::model::Lang;
use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// The table of each language that is not built in, as shipped.
const TABLES: &[(Lang, &str)] = &[
    (Lang::Nn, include_str!("../../src/strings/nn.json")),
    (Lang::Sv, include_str!("../../src/strings/sv.json")),
    (Lang::Da, include_str!("../../src/strings/da.json")),
    (Lang::Fi, include_str!("../../src/strings/fi.json")),
    (Lang::De, include_str!("../../src/strings/de.json")),
    (Lang::Fr, include_str!("../../src/strings/fr.json")),
    (Lang::Es, include_str!("../../src/strings/es.json")),
    (Lang::Pt, include_str!("../../src/strings/pt.json")),
    (Lang::It, include_str!("../../src/strings/it.json")),
    (Lang::Nl, include_str!("../../src/strings/nl.json")),
    (Lang::Pl, include_str!("../../src/strings/pl.json")),
    (Lang::Uk, include_str!("../../src/strings/uk.json")),
    (Lang::Ar, include_str!("../../src/strings/ar.json")),
];

/// The table of `lang`, as the page would fetch it.
pub fn table_of(lang: Lang) -> &'static str {
    TABLES.iter().find(|(l, _)| *l == lang).unwrap().1
}

fn widget_with(json: &str) -> HtmlElement {
    let element = article_widget_element(&[]);
    let island = document().create_element("script").unwrap();
    island.set_attribute("type", "application/json").unwrap();
    island.set_text_content(Some(json));
    element.append_child(&island).unwrap();
    in_page(element)
}

fn article_in(lang: &str) -> String {
    format!(
        r#"{{"id":"lang-{lang}","title":"In {lang}","lang":"{lang}","published":"2026-03-04T10:05:00Z",
        "authors":[{{"name":"Kari Nordmann"}}],"body":[{{"type":"paragraph","text":"Text."}}]}}"#
    )
}

/// The page's fetch, answering for `strings/<code>.json` with `answer`
/// (JavaScript: a Response, or a thrown error) and counting those calls.
fn answer_strings_with(answer: &str) {
    js(&format!(
        "window.__realFetch = window.__realFetch || window.fetch;
        window.__stringsFetched = [];
        window.fetch = async (url, init) => {{
            const text = String(url);
            const name = text.match(/strings\\/([a-z]+)\\.json$/);
            if (!name) return window.__realFetch(url, init);
            window.__stringsFetched.push(text);
            return ({answer})(name[1]);
        }};"
    ));
}

/// A Swedish article: its strings are fetched once for two widgets, and
/// both are drawn in Swedish (the byline, the share button, the date).
#[wasm_bindgen_test]
async fn a_language_file_is_fetched_once_and_the_article_drawn_in_it() {
    let sv = table_of(Lang::Sv);
    js(&format!("window.__sv = {sv};"));
    answer_strings_with(
        "(code) => code === 'sv' ? new Response(JSON.stringify(window.__sv), { headers: { 'Content-Type': 'application/json' } }) : new Response('', { status: 404 })",
    );
    let first = widget_with(&article_in("sv"));
    let second = widget_with(&article_in("sv-FI"));
    for host in [&first, &second] {
        wait_until("the Swedish share button", || {
            all(&inside(host), ".aw-share-button")
                .first()
                .is_some_and(|button| text_of(button) == "Dela")
        })
        .await;
        let root = inside(host);
        assert_eq!(text_of(&all(&root, ".aw-byline")[0]), "Av Kari Nordmann");
        assert_eq!(text_of(&all(&root, ".aw-dateline time")[0]), "4 mars 2026");
    }
    let fetched = js("return window.__stringsFetched.length").as_f64();
    restore_fetch();
    assert_eq!(fetched, Some(1.0), "one fetch for both widgets");
    first.remove();
    second.remove();
}

/// A language whose file cannot be had: the article is drawn in English
/// (never a blank or a skeleton forever), and the console says which file
/// and why.
#[wasm_bindgen_test]
async fn a_missing_language_file_leaves_english_and_says_so() {
    capture_warnings();
    answer_strings_with("() => new Response('', { status: 404 })");
    let host = widget_with(&article_in("da"));
    wait_until("the English share button", || {
        all(&inside(&host), ".aw-share-button")
            .first()
            .is_some_and(|button| text_of(button) == "Share")
    })
    .await;
    restore_fetch();
    let warnings = captured_warnings();
    assert!(
        warnings.contains("article-widget: the da strings could not be loaded (")
            && warnings.contains("strings/da.json: HTTP 404"),
        "{warnings}"
    );
    host.remove();
}

/// Dates come from the strings' tables, on a server and in the browser
/// alike (no `Intl` at start: its formatters cost 16-37 ms): the same words
/// as the browser's `Intl` writes them (day, month and year, a 24-hour
/// clock, Latin digits), in every language.
#[wasm_bindgen_test]
fn every_languages_dates_read_as_intl_writes_them() {
    use article_widget::i18n::{format_date, DateStyle};
    use article_widget::model::DateTime;
    use js_sys::{Object, Reflect};
    // Swedish and Danish are left to the fetching tests above (their
    // dates: the server's tests and `a_language_file_is_fetched_once…`).
    let languages = Lang::ALL
        .iter()
        .copied()
        .filter(|lang| !matches!(lang, Lang::Sv | Lang::Da));
    for lang in languages.clone().filter(|lang| !lang.is_built_in()) {
        language_tables::add(lang, table_of(lang)).unwrap();
    }
    let intl = |date: &DateTime, lang: Lang, style: DateStyle| {
        let options = Object::new();
        let set = |name: &str, value: &str| {
            Reflect::set(&options, &name.into(), &value.into()).unwrap();
        };
        set("timeZone", "UTC");
        set("numberingSystem", "latn");
        set("day", "numeric");
        set("year", "numeric");
        set(
            "month",
            if style == DateStyle::Medium {
                "short"
            } else {
                "long"
            },
        );
        if style == DateStyle::LongWithTime {
            set("hour", "2-digit");
            set("minute", "2-digit");
            set("hourCycle", "h23");
        }
        let locales = js_sys::Array::of1(&lang.locale().into());
        let instant = js_sys::Date::new(&(date.wall_clock_millis() as f64).into());
        js_sys::Intl::DateTimeFormat::new(&locales, &options)
            .format()
            .call1(&JsValue::UNDEFINED, &instant)
            .unwrap()
            .as_string()
            .unwrap()
    };
    let mut differences = Vec::new();
    // A browser without a language's locale data (Debian's Chromium has no
    // Nynorsk) writes another's: nothing to compare with there.
    let supported = |lang: Lang| {
        js_sys::Intl::DateTimeFormat::supported_locales_of(
            &js_sys::Array::of1(&lang.locale().into()),
            &Object::new(),
        )
        .length()
            == 1
    };
    let mut compared = 0;
    for lang in languages.filter(|&lang| supported(lang)) {
        compared += 1;
        for month in 1..=12 {
            let date = DateTime::parse(&format!(
                "2026-{month:02}-0{}T0{}:05:00+01:00",
                month % 9 + 1,
                month % 10
            ))
            .unwrap();
            for style in [DateStyle::Long, DateStyle::LongWithTime, DateStyle::Medium] {
                let (ours, theirs) = (format_date(&date, lang, style), intl(&date, lang, style));
                if ours != theirs {
                    differences.push(format!("{lang:?} {style:?}: {ours:?} / Intl {theirs:?}"));
                }
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(
        compared >= 12,
        "only {compared} languages have locale data here"
    );
}

/// In its own language an Arabic article's byline reads right to left
/// with its own word for "By"; the name is isolated.
#[wasm_bindgen_test]
async fn an_arabic_article_has_arabic_ui_words() {
    let _ = language_tables::add(Lang::Ar, table_of(Lang::Ar));
    let host = widget_with(include_str!("../../www/articles/al-mina.json"));
    wait_until("the Arabic byline", || {
        !all(&inside(&host), ".aw-byline bdi, .aw-byline a").is_empty()
    })
    .await;
    let byline = all(&inside(&host), ".aw-byline").pop().unwrap();
    assert!(
        text_of(&byline).starts_with("بقلم "),
        "{}",
        text_of(&byline)
    );
    assert!(
        all(&byline, "span[lang]").is_empty(),
        "no foreign words to mark"
    );
    let page = all(&inside(&host), ".aw-page").pop().unwrap();
    assert_eq!(page.unchecked_ref::<HtmlElement>().dir(), "rtl");
    host.remove();
}
