//! article-widget: a news article page rendered from one JSON document.
//!
//! - [`model`]: format v1, re-exported from the `article-format` crate
//!   (serde types, reading rules, the URL allow-list; plain Rust).
//! - [`i18n`]: the UI strings in Norwegian Bokmål and English.
//! - [`markup_steps`]: markup written as steps, for article text (plain Rust).
//! - `browser`: the few browser APIs the views need, behind small functions.
//! - `components`: the Leptos views.
//! - `element`: the `<article-widget>` custom element around them.
//! - `server`: the server renderer (feature `server`).
//!
//! The browser parts need the default `widget` feature. A publisher's own
//! Rust code that only reads or writes articles depends on `article-format`
//! alone (no Leptos, no web-sys). ARCHITECTURE.md maps the crates.

#![recursion_limit = "256"]

/// Calls a part of the widget most readers never need (the share menu and
/// the bell's prompt, the tracked JSON reader, a strings file's reader, the
/// converter's glue): in a `split` build its code is a wasm module of its
/// own, loaded on the first call, so the call is awaited; otherwise an
/// ordinary call. Inside an `async` block. A part returns
/// `Result<_, PartMissing>`: its module may fail to load.
#[cfg(feature = "widget")]
macro_rules! load_part {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let part = $call.await;
        #[cfg(not(feature = "split"))]
        let part = $call;
        part
    }};
}

/// Makes a function a part of the widget: in a `split` build wasm-split
/// moves it into a module of its own (`wasm_split_helpers::wasm_split`, what
/// Leptos's `#[lazy]` expands to), with `$preload` to start loading it early.
/// Always `fallible`: the function returns `Result<_, PartMissing>`, and a
/// module that cannot be loaded is that error, not a panic. Call it with
/// [`load_part!`].
#[cfg(feature = "widget")]
macro_rules! split_part {
    ($name:ident, $preload:ident, $function:item) => {
        #[cfg_attr(
            feature = "split",
            wasm_split_helpers::wasm_split($name, preload($preload), fallible)
        )]
        $function
    };
}

/// A part of the split wasm that could not be loaded (the network failed,
/// or the host does not serve its `split_*.wasm` file). Every part is split
/// `fallible` (wasm_split_helpers), so this is an error its caller handles:
/// a panic would stop every widget on the page. Not cached: the next call
/// tries again.
#[cfg(feature = "widget")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(feature = "widget")]
impl std::fmt::Display for PartMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "a part of the widget (a split_*.wasm file beside article-widget_bg.wasm) could not be loaded",
        )
    }
}

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for PartMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartMissing
    }
}

#[cfg(feature = "widget")]
pub mod browser;
#[cfg(feature = "widget")]
pub mod components;
#[cfg(feature = "widget")]
pub mod element;
pub mod fingerprint;
pub mod i18n;
pub mod language_tables;
pub mod markup_steps;
/// Format v1 (the `article-format` crate): serde types, reading rules, the
/// URL allow-list.
pub use article_format as model;
#[cfg(feature = "server")]
pub mod server;
/// The feed converters (the `article-feeds` crate).
#[cfg(feature = "feeds")]
pub use article_feeds as feeds;
