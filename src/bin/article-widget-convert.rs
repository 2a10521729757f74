//! `article-widget-convert [--from wordpress|ninjs|anf|jsonld] FEED.json|- > article.json`
//!
//! Reads an article as a publisher's system already publishes it (a
//! WordPress REST post, IPTC ninjs, Apple News Format, schema.org
//! NewsArticle JSON-LD) and writes it as format v1, read and checked by the
//! v1 rules (docs/feeds.md). What the source had and v1 cannot show is
//! listed on standard error. Without `--from` it reads and checks v1.

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/mod.rs"]
mod shared;

/// Converts a feed's document to article-widget's format v1 (standard output);
/// what v1 cannot show is listed on standard error.
#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Parser, Debug)]
#[command(name = "article-widget-convert", version)]
struct Convert {
    #[command(flatten)]
    input: shared::Input,
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    const PROGRAM: &str = "article-widget-convert";
    let convert = Convert::parse();
    let parsed = match convert
        .input
        .read_reporting(PROGRAM, |parsed| parsed.warnings.clone())
    {
        Ok(parsed) => parsed,
        Err(exit) => return exit,
    };
    shared::write_out(
        &serde_json::to_string_pretty(&parsed.article).expect("an article always serialises"),
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}
