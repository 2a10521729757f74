//! What a server-rendered widget records so that the browser can tell,
//! before hydrating, that it would draw exactly the same page (plain Rust,
//! no browser): a fingerprint of what the page was drawn from, and a hash
//! of the shape of the HTML (elements, text and comment nodes, in order).
//! A Leptos hydration mismatch stops the whole wasm instance, so any
//! difference means a clean client render instead.

use std::hash::Hasher;

/// The attribute on the server's container that holds [`fingerprint`].
pub const FINGERPRINT_ATTRIBUTE: &str = "data-aw-render";
/// The attribute on the server's container that holds [`shape_hash`].
pub const SHAPE_ATTRIBUTE: &str = "data-aw-shape";
/// The attribute on the server's container naming the UI language when its
/// strings are a file of their own (`language_tables`): the browser fetches
/// them before hydrating.
pub const STRINGS_ATTRIBUTE: &str = "data-aw-strings";

/// What a page is drawn from besides the article: the host element's
/// attributes that change the markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrawnWith<'a> {
    pub lang: Option<&'a str>,
    pub entitled: bool,
    pub max_related: Option<&'a str>,
    pub max_latest: Option<&'a str>,
    /// The `format` attribute: a server always writes a v1 island, so an
    /// element given one afterwards would be drawn from something else.
    pub format: Option<&'a str>,
}

/// This release, the element's attributes that change the markup, and the
/// data island's text, hashed.
pub fn fingerprint(drawn_with: &DrawnWith, island: &str) -> String {
    let mut hash = fnv::FnvHasher::default();
    for part in [
        env!("CARGO_PKG_VERSION"),
        drawn_with.lang.unwrap_or(""),
        if drawn_with.entitled { "entitled" } else { "" },
        drawn_with.max_related.unwrap_or(""),
        drawn_with.max_latest.unwrap_or(""),
        drawn_with.format.unwrap_or(""),
        island,
    ] {
        hash.write(part.as_bytes());
        hash.write_u8(0);
    }
    format!("{:016x}", hash.finish())
}

/// The attribute on the server's container that lists what it drew with
/// (see [`inputs`]), so that a browser that cannot hydrate can say which
/// input differs.
pub const INPUTS_ATTRIBUTE: &str = "data-aw-inputs";

/// What a page was drawn with, one `name=value` per input, `;` between:
/// the release, each attribute that changes the markup (by its name) and
/// a hash of the data island.
pub fn inputs(drawn_with: &DrawnWith, island: &str) -> String {
    let mut island_hash = fnv::FnvHasher::default();
    island_hash.write(island.as_bytes());
    [
        ("release", env!("CARGO_PKG_VERSION")),
        ("lang", drawn_with.lang.unwrap_or("")),
        ("entitled", if drawn_with.entitled { "yes" } else { "no" }),
        ("max-related", drawn_with.max_related.unwrap_or("")),
        ("max-latest", drawn_with.max_latest.unwrap_or("")),
        ("format", drawn_with.format.unwrap_or("")),
        ("island", &format!("{:016x}", island_hash.finish())),
    ]
    .map(|(name, value)| format!("{name}={}", value.replace([';', '='], "_")))
    .join(";")
}

/// Which input differs between what the server drew with (`server`, as
/// [`inputs`] wrote it) and what the browser has (`here`), in words.
pub fn differing_input(server: &str, here: &str) -> String {
    let parts = |text: &str| -> Vec<(String, String)> {
        text.split(';')
            .filter_map(|part| part.split_once('='))
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
    };
    let server = parts(server);
    let shown = |value: &str| {
        if value.is_empty() {
            "none".to_owned()
        } else {
            format!("\"{value}\"")
        }
    };
    for (name, value) in parts(here) {
        let drawn = server
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str());
        if drawn == value {
            continue;
        }
        return match name.as_str() {
            "release" => format!("it was rendered by release {drawn}, this is {value}"),
            "island" => "its data island changed since the server wrote it".to_owned(),
            "entitled" => format!("the entitled attribute is {value} here, {drawn} on the server"),
            _ => format!(
                "the {name} attribute is {} here, {} on the server",
                shown(&value),
                shown(drawn)
            ),
        };
    }
    "it was rendered by another release, or its data island or attributes changed since".to_owned()
}

/// A hash of a shape written as `<name` … `>` around each element's
/// children, `#` for a text node and `!` for a comment (the server writes
/// it from the parsed HTML, the browser from its DOM).
pub fn shape_hash(shape: &str) -> String {
    let mut hash = fnv::FnvHasher::default();
    hash.write(shape.as_bytes());
    format!("{:016x}", hash.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_changes_the_fingerprint() {
        let base = DrawnWith::default();
        let first = fingerprint(&base, "{}");
        assert_eq!(first, fingerprint(&base, "{}"));
        assert_ne!(first, fingerprint(&base, "{ }"));
        for changed in [
            DrawnWith {
                lang: Some("nb"),
                ..base.clone()
            },
            DrawnWith {
                entitled: true,
                ..base.clone()
            },
            DrawnWith {
                max_related: Some("3"),
                ..base.clone()
            },
            DrawnWith {
                max_latest: Some("3"),
                ..base.clone()
            },
            DrawnWith {
                format: Some("wordpress"),
                ..base.clone()
            },
        ] {
            assert_ne!(first, fingerprint(&changed, "{}"), "{changed:?}");
        }
        // Parts are separated: moving text between them is a change.
        let a = DrawnWith {
            max_related: Some("1"),
            ..base.clone()
        };
        let b = DrawnWith {
            max_latest: Some("1"),
            ..base
        };
        assert_ne!(fingerprint(&a, ""), fingerprint(&b, ""));
    }

    #[test]
    fn the_differing_input_is_named() {
        let server = DrawnWith {
            lang: Some("nb"),
            max_related: Some("3"),
            ..DrawnWith::default()
        };
        let drawn = inputs(&server, "{}");
        assert_eq!(
            differing_input(
                &drawn,
                &inputs(
                    &DrawnWith {
                        lang: Some("en"),
                        ..server.clone()
                    },
                    "{}"
                )
            ),
            "the lang attribute is \"en\" here, \"nb\" on the server"
        );
        assert_eq!(
            differing_input(
                &drawn,
                &inputs(
                    &DrawnWith {
                        max_related: None,
                        ..server.clone()
                    },
                    "{}"
                )
            ),
            "the max-related attribute is none here, \"3\" on the server"
        );
        assert_eq!(
            differing_input(
                &drawn,
                &inputs(
                    &DrawnWith {
                        entitled: true,
                        ..server.clone()
                    },
                    "{}"
                )
            ),
            "the entitled attribute is yes here, no on the server"
        );
        assert_eq!(
            differing_input(&drawn, &inputs(&server, "{ }")),
            "its data island changed since the server wrote it"
        );
        let older = drawn.replace(env!("CARGO_PKG_VERSION"), "0.0.1");
        assert_eq!(
            differing_input(&older, &drawn),
            format!(
                "it was rendered by release 0.0.1, this is {}",
                env!("CARGO_PKG_VERSION")
            )
        );
    }

    #[test]
    fn shapes_differ_by_structure() {
        assert_ne!(shape_hash("<p#>"), shape_hash("<p##>"));
        assert_eq!(shape_hash("<p#>").len(), 16);
    }
}
