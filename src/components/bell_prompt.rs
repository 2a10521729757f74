use super::use_strings;
use crate::browser::request_notification_permission;
use crate::i18n::Text;
use crate::model::metering::{BellStatus, Permission};
use crate::model::Notifications;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::KeyboardEvent;

/// The bell's soft prompt, a non-modal dialog: the topics as checkboxes,
/// "Turn on" (which asks the browser) and "Not now". When notifications are
/// blocked or unsupported it explains that instead. Escape closes it.
#[component]
pub fn BellPrompt(
    /// The dialog's element id (the bell's `aria-controls`).
    id: String,
    /// The topics to offer and an optional prompt text.
    notifications: Notifications,
    /// The bell's state: what to show.
    status: Signal<BellStatus>,
    /// Topic ids checked at first (those chosen before); all when empty.
    chosen: Vec<String>,
    /// Closes the prompt and returns focus to the bell.
    on_close: Callback<()>,
    /// The browser's answer to the permission request, with the chosen topics.
    on_answer: Callback<(Permission, Vec<String>)>,
) -> impl IntoView {
    let strings = use_strings();
    let Notifications { topics, prompt } = notifications;
    let initial = if chosen.is_empty() {
        topics.iter().map(|t| t.id.clone()).collect()
    } else {
        chosen
    };
    let chosen = RwSignal::new(initial);
    let asking = RwSignal::new(false);
    let dialog = NodeRef::<html::Div>::new();
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();

    // Focus moves into the prompt when it opens.
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.focus();
        }
    });

    let has_topics = !topics.is_empty();
    let nothing_chosen = move || has_topics && chosen.with(Vec::is_empty);
    let turn_on = move |_| {
        asking.set(true);
        let topics = chosen.get_untracked();
        spawn_local(async move {
            let answer = request_notification_permission().await;
            asking.set(false);
            on_answer.run((answer, topics));
        });
    };
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            on_close.run(());
        }
    };

    let checkboxes = topics
        .into_iter()
        .map(|topic| {
            let id = topic.id.clone();
            let checked_id = topic.id.clone();
            let toggle = move |_| {
                chosen.update(|chosen| match chosen.iter().position(|c| *c == id) {
                    Some(i) => {
                        chosen.remove(i);
                    }
                    None => chosen.push(id.clone()),
                })
            };
            view! {
                <label class="aw-topic">
                    <input type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&checked_id)) on:change=toggle/>
                    {topic.label}
                </label>
            }
        })
        .collect_view();
    let prompt_text = prompt.unwrap_or_else(|| strings.get(Text::NotificationsPrompt).to_owned());

    view! {
        <div
            id=id
            class="aw-popover aw-bell-prompt"
            role="dialog"
            aria-labelledby=labelled_by
            tabindex="-1"
            node_ref=dialog
            on:keydown=on_keydown
        >
            <p class="aw-popover-title" id=title_id>{strings.get(Text::NotificationsPromptTitle)}</p>
            {move || {
                let explanation = match status.get() {
                    BellStatus::Denied => Text::NotificationsDenied,
                    BellStatus::Unsupported => Text::NotificationsUnsupported,
                    BellStatus::NotAsked | BellStatus::Subscribed => return None,
                };
                Some(view! {
                    <p>{strings.get(explanation)}</p>
                    <div class="aw-popover-actions">
                        <button type="button" class="aw-button" on:click=move |_| on_close.run(())>{strings.get(Text::Close)}</button>
                    </div>
                })
            }}
            <Show when=move || matches!(status.get(), BellStatus::NotAsked | BellStatus::Subscribed)>
                <p>{prompt_text.clone()}</p>
            </Show>
            <div class="aw-topics" hidden=move || !matches!(status.get(), BellStatus::NotAsked | BellStatus::Subscribed) || !has_topics>
                <fieldset>
                    <legend>{strings.get(Text::NotificationsTopics)}</legend>
                    {checkboxes}
                </fieldset>
            </div>
            <Show when=move || matches!(status.get(), BellStatus::NotAsked | BellStatus::Subscribed)>
                <div class="aw-popover-actions">
                    <button type="button" class="aw-button aw-button-primary" disabled=move || nothing_chosen() || asking.get() on:click=turn_on>
                        {strings.get(Text::TurnOn)}
                    </button>
                    <button type="button" class="aw-button" on:click=move |_| on_close.run(())>{strings.get(Text::NotNow)}</button>
                </div>
            </Show>
        </div>
    }
}
