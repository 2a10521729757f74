use super::use_strings;
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
    let strings = use_strings();
    let explanation = explain_source_type(disclosure.source_type_name(), strings.lang());
    let AiDisclosure {
        text,
        reviewed_by,
        policy_url,
        ..
    } = disclosure;
    view! {
        <aside class="aw-ai-badge" part="ai-badge" aria-label=strings.get(Text::AiBadgeTitle)>
            <p class="aw-ai-title">
                <span class="aw-ai-mark" aria-hidden="true">{strings.get(Text::AiMark)}</span>
                {strings.get(Text::AiBadgeTitle)}
            </p>
            <p class="aw-ai-text">{text}</p>
            {reviewed_by.map(|newsroom| view! {
                <p class="aw-ai-newsroom">{strings.get(Text::AiResponsibleNewsroom)} " " {newsroom}</p>
            })}
            <details class="aw-ai-details">
                <summary>{strings.get(Text::AiWhatDoesThisMean)}</summary>
                <p>{explanation}</p>
            </details>
            {policy_url.map(|url| view! {
                <p class="aw-ai-policy"><a href=url>{strings.get(Text::AiPolicyLink)}</a></p>
            })}
        </aside>
    }
}
