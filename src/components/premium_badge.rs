use super::{use_strings, PADLOCK_PATH};
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
                <path d=PADLOCK_PATH/>
            </svg>
            <span class="aw-visually-hidden">{strings.get(Text::SubscribersOnly)}</span>
        </span>
        // Keeps "Subscribers only" apart from the headline that follows when
        // the two are read out as one name.
        " "
    }
}
