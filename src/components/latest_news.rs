use super::use_strings;
use crate::browser::{format_date, DateStyle};
use crate::i18n::Text;
use crate::model::LatestItem;
use leptos::prelude::*;

/// The "Latest news" list. Nothing when it is empty.
#[component]
pub fn LatestNews(
    /// The newest articles, newest first.
    items: Vec<LatestItem>,
) -> impl IntoView {
    let strings = use_strings();
    let aria_label = strings.get(Text::LatestNews);
    let label = aria_label.clone();
    (!items.is_empty()).then(move || {
        view! {
            <aside class="aw-latest" part="latest" aria-label=aria_label>
                <h2 class="aw-section-title">{label}</h2>
                <ul>
                    <For each=move || items.clone() key=|item| item.id.clone() let:item>
                        {
                            let title = match item.url {
                                Some(url) => view! { <a href=url>{item.title}</a> }.into_any(),
                                None => item.title.into_any(),
                            };
                            let date = item.published.map(|date| {
                                let text = format_date(&date, strings.lang(), DateStyle::Medium);
                                view! { <time datetime=date.rfc3339>{text}</time> }
                            });
                            view! { <li>{date} {title}</li> }
                        }
                    </For>
                </ul>
            </aside>
        }
    })
}
