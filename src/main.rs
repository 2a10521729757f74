//! The entry point of the wasm module that `embed.js` loads: defines the
//! `<article-widget>` element, which renders every widget on the page.

fn main() {
    article_widget::element::define();
}
