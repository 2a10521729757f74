//! JSON text → article model → inline markup → metadata: nothing may panic,
//! nothing that parses may hold a URL outside the allow-list, and the
//! widget's JSON reader accepts what serde_json accepts.
#![no_main]

use article_widget::model::json;
use article_widget::model::{news_article_json_ld, parse_article, safe_url, Block, Inline, RichText, UrlUse};
use libfuzzer_sys::fuzz_target;

fn check_links(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(_) => {}
            Inline::Strong(c) | Inline::Emphasis(c) => check_links(c),
            Inline::Link { href, children } => {
                assert_eq!(safe_url(href, UrlUse::Link).as_deref(), Some(href.as_str()));
                check_links(children);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = json::parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => assert!(ours.is_ok(), "serde_json reads {text:?}, ours: {ours:?}"),
        // Numbers are kept as written, so ours has no range limit.
        Err(e) if e.to_string().starts_with("number out of range") => {}
        // serde_json's depth limit counts differently at the edge.
        Err(e) if e.to_string().starts_with("recursion limit") => {}
        Err(e) => assert!(ours.is_err(), "ours reads {text:?}, serde_json: {e}"),
    }
    check_links(&RichText::parse(text).0);
    if let Ok(parsed) = parse_article(text) {
        let article = parsed.article;
        let _ = news_article_json_ld(&article, true);
        for block in &article.body {
            match block {
                Block::Paragraph(p) => check_links(&p.text.0),
                Block::Heading(h) => check_links(&h.text.0),
                Block::Quote(q) => check_links(&q.text.0),
                Block::List(l) => l.items.iter().for_each(|i| check_links(&i.0)),
                Block::Image(_) | Block::ReadAlso(_) => {}
            }
        }
    }
});
