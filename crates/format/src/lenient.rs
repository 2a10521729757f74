//! The optional parts of an article (related cards, latest news, authors,
//! the image, the publisher, notifications, share, UI strings) are read so
//! that a mistake in one of them leaves that part out, with a warning that
//! names its path, instead of refusing the whole document (the text, the AI
//! label and the wall are never left out: see `read_article`).
//!
//! Each part is first taken as it is (see `buffer`), then read as its type;
//! serde cannot resume a stream after an error, so holding the part is what
//! lets the rest be read.
//!
//! serde's `deserialize_with` functions cannot hand warnings to the caller,
//! so they are gathered here for the length of one `read_article` call.
//!
//! In the widget a part is read without tracking its path (the tracked
//! readers of the optional types were 4.6 KB brotli of the code a page
//! loads first; docs/cost.md), so a part left out is named by where it is
//! (`related[0]`), not where in it the mistake is. `read_article`, which a
//! split build loads only when needed, names the exact path
//! (`related[0].image`): the quick reader says when that is needed
//! (`Parsed::paths_pending`).

use super::de::ObjectOnly;
use super::ParseError;
use buffer::Buffer;
use serde::de::DeserializeOwned;
use serde::Deserializer;
use std::cell::RefCell;
use std::collections::BTreeMap;

thread_local! {
    static LEFT_OUT: RefCell<Vec<ParseError>> = const { RefCell::new(Vec::new()) };
}

/// Runs `read`, returning what it left out, in document order, and whether
/// a part left out is named without the path inside it (see the module's
/// docs).
pub fn gathering_left_out<R>(read: impl FnOnce() -> R) -> (R, Vec<ParseError>, bool) {
    LEFT_OUT.with(|left| left.borrow_mut().clear());
    buffer::take_paths_pending();
    let result = read();
    let left_out = LEFT_OUT.with(|left| left.take());
    (result, left_out, buffer::take_paths_pending())
}

/// Runs `read` naming the exact path of every part left out (the tracked
/// reader's way).
pub fn with_exact_paths<R>(read: impl FnOnce() -> R) -> R {
    buffer::with_exact_paths(read)
}

fn leave_out(at: &str, error: ParseError) {
    let path = match (at, error.path.as_str()) {
        (at, "") => at.to_owned(),
        (at, inner) if inner.starts_with('[') => format!("{at}{inner}"),
        (at, inner) => format!("{at}.{inner}"),
    };
    LEFT_OUT.with(|left| left.borrow_mut().push(ParseError::new(path, error.message)));
}

/// Reads `part` as `T`, or leaves it out (with its path under `at`).
fn read_or_leave_out<T: DeserializeOwned>(part: Buffer, at: &str) -> Option<T> {
    buffer::read(part)
        .map_err(|error| leave_out(at, error))
        .ok()
}

/// Reads `part`, an object of the optional part `field`, as `T`, or leaves
/// it out (with its path under `at`, inside it where that is known).
fn read_object_or_leave_out<T: DeserializeOwned>(
    part: Buffer,
    field: &'static str,
    at: &str,
) -> Option<T> {
    buffer::read_object(part, field)
        .map(|o: ObjectOnly<T>| o.0)
        .map_err(|error| leave_out(at, error))
        .ok()
}

/// A list of objects; a wrong item is left out, and so is the list if it is
/// not a list.
fn objects<'de, D, T>(deserializer: D, field: &'static str) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let Some(items) = buffer::take(deserializer)?.and_then(|list| {
        buffer::items(list)
            .map_err(|error| leave_out(field, error))
            .ok()
    }) else {
        return Ok(Vec::new());
    };
    Ok(items
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| {
            read_object_or_leave_out(item, field, &format!("{field}[{index}]"))
        })
        .collect())
}

/// An object; left out if anything in it is wrong.
fn object<'de, D, T>(deserializer: D, field: &'static str) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(buffer::take(deserializer)?.and_then(|part| read_object_or_leave_out(part, field, field)))
}

pub fn authors<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<super::Author>, D::Error> {
    objects(d, "authors")
}

pub fn related<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<super::RelatedArticle>, D::Error> {
    objects(d, "related")
}

pub fn latest<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<super::LatestItem>, D::Error> {
    objects(d, "latest")
}

pub fn publisher<'de, D: Deserializer<'de>>(d: D) -> Result<Option<super::Publisher>, D::Error> {
    object(d, "publisher")
}

pub fn image<'de, D: Deserializer<'de>>(d: D) -> Result<Option<super::Image>, D::Error> {
    object(d, "image")
}

pub fn notifications<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<super::Notifications>, D::Error> {
    object(d, "notifications")
}

