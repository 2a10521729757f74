use super::{article_text, unique_id, use_strings, BellPrompt, StaticMarkup};
use crate::browser::{
    dispatch, load_bell, notification_permission, save_bell, use_light_dismiss, Notify,
};
use crate::i18n::Text;
use crate::model::metering::{bell_status, BellMemory, BellStatus, Permission};
use crate::model::Notifications;
use leptos::html;
use leptos::prelude::*;

/// The notification bell: a toggle button. Off, it opens a soft prompt (the
/// browser's own permission request comes only after "Turn on"); on
/// (`aria-pressed="true"`, with a dot), one click turns notifications off.
/// Blocked or unsupported notifications open an explanation instead.
/// The host page does the push itself, on the `article-widget:notify` event.
#[component]
pub fn NotificationBell(
    /// The topics to offer and an optional prompt text.
    notifications: Notifications,
) -> impl IntoView {
    let strings = use_strings();
    let memory = RwSignal::new(load_bell());
    let permission = RwSignal::new(notification_permission());
    let open = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let button = NodeRef::<html::Button>::new();
    let container = NodeRef::<html::Div>::new();
    let prompt_id = unique_id("aw-bell-prompt");
    let status = move || memory.with(|m| bell_status(m, permission.get()));

    let close = Callback::new(move |_: ()| {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    });
    let on_focusout = use_light_dismiss(
        container,
        open,
        Callback::new(move |return_focus: bool| {
            if return_focus {
                close.run(());
            } else {
                open.set(false);
            }
        }),
    );
    let topics = notifications.topics.clone();
    let answered = Callback::new(move |(answer, chosen): (Permission, Vec<String>)| {
        permission.set(answer);
        let granted = answer == Permission::Granted;
        if let Some(button) = button.get_untracked() {
            let detail = Notify {
                permission: answer.as_str(),
                topics: if granted { &chosen } else { &[] },
                subscribed: granted,
            };
            dispatch(&button, "notify", &detail);
        }
        match answer {
            Permission::Granted => {
                let labels: Vec<String> = topics
                    .iter()
                    .filter(|t| chosen.contains(&t.id))
                    .map(|t| t.label.clone())
                    .collect();
                announcement.set(on_message(strings, &labels));
                let remembered = BellMemory {
                    subscribed: true,
                    topics: chosen,
                };
                save_bell(&remembered);
                memory.set(remembered);
                close.run(());
            }
            // The browser's own prompt was dismissed: ask again another time.
            Permission::Default => close.run(()),
            // The prompt stays open and explains.
            Permission::Denied | Permission::Unsupported => {}
        }
    });

    let on_click = move |_| {
        if status() == BellStatus::Subscribed {
            let off = BellMemory {
                subscribed: false,
                topics: memory.get_untracked().topics,
            };
            save_bell(&off);
            memory.set(off);
            announcement.set(strings.get(Text::NotificationsOff).to_owned());
            if let Some(button) = button.get_untracked() {
                let detail = Notify {
                    permission: permission.get_untracked().as_str(),
                    topics: &[],
                    subscribed: false,
                };
                dispatch(&button, "notify", &detail);
            }
        } else {
            open.update(|open| *open = !*open);
        }
    };

    let is_on = move || status() == BellStatus::Subscribed;
    view! {
        <div class="aw-bell" part="bell" node_ref=container on:focusout=on_focusout>
            <button
                type="button"
                part="button"
                class="aw-action-button aw-bell-button"
                node_ref=button
                aria-pressed=move || if is_on() { "true" } else { "false" }
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls={
                    let prompt_id = prompt_id.clone();
                    move || open.get().then(|| prompt_id.clone())
                }
                on:click=on_click
            >
                {StaticMarkup::new(|m| article_text::icon(m, BELL_PATH, "16", None))}
                {strings.get(Text::Notifications)}
                <span class="aw-bell-dot" aria-hidden="true" class:aw-bell-dot-on=is_on></span>
            </button>
            <Show when=move || open.get()>
                <BellPrompt
                    id=prompt_id.clone()
                    notifications=notifications.clone()
                    status=Signal::derive(status)
                    chosen=memory.get_untracked().topics
                    on_close=close
                    on_answer=answered
                />
            </Show>
            <p class="aw-visually-hidden" role="status">{move || announcement.get()}</p>
        </div>
    }
}

/// "Notifications are on for: Local news, Sport".
fn on_message(strings: super::Strings, labels: &[String]) -> String {
    if labels.is_empty() {
        strings.get(Text::NotificationsOnNoTopics).to_owned()
    } else {
        strings.fill(Text::NotificationsOn, &[("topics", &labels.join(", "))])
    }
}

const BELL_PATH: &str = "M8 15a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm5-4V7a5 5 0 0 0-4-4.9V1a1 1 0 0 0-2 0v1.1A5 5 0 0 0 3 7v4l-1.5 1.5V13h13v-.5z";
