//! JSON text → article model → inline markup → metadata: nothing may panic,
//! and nothing that parses may hold a URL outside the allow-list.
#![no_main]

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
