//! `article-widget-convert` as a publisher runs it: each sample to v1 on
//! standard output (the same article as its expected v1), what it dropped
//! on standard error, and clear errors.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::model::parse_article;
use std::process::Command;

fn convert(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_article-widget-convert"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn each_sample_converts_to_the_article_its_expected_v1_reads_as() {
    for (format, name) in [
        ("wordpress", "wordpress/post"),
        ("ninjs", "ninjs/item-3.0"),
        ("ninjs", "ninjs/item-1.x"),
        ("anf", "anf/article"),
        ("jsonld", "jsonld/graph"),
        ("jsonld", "jsonld/news-article"),
    ] {
        let output = convert(&["--from", format, &format!("tests/formats/{name}.json")]);
        assert!(output.status.success(), "{name}: {output:?}");
        let written = parse_article(std::str::from_utf8(&output.stdout).unwrap()).unwrap();
        let expected = std::fs::read_to_string(format!("tests/formats/{name}.v1.json")).unwrap();
        assert_eq!(
            written.article,
            parse_article(&expected).unwrap().article,
            "{name}"
        );
    }
    let stderr =
        String::from_utf8(convert(&["--from", "anf", "tests/formats/anf/article.json"]).stderr)
            .unwrap();
    assert!(
        stderr.contains("anf: components[7]: divider dropped"),
        "{stderr}"
    );
}

#[test]
fn a_bundles_files_are_read_beside_its_base() {
    let args = [
        "--from",
        "anf",
        "--base",
        "https://cdn.example/bundles/sauna/",
        "tests/formats/anf/article.json",
    ];
    let output = convert(&args);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("https://cdn.example/bundles/sauna/ladder.svg"),
        "{stdout}"
    );
    let without = convert(&["--from", "anf", "tests/formats/anf/article.json"]);
    assert!(String::from_utf8_lossy(&without.stderr).contains(
        "photo from the bundle (bundle://: give the bundle's address as the base) dropped"
    ));
}

#[test]
fn bad_input_says_what_and_where() {
    let unknown = convert(&["--from", "rss", "x.json"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .contains("expected one of v1, wordpress, ninjs, anf, jsonld, found \"rss\""));
    // A ninjs item read as WordPress: the missing field, in WordPress's words.
    let wrong = convert(&["--from", "wordpress", "tests/formats/ninjs/item-1.x.json"]);
    assert_eq!(wrong.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        stderr.contains("item-1.x.json: missing field `id` (read as wordpress)"),
        "{stderr}"
    );
}