/// `notifications.push`: a mistake leaves out push only; the bell stays.
///
/// Read as the strings it holds rather than by a derived `Deserialize`:
/// through the path-tracking reader a struct of its own cost the widget's
/// wasm 2 KB brotli, these entries reuse what `strings` already brings.
pub fn push<'de, D: Deserializer<'de>>(d: D) -> Result<Option<super::Push>, D::Error> {
    const AT: &str = "notifications.push";
    Ok(buffer::take(d)?.and_then(|part| {
        read_push(part)
            .and_then(super::de::checked_push)
            .map_err(|error| leave_out(AT, error))
            .ok()
    }))
}

fn read_push(part: Buffer) -> Result<super::Push, ParseError> {
    const FIELDS: [&str; 5] = [
        "vapidPublicKey",
        "subscribeUrl",
        "unsubscribeUrl",
        "serviceWorker",
        "scope",
    ];
    let entries = buffer::entries(part).map_err(|error| {
        ParseError::new(
            "",
            format!(
                "expected a push object with \"vapidPublicKey\" and \"subscribeUrl\" ({})",
                error.message
            ),
        )
    })?;
    let mut fields: [Option<String>; 5] = Default::default();
    for (key, value) in entries {
        // Keys of a later version are skipped, `null` is absent.
        let Some(index) = FIELDS.iter().position(|field| *field == key) else {
            continue;
        };
        if !buffer::is_null(&value) {
            let text = buffer::read::<String>(value)
                .map_err(|error| ParseError::new(key, error.message))?;
            fields[index] = Some(text);
        }
    }
    let [key, subscribe, unsubscribe, worker, scope] = fields;
    let missing = |name: &str| ParseError::new("", format!("missing field `{name}`"));
    Ok(super::Push {
        vapid_public_key: key.ok_or_else(|| missing(FIELDS[0]))?,
        subscribe_url: subscribe.ok_or_else(|| missing(FIELDS[1]))?,
        unsubscribe_url: unsubscribe,
        service_worker: worker.unwrap_or_else(super::de::default_service_worker),
        scope,
    })
}

pub fn share<'de, D: Deserializer<'de>>(d: D) -> Result<Option<super::Share>, D::Error> {
    object(d, "share")
}

/// UI strings by key: a value that is not a string is left out (its key
/// only), and so are all of them if `strings` is not an object.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let Some(entries) = buffer::take(d)?.and_then(|map| {
        buffer::entries(map)
            .map_err(|error| leave_out("strings", error))
            .ok()
    }) else {
        return Ok(BTreeMap::new());
    };
    Ok(entries
        .into_iter()
        .filter(|(_, value)| !buffer::is_null(value))
        .filter_map(|(key, value)| {
            let text = read_or_leave_out::<String>(value, &format!("strings.{key}"))?;
            Some((key, text))
        })
        .collect())
}

