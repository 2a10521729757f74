//! The top of the article: kicker, headline, lede, byline, dateline, hero picture and AI badge.

use super::{article_text, use_strings, NotificationBell, ShareButton, ShareLinks, StaticMarkup};
use crate::browser::page_url;
use crate::i18n::format_date;
use crate::model::{share_networks, Article};
use leptos::prelude::*;
use std::sync::Arc;

/// The top of the article: section kicker, headline, lede, byline, dateline,
/// the share button and notification bell, and the publisher block with the
/// AI disclosure.
#[component]
pub fn ArticleHeader(
    /// The article whose header this is.
    article: Arc<Article>,
    /// Whether script runs here: the share button and the bell; else (a
    /// server's HTML, before hydration) share links in a disclosure and no
    /// bell.
    #[prop(into, default = Signal::stored(true))]
    live: Signal<bool>,
) -> impl IntoView {
    let share = article.share_data(&page_url());
    let networks = share_networks(article.share.as_ref());
    let notifications = article.notifications.clone();
    let strings = use_strings();
    let lang = strings.lang();
    let top = Arc::clone(&article);
    let ui = article.ui_lang_if_foreign(lang);
    // Static text, written straight to DOM nodes (see `markup`).
    let headline = StaticMarkup::new(move |m| {
        article_text::headline(m, &top, ui, &|text| strings.get(text), &|date, style| {
            format_date(date, lang, style)
        });
    });
    let publisher = StaticMarkup::new(move |m| {
        article_text::publisher_block(m, &article, lang, &|text| strings.get(text));
    });
    view! {
        <header class="aw-header" part="header">
            {headline}
            <div class="aw-actions">
                {move || {
                    if live.get() {
                        view! { <ShareButton share=share.clone() networks=networks.clone()/> }.into_any()
                    } else {
                        view! { <ShareLinks share=share.clone() networks=networks.clone()/> }.into_any()
                    }
                }}
                {move || {
                    notifications
                        .clone()
                        .filter(|_| live.get())
                        .map(|notifications| view! { <NotificationBell notifications/> })
                }}
            </div>
            {publisher}
        </header>
    }
}
