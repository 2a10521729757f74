//! JSON text → article model → inline markup → metadata: nothing may panic,
//! nothing that parses may hold a URL outside the allow-list, what is read
//! is written back as format v1 and reads back the same, and the two ways of
//! reading agree: from a parsed value (as the browser reads a `JSON.parse`d
//! object through serde-wasm-bindgen) and straight from the text.
#![no_main]

use article_format::{
    news_article_json_ld, parse_article, read_article, safe_url, to_json_text, Block, Inline,
    RichText, UrlUse,
};
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

    let from_value = parse_article(text);
    // The same document read from the text, without a value in between.
    let mut stream = serde_json::Deserializer::from_str(text);
    let from_text = read_article(&mut stream);
    let whole_json = serde_json::from_str::<serde_json::Value>(text).is_ok() && stream.end().is_ok();
    // Where the two ways differ by design: a value keeps the last of
    // repeated keys (as JSON.parse does) where serde's derives refuse them,
    // and lone surrogates and a byte order mark are mended before parsing.
    let differs_by_design = matches!(&from_text, Err(e) if e.message.starts_with("duplicate field"))
        || text.contains("\\u")
        || text.starts_with('\u{feff}');
    if whole_json && !differs_by_design {
        match (&from_value, &from_text) {
            (Ok(a), Ok(b)) => assert_eq!(a.article, b.article, "{text:?}"),
            (Err(a), Err(b)) => assert_eq!(a.path, b.path, "{text:?}: {a} / {b}"),
            (a, b) => panic!("{text:?}: from a value {a:?}, from the text {b:?}"),
        }
    }

    if let Ok(parsed) = from_value {
        let article = parsed.article;
        let _ = news_article_json_ld(&article, true, &|_| None);
        let again = parse_article(&to_json_text(&article)).expect("written back, it reads");
        assert_eq!(again.article, article, "format v1 round trip of {text:?}");
        for block in &article.body {
            match block {
                Block::Paragraph(p) => check_links(&p.text.0),
                Block::Heading(h) => check_links(&h.text.0),
                Block::Quote(q) => check_links(&q.text.0),
                Block::List(l) => l.items.iter().for_each(|i| check_links(&i.0)),
                Block::Image(_) | Block::ReadAlso(_) | Block::Unknown(_) => {}
            }
        }
    }
});