/// How a part is held while it is read.
///
/// In the browser build the reader is only ever fed by serde-wasm-bindgen,
/// so a part stays the JavaScript value it is (no copy) and is read by the
/// same deserializer as the rest of the document. A generic buffer
/// (serde-value) was measured at +22.2 KB brotli, most of it a second copy
/// of the reading code for the buffer's own deserializer.
#[cfg(all(target_arch = "wasm32", feature = "js"))]
mod buffer {
    use super::ParseError;
    use crate::ObjectOnly;
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer};
    use std::cell::Cell;
    use std::collections::BTreeMap;
    use wasm_bindgen::JsValue;

    pub type Buffer = JsValue;

    /// A value kept as it is, inside a list or an object.
    #[derive(Deserialize)]
    struct Kept(#[serde(deserialize_with = "serde_wasm_bindgen::preserve::deserialize")] JsValue);

    pub fn is_null(part: &Buffer) -> bool {
        part.is_null() || part.is_undefined()
    }

    /// The part; absent or `null` is `None`.
    pub fn take<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Buffer>, D::Error> {
        let part: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        Ok((!is_null(&part)).then_some(part))
    }

    /// Read without tracking the path: only types whose mistakes have no
    /// path inside them (a string, a list or object of kept values) and the
    /// first try at an object (`read_object`).
    pub fn read<T: DeserializeOwned>(part: Buffer) -> Result<T, ParseError> {
        T::deserialize(serde_wasm_bindgen::Deserializer::from(part)).map_err(ParseError::untracked)
    }

    fn tracked<T: DeserializeOwned>(part: Buffer) -> Result<T, ParseError> {
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(part))
            .map_err(ParseError::from_path)
    }

    /// Names a refused part's mistake with its path: the part's field and
    /// the part, the error read without its path.
    type Explain = fn(&str, Buffer, ParseError) -> ParseError;

    thread_local! {
        /// Set only while `with_exact_paths` runs, so the tracked readers
        /// are reached only through it (a split build keeps them, with
        /// `read_article`, out of the code a page loads first).
        static EXPLAIN: Cell<Option<Explain>> = const { Cell::new(None) };
        /// A part was left out without the path inside it.
        static PATHS_PENDING: Cell<bool> = const { Cell::new(false) };
    }

    pub fn with_exact_paths<R>(read: impl FnOnce() -> R) -> R {
        let outer = EXPLAIN.replace(Some(explain as Explain));
        let result = read();
        EXPLAIN.set(outer);
        result
    }

    pub fn take_paths_pending() -> bool {
        PATHS_PENDING.take()
    }

    /// An object of the optional part `field`, read as `T`.
    pub fn read_object<T: DeserializeOwned>(part: Buffer, field: &str) -> Result<T, ParseError> {
        read::<T>(part.clone()).map_err(|error| match EXPLAIN.get() {
            Some(explain) => {
                // Read again: what the first read left out inside the part
                // (`notifications.push`) is recorded already.
                let recorded = super::LEFT_OUT.with(|left| left.borrow().len());
                let error = explain(field, part, error);
                super::LEFT_OUT.with(|left| left.borrow_mut().truncate(recorded));
                error
            }
            None => {
                PATHS_PENDING.set(true);
                error
            }
        })
    }

    /// The refused part read again with its path tracked, as its type.
    fn explain(field: &str, part: Buffer, untracked: ParseError) -> ParseError {
        use crate::{Author, Image, LatestItem, Notifications, Publisher, RelatedArticle, Share};
        use ObjectOnly as O;
        let tracked = match field {
            "authors" => tracked::<O<Author>>(part).err(),
            "related" => tracked::<O<RelatedArticle>>(part).err(),
            "latest" => tracked::<O<LatestItem>>(part).err(),
            "publisher" => tracked::<O<Publisher>>(part).err(),
            "image" => tracked::<O<Image>>(part).err(),
            "notifications" => tracked::<O<Notifications>>(part).err(),
            "share" => tracked::<O<Share>>(part).err(),
            _ => None,
        };
        tracked.unwrap_or(untracked)
    }

    pub fn items(list: Buffer) -> Result<Vec<Buffer>, ParseError> {
        Ok(read::<Vec<Kept>>(list)?.into_iter().map(|k| k.0).collect())
    }

    pub fn entries(map: Buffer) -> Result<Vec<(String, Buffer)>, ParseError> {
        let entries = read::<super::ObjectOnly<BTreeMap<String, Kept>>>(map)?.0;
        Ok(entries.into_iter().map(|(key, k)| (key, k.0)).collect())
    }
}

/// Natively (tests, the fuzzer, the server), and in the browser's converter
/// module (which has serde_json, not the widget), a part is held as a
/// `serde_json::Value`.
#[cfg(not(all(target_arch = "wasm32", feature = "js")))]
mod buffer {
    use super::ParseError;
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    pub type Buffer = Value;

    pub fn is_null(part: &Buffer) -> bool {
        part.is_null()
    }

    /// The part; absent or `null` is `None`.
    pub fn take<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Buffer>, D::Error> {
        Ok(Option::<Value>::deserialize(d)?.filter(|part| !part.is_null()))
    }

    pub fn read<T: DeserializeOwned>(part: Buffer) -> Result<T, ParseError> {
        serde_path_to_error::deserialize(part).map_err(ParseError::from_path)
    }

    /// Natively every part's path is tracked at once.
    pub fn read_object<T: DeserializeOwned>(part: Buffer, _field: &str) -> Result<T, ParseError> {
        read(part)
    }

    pub fn with_exact_paths<R>(read: impl FnOnce() -> R) -> R {
        read()
    }

    pub fn take_paths_pending() -> bool {
        false
    }

    pub fn items(list: Buffer) -> Result<Vec<Buffer>, ParseError> {
        read(list)
    }

    pub fn entries(map: Buffer) -> Result<Vec<(String, Buffer)>, ParseError> {
        let entries = read::<super::ObjectOnly<serde_json::Map<String, Value>>>(map)?.0;
        Ok(entries.into_iter().collect())
    }
}

// In the browser a part is a JavaScript value (`js`, the widget) or a
// serde_json value (`json`, the converter module).
#[cfg(all(target_arch = "wasm32", not(feature = "js"), not(feature = "json")))]
compile_error!("article-format in the browser needs the `js` or the `json` feature");
