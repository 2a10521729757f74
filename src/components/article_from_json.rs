//! An article read from JSON text and shown, or the error panel saying what is wrong and where.

use super::widget_state::Warnings;
use super::{ArticlePage, ErrorPanel, LoadingSkeleton};
use crate::browser::{explain, language_ready, parse_json, read_quickly, QuickRead};
use crate::model::{ParseError, Parsed};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

/// Reads an article from JSON text and shows it, or shows what is wrong with
/// the text and where.
#[component]
pub fn ArticleFromJson(
    /// The article document, format version 1 (see `docs/format-v1.md`).
    json: String,
    /// The reader is a known subscriber (see [`ArticlePage`]).
    #[prop(optional, into)]
    entitled: Signal<bool>,
) -> impl IntoView {
    let document = match parse_json(&JsValue::from_str(&json)) {
        Ok(document) => document,
        Err(error) => return shown(Err(error), None, entitled),
    };
    match read_quickly(document) {
        QuickRead::Read(read, pending) => shown(read, pending, entitled),
        // The mistake's path takes the tracked reader (a part of its own in
        // a split build): nothing until it is named.
        QuickRead::Refused(value) => {
            let value = SendWrapper::new(value);
            Suspend::new(async move { shown(explain(value.take()).await, None, entitled) })
                .into_any()
        }
    }
}

/// The article page, or the error panel; `pending`: see [`Warnings::of`].
fn shown(
    read: Result<Parsed, ParseError>,
    pending: Option<JsValue>,
    entitled: Signal<bool>,
) -> AnyView {
    match read {
        Ok(parsed) => {
            Warnings::of(&parsed, pending).print();
            // A language whose strings are a file of their own: the
            // skeleton until they are here (or English, if they cannot be).
            let lang = parsed.article.ui_lang();
            let article = std::sync::Arc::new(parsed.article);
            (move || {
                if language_ready(lang) {
                    view! { <ArticlePage article=std::sync::Arc::clone(&article) entitled/> }
                        .into_any()
                } else {
                    view! { <LoadingSkeleton/> }.into_any()
                }
            })
            .into_any()
        }
        Err(error) => view! { <ErrorPanel detail=Some(error.to_string())/> }.into_any(),
    }
}
