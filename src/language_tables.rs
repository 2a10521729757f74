//! The UI strings, month names, date patterns and AI explanations of the
//! languages the widget's code does not hold (all but English and Bokmål,
//! see `Lang::is_built_in`): one table per language, `src/strings/<code>.json`.
//! In the browser a table is fetched when an article needs it
//! (`browser::strings`), about 1.6 KB brotli each where all thirteen inside
//! the wasm would cost 20 KB; the server renderers hold them all. A table
//! read is kept for the page's or process's life (leaked: at most thirteen
//! small tables), so its strings are `&'static` like the built-in ones.

use crate::i18n::Text;
use crate::model::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::RwLock;

/// One language's table, as `src/strings/<code>.json` holds it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LanguageTable {
    strings: BTreeMap<String, String>,
    pub months: [String; 12],
    pub months_short: [String; 12],
    pub dates: DatePatterns,
    source_types: BTreeMap<String, String>,
}

/// How the language writes a date, with `{day}`, `{month}`, `{monthShort}`,
/// `{monthNumber}`, `{month2}`, `{year}` and `{time}` (itself from `{hh}`
/// and `{mm}`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatePatterns {
    pub long: String,
    pub long_with_time: String,
    pub medium: String,
    pub time: String,
}

impl LanguageTable {
    /// A UI string (every key is there: [`check`] refused tables without).
    pub fn text(&self, text: Text) -> &str {
        self.strings.get(text.key()).map_or("", String::as_str)
    }

    /// The badge's explanation of a source type, or the general one.
    pub fn source_type(&self, name: &str) -> &str {
        self.source_types
            .get(name)
            .or_else(|| self.source_types.get("other"))
            .map_or("", String::as_str)
    }

    /// The table, or what is missing from it.
    fn check(self, code: &str) -> Result<Self, String> {
        match Text::ALL
            .iter()
            .find(|text| self.strings.get(text.key()).is_none_or(|s| s.is_empty()))
        {
            Some(text) => Err(format!(
                "strings/{code}.json has no string for \"{}\"",
                text.key()
            )),
            None if !self.source_types.contains_key("other") => {
                Err(format!("strings/{code}.json has no sourceTypes.other"))
            }
            None => Ok(self),
        }
    }
}

enum Entry {
    Ready(&'static LanguageTable),
    /// Could not be had: English shows, and nobody asks again.
    Failed,
}

static TABLES: RwLock<BTreeMap<Lang, Entry>> = RwLock::new(BTreeMap::new());

/// The table of a language that is not built in, once it is here.
pub fn table(lang: Lang) -> Option<&'static LanguageTable> {
    if lang.is_built_in() {
        return None;
    }
    if let Some(Entry::Ready(table)) = TABLES.read().ok()?.get(&lang) {
        return Some(table);
    }
    #[cfg(any(not(target_arch = "wasm32"), feature = "bundled-languages"))]
    if let Some(text) = bundled(lang) {
        // The server's own tables are checked by the tests: a failure here
        // would be a build of this crate with a broken file.
        if add(lang, text).is_ok() {
            return table(lang);
        }
    }
    None
}

/// Whether the language's strings are settled: built in, read, or given up
/// on (then English shows).
pub fn is_settled(lang: Lang) -> bool {
    lang.is_built_in()
        || cfg!(any(
            not(target_arch = "wasm32"),
            feature = "bundled-languages"
        ))
        || TABLES.read().is_ok_and(|tables| tables.contains_key(&lang))
}

/// Reads a language's table from its JSON text and keeps it.
pub fn add(lang: Lang, json: &str) -> Result<(), String> {
    let table = read_table(json)
        .map_err(|error| format!("strings/{}.json: {error}", lang.code()))?
        .check(lang.code())?;
    keep(lang, Entry::Ready(Box::leak(Box::new(table))));
    Ok(())
}

/// Reads a language's table from a JavaScript value (the fetched JSON).
/// (Reading it field by field with `Reflect` instead saved 0.4 KB brotli,
/// measured: not worth a reader of our own.)
#[cfg(feature = "widget")]
pub fn add_value(lang: Lang, value: wasm_bindgen::JsValue) -> Result<(), String> {
    let table: LanguageTable = serde_wasm_bindgen::from_value(value)
        .map_err(|error| format!("strings/{}.json: {error}", lang.code()))?;
    let table = table.check(lang.code())?;
    keep(lang, Entry::Ready(Box::leak(Box::new(table))));
    Ok(())
}

/// The language's table could not be had: English shows.
pub fn give_up(lang: Lang) {
    keep(lang, Entry::Failed);
}

/// A table read replaces a failure (a host may add it later); a failure
/// never replaces a table.
fn keep(lang: Lang, entry: Entry) {
    if let Ok(mut tables) = TABLES.write() {
        match entry {
            Entry::Ready(_) => {
                tables.insert(lang, entry);
            }
            Entry::Failed => {
                tables.entry(lang).or_insert(entry);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn read_table(json: &str) -> Result<LanguageTable, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
fn read_table(json: &str) -> Result<LanguageTable, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_owned())?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

#[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
fn read_table(_json: &str) -> Result<LanguageTable, String> {
    Err("no JSON reader in this build".to_owned())
}

/// The tables a server renderer holds: every language's.
#[cfg(any(not(target_arch = "wasm32"), feature = "bundled-languages"))]
fn bundled(lang: Lang) -> Option<&'static str> {
    macro_rules! tables {
        ($($variant:ident => $file:literal,)*) => {
            match lang {
                $(Lang::$variant => Some(include_str!(concat!("strings/", $file))),)*
                _ => None,
            }
        };
    }
    tables! {
        Nn => "nn.json", Sv => "sv.json", Da => "da.json", Fi => "fi.json", De => "de.json",
        Fr => "fr.json", Es => "es.json", Pt => "pt.json", It => "it.json", Nl => "nl.json",
        Pl => "pl.json", Uk => "uk.json", Ar => "ar.json",
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_language_that_is_not_built_in_has_a_complete_table() {
        for &lang in Lang::ALL {
            assert_eq!(table(lang).is_some(), !lang.is_built_in(), "{lang:?}");
        }
        assert_eq!(table(Lang::Sv).unwrap().text(Text::Share), "Dela");
    }

    #[test]
    fn a_table_without_a_string_is_refused_naming_it() {
        let mut table: serde_json::Value =
            serde_json::from_str(include_str!("strings/de.json")).unwrap();
        table["strings"].as_object_mut().unwrap().remove("share");
        let error = read_table(&table.to_string())
            .unwrap()
            .check("de")
            .unwrap_err();
        assert_eq!(error, "strings/de.json has no string for \"share\"");
        assert!(read_table("{\"strings\":{}}").is_err());
    }
}
