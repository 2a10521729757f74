//! The house's invariants that can be read off the source (ARCHITECTURE.md,
//! "Invariants"): the views reach the browser only through `src/browser/`,
//! and nothing in the widget hands text to an HTML parser.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &str, ending: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.to_string_lossy().ends_with(ending) {
                let text = fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no {ending} files under {dir}");
    found
}

/// Lines of code, without `//` comments (which may name what they avoid).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.split("//").next().unwrap_or_default()))
}

fn offenders(files: &[(PathBuf, String)], forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        for (number, line) in code_lines(text) {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}:{number}: {word}", path.display()));
                }
            }
        }
    }
    found
}

#[test]
fn views_never_call_the_browser_directly() {
    // Fetching, storage, timers, listeners on the window, the navigator:
    // all in `src/browser/`, behind small functions the views call.
    let forbidden = [
        "window()",
        "gloo_net",
        "gloo_timers",
        "gloo_events",
        "local_storage",
        "session_storage",
        "navigator",
        "web_sys::Request",
        "js_sys::Reflect",
    ];
    let found = offenders(&sources("src/components", ".rs"), &forbidden);
    assert!(
        found.is_empty(),
        "views calling the browser:\n{}",
        found.join("\n")
    );
}

#[test]
fn text_never_reaches_an_html_parser_in_the_browser() {
    let forbidden = [
        "inner_html",
        "set_inner_html",
        "outer_html",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "createContextualFragment",
        "document.write",
        "parseHTMLUnsafe",
        "setHTMLUnsafe",
    ];
    let mut files = sources("src/components", ".rs");
    files.extend(sources("src/browser", ".rs"));
    files.extend(sources("src/browser", ".js"));
    for file in ["src/element.rs", "src/element.js"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        files.push((path.clone(), fs::read_to_string(path).unwrap()));
    }
    files.extend(sources("www", ".js"));
    let found = offenders(&files, &forbidden);
    assert!(found.is_empty(), "HTML from text:\n{}", found.join("\n"));
}

/// The element's contract (src/element-contract.json): what the Rust code
/// reads from the host element and the events it sends are all listed, and
/// every event listed is sent.
#[test]
fn the_rust_code_keeps_to_the_element_contract() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/element-contract.json");
    let contract: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let names = |list: &str| -> Vec<String> {
        contract[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let (attributes, properties, methods, events) = (
        names("attributes"),
        names("properties"),
        names("methods"),
        names("events"),
    );
    let mut files = sources("src/components", ".rs");
    files.extend(sources("src/browser", ".rs"));
    let mut problems = Vec::new();
    let literal_after = |text: &str, call: &str| -> Vec<String> {
        // `call(` then, after at most one argument, a string literal.
        let mut found = Vec::new();
        for (start, _) in text.match_indices(call) {
            let rest = &text[start + call.len()..];
            let window = &rest[..rest.len().min(120)];
            let Some(open) = window.find('"') else {
                continue;
            };
            let before = &window[..open];
            if before.matches(',').count() > 1 || before.contains([';', ')']) {
                continue;
            }
            let name: String = window[open + 1..]
                .chars()
                .take_while(|c| *c != '"')
                .collect();
            found.push(name);
        }
        found
    };
    for (path, text) in &files {
        for call in ["get_attribute(", "has_attribute(", "count_attribute("] {
            for name in literal_after(text, call) {
                if !attributes.contains(&name) {
                    problems.push(format!("{}: reads the attribute {name:?}", path.display()));
                }
            }
        }
        for call in ["dispatch(", "dispatch_soon(", "dispatch_cancelable("] {
            for name in literal_after(text, call) {
                if !events.contains(&name) {
                    problems.push(format!("{}: sends the event {name:?}", path.display()));
                }
            }
        }
    }
    // What element.js hands to the widget (`changed(name)`) is an observed
    // attribute, a property or a method; the widget's `update_from` follows each.
    let widget = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components/widget_state.rs"),
    )
    .unwrap();
    let observed: Vec<String> = contract["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["observed"] == true)
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    for name in observed.iter().chain(&properties).chain(&methods) {
        let followed = widget.contains(&format!("\"{name}\" =>"));
        let static_or_styled = name == "version" || name == "theme";
        if !followed && !static_or_styled {
            problems.push(format!(
                "article_widget.rs: update_from does not follow {name:?}"
            ));
        }
    }
    let sent: String = files
        .iter()
        .filter(|(_, text)| text.contains("dispatch"))
        .map(|(_, text)| text.as_str())
        .collect();
    for name in &events {
        if !sent.contains(&format!("\"{name}\"")) {
            problems.push(format!("the event {name:?} is listed but never sent"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
