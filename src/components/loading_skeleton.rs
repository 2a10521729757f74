//! Placeholders in the shape of an article while it loads.

use super::{use_strings, StaticMarkup};
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
            // Markup steps, not `view!`: its fully static elements are made
            // from HTML text through `innerHTML`, which Trusted Types refuse.
            {StaticMarkup::new(|m| {
                for class in SHAPES {
                    m.open("div");
                    m.attr("class", class);
                    m.attr("aria-hidden", "true");
                    m.close();
                }
            })}
        </div>
    }
}

/// The placeholders, top to bottom: kicker, a two-line title, the picture
/// and three lines of text.
const SHAPES: [&str; 7] = [
    "aw-skeleton-line aw-skeleton-kicker",
    "aw-skeleton-line aw-skeleton-title",
    "aw-skeleton-line aw-skeleton-title aw-skeleton-short",
    "aw-skeleton-block",
    "aw-skeleton-line",
    "aw-skeleton-line",
    "aw-skeleton-line aw-skeleton-short",
];
