//! The hostile input corpus (tests/hostile/) through the parser: every case
//! has the outcome it must have, and everything that parses holds only URLs
//! that pass the allow-list.

use super::*;

#[path = "../../../tests/hostile/corpus.rs"]
pub(crate) mod corpus;
use corpus::{Expect, CORPUS};

use crate::safety::assert_safe;

#[test]
fn the_corpus_is_large_enough() {
    assert!(CORPUS.len() >= 60, "{} cases", CORPUS.len());
}

#[test]
fn every_case_has_its_expected_outcome() {
    for (name, json, expected) in CORPUS {
        match (parse_article(json), expected) {
            (Ok(parsed), Expect::Renders) => assert_safe(&parsed.article, name),
            (Ok(parsed), Expect::LeftOut(path)) => {
                assert_safe(&parsed.article, name);
                assert!(
                    parsed
                        .warnings
                        .iter()
                        .any(|w| w.starts_with(&format!("{path}: ")) && w.ends_with("; left out")),
                    "{name}: no warning for {path}: {:?}",
                    parsed.warnings
                );
            }
            (Err(error), Expect::LeftOut(path)) => {
                panic!("{name}: refused ({error}), but only {path} should be left out")
            }
            (Err(error), Expect::Refused(path)) => {
                assert_eq!(error.path, *path, "{name}: {error}");
                assert!(!error.message.is_empty(), "{name}");
            }
            (Ok(_), Expect::Refused(path)) => {
                panic!("{name}: parsed, but should be refused at {path:?}")
            }
            (Err(error), Expect::Renders) => panic!("{name}: refused ({error}), but should render"),
        }
    }
}

/// The quick reader (no path tracking) and the tracked one agree on every
/// case and sample: the same article and warnings, and the quick one gives
/// up exactly where the tracked one names a mistake in the types.
#[test]
fn the_quick_reader_agrees_with_the_tracked_one() {
    let samples = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/articles"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            (
                path.display().to_string(),
                std::fs::read_to_string(path).unwrap(),
            )
        });
    let cases = CORPUS
        .iter()
        .map(|(name, json, _)| (name.to_string(), json.to_string()));
    let mut refused = 0;
    for (name, json) in cases.chain(samples) {
        let Ok(mut value) = crate::native::parse_json_text(&json) else {
            continue;
        };
        crate::native::put_block_types_first(&mut value);
        let tracked = read_article(value.clone());
        match read_article_quickly(&value) {
            Ok(quick) => assert_eq!(quick, tracked, "{name}"),
            Err(NeedsPath) => {
                refused += 1;
                assert!(
                    tracked.is_err(),
                    "{name}: the quick reader gave up, the tracked one read it"
                );
            }
        }
    }
    // The corpus has documents the types refuse: the check above ran.
    assert!(refused >= 10, "{refused} refused");
}

#[test]
fn duplicate_keys_take_the_last_value() {
    let (_, json, _) = CORPUS
        .iter()
        .find(|(name, ..)| *name == "duplicate-keys")
        .unwrap();
    assert_eq!(parse_article(json).unwrap().article.title, "Second wins");
}

#[test]
fn bad_urls_keep_their_text() {
    let (_, json, _) = CORPUS
        .iter()
        .find(|(name, ..)| *name == "bad-urls-in-links")
        .unwrap();
    let article = parse_article(json).unwrap().article;
    for (i, block) in article.body.iter().enumerate() {
        let Block::Paragraph(p) = block else {
            panic!("paragraphs only")
        };
        assert!(
            p.text.plain_text().starts_with(&format!("click {i}")),
            "{:?}",
            p.text
        );
        assert!(
            p.text
                .0
                .iter()
                .all(|inline| !matches!(inline, Inline::Link { .. })),
            "{i}: {:?}",
            p.text
        );
    }
}

fn paragraphs(count: usize, text: &str) -> String {
    let block =
        serde_json::to_string(&serde_json::json!({ "type": "paragraph", "text": text })).unwrap();
    let blocks = vec![block; count].join(",");
    format!(r#"{{"id":"big","title":"Big","published":"2026-11-01T10:00:00Z","body":[{blocks}]}}"#)
}

#[test]
fn a_five_megabyte_document() {
    let json = paragraphs(5_000, &"Lorem ipsum **dolor** sit amet. ".repeat(32));
    assert!(json.len() > 5_000_000);
    assert_eq!(parse_article(&json).unwrap().article.body.len(), 5_000);
}

#[test]
fn one_paragraph_of_200_000_characters() {
    let text = "ø".repeat(200_000);
    let article = parse_article(&paragraphs(1, &text)).unwrap().article;
    let Block::Paragraph(p) = &article.body[0] else {
        panic!()
    };
    assert_eq!(p.text.plain_text().chars().count(), 200_000);
}

#[test]
fn twenty_thousand_blocks() {
    assert_eq!(
        parse_article(&paragraphs(20_000, "x"))
            .unwrap()
            .article
            .body
            .len(),
        20_000
    );
}

#[test]
fn nesting_ten_thousand_levels_deep() {
    let json = format!(
        r#"{{"id":"deep","title":"t","published":"2026-11-01T10:00:00Z","body":[],"x":{}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let error = parse_article(&json).unwrap_err();
    assert_eq!(error.path, "");
    assert!(
        error.message.contains("nested more than 128 levels deep"),
        "{error}"
    );
}
