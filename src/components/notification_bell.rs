//! The notification bell: a toggle button, its prompt and Web Push.

use super::{
    article_text, draw_interactive_part, unique_id, use_strings, BellPromptProps, Part,
    StaticMarkup,
};
use crate::browser::push::{self, push_support, PushSupport, Unsubscribed};
use crate::browser::{
    dispatch, load_bell, notification_permission, save_bell, use_light_dismiss, warn, Notify,
};
use crate::i18n::Text;
use crate::model::reader_rules::{bell_status, BellMemory, BellStatus, Permission};
use crate::model::Notifications;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The notification bell: a toggle button. Off, it opens a soft prompt (the
/// browser's own permission request comes only after "Turn on"); on
/// (`aria-pressed="true"`, with a dot), one click turns notifications off.
/// Blocked or unsupported notifications open an explanation instead.
/// With `notifications.push` the bell subscribes the reader to Web Push
/// itself (and its state is the browser's subscription); without it the
/// host page does the push, on the `article-widget:notify` event.
#[component]
pub fn NotificationBell(
    /// The topics to offer, an optional prompt text, and the push service.
    notifications: Notifications,
) -> impl IntoView {
    let strings = use_strings();
    let push = notifications.push.clone();
    let support = if push.is_some() {
        push_support()
    } else {
        PushSupport::Supported
    };
    let memory = RwSignal::new(load_bell());
    let permission = RwSignal::new(if support == PushSupport::Supported {
        notification_permission()
    } else {
        Permission::Unsupported
    });
    let open = RwSignal::new(false);
    // Subscribing or unsubscribing with the push service.
    let working = RwSignal::new(false);
    // The last turn-on failed: the prompt says so and offers Try again.
    let failure = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let button = NodeRef::<html::Button>::new();
    let container = NodeRef::<html::Div>::new();
    let prompt_id = unique_id("aw-bell-prompt");
    let status = move || memory.with(|m| bell_status(m, permission.get()));

    let remember = move |subscribed: bool, topics: Vec<String>| {
        let remembered = BellMemory { subscribed, topics };
        save_bell(&remembered);
        memory.set(remembered);
    };
    let notify =
        move |answer: Permission, topics: &[String], subscribed: bool, error: Option<&str>| {
            if let Some(button) = button.get_untracked() {
                let detail = Notify {
                    permission: answer.as_str(),
                    topics,
                    subscribed,
                    error,
                };
                dispatch(&button, "notify", &detail);
            }
        };

    // With push, the browser's subscription is the truth, not storage. (The
    // bell is drawn in the browser only, so this runs there.)
    if let Some(config) = push.clone().filter(|_| {
        support == PushSupport::Supported && permission.get_untracked() == Permission::Granted
    }) {
        spawn_local(async move {
            let subscribed = push::is_subscribed(&config).await;
            if subscribed != memory.get_untracked().subscribed {
                remember(subscribed, memory.get_untracked().topics);
            }
        });
    }

    let close = Callback::new(move |_: ()| {
        open.set(false);
        failure.set(false);
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
    let subscribed = Callback::new(move |chosen: Vec<String>| {
        notify(Permission::Granted, &chosen, true, None);
        let labels: Vec<String> = topics
            .iter()
            .filter(|t| chosen.contains(&t.id))
            .map(|t| t.label.clone())
            .collect();
        announcement.set(on_message(strings, &labels));
        remember(true, chosen);
        close.run(());
    });
    let push_on = push.clone();
    let answered = Callback::new(move |(answer, chosen): (Permission, Vec<String>)| {
        permission.set(answer);
        match (answer, push_on.clone()) {
            (Permission::Granted, None) => subscribed.run(chosen),
            (Permission::Granted, Some(config)) => {
                working.set(true);
                failure.set(false);
                spawn_local(async move {
                    match push::subscribe(&config, &chosen, strings.lang().code()).await {
                        Ok(()) => subscribed.run(chosen),
                        Err(why) => {
                            warn(&format!(
                                "article-widget: notifications could not be turned on: {why}"
                            ));
                            failure.set(true);
                            notify(Permission::Granted, &chosen, false, Some(&why));
                        }
                    }
                    working.set(false);
                });
            }
            // The browser's own prompt was dismissed: ask again another time.
            (Permission::Default, _) => {
                notify(answer, &[], false, None);
                close.run(());
            }
            // The prompt stays open and explains.
            (Permission::Denied | Permission::Unsupported, _) => notify(answer, &[], false, None),
        }
    });

    let turned_off = move |error: Option<&str>| {
        remember(false, memory.get_untracked().topics);
        announcement.set(strings.get(Text::NotificationsOff));
        notify(permission.get_untracked(), &[], false, error);
    };
    let on_click = move |_| {
        if status() != BellStatus::Subscribed {
            failure.set(false);
            open.update(|open| *open = !*open);
            return;
        }
        let Some(config) = push.clone() else {
            turned_off(None);
            return;
        };
        working.set(true);
        spawn_local(async move {
            match push::unsubscribe(&config).await {
                Ok(Unsubscribed::Done) => turned_off(None),
                // Off for the reader (nothing can arrive); the service
                // forgets the subscription when its push service says gone.
                Ok(Unsubscribed::ServiceNotTold(why)) => {
                    warn(&format!("article-widget: notifications are off, but the subscription service was not told: {why}"));
                    turned_off(Some(&why));
                }
                Err(why) => {
                    warn(&format!(
                        "article-widget: notifications could not be turned off: {why}"
                    ));
                    announcement.set(strings.get(Text::NotificationsOffFailed));
                    let topics = memory.get_untracked().topics;
                    notify(permission.get_untracked(), &topics, true, Some(&why));
                }
            }
            working.set(false);
        });
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
                aria-busy=move || working.get().then_some("true")
                on:click=on_click
                // The part it opens, loading as the pointer or focus comes.
                on:pointerenter=move |_| super::preload_interactive_part()
                on:pointerdown=move |_| super::preload_interactive_part()
                on:focus=move |_| super::preload_interactive_part()
            >
                {StaticMarkup::new(|m| article_text::icon(m, BELL_PATH, "16", None))}
                {strings.get(Text::Notifications)}
                <span class="aw-bell-dot" aria-hidden="true" class:aw-bell-dot-on=is_on></span>
            </button>
            <Show when=move || open.get()>
                {
                    let prompt = BellPromptProps {
                        id: prompt_id.clone(),
                        notifications: notifications.clone(),
                        status: Signal::derive(status),
                        chosen: memory.get_untracked().topics,
                        home_screen_only: support == PushSupport::HomeScreenOnly,
                        busy: working.into(),
                        failure: failure.into(),
                        on_close: close,
                        on_answer: answered,
                    };
                    Suspend::new(draw_interactive_part(Part::BellPrompt(prompt), move || close.run(())))
                }
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
