//! article-widget: a news article page rendered from one JSON document.
//!
//! - [`model`]: the JSON format as serde types, its validation and rules
//!   (plain Rust).
//! - [`i18n`]: the UI strings in Norwegian Bokmål and English.
//! - [`markup`]: markup written as steps, for article text (plain Rust).
//! - `browser`: the few browser APIs the views need, behind small functions.
//! - `components`: the Leptos views.
//! - `element`: the `<article-widget>` custom element around them.
//!
//! The last three need the default `widget` feature. Without it the crate
//! is the model alone (serde, no Leptos, no web-sys), for a publisher's own
//! Rust code:
//!
//! ```
//! use article_widget::model::{parse_article, to_json_text, Block};
//!
//! let parsed = parse_article(
//!     r#"{"id": "a1", "title": "Ferry back", "published": "2026-11-21T06:10:00+00:00",
//!         "body": [{"type": "paragraph", "text": "The **night ferry** runs again."}]}"#,
//! )
//! .expect("a valid article");
//! let article = parsed.article;
//! assert!(matches!(article.body[0], Block::Paragraph(_)));
//! // Written back as format v1, and read back the same.
//! let again = parse_article(&to_json_text(&article)).unwrap().article;
//! assert_eq!(again, article);
//! ```

#![recursion_limit = "256"]

#[cfg(feature = "widget")]
pub mod browser;
#[cfg(feature = "widget")]
pub mod components;
#[cfg(feature = "widget")]
pub mod element;
pub mod hydration;
pub mod i18n;
pub mod markup;
pub mod model;
#[cfg(feature = "server")]
pub mod server;
