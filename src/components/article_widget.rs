//! The widget's root view: which source to read, reading it in a task, and the events that report it.

use super::widget_state::{Failure, Source, State, Warnings, WidgetInputs};
use super::{provide_strings, ArticlePage, ErrorPanel, LoadingSkeleton, Rendering};
use crate::browser::{
    article_property, data_island, dispatch_soon, explain, host_options, language_ready, log_error,
    page_lang, parse_json, plain_object, read_document, read_quickly, resolve_relative_urls,
    ArticleProperty, Failed, FetchError, HostOptions, LatestRequest, QuickRead, Ready,
};
use crate::i18n::UiStrings;
use crate::model::{Article, Lang, ParseError, Parsed};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

/// How long a `src` fetch may take before the widget gives up.
const FETCH_TIMEOUT_MS: u32 = 15_000;

/// The widget inside an `<article-widget>` element: finds the article (the
/// `article` property, else a JSON data island, else `src`), shows a
/// skeleton while it loads, then the article page or an error panel (with
/// Retry when fetching failed). Tells the host page with
/// `article-widget:ready` and `article-widget:error` events.
#[component]
pub fn ArticleWidget(
    /// The `<article-widget>` element.
    host: HtmlElement,
    /// Its attributes and property changes, as signals.
    inputs: WidgetInputs,
    /// The first article is a server's HTML to adopt, drawn from the data
    /// island (see `element`).
    #[prop(optional)]
    hydrate: bool,
) -> impl IntoView {
    let host = SendWrapper::new(host);
    let source_host = host.clone();
    let source = Memo::new(move |_| {
        let generation = inputs.article_changes.get();
        let src = inputs.src.get();
        read_source(&source_host, src, generation)
    });
    // Only `src` needs the network, and only a feed in another format the
    // converter module; v1 from the other sources renders in the same task.
    // A task is started as soon as its source or format changes (or on
    // `reload()`), aborting the one before; its answer is kept with its key,
    // and only if no other task was started since.
    let feed_format = move || {
        inputs.format.with(|format| {
            format
                .as_deref()
                .map(str::trim)
                .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("v1"))
                .map(str::to_owned)
        })
    };
    // v1 from the property or a data island is read in this task, quickly;
    // only a document the types refuse takes a task, to name its mistake.
    // Read once per source: a new value every time (no comparison).
    let quick = Memo::new_with_compare(
        move |_| {
            let format = feed_format();
            source.with(|source| Quick::of(source, &format))
        },
        |_, _| true,
    );
    let fetched = RwSignal::new(None::<(String, Fetched)>);
    let requests = Rc::new(LatestRequest::default());
    let on_removal = SendWrapper::new(Rc::clone(&requests));
    on_cleanup(move || on_removal.abort());
    Effect::new(move |_| {
        inputs.reloads.track();
        let format = feed_format();
        let refused = quick.with(Quick::refused);
        let Some((key, job)) = source.with(|source| {
            let key = task_key(source, &format, refused.is_some())?;
            Some((
                key,
                refused.map_or_else(|| Job::of(source), |v| Some(Job::Explain(v)))?,
            ))
        }) else {
            requests.abort();
            return;
        };
        fetched.set(None);
        let request = match &job {
            Job::Fetch(url) => Some(requests.fetch_json(url, FETCH_TIMEOUT_MS)),
            _ => {
                requests.abort();
                None
            }
        };
        let (requests, number) = (Rc::clone(&requests), requests.latest());
        leptos::task::spawn_local(async move {
            // Read in the task, so only Rust values are kept.
            let outcome = match (job, request) {
                (Job::Fetch(_), Some(request)) => match request.await {
                    Ok(fetched) => {
                        Ok(
                            read_document(fetched.json, format.as_deref(), Some(&fetched.address))
                                .await
                                .map(|mut parsed| {
                                    // Relative URLs in a fetched document mean next to it.
                                    resolve_relative_urls(&mut parsed.article, &fetched.address);
                                    Shown::read_from(parsed, None)
                                }),
                        )
                    }
                    Err(failed) => Err(failed),
                },
                (Job::Text(json), _) => {
                    Ok(read_document(parse_json(&json), format.as_deref(), None)
                        .await
                        .map(|parsed| Shown::read_from(parsed, None)))
                }
                (Job::Object(value), _) => {
                    Ok(read_document(plain_object(&value), format.as_deref(), None)
                        .await
                        .map(|parsed| Shown::read_from(parsed, None)))
                }
                (Job::Explain(value), _) => Ok(explain(value.take())
                    .await
                    .map(|parsed| Shown::read_from(parsed, None))),
                (Job::Fetch(_), None) => return,
            };
            if requests.is_latest(number) {
                fetched.set(Some((key, outcome)));
            }
        });
    });
    let state = Memo::new(move |_| {
        let format = feed_format();
        let quick = quick.get();
        source.with(|source| {
            let retry = matches!(source, Source::Url(_));
            let refused = matches!(quick, Quick::Refused(_));
            let outcome = match (source, task_key(source, &format, refused)) {
                (Source::Nothing, _) => return State::Empty,
                (_, Some(key)) => fetched.with(|fetched| {
                    match &fetched.as_ref().filter(|(of, _)| *of == key)?.1 {
                        Ok(Ok(read)) => Some(Ok(read.clone())),
                        Ok(Err(error)) => Some(Err(Failure::of_document(error.clone(), retry))),
                        Err(failed) => Some(Err(Failure::from(failed))),
                    }
                }),
                (_, None) => match quick {
                    Quick::Read(read) => {
                        Some(read.map_err(|error| Failure::of_document(error, false)))
                    }
                    Quick::Refused(_) | Quick::NotHere => None,
                },
            };
            match outcome {
                None => State::Waiting,
                Some(Ok(Shown(article, warnings))) => State::Ready(article, warnings),
                Some(Err(failure)) => State::Failed(failure),
            }
        })
    });

    // Tell the host page, once per article shown or error, after this update
    // (a listener may move or remove the element).
    let events_host = host.clone();
    Effect::new(move |_| {
        state.with(|state| match state {
            State::Empty | State::Waiting => {}
            State::Ready(article, warnings) => {
                warnings.print();
                let source = source.with_untracked(Source::kind);
                dispatch_soon(
                    &events_host,
                    "ready",
                    &Ready {
                        id: &article.id,
                        source,
                        warnings: warnings.lines.len(),
                    },
                );
            }
            State::Failed(failure) => {
                let message = failure.error.to_string();
                log_error(&format!("article-widget: {message}"));
                let detail = Failed {
                    kind: failure.kind,
                    status: failure.status,
                    path: &failure.error.path,
                    message,
                };
                dispatch_soon(&events_host, "error", &detail);
            }
        })
    });

    let view_host = host.clone();
    let retry = Callback::new(move |_: ()| inputs.reloads.update(|n| *n = n.wrapping_add(1)));
    // Only the first article shown is the server's.
    let mut hydrating = hydrate;
    move || {
        let lang_override = inputs.lang.get().as_deref().and_then(Lang::from_tag);
        match state.get() {
            State::Empty => ().into_any(),
            State::Waiting => {
                inputs.strings_changes.track();
                let lang = lang_override.unwrap_or_else(page_lang);
                // Fetched meanwhile; English until it is here.
                language_ready(lang);
                provide_strings(UiStrings::new(lang, host_options(&view_host).strings));
                view! { <LoadingSkeleton/> }.into_any()
            }
            // A language whose strings are still on their way: the
            // skeleton holds the place (a server's page never gets here,
            // see `element`).
            State::Ready(article, _)
                if !hydrating
                    && !language_ready(lang_override.unwrap_or_else(|| article.ui_lang())) =>
            {
                provide_strings(UiStrings::new(Lang::En, host_options(&view_host).strings));
                view! { <LoadingSkeleton/> }.into_any()
            }
            State::Ready(article, _) => {
                // Read as each article is shown.
                let HostOptions {
                    without_json_ld,
                    most_related,
                    most_latest,
                    strings: host_strings,
                    push: site_push,
                    ..
                } = host_options(&view_host);
                let rendering = if std::mem::take(&mut hydrating) {
                    Rendering::Hydrating
                } else {
                    Rendering::Client
                };
                view! {
                    <ArticlePage
                        article
                        entitled=inputs.entitled
                        lang=lang_override
                        without_json_ld
                        most_related
                        most_latest
                        host_strings
                        site_push
                        rendering
                    />
                }
                .into_any()
            }
            State::Failed(failure) => {
                inputs.strings_changes.track();
                let options = host_options(&view_host);
                let lang = lang_override.unwrap_or_else(page_lang);
                language_ready(lang);
                provide_strings(UiStrings::new(lang, options.strings));
                // The technical detail is for developers: the console and the
                // event always have it, readers only with `debug`.
                let detail = options.debug.then(|| failure.error.to_string());
                view! { <ErrorPanel detail on_retry=failure.retry.then_some(retry)/> }.into_any()
            }
        }
    }
}

