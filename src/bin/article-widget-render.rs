//! `article-widget-render article.json [--from wordpress|ninjs|anf|jsonld] [--lang nb] [--theme dark] [--entitled]
//! [--assets https://cdn.example/article-widget/] [--no-json-ld] > fragment.html`
//!
//! Renders an article (format v1) to the HTML a page puts where the widget
//! goes: readable with no script, hydrated by `embed.js` (README, "Server
//! rendering"). Reads standard input when the file is `-`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/mod.rs"]
mod shared;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use article_widget::feeds::parse_feed;
    use article_widget::feeds::Format;
    use article_widget::server::{render_html, RenderOptions};
    use std::io::Write;
    use std::process::ExitCode;

    const USAGE: &str = "usage: article-widget-render ARTICLE.json|- [--from wordpress|ninjs|anf|jsonld] [--lang TAG] [--theme light|dark] [--entitled] [--assets URL/] [--no-json-ld]";
    let mut options = RenderOptions::default();
    let mut from = Format::V1;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let needs_value = matches!(arg.as_str(), "--lang" | "--theme" | "--assets" | "--from");
        let value = if needs_value { args.next() } else { None };
        match (arg.as_str(), value) {
            ("--lang", Some(value)) => options.lang = Some(value),
            ("--theme", Some(value)) => options.theme = Some(value),
            ("--assets", Some(value)) => options.assets = value,
            ("--from", Some(value)) => match Format::from_name(&value) {
                Ok(format) => from = format,
                Err(error) => {
                    eprintln!("--from: {}\n{USAGE}", error.message);
                    return ExitCode::from(2);
                }
            },
            ("--entitled", _) => options.entitled = true,
            ("--no-json-ld", _) => options.without_json_ld = true,
            ("-h" | "--help", _) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            (_, None) if needs_value => {
                eprintln!("{arg} needs a value\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if file.is_none() && (arg == "-" || !arg.starts_with('-')) => file = Some(arg),
            _ => {
                eprintln!("unknown argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match shared::read_input("article-widget-render", &file) {
        Ok(text) => text,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    let parsed = match parse_feed(&text, from) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("article-widget-render: {file}: {error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in article_widget::i18n::document_warnings(&parsed) {
        eprintln!("article-widget-render: {file}: {warning}");
    }
    let html = render_html(&parsed.article, &options);
    let mut out = std::io::stdout().lock();
    if out
        .write_all(html.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
