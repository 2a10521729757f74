//! The converters' HTML parser: html5ever (through scraper), the HTML
//! parser of Servo, which follows the same standard as browsers. The same
//! code runs natively, in Node and in the browser's converter module.
//! Scripts never run here; nothing is loaded.

use super::html::{Element, HtmlNode, HtmlParser, TooDeep, MAX_HTML_DEPTH, MAX_HTML_NESTING};
use ego_tree::NodeRef;
use html5ever::tokenizer::{
    states::RawKind, BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use scraper::Node;
use std::cell::{Cell, RefCell};

/// html5ever (through scraper): the parser everywhere.
pub struct Html5ever;

impl HtmlParser for Html5ever {
    fn parse_fragment(&self, html: &str) -> Result<Vec<HtmlNode>, TooDeep> {
        if let Some(text) = text_if_too_deep(html) {
            return Err(TooDeep { text });
        }
        Ok(nodes(
            parse_without_scripting(html).root_element().children(),
            0,
        ))
    }
}

/// `scraper::Html::parse_fragment` with scripting off, as in a document
/// without a browsing context: `<noscript>` holds markup, not text, so what
/// looks like its end inside an attribute cannot let the rest out (and the
/// whole element is then dropped, as the mapping drops `<noscript>`).
fn parse_without_scripting(html: &str) -> scraper::Html {
    use html5ever::tendril::TendrilSink;
    use html5ever::tree_builder::TreeBuilderOpts;
    use html5ever::{local_name, ns, ParseOpts, QualName};
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    html5ever::driver::parse_fragment(
        scraper::HtmlTreeSink::new(scraper::Html::new_fragment()),
        options,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    )
    .one(html)
}

/// Elements that never hold others (so never deepen the tree).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements the parser closes by itself when the next one of their kind
/// (or a block) opens: a run of unclosed `<p>` or `<li>` stays flat.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption",
];

/// One pass of the tokenizer alone (linear: no tree, no scope checks)
/// counting how deeply start tags nest. Within the limit: `None`, parse as
/// usual. Past it: the fragment's text, a script's and a style's left out.
fn text_if_too_deep(html: &str) -> Option<String> {
    // Fewer `<` than the limit cannot nest past it: most fields stop here.
    if html.bytes().filter(|&b| b == b'<').count() <= MAX_HTML_NESTING {
        return None;
    }
    let tokenizer = Tokenizer::new(Nesting::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let nesting = tokenizer.sink;
    (nesting.deepest.get() > MAX_HTML_NESTING).then(|| nesting.text.into_inner())
}

/// What the tokenizer saw: the depth so far and the deepest, and the text.
#[derive(Default)]
struct Nesting {
    depth: Cell<usize>,
    deepest: Cell<usize>,
    /// Inside a script or a style (their content is not text).
    raw: Cell<bool>,
    text: RefCell<String>,
}

impl TokenSink for Nesting {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(Tag {
                kind,
                name,
                self_closing,
                ..
            }) => {
                let name: &str = &name;
                let raw_kind = match name {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        Some(RawKind::Rawtext)
                    }
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if kind == TagKind::EndTag {
                    self.raw.set(false);
                    if !VOID.contains(&name) && !SELF_CLOSING.contains(&name) {
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                    return TokenSinkResult::Continue;
                }
                if !self_closing && !VOID.contains(&name) && !SELF_CLOSING.contains(&name) {
                    self.depth.set(self.depth.get() + 1);
                    self.deepest.set(self.deepest.get().max(self.depth.get()));
                }
                match raw_kind {
                    Some(raw_kind) if !self_closing => {
                        // Only a script's and a style's content is not text.
                        self.raw.set(matches!(name, "script" | "style"));
                        TokenSinkResult::RawData(raw_kind)
                    }
                    _ => TokenSinkResult::Continue,
                }
            }
            Token::CharacterTokens(text) if !self.raw.get() => {
                self.text.borrow_mut().push_str(&text);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

fn nodes<'a>(children: impl Iterator<Item = NodeRef<'a, Node>>, depth: usize) -> Vec<HtmlNode> {
    children.filter_map(|node| convert(node, depth)).collect()
}

fn convert(node: NodeRef<'_, Node>, depth: usize) -> Option<HtmlNode> {
    match node.value() {
        Node::Text(text) => Some(HtmlNode::Text(text.to_string())),
        Node::Element(_) if depth >= MAX_HTML_DEPTH => {
            // Too deep: its text alone, gathered without recursion (and
            // without a script's or a style's).
            let text: String = node
                .descendants()
                .filter(|d| {
                    !d.parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name().to_owned()))
                        .is_some_and(|name| {
                            matches!(name.as_str(), "script" | "style" | "template" | "noscript")
                        })
                })
                .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                .collect();
            Some(HtmlNode::Text(text))
        }
        Node::Element(element) => Some(HtmlNode::Element(Element {
            name: element.name().to_ascii_lowercase(),
            attributes: element
                .attrs()
                .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
                .collect(),
            children: nodes(node.children(), depth + 1),
        })),
        _ => None,
    }
}
