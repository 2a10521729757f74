//! Dates in words: the browser's `Intl`, or natively (the server
//! renderer) the same words from the UI strings' table.

use crate::i18n::DateStyle;
use crate::model::{DateTime, Lang};
#[cfg(target_arch = "wasm32")]
use js_sys::Intl::{DateTimeFormat, DateTimeFormatOptions, DateTimeStyle};
#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

/// Formats a timestamp in the article's language with the browser's `Intl`,
/// showing the wall clock the newsroom wrote (see [`DateTime`]). Natively
/// (the server renderer) there is no `Intl`: the same words from
/// [`crate::i18n::format_date_text`].
#[cfg(not(target_arch = "wasm32"))]
pub fn format_date(date: &DateTime, lang: Lang, style: DateStyle) -> String {
    crate::i18n::format_date_text(date, lang, style)
}

#[cfg(target_arch = "wasm32")]
pub fn format_date(date: &DateTime, lang: Lang, style: DateStyle) -> String {
    let instant = js_sys::Date::new(&JsValue::from_f64(date.wall_clock_millis() as f64));
    formatter(lang, style)
        .call1(&JsValue::UNDEFINED, &instant)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.rfc3339.clone())
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// `Intl.DateTimeFormat`s are slow to make: one per language and style,
    /// kept for the page's life (a page shows many dates).
    static FORMATTERS: RefCell<Vec<((Lang, DateStyle), js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
fn formatter(lang: Lang, style: DateStyle) -> js_sys::Function {
    FORMATTERS.with(|formatters| {
        if let Some((_, format)) = formatters
            .borrow()
            .iter()
            .find(|(key, _)| *key == (lang, style))
        {
            return format.clone();
        }
        let options = DateTimeFormatOptions::new();
        options.set_time_zone("UTC");
        match style {
            DateStyle::Long => options.set_date_style(DateTimeStyle::Long),
            DateStyle::LongWithTime => {
                options.set_date_style(DateTimeStyle::Long);
                options.set_time_style(DateTimeStyle::Short);
            }
            DateStyle::Medium => options.set_date_style(DateTimeStyle::Medium),
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(lang.locale()));
        let format = DateTimeFormat::new(&locales, options.unchecked_ref()).format();
        formatters
            .borrow_mut()
            .push(((lang, style), format.clone()));
        format
    })
}
