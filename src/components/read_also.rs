use super::{use_strings, PremiumBadge};
use crate::i18n::Text;
use crate::model::ReadAlso;
use leptos::prelude::*;

/// "Read also:" and a link to another article, with a padlock when that
/// article is for subscribers.
#[component]
pub fn ReadAlsoLink(
    /// The article to point to.
    read_also: ReadAlso,
) -> impl IntoView {
    let strings = use_strings();
    let ReadAlso {
        title,
        url,
        premium,
    } = read_also;
    let target = match url {
        Some(url) => view! { <a href=url>{title}</a> }.into_any(),
        None => title.into_any(),
    };
    view! {
        <p class="aw-read-also">
            <span class="aw-read-also-label">{strings.get(Text::ReadAlso)}</span>
            " "
            {premium.then(|| view! { <PremiumBadge/> })}
            {target}
        </p>
    }
}
