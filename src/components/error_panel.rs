use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// Says that the article cannot be shown and why, in place of the article.
/// An alert, so screen readers announce it.
#[component]
pub fn ErrorPanel(
    /// What is wrong and where, e.g. `body[3].text: expected a string, found a number`.
    detail: String,
    /// Offers "Try again" (for a failed fetch).
    #[prop(optional_no_strip)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let strings = use_strings();
    view! {
        <div class="aw-error" role="alert" part="error">
            <p class="aw-error-title">{strings.get(Text::ErrorTitle)}</p>
            <p class="aw-error-detail">
                <code>{detail}</code>
            </p>
            {on_retry.map(|retry| view! {
                <p class="aw-error-actions">
                    <button type="button" class="aw-button" on:click=move |_| retry.run(())>
                        {strings.get(Text::Retry)}
                    </button>
                </p>
            })}
        </div>
    }
}
