use super::{use_strings, RelatedCard};
use crate::i18n::Text;
use crate::model::RelatedArticle;
use leptos::prelude::*;

/// The related-article cards, in a navigation region. Nothing when there are
/// none.
#[component]
pub fn RelatedArticles(
    /// The articles to suggest, in order.
    articles: Vec<RelatedArticle>,
) -> impl IntoView {
    let strings = use_strings();
    let aria_label = strings.get(Text::RelatedArticles);
    let label = aria_label.clone();
    (!articles.is_empty()).then(move || {
        view! {
            <nav class="aw-related" part="related" aria-label=aria_label>
                <h2 class="aw-section-title">{label}</h2>
                <ul class="aw-cards">
                    <For each=move || articles.clone() key=|article| article.id.clone() let:article>
                        <RelatedCard article/>
                    </For>
                </ul>
            </nav>
        }
    })
}
