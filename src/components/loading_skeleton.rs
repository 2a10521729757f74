use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// Grey placeholders in the shape of an article while it loads, with a
/// status message for screen readers.
#[component]
pub fn LoadingSkeleton() -> impl IntoView {
    let strings = use_strings();
    view! {
        <div class="aw-skeleton" part="skeleton" role="status" aria-busy="true">
            <span class="aw-visually-hidden">{strings.get(Text::Loading)}</span>
            <div class="aw-skeleton-line aw-skeleton-kicker" aria-hidden="true"></div>
            <div class="aw-skeleton-line aw-skeleton-title" aria-hidden="true"></div>
            <div class="aw-skeleton-line aw-skeleton-title aw-skeleton-short" aria-hidden="true"></div>
            <div class="aw-skeleton-block" aria-hidden="true"></div>
            <div class="aw-skeleton-line" aria-hidden="true"></div>
            <div class="aw-skeleton-line" aria-hidden="true"></div>
            <div class="aw-skeleton-line aw-skeleton-short" aria-hidden="true"></div>
        </div>
    }
}