/// What came of fetching `src`: the network's error, or the document's
/// (see [`LatestRequest::fetch_json`]).
type Fetched = Result<Result<Shown, ParseError>, FetchError>;

/// An article read, with what was skipped in it, ready to share between
/// renders.
#[derive(Clone, Debug)]
struct Shown(Arc<Article>, Warnings);

impl Shown {
    /// `pending`: see [`Warnings::of`].
    fn read_from(parsed: Parsed, pending: Option<JsValue>) -> Self {
        let warnings = Warnings::of(&parsed, pending);
        Shown(Arc::new(parsed.article), warnings)
    }
}

/// A v1 document from the property or a data island, read quickly in this
/// task (`read_quickly`).
#[derive(Clone)]
enum Quick {
    Read(Result<Shown, ParseError>),
    /// Refused by the types: a task names the mistake (`explain_refusal`).
    Refused(SendWrapper<JsValue>),
    /// Another source, or a feed in another format: read in a task.
    NotHere,
}

impl Quick {
    fn of(source: &Source, format: &Option<String>) -> Quick {
        if format.is_some() {
            return Quick::NotHere;
        }
        let document = match source {
            Source::PropertyText(json, _) | Source::DataIsland(json, _) => parse_json(json),
            Source::PropertyValue(value, _) => plain_object(value),
            Source::Url(_) | Source::Nothing => return Quick::NotHere,
        };
        let document = match document {
            Ok(document) => document,
            Err(error) => return Quick::Read(Err(error)),
        };
        match read_quickly(document) {
            QuickRead::Read(read, pending) => {
                Quick::Read(read.map(|parsed| Shown::read_from(parsed, pending)))
            }
            QuickRead::Refused(document) => Quick::Refused(SendWrapper::new(document)),
        }
    }

