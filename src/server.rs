//! Server rendering: the article page as HTML, drawn by the same Leptos
//! components as in the browser, inside the element's Declarative Shadow
//! DOM, so the article is readable before (and without) any script, and the
//! widget hydrates it in place when `embed.js` runs.
//!
//! ```
//! use article_widget::model::parse_article;
//! use article_widget::server::{render_html, RenderOptions};
//!
//! let article = parse_article(
//!     r#"{"id": "a1", "title": "Ferry back", "published": "2026-11-21T06:10:00+00:00",
//!         "body": [{"type": "paragraph", "text": "The **night ferry** runs again."}]}"#,
//! )
//! .unwrap()
//! .article;
//! let html = render_html(&article, &RenderOptions::default());
//! assert!(html.contains("<article-widget><template shadowrootmode=\"open\">"));
//! assert!(html.contains("<strong>night ferry</strong>"));
//! ```

use crate::components::{ArticlePage, Rendering};
use crate::fingerprint::{
    fingerprint, inputs, shape_hash, DrawnWith, FINGERPRINT_ATTRIBUTE, INPUTS_ATTRIBUTE,
    SHAPE_ATTRIBUTE, STRINGS_ATTRIBUTE,
};
use crate::markup_steps::escape_html;
use crate::model::reader_rules::{served_access, AccessDecision};
use crate::model::{escape_for_script, news_article_json_ld, safe_url, Article, Lang, UrlUse};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::sync::Arc;

/// The widget's stylesheet file, next to `embed.js` in `dist/`.
pub const STYLESHEET_FILE: &str = "article-widget.css";

/// How to render an article (from JavaScript: `{lang, theme, entitled,
/// assets, withoutJsonLd, maxRelated, maxLatest}`; any other key is refused).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct RenderOptions {
    /// UI language instead of the article's own (the element's `lang`),
    /// such as `nb` or `en`.
    pub lang: Option<String>,
    /// `light` or `dark` (the element's `theme`); the reader's preference
    /// when absent.
    pub theme: Option<String>,
    /// The reader is known to subscribe: a premium article is sent whole.
    /// Otherwise only its teaser leaves the server.
    pub entitled: bool,
    /// Where the widget's files are (`article-widget.css`), such as
    /// `https://cdn.example/article-widget/`; empty for the page's folder.
    pub assets: String,
    /// Leave structured data to the CMS: no JSON-LD beside the element.
    pub without_json_ld: bool,
    /// At most this many related cards (the element's `max-related`,
    /// written on it so the browser hydrates with the same number).
    pub max_related: Option<usize>,
    /// At most this many "Latest news" items (`max-latest`).
    pub max_latest: Option<usize>,
}

/// The colour schemes `theme` takes, as the element does.
const THEMES: &[&str] = &["light", "dark", "auto"];

impl RenderOptions {
    /// The options as given, or what is wrong with them: `assets` must be a
    /// web address or a path (the widget's files are loaded from it), by
    /// the one URL allow-list; `javascript:` and the like are refused rather
    /// than written escaped into the page.
    pub fn checked(self) -> Result<RenderOptions, String> {
        if let Some(theme) = self.theme.as_deref() {
            if !THEMES.contains(&theme) {
                return Err(format!(
                    "theme: expected light, dark or auto, found {}",
                    crate::model::quoted(theme)
                ));
            }
        }
        let assets = self.assets.trim();
        let is_data = assets
            .get(..5)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"));
        if !assets.is_empty() && (is_data || safe_url(assets, UrlUse::Image).is_none()) {
            return Err(format!(
                "assets: expected a web address or a path ending in /, found {}",
                crate::model::quoted(&self.assets)
            ));
        }
        Ok(self)
    }
}

