//! The article body: its blocks as static markup, a long body written in parts.

use super::{article_text, use_strings, StaticMarkup};
use crate::markup_steps::WithClass;
use crate::model::{Article, PAYWALLED_CLASS};
use leptos::prelude::*;
use std::sync::Arc;

/// The first `shown` blocks of the article body: paragraphs, headings,
/// pictures, quotes, lists and "Read also:" links. Article text never
/// changes once shown, so it is written straight to DOM nodes (see
/// `markup`); a long body is written over several tasks so that the host
/// page stays responsive (see `StaticMarkup::in_parts`).
#[component]
pub fn ArticleBody(
    /// The article (shared, not copied).
    article: Arc<Article>,
    /// How many blocks to show: all of them, or the teaser before the wall.
    shown: usize,
    /// For an article that is not free, the count of blocks before its
    /// paywalled part: shown blocks past it carry `PAYWALLED_CLASS`, the
    /// class the JSON-LD's `hasPart` names.
    paywalled_from: Option<usize>,
    /// Set while later blocks are still being written (for `aria-busy`).
    busy: RwSignal<bool>,
) -> impl IntoView {
    let strings = use_strings();
    let mut next = 0;
    let mut written = 0;
    StaticMarkup::in_parts(
        move |m| {
            // The next known block; unknown types are never shown.
            while let Some(block) = article.body.get(next).filter(|_| written < shown) {
                next += 1;
                if block.is_shown() {
                    let strings = |text| strings.get(text);
                    if paywalled_from.is_some_and(|teaser| written >= teaser) {
                        article_text::block(
                            &mut WithClass::new(m, PAYWALLED_CLASS),
                            block,
                            &strings,
                        );
                    } else {
                        article_text::block(m, block, &strings);
                    }
                    written += 1;
                    return true;
                }
            }
            false
        },
        move |now| {
            busy.maybe_update(|was| std::mem::replace(was, now) != now);
        },
    )
}
