//! The feed converters in the browser, a wasm module of their own
//! (dist/convert/): the widget loads it only when an element has a
//! `format` attribute, so a page that shows v1 never downloads them
//! (docs/feeds.md). The mapping is the model's (`model::formats`); HTML
//! is parsed by the browser's own `DOMParser`, which builds an inert
//! document: no script runs, nothing loads.

use article_feeds::{
    convert as convert_document, Element, Format, HtmlNode, HtmlParser, MAX_HTML_DEPTH,
};
use article_format::ParseError;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{DomParser, Node, SupportedType};

/// What `convert` answers: the article in format v1 and what was dropped.
#[derive(Serialize)]
struct Answer {
    article: serde_json::Value,
    warnings: Vec<String>,
}

/// What `convert` throws: the message and the source field.
#[derive(Serialize)]
struct Failure {
    path: String,
    message: String,
}

/// Converts a parsed feed document (`JSON.parse`'s value) from `format` to
/// `{ article, warnings }`; throws `{ path, message }`.
#[wasm_bindgen]
pub fn convert(format: &str, document: JsValue) -> Result<JsValue, JsValue> {
    let answer = convert_value(format, document).map_err(|error| to_js(&failure(error)))?;
    Ok(to_js(&answer))
}

fn convert_value(format: &str, document: JsValue) -> Result<Answer, ParseError> {
    let format = Format::from_name(format)?;
    let document: serde_json::Value = serde_wasm_bindgen::from_value(document)
        .map_err(|error| ParseError::new("", error.to_string()))?;
    let converted = convert_document(format, document, &BrowserHtml)?;
    Ok(Answer {
        article: converted.article,
        warnings: converted.dropped,
    })
}

fn failure(error: ParseError) -> Failure {
    Failure {
        path: error.path,
        message: error.message,
    }
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Objects, not `Map`s, as JSON.parse would give them.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("JSON values always convert")
}

/// The browser's HTML parser, in a document of its own that has no window:
/// inert.
pub struct BrowserHtml;

impl HtmlParser for BrowserHtml {
    fn parse_fragment(&self, html: &str) -> Vec<HtmlNode> {
        let body = DomParser::new()
            .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
            .ok()
            .and_then(|document| document.body());
        match body {
            Some(body) => children(&body, 0),
            None => Vec::new(),
        }
    }
}

fn children(parent: &Node, depth: usize) -> Vec<HtmlNode> {
    let list = parent.child_nodes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| convert_node(&node, depth))
        .collect()
}

fn convert_node(node: &Node, depth: usize) -> Option<HtmlNode> {
    match node.node_type() {
        Node::TEXT_NODE => Some(HtmlNode::Text(node.node_value().unwrap_or_default())),
        Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            if depth >= MAX_HTML_DEPTH {
                return Some(HtmlNode::Text(deep_text(node)));
            }
            let attributes = element.attributes();
            Some(HtmlNode::Element(Element {
                name: element.local_name().to_ascii_lowercase(),
                attributes: (0..attributes.length())
                    .filter_map(|i| attributes.item(i))
                    .map(|attr| (attr.local_name().to_ascii_lowercase(), attr.value()))
                    .collect(),
                children: children(node, depth + 1),
            }))
        }
        _ => None,
    }
}

/// The text under a node too deep to keep, gathered without recursion and
/// without a script's or a style's.
fn deep_text(node: &Node) -> String {
    let mut text = String::new();
    let mut stack = vec![node.clone()];
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            text.push_str(&node.node_value().unwrap_or_default());
            continue;
        }
        let name = node.node_name().to_ascii_lowercase();
        if matches!(name.as_str(), "script" | "style" | "template" | "noscript") {
            continue;
        }
        let list = node.child_nodes();
        for i in (0..list.length()).rev() {
            if let Some(child) = list.item(i) {
                stack.push(child);
            }
        }
    }
    text
}
