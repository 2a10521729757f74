//! Fetching the strings of a language the widget's code does not hold
//! (`language_tables`): once a page for every widget that needs it, then
//! every widget waiting on a language is drawn again.

use super::warn;
use crate::language_tables::{add_value, give_up, is_settled};
use crate::model::Lang;
use crate::PartMissing;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/browser/dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchStrings)]
    fn fetch_strings(code: &str) -> js_sys::Promise;
}

thread_local! {
    /// Notified when a language's table has come (or could not be had).
    static SETTLED: ArcTrigger = ArcTrigger::new();
    /// Languages asked for and not yet settled.
    static ASKED: RefCell<BTreeSet<Lang>> = const { RefCell::new(BTreeSet::new()) };
}

/// Whether `lang`'s strings are here (or given up on), for a view to
/// decide whether to draw yet: subscribes the view to their arrival and
/// starts fetching them if nobody has.
pub fn language_ready(lang: Lang) -> bool {
    if is_settled(lang) {
        return true;
    }
    SETTLED.with(ArcTrigger::track);
    if ASKED.with(|asked| asked.borrow_mut().insert(lang)) {
        wasm_bindgen_futures::spawn_local(async move {
            load_language(lang).await;
            SETTLED.with(ArcTrigger::notify);
        });
    }
    false
}

/// Fetches and keeps `lang`'s strings; if they cannot be had, says so once
/// and English shows.
pub async fn load_language(lang: Lang) {
    if is_settled(lang) {
        return;
    }
    // The table and the code that reads it (a part of its own in a split
    // build: most readers never need it) are fetched side by side.
    let table = fetch_strings(lang.code());
    // wasm-bindgen's executor: this may run before a widget has set up
    // Leptos's (`element::mount_widget`, a server's page waiting for them).
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(async {
        let _ = __preload_read_strings().await;
    });
    let outcome = match JsFuture::from(table).await {
        Ok(value) => {
            load_part!(read_strings(lang, value)).unwrap_or_else(|missing| Err(missing.to_string()))
        }
        Err(error) => Err(js_sys::Error::from(error).message().into()),
    };
    if let Err(why) = outcome {
        if !is_settled(lang) {
            warn(&format!(
                "article-widget: the {} strings could not be loaded ({why}); showing English",
                lang.code()
            ));
            give_up(lang);
        }
    }
}

split_part! {
    read_strings,
    __preload_read_strings,
    /// Reads and keeps a fetched table (`language_tables::add_value`); the
    /// outer error is its part missing.
    fn read_strings(lang: Lang, value: JsValue) -> Result<Result<(), String>, PartMissing> {
        Ok(add_value(lang, value))
    }
}