/// The article as HTML to put into a page where the widget should be:
/// preload hints for the widget's script and wasm, an `<article-widget>` element holding the page in a declarative shadow
/// root, the article JSON as its data island (only what this reader may
/// read), and the NewsArticle JSON-LD beside it. The same input gives the
/// same bytes; every text and attribute is escaped.
pub fn render_html(article: &Article, options: &RenderOptions) -> String {
    let entitled = options.entitled;
    let cut = match served_access(article.access.as_ref(), entitled) {
        AccessDecision::Teaser { teaser_blocks } => Some(teaser_blocks),
        AccessDecision::Full { .. } => None,
    };
    let served = Arc::new(match cut {
        Some(blocks) => article.teaser(blocks),
        None => article.clone(),
    });
    let island = escape_for_script(&json_text(served.as_ref()));
    let lang = options.lang.as_deref().filter(|tag| !tag.is_empty());

    let owner = Owner::new();
    let page = owner.with(|| {
        view! {
            <ArticlePage
                article=Arc::clone(&served)
                entitled=entitled
                lang=lang.and_then(Lang::from_tag)
                most_related=options.max_related
                most_latest=options.max_latest
                rendering=Rendering::Server
            />
        }
        .into_any()
        .to_html()
    });
    owner.cleanup();
    let page = without_parser_rewrites(page);

    let (max_related, max_latest) = (
        options.max_related.map(|n| n.to_string()),
        options.max_latest.map(|n| n.to_string()),
    );
    let drawn_with = DrawnWith {
        lang,
        entitled,
        max_related: max_related.as_deref(),
        max_latest: max_latest.as_deref(),
        // The island is format v1 whatever the source was.
        format: None,
    };
    let mut html = String::with_capacity(page.len() + island.len() + 1_024);
    // The widget's code starts downloading with the page, not once embed.js
    // has run: the article is on screen already, and hydration waits for
    // the wasm (`embed.js` fetches it the same way, so this is one download).
    html.push_str("<link rel=\"modulepreload\"");
    push_attribute(
        &mut html,
        "href",
        &format!("{}article-widget.js", options.assets),
    );
    html.push_str("><link rel=\"preload\" as=\"fetch\" crossorigin");
    push_attribute(
        &mut html,
        "href",
        &format!("{}article-widget_bg.wasm", options.assets),
    );
    // The UI language's strings, when they are a file of their own: the
    // browser needs them before it can hydrate, so they start with the page.
    let ui_lang = lang
        .and_then(Lang::from_tag)
        .unwrap_or_else(|| served.ui_lang());
    let strings_file = (!ui_lang.is_built_in()).then(|| ui_lang.code());
    if let Some(code) = strings_file {
        html.push_str("><link rel=\"preload\" as=\"fetch\" crossorigin");
        push_attribute(
            &mut html,
            "href",
            &format!("{}strings/{code}.json", options.assets),
        );
    }
    html.push_str("><article-widget");
    if let Some(lang) = lang {
        push_attribute(&mut html, "lang", lang);
    }
    if let Some(theme) = options.theme.as_deref() {
        push_attribute(&mut html, "theme", theme);
    }
    if entitled {
        html.push_str(" entitled");
    }
    // As the browser will read them back for hydration.
    if let Some(count) = &max_related {
        push_attribute(&mut html, "max-related", count);
    }
    if let Some(count) = &max_latest {
        push_attribute(&mut html, "max-latest", count);
    }
    html.push_str("><template shadowrootmode=\"open\"><link rel=\"stylesheet\"");
    push_attribute(
        &mut html,
        "href",
        &format!("{}{STYLESHEET_FILE}", options.assets),
    );
    html.push_str("><div class=\"aw-container\"");
    if let Some(code) = strings_file {
        push_attribute(&mut html, STRINGS_ATTRIBUTE, code);
    }
    push_attribute(
        &mut html,
        FINGERPRINT_ATTRIBUTE,
        &fingerprint(&drawn_with, &island),
    );
    // The shape as written, not as parsed: if a browser's parser would
    // build anything else, the browser sees the difference and draws this
    // widget afresh instead of hydrating a tree Leptos does not expect.
    push_attribute(&mut html, INPUTS_ATTRIBUTE, &inputs(&drawn_with, &island));
    push_attribute(
        &mut html,
        SHAPE_ATTRIBUTE,
        &shape_hash(&written_shape(&page)),
    );
    html.push('>');
    html.push_str(&page);
    html.push_str("</div></template><script type=\"application/json\">");
    // `<` is written as \u003c: the text cannot close the script.
    html.push_str(&island);
    html.push_str("</script></article-widget>");
    if !options.without_json_ld {
        // Relative URLs resolve against the article's page (its `url`),
        // where the HTML is shown; without one they are left out.
        let page = served
            .url
            .as_deref()
            .and_then(|url| url::Url::parse(url).ok());
        let resolve = |relative: &str| Some(page.as_ref()?.join(relative).ok()?.to_string());
        let metadata = news_article_json_ld(&served, cut.is_some(), &resolve);
        html.push_str("<script type=\"application/ld+json\">");
        html.push_str(&escape_for_script(&json_text(&metadata)));
        html.push_str("</script>");
    }
    html
}

