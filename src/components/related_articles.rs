use super::{use_lang, RelatedCard};
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
    let lang = use_lang();
    let label = Text::RelatedArticles.get(lang);
    (!articles.is_empty()).then(move || {
        view! {
            <nav class="aw-related" aria-label=label>
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
