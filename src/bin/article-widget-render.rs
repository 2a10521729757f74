//! `article-widget-render ARTICLE.json|- [--from wordpress|ninjs|anf|jsonld] [--lang nb] [--theme dark]
//! [--entitled] [--assets https://cdn.example/article-widget/] [--no-json-ld] [--max-related N]
//! [--max-latest N] > fragment.html`
//!
//! Renders an article (format v1, or a feed with `--from`) to the HTML a
//! page puts where the widget goes: readable with no script, hydrated by
//! `embed.js` (README, "Server rendering").

#[cfg(not(target_arch = "wasm32"))]
#[path = "shared/mod.rs"]
mod shared;

/// Renders an article to the HTML a page puts where <article-widget> goes
/// (standard output): readable with no script, hydrated by embed.js.
#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Parser, Debug)]
#[command(name = "article-widget-render", version)]
struct Render {
    #[command(flatten)]
    input: shared::Input,
    /// The UI language instead of the article's (a BCP 47 tag: nb, en).
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// The colour scheme: light, dark or auto; without it, the host page's.
    #[arg(long)]
    theme: Option<String>,
    /// The reader subscribes: a premium article is sent whole, with no wall.
    #[arg(long)]
    entitled: bool,
    /// Where embed.js and article-widget.css are served from (ends in /).
    #[arg(long, value_name = "URL")]
    assets: Option<String>,
    /// Leave structured data to the page: no JSON-LD beside the element.
    #[arg(long)]
    no_json_ld: bool,
    /// At most N related cards (the element's max-related, written on it).
    #[arg(long, value_name = "N")]
    max_related: Option<usize>,
    /// At most N "Latest news" items (the element's max-latest).
    #[arg(long, value_name = "N")]
    max_latest: Option<usize>,
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use article_widget::server::{render_html, RenderOptions};
    use clap::Parser;
    const PROGRAM: &str = "article-widget-render";
    let render = Render::parse();
    let parsed = match render
        .input
        .read_reporting(PROGRAM, article_widget::i18n::document_warnings)
    {
        Ok(parsed) => parsed,
        Err(exit) => return exit,
    };
    let options = RenderOptions {
        lang: render.lang,
        theme: render.theme,
        entitled: render.entitled,
        // Empty: the page's own folder.
        assets: render.assets.unwrap_or_default(),
        without_json_ld: render.no_json_ld,
        max_related: render.max_related,
        max_latest: render.max_latest,
    };
    match options.checked() {
        Ok(options) => shared::write_out(&render_html(&parsed.article, &options)),
        Err(why) => {
            eprintln!("{PROGRAM}: --{why}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
