use super::{ArticleHeader, BodyBlock, FigureImage, LatestNews, RelatedArticles};
use crate::model::Article;
use leptos::prelude::*;

/// The whole article page: header, hero picture, body, related articles and
/// latest news. Provides the article's UI language to everything inside.
#[component]
pub fn ArticlePage(
    /// The validated article to show.
    article: Article,
) -> impl IntoView {
    let lang = article.ui_lang();
    provide_context(lang);
    let lang_tag = article.lang.clone().unwrap_or_else(|| "en".to_owned());
    let Article {
        image,
        body,
        related,
        latest,
        ..
    } = article.clone();
    view! {
        <div class="aw-page" lang=lang_tag>
            <article class="aw-article">
                <ArticleHeader article=article/>
                {image.map(|image| view! { <FigureImage image hero=true/> })}
                <div class="aw-body">
                    {body.into_iter().map(|block| view! { <BodyBlock block/> }).collect_view()}
                </div>
            </article>
            <RelatedArticles articles=related/>
            <LatestNews items=latest/>
        </div>
    }
}
