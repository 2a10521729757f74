//! The wall after a premium article's teaser: Subscribe, Log in, Donate.

use super::{unique_id, use_strings, Strings};
use crate::browser::{dispatch_cancelable, NoDetail};
use crate::i18n::Text;
use crate::model::{Access, AccessModel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The wall after the teaser: why the rest is closed, and Subscribe, Log in
/// and Donate. Plain links in the reading order; no modal, no trap.
#[component]
pub fn Paywall(
    /// The article's access settings (links and message).
    access: Access,
) -> impl IntoView {
    let strings = use_strings();
    let title_id = unique_id("aw-paywall-title");
    let labelled_by = title_id.clone();
    let title = match access.model {
        AccessModel::Metered => Text::WallMeteredTitle,
        AccessModel::Premium | AccessModel::Free => Text::WallPremiumTitle,
    };
    let message = access
        .message
        .clone()
        .unwrap_or_else(|| strings.get(Text::WallText).to_owned());
    view! {
        <section class="aw-paywall" part="paywall" aria-labelledby=labelled_by>
            <h2 class="aw-paywall-title" id=title_id>{strings.get(title)}</h2>
            <p>{message}</p>
            <p class="aw-paywall-actions">{revenue_links(strings, &access, true)}</p>
        </section>
    }
}

/// The wall's and the donation prompt's links: Subscribe, Log in (the wall
/// only) and Donate, those the article gives a URL for. Each tells the host
/// page which was followed (`article-widget:subscribe`, `…:login`, `…:donate`);
/// a host that cancels the event (`preventDefault()`) stops the navigation
/// and opens its own login or checkout.
pub fn revenue_links(strings: Strings, access: &Access, with_login: bool) -> impl IntoView {
    let login = access.login_url.as_ref().filter(|_| with_login);
    [
        (
            access.subscribe_url.as_ref(),
            Text::Subscribe,
            "subscribe",
            "aw-button aw-button-primary",
        ),
        (login, Text::LogIn, "login", "aw-button"),
        (
            access.donate_url.as_ref(),
            Text::Donate,
            "donate",
            "aw-button",
        ),
    ]
    .into_iter()
    .filter_map(|(url, text, event, class)| {
        let url = url?.clone();
        Some(view! { <a class=class part="button" href=url on:click=announce(event)>{strings.get(text)}</a> })
    })
    .collect_view()
}

fn announce(event: &'static str) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    move |click: web_sys::MouseEvent| {
        if let Some(target) = click.current_target() {
            if !dispatch_cancelable(target.unchecked_ref(), event, &NoDetail {}) {
                click.prevent_default();
            }
        }
    }
}
