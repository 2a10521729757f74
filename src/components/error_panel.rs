use super::use_lang;
use crate::i18n::Text;
use leptos::prelude::*;

/// Says that the article cannot be shown and why, in place of the article.
/// An alert, so screen readers announce it.
#[component]
pub fn ErrorPanel(
    /// What is wrong and where, e.g. `body[3].text: expected a string, found a number`.
    detail: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="aw-error" role="alert">
            <p class="aw-error-title">{Text::ErrorTitle.get(lang)}</p>
            <p class="aw-error-detail">
                <code>{detail}</code>
            </p>
        </div>
    }
}
