use super::{use_strings, PremiumBadge};
use crate::browser::{format_date, DateStyle};
use crate::model::RelatedArticle;
use leptos::prelude::*;

/// One related article: thumbnail, section, headline link, date, and a
/// padlock for subscriber articles. The whole card is clickable through the
/// headline link.
#[component]
pub fn RelatedCard(
    /// The article the card points to.
    article: RelatedArticle,
) -> impl IntoView {
    let strings = use_strings();
    let RelatedArticle {
        title,
        url,
        image,
        section,
        published,
        premium,
        ..
    } = article;
    let date = published.map(|date| {
        let text = format_date(&date, strings.lang(), DateStyle::Medium);
        view! { <time datetime=date.rfc3339>{text}</time> }
    });
    let headline = match url {
        Some(url) => view! { <a class="aw-card-link" href=url>{title}</a> }.into_any(),
        None => title.into_any(),
    };
    view! {
        <li class="aw-card">
            <div class="aw-card-thumb">
                {image.map(|src| view! { <img src=src alt="" width="320" height="180" loading="lazy" decoding="async"/> })}
            </div>
            <div class="aw-card-text">
                {section.map(|section| view! { <p class="aw-card-section">{section}</p> })}
                <h3 class="aw-card-title">{premium.then(|| view! { <PremiumBadge/> })} {headline}</h3>
                {date.map(|date| view! { <p class="aw-card-date">{date}</p> })}
            </div>
        </li>
    }
}
