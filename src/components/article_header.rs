use super::{Byline, Dateline, PublisherBlock, RichTextView};
use crate::model::Article;
use leptos::prelude::*;

/// The top of the article: section kicker, headline, lede, byline, dateline
/// and the publisher block with the AI disclosure.
#[component]
pub fn ArticleHeader(
    /// The article whose header this is.
    article: Article,
) -> impl IntoView {
    let Article {
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
        <header class="aw-header">
            {section.map(|section| view! { <p class="aw-kicker">{section}</p> })}
            <h1 class="aw-headline">{title}</h1>
            {lede.map(|lede| view! { <p class="aw-lede"><RichTextView text=lede/></p> })}
            <div class="aw-meta">
                <Byline authors/>
                <Dateline published updated/>
            </div>
            {show_publisher.then(|| view! { <PublisherBlock publisher ai_disclosure/> })}
        </header>
    }
}
