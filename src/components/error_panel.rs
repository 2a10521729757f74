//! The panel that says an article cannot be shown, with Try again.

use super::use_strings;
use crate::i18n::Text;
use leptos::prelude::*;

/// Says that the article cannot be shown, in the reader's language, in
/// place of the article; and why, for developers. An alert, so screen
/// readers announce it.
#[component]
pub fn ErrorPanel(
    /// What is wrong and where, e.g. `body[3].text: expected a string, found
    /// a number`: shown only when given (a `debug` widget, the preview).
    #[prop(optional_no_strip)]
    detail: Option<String>,
    /// Offers "Try again" (for a failed fetch).
    #[prop(optional_no_strip)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let strings = use_strings();
    view! {
        <div class="aw-error" role="alert" part="error">
            <p class="aw-error-title">{strings.get(Text::ErrorTitle)}</p>
            {detail.map(|detail| view! {
                <p class="aw-error-detail">
                    <code>{detail}</code>
                </p>
            })}
            {on_retry.map(|retry| view! {
                <p class="aw-error-actions">
                    <button type="button" class="aw-button" part="button" on:click=move |_| retry.run(())>
                        {strings.get(Text::Retry)}
                    </button>
                </p>
            })}
        </div>
    }
}
