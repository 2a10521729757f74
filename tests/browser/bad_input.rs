//! Bad input in a browser: an error panel that names what and where, never a blank page.

use crate::support::*;
use article_widget::components::ArticleFromJson;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

async fn show(json: &str) -> HtmlElement {
    let json = json.to_owned();
    let root = mount(move || view! { <ArticleFromJson json/> });
    leptos::task::tick().await;
    root
}

fn article_with_body(body: &str) -> String {
    format!(r#"{{"id":"t","title":"Test","published":"2026-11-01T10:00:00Z","body":{body}}}"#)
}

#[wasm_bindgen_test]
async fn wrong_type_names_the_json_path() {
    let root = show(&article_with_body(
        r#"[{"type":"paragraph","text":"a"},{"type":"paragraph","text":"b"},{"type":"paragraph","text":"c"},{"type":"paragraph","text":5}]"#,
    ))
    .await;
    let alert = all_by_role(&root, "alert").pop().expect("an alert");
    assert_eq!(by_text(&alert, "The article could not be shown").len(), 1);
    assert_eq!(
        by_text(&alert, "body[3].text: expected a string, found number `5`").len(),
        1
    );
    assert!(all(&root, "h1").is_empty(), "no half-rendered article");
}

#[wasm_bindgen_test]
async fn not_json_and_missing_fields_and_bad_dates() {
    let root = show("{\"id\": \"x\",").await;
    assert!(text_of(&all_by_role(&root, "alert")[0]).contains("not valid JSON"));

    let root = show(r#"{"id":"x","published":"2026-11-01T10:00:00Z","body":[]}"#).await;
    assert!(text_of(&all_by_role(&root, "alert")[0]).ends_with("missing field `title`"));

    let root = show(r#"{"id":"x","title":"t","published":"1 Nov 2026","body":[]}"#).await;
    assert!(text_of(&all_by_role(&root, "alert")[0])
        .contains("published: expected an RFC 3339 date-time"));
}

#[wasm_bindgen_test]
async fn javascript_links_render_as_plain_text() {
    let root = show(&article_with_body(
        r#"[{"type":"paragraph","text":"Do not [click here](javascript:alert(document.domain)) please"},
            {"type":"readAlso","title":"Trap","url":" JaVaScRiPt:alert(1)"},
            {"type":"paragraph","text":"A [safe link](https://example.org/ok)."}]"#,
    ))
    .await;
    let body = all(&root, ".aw-body").pop().unwrap();
    let hrefs: Vec<_> = all_by_role(&body, "link")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(hrefs, vec!["https://example.org/ok"]);
    assert!(text_of(&body).contains("Do not click here) please"));
    assert_eq!(by_text(&body, "Read also: Trap").len(), 1);
}

#[wasm_bindgen_test]
async fn markup_in_text_is_never_html() {
    let root = show(&article_with_body(
        r#"[{"type":"paragraph","text":"<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>"}]"#,
    ))
    .await;
    let body = all(&root, ".aw-body").pop().unwrap();
    assert!(all(&body, "img, script").is_empty());
    assert!(text_of(&body).starts_with("<img src=x"));
}

#[wasm_bindgen_test]
async fn unknown_block_types_are_skipped() {
    let root = show(&article_with_body(
        r#"[{"type":"paragraph","text":"Before"},{"type":"hologram","frames":[1,2]},{"type":"paragraph","text":"After"}]"#,
    ))
    .await;
    let paragraphs: Vec<_> = all(&all(&root, ".aw-body").pop().unwrap(), "p")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(paragraphs, vec!["Before", "After"]);
}
