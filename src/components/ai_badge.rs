use super::use_lang;
use crate::i18n::{explain_source_type, Text};
use crate::model::AiDisclosure;
use leptos::prelude::*;

/// The AI-disclosure badge: the newsroom's own statement verbatim, who is
/// responsible, a link to the AI policy, and a disclosure widget that
/// explains the source type in plain words.
#[component]
pub fn AiBadge(
    /// The article's AI disclosure.
    disclosure: AiDisclosure,
) -> impl IntoView {
    let lang = use_lang();
    let explanation = explain_source_type(disclosure.source_type_name(), lang);
    let AiDisclosure {
        text,
        reviewed_by,
        policy_url,
        ..
    } = disclosure;
    view! {
        <aside class="aw-ai-badge" aria-label=Text::AiBadgeTitle.get(lang)>
            <p class="aw-ai-title">
                <span class="aw-ai-mark" aria-hidden="true">{Text::AiMark.get(lang)}</span>
                {Text::AiBadgeTitle.get(lang)}
            </p>
            <p class="aw-ai-text">{text}</p>
            {reviewed_by.map(|newsroom| view! {
                <p class="aw-ai-newsroom">{Text::AiResponsibleNewsroom.get(lang)} " " {newsroom}</p>
            })}
            <details class="aw-ai-details">
                <summary>{Text::AiWhatDoesThisMean.get(lang)}</summary>
                <p>{explanation}</p>
            </details>
            {policy_url.map(|url| view! {
                <p class="aw-ai-policy"><a href=url>{Text::AiPolicyLink.get(lang)}</a></p>
            })}
        </aside>
    }
}
