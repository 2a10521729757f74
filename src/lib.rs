//! article-widget: a news article page rendered from one JSON document.
//!
//! - [`model`]: the JSON format, validation and rules (plain Rust).
//! - [`i18n`]: the UI strings in Norwegian Bokmål and English.
//! - [`browser`]: the few browser APIs the views need, behind small functions.
//! - [`markup`]: markup written as steps, for article text (plain Rust).
//! - [`components`]: the Leptos views.
//! - [`element`]: the `<article-widget>` custom element around them.

pub mod browser;
pub mod components;
pub mod element;
pub mod i18n;
pub mod markup;
pub mod model;