/// Compact JSON text: serde_json natively; in wasm (Node), the platform's
/// `JSON.stringify` of the serde-wasm-bindgen value (the same text).
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return serde_json::to_string(value).unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    return crate::browser::to_json_text(value);
}

fn push_attribute(html: &mut String, name: &str, value: &str) {
    html.push(' ');
    html.push_str(name);
    html.push_str("=\"");
    escape_html(html, value, true);
    html.push('"');
}

/// Text the HTML parser would rewrite, written as it will read: U+0000,
/// which a parser drops from text (a text node of it alone vanishes, and
/// hydration would find one node too few), becomes U+FFFD, as the parser
/// makes it in attributes. (A browser drawing the page itself puts the
/// text in the DOM as it is, where U+0000 shows as nothing.)
///
/// Leptos's hydration markers, written `<!>` (a "bogus comment" to the W3C
/// checker), are written `<!---->`: the same empty comment node to every
/// parser, in valid HTML. Leptos escapes `<` in text and attribute values,
/// so every `<!>` in its output is a marker.
fn without_parser_rewrites(html: String) -> String {
    let html = if html.contains('\0') {
        html.replace('\0', "\u{fffd}")
    } else {
        html
    };
    if html.contains("<!>") {
        html.replace("<!>", "<!---->")
    } else {
        html
    }
}

/// The shape of `html` as written (see [`crate::fingerprint::shape_hash`]):
/// each start tag opens an element, each end tag closes one, each run of
/// text is one node, read by html5ever's tokenizer alone (no tree builder,
/// so nothing is moved, closed early or dropped). Where a browser's parser
/// would build a different tree, its DOM's shape differs from this one.
pub fn written_shape(html: &str) -> String {
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let tokenizer = Tokenizer::new(WrittenShape::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.shape.into_inner()
}

#[derive(Default)]
struct WrittenShape {
    shape: std::cell::RefCell<String>,
    in_text: std::cell::Cell<bool>,
}

impl html5ever::tokenizer::TokenSink for WrittenShape {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{states::RawKind, TagKind, Token, TokenSinkResult};
        const VOID: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr",
        ];
        let mut shape = self.shape.borrow_mut();
        let was_text = self.in_text.replace(false);
        match token {
            Token::CharacterTokens(_) | Token::NullCharacterToken => {
                if !was_text {
                    shape.push('#');
                }
                self.in_text.set(true);
            }
            Token::CommentToken(_) => shape.push('!'),
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                shape.push('<');
                shape.push_str(&tag.name);
                if tag.self_closing || VOID.contains(&&*tag.name) {
                    shape.push('>');
                }
                let raw = match &*tag.name {
                    "script" => Some(RawKind::ScriptData),
                    "style" => Some(RawKind::Rawtext),
                    "textarea" | "title" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if let Some(raw) = raw.filter(|_| !tag.self_closing) {
                    return TokenSinkResult::RawData(raw);
                }
            }
            Token::TagToken(tag) if !VOID.contains(&&*tag.name) => shape.push('>'),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The shape of `html` as a browser parses it (see
/// [`crate::fingerprint::shape_hash`]), read with html5ever, the HTML
/// parser of Servo, which follows the same standard as browsers.
#[cfg(test)]
pub fn shape_of(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    let mut shape = String::new();
    // Depth first, without recursion (nesting may be deep).
    let mut stack: Vec<Option<ego_tree::NodeRef<scraper::Node>>> =
        fragment.root_element().children().rev().map(Some).collect();
    while let Some(entry) = stack.pop() {
        let Some(node) = entry else {
            shape.push('>');
            continue;
        };
        match node.value() {
            scraper::Node::Element(element) => {
                shape.push('<');
                shape.push_str(element.name());
                stack.push(None);
                stack.extend(node.children().rev().map(Some));
            }
            scraper::Node::Text(_) => shape.push('#'),
            scraper::Node::Comment(_) => shape.push('!'),
            _ => {}
        }
    }
    shape
}

// Natively: they read the output with html5ever and the samples with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "server_tests.rs"]
mod tests;
