//! The preview page's entry point: mounts the app into `<main id="article-widget">`.

use article_widget::components::App;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

fn main() {
    let Some(root) = document().get_element_by_id("article-widget") else {
        article_widget::browser::warn(
            "article-widget: no element with id \"article-widget\" to mount into",
        );
        return;
    };
    leptos::mount::mount_to(root.unchecked_into(), App).forget();
}
