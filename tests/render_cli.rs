//! `article-widget-render` as a publisher runs it: the options it refuses
//! and the largest document it reads, as Node's `renderToString` and the
//! widget do.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn render(args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-widget-render"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const ARTICLE: &str = r#"{"id":"a","title":"T","published":"2026-11-01T10:00:00Z","body":[]}"#;

#[test]
fn assets_must_be_a_web_address_or_a_path() {
    for refused in [
        "javascript:alert(1)//",
        "data:text/html,x/",
        "//cdn.example/aw/",
    ] {
        let (ok, out, err) = render(&["--assets", refused, "-"], ARTICLE);
        assert!(!ok && out.is_empty(), "{refused}: {out}");
        assert!(
            err.contains("--assets: expected a web address or a path ending in /"),
            "{refused}: {err}"
        );
    }
    for taken in ["https://cdn.example/aw/", "/static/aw/", ""] {
        let (ok, out, err) = render(&["--assets", taken, "-"], ARTICLE);
        assert!(ok, "{taken}: {err}");
        assert!(
            out.contains(&format!("href=\"{taken}article-widget.css\"")),
            "{taken}"
        );
    }
}

#[test]
fn a_document_over_five_million_characters_is_refused_as_in_the_browser() {
    let filler = "x".repeat(5_000_001);
    let document = format!(
        r#"{{"id":"a","title":"T","published":"2026-11-01T10:00:00Z","body":[],"x":"{filler}"}}"#
    );
    let (ok, _, err) = render(&["-"], &document);
    assert!(!ok);
    let length = document.encode_utf16().count();
    assert_eq!(length, 5_000_075);
    assert!(
        err.contains("the document is 5,000,075 characters long; at most 5,000,000 are read"),
        "{err}"
    );
}
