use super::{
    article_text, Byline, Dateline, NotificationBell, PublisherBlock, ShareButton, StaticMarkup,
};
use crate::browser::page_url;
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
) -> impl IntoView {
    let share = article.share_data(&page_url());
    let networks = share_networks(article.share.as_ref());
    let notifications = article.notifications.clone();
    let section = article.section.clone();
    let title = article.title.clone();
    let lede = article.lede.clone();
    let authors = article.authors.clone();
    let published = article.published.clone();
    let updated = article.updated.clone();
    let publisher = article.publisher.clone();
    let ai_disclosure = article.ai_disclosure.clone();
    let show_publisher = publisher.is_some() || ai_disclosure.is_some();
    view! {
        <header class="aw-header" part="header">
            {section.map(|section| view! { <p class="aw-kicker">{section}</p> })}
            <h1 class="aw-headline">{title}</h1>
            {lede.map(|lede| StaticMarkup::new(move |m| {
                m.open("p");
                m.attr("class", "aw-lede");
                article_text::rich_text(m, &lede);
                m.close();
            }))}
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
