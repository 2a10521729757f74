//! The share button: the system share sheet, or the share menu.

use super::{
    article_text, draw_interactive_part, unique_id, use_strings, Part, ShareMenuProps, StaticMarkup,
};
use crate::browser::{dispatch, share_natively, use_light_dismiss, NativeShare, Shared};
use crate::i18n::Text;
use crate::model::{ShareData, ShareNetwork};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The "Share" button. Opens the system share sheet where the browser has
/// one; otherwise (or when it fails) a menu of share links and "Copy link".
/// Escape or a click outside closes the menu.
#[component]
pub fn ShareButton(
    /// What to share: URL, title and plain-text lede.
    share: ShareData,
    /// The networks to offer in the menu, in order.
    networks: Vec<ShareNetwork>,
) -> impl IntoView {
    let strings = use_strings();
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let button = NodeRef::<html::Button>::new();
    let container = NodeRef::<html::Div>::new();
    let menu_id = unique_id("aw-share-menu");

    let close = Callback::new(move |return_focus: bool| {
        open.set(false);
        if return_focus {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    });

    let native_data = share.clone();
    let on_click = move |_| {
        if open.get_untracked() {
            close.run(false);
            return;
        }
        status.set(String::new());
        let data = native_data.clone();
        spawn_local(async move {
            match share_natively(&data).await {
                NativeShare::Shared => {
                    if let Some(button) = button.get_untracked() {
                        dispatch(
                            &button,
                            "share",
                            &Shared {
                                method: "native",
                                network: None,
                            },
                        );
                    }
                }
                NativeShare::Cancelled => {}
                NativeShare::Unavailable | NativeShare::Failed => open.set(true),
            }
        });
    };

    let on_focusout = use_light_dismiss(container, open, close);

    let announce = Callback::new(move |message: String| status.set(message));
    view! {
        <div class="aw-share" part="share" node_ref=container on:focusout=on_focusout>
            <button
                type="button"
                part="button"
                class="aw-action-button aw-share-button"
                node_ref=button
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                // Only while the menu exists: never a reference to nothing.
                aria-controls={
                    let menu_id = menu_id.clone();
                    move || open.get().then(|| menu_id.clone())
                }
                on:click=on_click
                // The part it opens, loading as the pointer or focus comes.
                on:pointerenter=move |_| super::preload_interactive_part()
                on:pointerdown=move |_| super::preload_interactive_part()
                on:focus=move |_| super::preload_interactive_part()
            >
                {StaticMarkup::new(|m| article_text::icon(m, article_text::SHARE_PATH, "16", None))}
                {strings.get(Text::Share)}
            </button>
            <Show when=move || open.get()>
                {
                    let menu = ShareMenuProps {
                        id: menu_id.clone(),
                        share: share.clone(),
                        networks: networks.clone(),
                        on_close: close,
                        on_announce: announce,
                    };
                    Suspend::new(draw_interactive_part(Part::ShareMenu(menu), move || close.run(false)))
                }
            </Show>
            <p class="aw-visually-hidden" role="status">{move || status.get()}</p>
        </div>
    }
}
