use super::{article_text, use_strings, StaticMarkup};
use crate::model::Article;
use leptos::prelude::*;
use std::sync::Arc;

/// The first `shown` blocks of the article body: paragraphs, headings,
/// pictures, quotes, lists and "Read also:" links. Article text never
/// changes once shown, so it is written straight to DOM nodes, all in one
/// go (see `markup`).
#[component]
pub fn ArticleBody(
    /// The article (shared, not copied).
    article: Arc<Article>,
    /// How many blocks to show: all of them, or the teaser before the wall.
    shown: usize,
) -> impl IntoView {
    let strings = use_strings();
    StaticMarkup::new(move |m| {
        for block in article.blocks().take(shown) {
            article_text::block(m, block, &|text| strings.get(text));
        }
    })
}
