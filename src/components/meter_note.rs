//! The note on a metered article: how many free articles are left.

use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// The short note on a metered article the reader may still read for free:
/// how many free articles are left. Or its place, kept on a server's page:
/// a server cannot know the reader's meter, and the note that the live page
/// writes there must move nothing below it.
#[component]
pub fn MeterNote(
    /// Free articles left after this one; `None` for the place kept on a
    /// server's page (one line, hidden) until the page is live.
    free_left: Option<u32>,
) -> impl IntoView {
    let strings = use_strings();
    let text = match free_left {
        None => "\u{a0}".to_owned(),
        Some(0) => strings.get(Text::MeterLeftNone).to_owned(),
        Some(1) => strings.get(Text::MeterLeftOne).to_owned(),
        Some(n) => strings.fill(Text::MeterLeftMany, &[("n", &n.to_string())]),
    };
    let kept_place = free_left.is_none().then_some("true");
    view! { <p class="aw-meter-note" part="meter-note" aria-hidden=kept_place>{text}</p> }
}
