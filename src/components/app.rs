use super::{ArticleFromJson, ErrorPanel, LoadingSkeleton};
use crate::browser::{fetch_same_origin_text, query_param};
use leptos::prelude::*;

/// The article shown when the page URL has no `?src=`.
pub const DEFAULT_ARTICLE: &str = "articles/night-ferry.json";

/// The preview page: loads the article named by the `src` query parameter
/// (same origin), or the bundled sample, and shows it. `?entitled` previews
/// the page as a subscriber sees it.
#[component]
pub fn App() -> impl IntoView {
    let src = query_param("src").unwrap_or_else(|| DEFAULT_ARTICLE.to_owned());
    let entitled = query_param("entitled").is_some_and(|value| value != "false");
    let loaded = LocalResource::new(move || {
        let src = src.clone();
        async move { fetch_same_origin_text(&src).await }
    });
    move || match loaded.get() {
        None => view! { <LoadingSkeleton/> }.into_any(),
        Some(Ok(json)) => view! { <ArticleFromJson json entitled/> }.into_any(),
        Some(Err(error)) => view! { <ErrorPanel detail=error.0/> }.into_any(),
    }
}
