use super::use_lang;
use crate::i18n::Text;
use leptos::prelude::*;

/// The short note on a metered article the reader may still read for free:
/// how many free articles are left.
#[component]
pub fn MeterNote(
    /// Free articles left after this one.
    free_left: u32,
) -> impl IntoView {
    let lang = use_lang();
    let text = match free_left {
        0 => Text::MeterLeftNone.get(lang).to_owned(),
        1 => Text::MeterLeftOne.get(lang).to_owned(),
        n => Text::MeterLeftMany.fill(lang, &[("n", &n.to_string())]),
    };
    view! { <p class="aw-meter-note">{text}</p> }
}
