use crate::support::*;
use article_widget::components::App;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn missing_article_shows_the_http_error_after_the_skeleton() {
    set_query("?src=no-such-article.json");
    let root = mount(App);
    assert_eq!(
        all_by_role(&root, "status").len(),
        1,
        "a loading status at once"
    );
    wait_until("the error panel", || {
        !all_by_role(&root, "alert").is_empty()
    })
    .await;
    let text = text_of(&all_by_role(&root, "alert")[0]);
    assert!(text.contains("no-such-article.json: HTTP 404"), "{text}");
    assert!(
        all_by_role(&root, "status").is_empty(),
        "the skeleton is gone"
    );
}

#[wasm_bindgen_test]
async fn other_origins_are_refused() {
    set_query("?src=https://other.example/article.json");
    let root = mount(App);
    wait_until("the error panel", || {
        !all_by_role(&root, "alert").is_empty()
    })
    .await;
    let text = text_of(&all_by_role(&root, "alert")[0]);
    assert!(text.contains("is on another origin"), "{text}");
}
