//! The "Latest news" list.

use super::{article_text, use_strings, StaticMarkup};
use crate::i18n::format_date;
use crate::i18n::Text;
use crate::model::LatestItem;
use leptos::prelude::*;

/// The "Latest news" list. Nothing when it is empty. Static once shown, so
/// written straight to DOM nodes (see `markup`).
#[component]
pub fn LatestNews(
    /// The newest articles, newest first.
    items: Vec<LatestItem>,
) -> impl IntoView {
    let strings = use_strings();
    let lang = strings.lang();
    (!items.is_empty()).then(move || {
        StaticMarkup::new(move |m| {
            let label = strings.get(Text::LatestNews);
            article_text::titled_region(m, "aside", "aw-latest", &label, |m| {
                m.open("ul");
                for item in &items {
                    article_text::latest_item(m, item, &|date, style| {
                        format_date(date, lang, style)
                    });
                }
                m.close();
            });
        })
    })
}
