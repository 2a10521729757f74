//! The server renderer for Node servers: `renderToString(json, options)`
//! in `dist/server/render.mjs` (README, "Server rendering"). The same
//! renderer as `article_widget::server::render_html`; the JSON text is read
//! by the platform's `JSON.parse`, as in the browser.

#[cfg(target_arch = "wasm32")]
mod node {
    use article_widget::browser::parse_article_js_text;
    use article_widget::feeds::{convert_json_text, Format, Html5ever};
    use article_widget::server::{render_html, RenderOptions};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The article (format v1 JSON text, or a feed in `options.format`) as
    /// the widget's HTML; throws an `Error` whose message names what is
    /// wrong and where.
    #[wasm_bindgen(js_name = renderToString)]
    pub fn render_to_string(json: &str, options: JsValue) -> Result<String, JsError> {
        let format = js_sys::Reflect::get(&options, &JsValue::from_str("format"))
            .ok()
            .and_then(|format| format.as_string());
        // Each warning (what a converter left out, then the reader's) goes
        // to `options.onWarning`, as the command line prints them.
        let on_warning = js_sys::Reflect::get(&options, &JsValue::from_str("onWarning"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let mut warnings = Vec::new();
        let converted;
        let json = match format {
            Some(name) => {
                let format = Format::from_name(&name).map_err(|error| {
                    JsError::new(&format!("article-widget render options: {error}"))
                })?;
                let base = js_sys::Reflect::get(&options, &JsValue::from_str("base"))
                    .ok()
                    .and_then(|base| base.as_string());
                let (text, dropped) = convert_json_text(format, json, &Html5ever, base.as_deref())
                    .map_err(|error| JsError::new(&format!("article-widget: {error}")))?;
                converted = text;
                warnings.extend(dropped);
                converted.as_str()
            }
            None => json,
        };
        let options: RenderOptions = if options.is_undefined() || options.is_null() {
            RenderOptions::default()
        } else {
            // The keys read above are this function's; every other one is
            // the renderer's, which refuses keys it does not know.
            let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
            for key in ["format", "base", "onWarning"] {
                js_sys::Reflect::delete_property(&rest, &JsValue::from_str(key)).ok();
            }
            // serde-wasm-bindgen reads only the fields it knows, so
            // `deny_unknown_fields` never sees a misspelt key: check here.
            const KNOWN: [&str; 7] = [
                "lang",
                "theme",
                "entitled",
                "assets",
                "withoutJsonLd",
                "maxRelated",
                "maxLatest",
            ];
            if let Some(unknown) = js_sys::Object::keys(&rest)
                .iter()
                .filter_map(|key| key.as_string())
                .find(|key| !KNOWN.contains(&key.as_str()))
            {
                return Err(JsError::new(&format!(
                    "article-widget render options: unknown field `{unknown}`, expected one of {}",
                    KNOWN.join(", ")
                )));
            }
            serde_wasm_bindgen::from_value(rest.into())
                .map_err(|error| JsError::new(&format!("article-widget render options: {error}")))?
        };
        let options = options
            .checked()
            .map_err(|error| JsError::new(&format!("article-widget render options: {error}")))?;
        let parsed = parse_article_js_text(&JsValue::from_str(json))
            .map_err(|error| JsError::new(&format!("article-widget: {error}")))?;
        warnings.extend(parsed.warnings.iter().cloned());
        if let Some(on_warning) = on_warning {
            for warning in &warnings {
                // A throwing callback is the caller's: it stops the render.
                on_warning
                    .call1(&JsValue::NULL, &JsValue::from_str(warning))
                    .map_err(|error| {
                        JsError::new(&format!(
                            "article-widget: options.onWarning threw: {}",
                            error.as_string().unwrap_or_else(|| "an exception".into())
                        ))
                    })?;
            }
        }
        Ok(render_html(&parsed.article, &options))
    }
}
