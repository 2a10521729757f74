//! `article-widget-convert --from wordpress|ninjs|anf|jsonld FEED.json|- > article.json`
//!
//! Reads an article as a publisher's system already publishes it (a
//! WordPress REST post, IPTC ninjs, Apple News Format, schema.org
//! NewsArticle JSON-LD) and writes it as format v1, read and checked by the
//! v1 rules (docs/feeds.md). What the source had and v1 cannot show is
//! listed on standard error.

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/mod.rs"]
mod shared;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use article_widget::feeds::parse_feed;
    use article_widget::feeds::Format;
    use std::io::Write;
    use std::process::ExitCode;

    const USAGE: &str =
        "usage: article-widget-convert --from wordpress|ninjs|anf|jsonld FEED.json|- > article.json";
    let mut from = None;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--from" => match args.next().map(|name| Format::from_name(&name)) {
                Some(Ok(format)) => from = Some(format),
                Some(Err(error)) => {
                    eprintln!("article-widget-convert: --from: {}\n{USAGE}", error.message);
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("--from needs a value\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() && (arg == "-" || !arg.starts_with('-')) => file = Some(arg),
            _ => {
                eprintln!("unknown argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(from), Some(file)) = (from, file) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match shared::read_input("article-widget-convert", &file) {
        Ok(text) => text,
        Err(why) => {
            eprintln!("{why}");
            return ExitCode::FAILURE;
        }
    };
    let parsed = match parse_feed(&text, from) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("article-widget-convert: {file}: {error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &parsed.warnings {
        eprintln!("article-widget-convert: {file}: {warning}");
    }
    let json = serde_json::to_string_pretty(&parsed.article).expect("an article always serialises");
    let mut out = std::io::stdout().lock();
    if out
        .write_all(json.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
