//! The converters' HTML parser natively: html5ever (through scraper), the
//! HTML parser of Servo, which follows the same standard as browsers.
//! Scripts never run here; nothing is loaded.

use super::html::{Element, HtmlNode, HtmlParser, MAX_HTML_DEPTH};
use ego_tree::NodeRef;
use scraper::Node;

/// html5ever (through scraper): the parser natively and in the Node renderer.
pub struct Html5ever;

impl HtmlParser for Html5ever {
    fn parse_fragment(&self, html: &str) -> Vec<HtmlNode> {
        let fragment = scraper::Html::parse_fragment(html);
        nodes(fragment.root_element().children(), 0)
    }
}

fn nodes<'a>(children: impl Iterator<Item = NodeRef<'a, Node>>, depth: usize) -> Vec<HtmlNode> {
    children.filter_map(|node| convert(node, depth)).collect()
}

fn convert(node: NodeRef<'_, Node>, depth: usize) -> Option<HtmlNode> {
    match node.value() {
        Node::Text(text) => Some(HtmlNode::Text(text.to_string())),
        Node::Element(element) if depth >= MAX_HTML_DEPTH => {
            // Too deep: its text alone, gathered without recursion (and
            // without a script's or a style's).
            let _ = element;
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
