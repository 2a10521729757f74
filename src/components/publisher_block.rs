use super::{use_strings, AiBadge};
use crate::i18n::Text;
use crate::model::{AiDisclosure, Publisher};
use leptos::prelude::*;

/// Who publishes the article, and the AI disclosure when AI took part.
#[component]
pub fn PublisherBlock(
    /// The publisher, if the article names one.
    publisher: Option<Publisher>,
    /// How AI took part in the article, if it did.
    ai_disclosure: Option<AiDisclosure>,
) -> impl IntoView {
    let strings = use_strings();
    view! {
        <div class="aw-publisher">
            {publisher.map(|Publisher { name, url, logo }| {
                let logo = logo.map(|src| view! { <img class="aw-publisher-logo" src=src alt="" width="24" height="24"/> });
                let name = match url {
                    Some(url) => view! { <a href=url>{name}</a> }.into_any(),
                    None => name.into_any(),
                };
                view! { <p class="aw-publisher-name">{logo} {strings.get(Text::PublishedBy)} " " {name}</p> }
            })}
            {ai_disclosure.map(|disclosure| view! { <AiBadge disclosure/> })}
        </div>
    }
}
