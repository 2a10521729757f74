use crate::model::{Inline, RichText};
use leptos::prelude::*;

/// Inline text with its strong, emphasis and link runs, built as DOM nodes
/// (never as HTML text).
#[component]
pub fn RichTextView(
    /// The parsed inline markup.
    text: RichText,
) -> impl IntoView {
    inlines_view(text.0)
}

fn inlines_view(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines.into_iter().map(inline_view).collect()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(children) => view! { <strong>{inlines_view(children)}</strong> }.into_any(),
        Inline::Emphasis(children) => view! { <em>{inlines_view(children)}</em> }.into_any(),
        Inline::Link { href, children } => {
            view! { <a href=href>{inlines_view(children)}</a> }.into_any()
        }
    }
}
