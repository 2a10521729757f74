use super::use_strings;
use crate::browser::{format_date, DateStyle};
use crate::i18n::Text;
use crate::model::DateTime;
use leptos::prelude::*;

/// The publication date in words ("1. november 2025"), and when the article
/// was updated, each in a `<time datetime>`.
#[component]
pub fn Dateline(
    /// When the article was first published.
    published: DateTime,
    /// When it was last updated, if it was.
    updated: Option<DateTime>,
) -> impl IntoView {
    let strings = use_strings();
    let published_text = format_date(&published, strings.lang(), DateStyle::Long);
    view! {
        <p class="aw-dateline">
            <time datetime=published.rfc3339>{published_text}</time>
            {updated.map(|updated| {
                let updated_text = format_date(&updated, strings.lang(), DateStyle::LongWithTime);
                view! {
                    <span class="aw-updated">
                        {strings.get(Text::Updated)} " "
                        <time datetime=updated.rfc3339>{updated_text}</time>
                    </span>
                }
            })}
        </p>
    }
}
