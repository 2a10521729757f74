//! The related-article cards.

use super::{article_text, use_strings, StaticMarkup};
use crate::i18n::format_date;
use crate::i18n::Text;
use crate::model::RelatedArticle;
use leptos::prelude::*;

/// The related-article cards, in a navigation region. Nothing when there are
/// none. Static once shown, so written straight to DOM nodes (see `markup`).
#[component]
pub fn RelatedArticles(
    /// The articles to suggest, in order.
    articles: Vec<RelatedArticle>,
) -> impl IntoView {
    let strings = use_strings();
    let lang = strings.lang();
    (!articles.is_empty()).then(move || {
        StaticMarkup::new(move |m| {
            let label = strings.get(Text::RelatedArticles);
            article_text::titled_region(m, "nav", "aw-related", &label, |m| {
                m.open("ul");
                m.attr("class", "aw-cards");
                for article in &articles {
                    article_text::related_card(
                        m,
                        article,
                        &|text| strings.get(text),
                        &|date, style| format_date(date, lang, style),
                    );
                }
                m.close();
            });
        })
    })
}