    fn refused(&self) -> Option<SendWrapper<JsValue>> {
        match self {
            Quick::Refused(value) => Some(value.clone()),
            _ => None,
        }
    }
}

/// What reading a source needs a task for.
enum Job {
    Fetch(String),
    /// A v1 document the quick reader refused, read again to name the mistake.
    Explain(SendWrapper<JsValue>),
    /// JSON text (the property or a data island) in another format.
    Text(SendWrapper<JsValue>),
    /// An object set as the property, in another format.
    Object(SendWrapper<JsValue>),
}

impl Job {
    fn of(source: &Source) -> Option<Job> {
        Some(match source {
            Source::Url(url) => Job::Fetch(url.clone()),
            Source::PropertyText(json, _) | Source::DataIsland(json, _) => Job::Text(json.clone()),
            Source::PropertyValue(value, _) => Job::Object(value.clone()),
            Source::Nothing => return None,
        })
    }
}

/// Names what a task reads (its answer is kept under it): a `src` always,
/// the other sources only in another format than v1, or when the quick
/// reader `refused` them.
fn task_key(source: &Source, format: &Option<String>, refused: bool) -> Option<String> {
    let name = format.as_deref().unwrap_or("v1");
    match source {
        Source::Url(url) => Some(format!("{name} {url}")),
        _ if format.is_none() && !refused => None,
        Source::PropertyText(_, n) | Source::PropertyValue(_, n) => {
            Some(format!("{name} property {n}"))
        }
        Source::DataIsland(_, n) => Some(format!("{name} island {n}")),
        Source::Nothing => None,
    }
}

fn read_source(host: &HtmlElement, src: Option<String>, generation: u32) -> Source {
    match article_property(host) {
        Some(ArticleProperty::Text(json)) => {
            return Source::PropertyText(SendWrapper::new(json), generation)
        }
        Some(ArticleProperty::Value(value)) => {
            return Source::PropertyValue(SendWrapper::new(value), generation)
        }
        None => {}
    }
    if let Some(json) = data_island(host) {
        return Source::DataIsland(SendWrapper::new(json), generation);
    }
    match src {
        Some(url) if !url.trim().is_empty() => Source::Url(url),
        _ => Source::Nothing,
    }
}
