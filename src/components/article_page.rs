//! The whole article page: header, body, share, bell, wall or prompt, cards and latest news.

use super::{
    provide_id_scope, provide_strings, ArticleBody, ArticleHeader, DonationPrompt, FigureImage,
    LatestNews, MeterNote, Paywall, RelatedArticles, Rendering,
};
use crate::browser::{reader_access, resolve_against_page, take_prompt_impression, use_json_ld};
use crate::i18n::UiStrings;
use crate::model::reader_rules::{served_access, served_keeps_meter_note_place, AccessDecision};
use crate::model::{news_article_json_ld, paywalled_from, Access, Article, Lang, Push};
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many related cards: a feed that lists a hundred would bury
/// the page's end.
pub const RELATED_SHOWN: usize = 12;
/// At most this many "Latest news" items.
pub const LATEST_SHOWN: usize = 20;

/// The whole article page: header, hero picture, body (or its teaser and the
/// wall), the donation prompt, related articles and latest news. Provides
/// the article's UI language to everything inside, and puts the article's
/// JSON-LD into the host document while it is shown (unless told not to).
#[component]
pub fn ArticlePage(
    /// The validated article to show (shared, not copied).
    #[prop(into)]
    article: Arc<Article>,
    /// The host page knows the reader is a subscriber: no wall, no prompt.
    /// May change while the article is shown (after the host's login check).
    #[prop(optional, into)]
    entitled: Signal<bool>,
    /// UI language instead of the article's own (the element's `lang`).
    #[prop(optional_no_strip)]
    lang: Option<Lang>,
    /// Leave structured data to the host's CMS: no JSON-LD in `<head>`.
    #[prop(optional)]
    without_json_ld: bool,
    /// At most this many related cards (the element's `max-related`), else
    /// [`RELATED_SHOWN`].
    #[prop(optional_no_strip)]
    most_related: Option<usize>,
    /// At most this many "Latest news" items (`max-latest`), else
    /// [`LATEST_SHOWN`].
    #[prop(optional_no_strip)]
    most_latest: Option<usize>,
    /// UI strings the host page set on the element; the article's own win.
    #[prop(optional)]
    host_strings: std::collections::BTreeMap<String, String>,
    /// The site's push settings (the element's `push-*` attributes), for
    /// an article with `notifications` but no `push` of its own.
    #[prop(optional_no_strip)]
    site_push: Option<Push>,
    /// Drawn in the browser (the default), as HTML on a server, or
    /// adopting a server's HTML.
    #[prop(optional)]
    rendering: Rendering,
) -> impl IntoView {
    // The article's own push settings win.
    let article = article.with_push_default(site_push);
    let mut strings = host_strings;
    strings.extend(article.strings.clone());
    provide_strings(UiStrings::new(lang.unwrap_or(article.ui_lang()), strings));
    provide_id_scope(&article.id);
    let lang_tag = article.lang.clone().unwrap_or_else(|| "en".to_owned());
    let direction = article.direction();

    // Decided once, when the article is shown: the meter counts this read
    // now. A server (and the first pass of hydration, which must draw what
    // the server drew) knows nothing of the reader's meter or prompt.
    let entitled_at_start = entitled.get_untracked();
    let asks = article
        .access
        .as_ref()
        .is_some_and(Access::asks_for_support);
    let (decision, prompt) = match rendering {
        Rendering::Client => (
            reader_access(article.access.as_ref(), &article.id, entitled_at_start),
            asks && !entitled_at_start && take_prompt_impression(&article.id),
        ),
        Rendering::Server | Rendering::Hydrating => (
            served_access(article.access.as_ref(), entitled_at_start),
            false,
        ),
    };
    let decision = RwSignal::new(decision);
    let prompt = RwSignal::new(prompt);
    // The parts that need script: the share button (else share links),
    // the bell, the meter note, the donation prompt.
    let live = RwSignal::new(rendering == Rendering::Client);
    if rendering == Rendering::Hydrating {
        // Once the server's HTML is adopted: the reader's own meter and
        // prompt, and the live parts.
        let article = Arc::clone(&article);
        Effect::new(move |_| {
            let entitled = entitled.get_untracked();
            decision.set(reader_access(
                article.access.as_ref(),
                &article.id,
                entitled,
            ));
            prompt.set(asks && !entitled && take_prompt_impression(&article.id));
            live.set(true);
        });
    }
    // A server writes the JSON-LD beside the element, in light DOM.
    if rendering == Rendering::Client && !without_json_ld {
        use_json_ld(&news_article_json_ld(
            &article,
            matches!(decision.get_untracked(), AccessDecision::Teaser { .. }) && !entitled_at_start,
            &resolve_against_page,
        ));
    }

    // A memo: the body is written again only when the cut moves.
    let cut_after = Memo::new(move |_| match decision.get() {
        AccessDecision::Teaser { teaser_blocks } if !entitled.get() => Some(teaser_blocks),
        _ => None,
    });
    // The note on a metered article: how many free articles are left, or
    // (a server's page, until it is live) its place; past the limit the
    // body is cut instead.
    let keeps_note_place = rendering != Rendering::Client
        && served_keeps_meter_note_place(article.access.as_ref(), entitled_at_start);
    let meter_note = move || match decision.get() {
        AccessDecision::Full { free_left } if !entitled.get() => {
            if live.get() {
                free_left.map(Some)
            } else {
                keeps_note_place.then_some(None)
            }
        }
        AccessDecision::Full { .. } | AccessDecision::Teaser { .. } => None,
    };
    let image = article.image.clone();
    let related: Vec<_> = article
        .related
        .iter()
        .take(most_related.unwrap_or(RELATED_SHOWN))
        .cloned()
        .collect();
    let latest_shown = most_latest.unwrap_or(LATEST_SHOWN);
    let latest: Vec<_> = article.latest.iter().take(latest_shown).cloned().collect();
    let wall_access = article.access.clone();
    let prompt_access = article.access.clone();
    let body_article = Arc::clone(&article);
    let paywalled_from = paywalled_from(&article);
    let body_busy = RwSignal::new(false);
    view! {
        <div class="aw-page" lang=lang_tag dir=direction>
            <article class="aw-article">
                <ArticleHeader article=article live/>
                {image.map(|image| view! { <FigureImage image hero=true/> })}
                {move || meter_note().map(|free_left| view! { <MeterNote free_left/> })}
                <div
                    class="aw-body"
                    part="body"
                    class:aw-body-cut=move || cut_after.get().is_some()
                    aria-busy=move || body_busy.get().then_some("true")
                >
                    {move || {
                        let shown = cut_after.get().unwrap_or(usize::MAX);
                        view! { <ArticleBody article=Arc::clone(&body_article) shown paywalled_from busy=body_busy/> }
                    }}
                </div>
                {move || {
                    cut_after.get().and(wall_access.clone()).map(|access| view! { <Paywall access/> })
                }}
                {move || {
                    prompt_access
                        .clone()
                        .filter(|_| prompt.get() && live.get() && !entitled.get())
                        .map(|access| view! { <DonationPrompt access/> })
                }}
            </article>
            <RelatedArticles articles=related/>
            <LatestNews items=latest/>
        </div>
    }
}
