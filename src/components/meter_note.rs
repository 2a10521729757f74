//! The note on a metered article: how many free articles are left.

use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// The short note on a metered article the reader may still read for free:
/// how many free articles are left.
#[component]
pub fn MeterNote(
    /// Free articles left after this one.
    free_left: u32,
) -> impl IntoView {
    let strings = use_strings();
    let text = match free_left {
        0 => strings.get(Text::MeterLeftNone).to_owned(),
        1 => strings.get(Text::MeterLeftOne).to_owned(),
        n => strings.fill(Text::MeterLeftMany, &[("n", &n.to_string())]),
    };
    view! { <p class="aw-meter-note" part="meter-note">{text}</p> }
}
