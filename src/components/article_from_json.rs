//! An article read from JSON text and shown, or the error panel saying what is wrong and where.

use super::{ArticlePage, ErrorPanel};
use crate::browser::{parse_article_text, warn};
use crate::i18n::document_warnings;
use leptos::prelude::*;

/// Reads an article from JSON text and shows it, or shows what is wrong with
/// the text and where.
#[component]
pub fn ArticleFromJson(
    /// The article document, format version 1 (see `docs/format-v1.md`).
    json: String,
    /// The reader is a known subscriber (see [`ArticlePage`]).
    #[prop(optional, into)]
    entitled: Signal<bool>,
) -> impl IntoView {
    match parse_article_text(&json) {
        Ok(parsed) => {
            for warning in document_warnings(&parsed) {
                warn(&format!("article-widget: {warning}"));
            }
            view! { <ArticlePage article=parsed.article entitled/> }.into_any()
        }
        Err(error) => view! { <ErrorPanel detail=Some(error.to_string())/> }.into_any(),
    }
}
