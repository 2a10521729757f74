//! The share menu: Copy link and a plain link per network.

use super::{share_labels, use_strings};
use crate::browser::{copy_to_clipboard, dispatch, Shared};
use crate::i18n::Text;
use crate::model::{share_link, ShareData, ShareNetwork};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// The share menu: "Copy link" and a plain link per network, each opening in
/// a new tab. Arrow keys, Home and End move between the items; Escape closes
/// the menu and returns focus to the button. Where the clipboard refuses,
/// the link is shown selected in a read-only field to copy by hand.
#[component]
pub fn ShareMenu(
    /// The menu's element id (the button's `aria-controls`).
    id: String,
    /// What to share.
    share: ShareData,
    /// The networks to offer, in order.
    networks: Vec<ShareNetwork>,
    /// Closes the menu; `true` returns focus to the share button.
    on_close: Callback<bool>,
    /// Says something in the share button's polite live region.
    on_announce: Callback<String>,
) -> impl IntoView {
    let strings = use_strings();
    let menu = NodeRef::<html::Div>::new();
    let manual_copy = RwSignal::new(false);
    let field = NodeRef::<html::Input>::new();

    // The menu takes focus on its first item when it opens.
    Effect::new(move |_| {
        if let Some(first) = menu.get().and_then(|menu| items(&menu).into_iter().next()) {
            let _ = first.focus();
        }
    });
    // The manual-copy field is selected as soon as it appears.
    Effect::new(move |_| {
        if let Some(field) = field.get() {
            let _ = field.focus();
            field.select();
        }
    });

    let on_keydown = move |event: KeyboardEvent| {
        let Some(menu) = menu.get_untracked() else {
            return;
        };
        let items = items(&menu);
        let current = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            .and_then(|target| items.iter().position(|item| *item == target));
        let last = items.len().saturating_sub(1);
        let next = match event.key().as_str() {
            "ArrowDown" => Some(current.map_or(0, |i| if i >= last { 0 } else { i + 1 })),
            "ArrowUp" => Some(current.map_or(last, |i| if i == 0 { last } else { i - 1 })),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => {
                event.prevent_default();
                event.stop_propagation();
                on_close.run(true);
                None
            }
            "Tab" => {
                on_close.run(false);
                None
            }
            _ => None,
        };
        if let Some(item) = next.and_then(|i| items.get(i)) {
            event.prevent_default();
            let _ = item.focus();
        }
    };

    let url = share.url.clone();
    let copy = move |_| {
        let url = url.clone();
        spawn_local(async move {
            let target = menu.get_untracked();
            if copy_to_clipboard(&url).await {
                if let Some(menu) = target {
                    dispatch(
                        &menu,
                        "share",
                        &Shared {
                            method: "copy",
                            network: Some("copy"),
                        },
                    );
                }
                on_announce.run(strings.get(Text::LinkCopied).to_owned());
                on_close.run(true);
            } else {
                on_announce.run(strings.get(Text::CopyFailed).to_owned());
                manual_copy.set(true);
            }
        });
    };

    let entries = networks
        .into_iter()
        .map(|network| match share_link(network, &share) {
            None => view! {
                <button type="button" role="menuitem" class="aw-menu-item" part="menu-item" on:click=copy.clone()>
                    {strings.get(Text::CopyLink)}
                </button>
            }
            .into_any(),
            Some(href) => {
                let (label, name) = share_labels(strings, network);
                let on_click = move |_| {
                    if let Some(menu) = menu.get_untracked() {
                        dispatch(
                            &menu,
                            "share",
                            &Shared {
                                method: "link",
                                network: Some(network.id()),
                            },
                        );
                    }
                    on_close.run(true);
                };
                view! {
                    <a
                        role="menuitem"
                        class="aw-menu-item"
                        part="menu-item"
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label=name
                        on:click=on_click
                    >
                        {label}
                    </a>
                }
                .into_any()
            }
        })
        .collect_view();

    view! {
        <div class="aw-share-popover">
            <div id=id role="menu" class="aw-menu" part="share-menu" aria-label=strings.get(Text::ShareMenu) node_ref=menu on:keydown=on_keydown>
                {entries}
            </div>
            <Show when=move || manual_copy.get()>
                <label class="aw-copy-field">
                    <span>{strings.get(Text::CopyFailed)}</span>
                    <input
                        type="text"
                        readonly
                        node_ref=field
                        value=share.url.clone()
                        aria-label=strings.get(Text::LinkToArticle)
                        on:keydown=move |event: KeyboardEvent| {
                            if event.key() == "Escape" {
                                on_close.run(true);
                            }
                        }
                    />
                </label>
            </Show>
        </div>
    }
}

/// The menu's items, in order.
fn items(menu: &web_sys::HtmlDivElement) -> Vec<HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}
