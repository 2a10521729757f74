//! Share links that work with no script (server-rendered pages).

use super::{article_text, share_labels, use_strings, StaticMarkup};
use crate::i18n::Text;
use crate::model::{share_link, ShareData, ShareNetwork};
use leptos::prelude::*;

/// Share links that work with no script: a `<details>` disclosure whose
/// summary looks like the share button, opening a list of plain links (no
/// "Copy link", which needs script). What a server draws; the share button
/// replaces it once the page is live. Nothing when there is no URL to share.
#[component]
pub fn ShareLinks(
    /// What to share: URL, title and plain-text lede.
    share: ShareData,
    /// The networks to offer, in order ("Copy link" is left out).
    networks: Vec<ShareNetwork>,
) -> impl IntoView {
    let strings = use_strings();
    let links: Vec<_> = networks
        .into_iter()
        .filter(|_| !share.url.is_empty())
        .filter_map(|network| {
            let href = share_link(network, &share)?;
            let (label, name) = share_labels(strings, network);
            Some(article_text::ShareLink { href, label, name })
        })
        .collect();
    let (summary, menu_name) = (strings.get(Text::Share), strings.get(Text::ShareMenu));
    // Written as markup: nothing in it changes, and it is adopted whole
    // when a server's page is hydrated.
    (!links.is_empty()).then(|| {
        StaticMarkup::new(move |m| article_text::share_links(m, &links, &summary, &menu_name))
    })
}
