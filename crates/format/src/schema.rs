//! The JSON Schema of format v1, generated from the serde types with
//! schemars (a test-only dependency: the widget does not carry it) and
//! committed as `docs/article.schema.json` for editors and validators.
//! `UPDATE_SCHEMA=1 cargo test -p article-format schema` writes it after a change of the types.

use super::{Article, DateTime, RichText, UnknownBlock};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for DateTime {
    fn schema_name() -> Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An RFC 3339 date-time with an offset, e.g. 2025-11-01T08:30:00+01:00. Shown as the newsroom's wall clock.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
        })
    }
}

impl JsonSchema for RichText {
    fn schema_name() -> Cow<'static, str> {
        "RichText".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text with inline markup: **strong**, *emphasis*, [label](url) and backslash escapes. Never HTML.",
            "type": "string"
        })
    }
}

/// Any block whose `type` is not one this version shows: skipped with a
/// warning, so a newer feed still validates.
impl JsonSchema for UnknownBlock {
    fn schema_name() -> Cow<'static, str> {
        "UnknownBlock".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A block of a type this version does not know: skipped, with a console warning.",
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {
                    "type": "string",
                    "not": { "enum": ["paragraph", "heading", "image", "quote", "list", "readAlso"] }
                }
            }
        })
    }
}

/// The schema as committed: pretty JSON with a final newline.
pub fn article_schema_text() -> String {
    let mut schema = schemars::schema_for!(Article);
    schema.insert(
        "$id".into(),
        "https://article-widget.example/schema/v1/article.schema.json".into(),
    );
    schema.insert("title".into(), "article-widget article, format v1".into());
    let mut value = schema.to_value();
    bound_whole_numbers(&mut value);
    allow_null_for_optional_fields(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("a schema serialises");
    text.push('\n');
    text
}

/// schemars names `u32` by a `format` that validators need not check; the
/// format's rule is 0 to 4294967295, so say it with a `maximum`.
fn bound_whole_numbers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            if fields.get("format").and_then(|f| f.as_str()) == Some("uint32") {
                fields.insert("maximum".into(), u32::MAX.into());
            }
            fields.values_mut().for_each(bound_whole_numbers);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(bound_whole_numbers),
        _ => {}
    }
}

/// `null` counts as absent (docs/format-v1.md): every field that may be left
/// out may also be `null`.
fn allow_null_for_optional_fields(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(fields) => {
            let required: Vec<Value> = fields
                .get("required")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if let Some(Value::Object(properties)) = fields.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    if required.contains(&Value::from(name.as_str())) {
                        continue;
                    }
                    match property.get_mut("type") {
                        Some(Value::String(kind)) if kind != "null" => {
                            let kind = kind.clone();
                            property["type"] = serde_json::json!([kind, "null"]);
                        }
                        Some(Value::Array(kinds)) if !kinds.contains(&"null".into()) => {
                            kinds.push("null".into());
                        }
                        _ => {}
                    }
                }
            }
            fields.values_mut().for_each(allow_null_for_optional_fields);
        }
        Value::Array(items) => items.iter_mut().for_each(allow_null_for_optional_fields),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const COMMITTED: &str = "docs/article.schema.json";

    fn validator() -> jsonschema::Validator {
        let schema: Value = serde_json::from_str(&article_schema_text()).unwrap();
        jsonschema::validator_for(&schema).expect("a valid JSON Schema")
    }

    #[test]
    fn the_committed_schema_is_up_to_date() {
        let generated = article_schema_text();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(COMMITTED);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{COMMITTED} is out of date: run `UPDATE_SCHEMA=1 cargo test -p article-format schema`"
        );
    }

    #[test]
    fn the_samples_validate() {
        let validator = validator();
        for (name, json) in [
            (
                "night-ferry",
                include_str!("../../../www/articles/night-ferry.json"),
            ),
            (
                "havnebadet",
                include_str!("../../../www/articles/havnebadet.json"),
            ),
            (
                "al-mina",
                include_str!("../../../www/articles/al-mina.json"),
            ),
        ] {
            let value: Value = serde_json::from_str(json).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{} at {}", e, e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
            assert!(
                value.get("$schema").is_some(),
                "{name} names its schema for editors"
            );
        }
    }

    /// Refused cases whose rule a JSON Schema cannot state, and why.
    const BEYOND_THE_SCHEMA: &[(&str, &str)] = &[
        ("date-february-30", "the calendar"),
        ("date-hour-25", "the range of each field"),
        ("nesting-200", "nesting depth"),
        ("number-out-of-range", "the range of a double"),
    ];

    #[test]
    fn the_hostile_corpus_agrees_with_the_schema() {
        use crate::hostile_tests::corpus::{Expect, CORPUS};
        let validator = validator();
        let mut checked = (0, 0);
        for (name, json, expected) in CORPUS {
            // Read as the widget reads it: no byte order mark, lone
            // surrogates as U+FFFD.
            let json = json.strip_prefix('\u{feff}').unwrap_or(json);
            let json = crate::native::replace_lone_surrogates(json);
            let Ok(value) = serde_json::from_str::<Value>(&json) else {
                // Not JSON at all: nothing for a schema to say.
                continue;
            };
            match expected {
                Expect::Renders => {
                    let errors: Vec<String> = validator
                        .iter_errors(&value)
                        .map(|e| format!("{} at {}", e, e.instance_path))
                        .collect();
                    assert!(errors.is_empty(), "{name} renders: {errors:?}");
                    checked.0 += 1;
                }
                Expect::Refused(_) if BEYOND_THE_SCHEMA.iter().any(|(n, _)| n == name) => {
                    assert!(
                        validator.is_valid(&value),
                        "{name} is listed as beyond the schema"
                    );
                }
                // The schema describes a document with nothing to leave out.
                Expect::LeftOut(path) => {
                    assert!(!validator.is_valid(&value), "{name}: {path:?} is left out");
                }
                Expect::Refused(path) => {
                    assert!(!validator.is_valid(&value), "{name} is refused at {path:?}");
                    checked.1 += 1;
                }
            }
        }
        let renders = CORPUS
            .iter()
            .filter(|(_, _, e)| matches!(e, Expect::Renders))
            .count();
        assert_eq!(checked.0, renders, "cases that render, all valid");
        assert!(checked.1 > 30, "refused cases checked: {}", checked.1);
    }
}
