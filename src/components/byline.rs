use super::use_strings;
use crate::i18n::Text;
use crate::model::Author;
use leptos::prelude::*;

/// "By Kari Nordmann and Ola Hansen", each name a link where the article
/// gives one. Nothing when there are no authors.
#[component]
pub fn Byline(
    /// The article's authors, in order.
    authors: Vec<Author>,
) -> impl IntoView {
    let strings = use_strings();
    let count = authors.len();
    let names = authors
        .into_iter()
        .enumerate()
        .map(|(index, author)| {
            let separator = match index {
                0 => String::new(),
                i if i + 1 == count => format!(" {} ", strings.get(Text::And)),
                _ => ", ".to_owned(),
            };
            let name = match author.url {
                Some(url) => view! { <a href=url rel="author">{author.name}</a> }.into_any(),
                None => view! { <span>{author.name}</span> }.into_any(),
            };
            view! { {separator} {name} }
        })
        .collect_view();
    (count > 0).then(|| {
        view! { <p class="aw-byline">{strings.get(Text::By)} " " {names}</p> }
    })
}
