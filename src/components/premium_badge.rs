use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// A padlock that tells, in words for screen readers, that an article is
/// for subscribers only.
#[component]
pub fn PremiumBadge() -> impl IntoView {
    let strings = use_strings();
    view! {
        <span class="aw-premium">
            <svg class="aw-padlock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z"/>
            </svg>
            <span class="aw-visually-hidden">{strings.get(Text::SubscribersOnly)}</span>
        </span>
        // Keeps "Subscribers only" apart from the headline that follows when
        // the two are read out as one name.
        " "
    }
}
