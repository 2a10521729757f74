//! The notification bell's soft prompt: topics, Turn on and Not now.

use super::use_strings;
use crate::browser::request_notification_permission;
use crate::i18n::Text;
use crate::model::reader_rules::{BellStatus, Permission};
use crate::model::Notifications;
use leptos::either::Either;
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
    /// iOS without the Home Screen: say how to get notifications there.
    home_screen_only: bool,
    /// Subscribing with the push service: "Turn on" waits.
    busy: Signal<bool>,
    /// What went wrong the last time, said politely; "Turn on" becomes
    /// "Try again".
    failure: Signal<bool>,
    /// Closes the prompt and returns focus to the bell.
    on_close: Callback<()>,
    /// The browser's answer to the permission request, with the chosen topics.
    on_answer: Callback<(Permission, Vec<String>)>,
) -> impl IntoView {
    let strings = use_strings();
    let Notifications { topics, prompt, .. } = notifications;
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

    let prompt_text = prompt.unwrap_or_else(|| strings.get(Text::NotificationsPrompt).to_owned());
    // What to ask, or why nothing can be asked: one view per state.
    let body = move || match status.get() {
        BellStatus::Denied | BellStatus::Unsupported => {
            let explanation = match status.get_untracked() {
                BellStatus::Denied => Text::NotificationsDenied,
                _ if home_screen_only => Text::NotificationsHomeScreen,
                _ => Text::NotificationsUnsupported,
            };
            Either::Left(view! {
                <p>{strings.get(explanation)}</p>
                <div class="aw-popover-actions">
                    <button type="button" class="aw-button" part="button" on:click=move |_| on_close.run(())>{strings.get(Text::Close)}</button>
                </div>
            })
        }
        BellStatus::NotAsked | BellStatus::Subscribed => {
            // The boxes hold their own state; `chosen` follows their changes.
            let checkboxes = topics
                .iter()
                .map(|topic| {
                    let id = topic.id.clone();
                    let checked = chosen.with_untracked(|chosen| chosen.contains(&id));
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
                            <input type="checkbox" checked=checked on:change=toggle/>
                            {topic.label.clone()}
                        </label>
                    }
                })
                .collect_view();
            Either::Right(view! {
                <p>{prompt_text.clone()}</p>
                {has_topics.then(|| view! {
                    <div class="aw-topics">
                        <fieldset>
                            <legend>{strings.get(Text::NotificationsTopics)}</legend>
                            {checkboxes}
                        </fieldset>
                    </div>
                })}
                <p class="aw-bell-failure" role="alert">{move || failure.get().then(|| strings.get(Text::NotificationsFailed))}</p>
                <div class="aw-popover-actions">
                    <button type="button" class="aw-button aw-button-primary" part="button" disabled=move || nothing_chosen() || asking.get() || busy.get() on:click=turn_on>
                        {move || strings.get(if failure.get() { Text::Retry } else { Text::TurnOn })}
                    </button>
                    <button type="button" class="aw-button" part="button" on:click=move |_| on_close.run(())>{strings.get(Text::NotNow)}</button>
                </div>
            })
        }
    };

    view! {
        <div
            id=id
            class="aw-popover aw-bell-prompt"
            part="bell-prompt"
            role="dialog"
            aria-labelledby=labelled_by
            tabindex="-1"
            node_ref=dialog
            on:keydown=on_keydown
        >
            <p class="aw-popover-title" id=title_id>{strings.get(Text::NotificationsPromptTitle)}</p>
            {body}
        </div>
    }
}
