use super::{Byline, Dateline, NotificationBell, PublisherBlock, RichTextView, ShareButton};
use crate::browser::page_url;
use crate::model::{share_networks, Article};
use leptos::prelude::*;

/// The top of the article: section kicker, headline, lede, byline, dateline,
/// the share button and notification bell, and the publisher block with the
/// AI disclosure.
#[component]
pub fn ArticleHeader(
    /// The article whose header this is.
    article: Article,
) -> impl IntoView {
    let share = article.share_data(&page_url());
    let networks = share_networks(article.share.as_ref());
    let Article {
        notifications,
        section,
        title,
        lede,
        authors,
        published,
        updated,
        publisher,
        ai_disclosure,
        ..
    } = article;
    let show_publisher = publisher.is_some() || ai_disclosure.is_some();
    view! {
        <header class="aw-header" part="header">
            {section.map(|section| view! { <p class="aw-kicker">{section}</p> })}
            <h1 class="aw-headline">{title}</h1>
            {lede.map(|lede| view! { <p class="aw-lede"><RichTextView text=lede/></p> })}
            <div class="aw-meta">
                <Byline authors/>
                <Dateline published updated/>
            </div>
            <div class="aw-actions">
                <ShareButton share networks/>
                {notifications.map(|notifications| view! { <NotificationBell notifications/> })}
            </div>
            {show_publisher.then(|| view! { <PublisherBlock publisher ai_disclosure/> })}
        </header>
    }
}
