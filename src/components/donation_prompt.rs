//! The donation prompt at the end of a free article.

use super::paywall::revenue_links;
use super::{unique_id, use_strings};
use crate::browser::{dismiss_prompt, dispatch, PromptDismissed};
use crate::i18n::Text;
use crate::model::Access;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The ask at the end of a free article: the publisher's message (or ours),
/// Subscribe and Donate links, and "Not now", which keeps it away for the
/// access period. Dismissed, it leaves a short thank-you that takes focus,
/// so keyboard and screen-reader users are not dropped at the top.
#[component]
pub fn DonationPrompt(
    /// The article's access settings (links, message, period).
    access: Access,
) -> impl IntoView {
    let strings = use_strings();
    let dismissed = RwSignal::new(false);
    let thanks = NodeRef::<html::P>::new();
    let title_id = unique_id("aw-donation-title");
    let labelled_by = title_id.clone();
    let message = access
        .message
        .clone()
        .unwrap_or_else(|| strings.get(Text::DonationPrompt).to_owned());
    let period_days = access.period_days;

    Effect::new(move |_| {
        if let Some(thanks) = thanks.get() {
            let _ = thanks.focus();
        }
    });
    let not_now = move |click: web_sys::MouseEvent| {
        dismiss_prompt(period_days);
        if let Some(target) = click.current_target() {
            dispatch(
                target.unchecked_ref(),
                "prompt-dismissed",
                &PromptDismissed { days: period_days },
            );
        }
        dismissed.set(true);
    };
    view! {
        <aside class="aw-donation" part="donation" aria-labelledby=labelled_by>
            <Show
                when=move || !dismissed.get()
                fallback=move || view! {
                    <p class="aw-donation-thanks" tabindex="-1" node_ref=thanks>
                        {strings.get(Text::DonationPromptDismissed)}
                    </p>
                }
            >
                <h2 class="aw-donation-title" id=title_id.clone()>{strings.get(Text::DonationPromptTitle)}</h2>
                <p>{message.clone()}</p>
                <p class="aw-donation-actions">
                    {revenue_links(strings, &access, false)}
                    <button type="button" class="aw-button aw-button-quiet" part="button" on:click=not_now>{strings.get(Text::NotNow)}</button>
                </p>
            </Show>
        </aside>
    }
}
