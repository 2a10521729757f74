//! Checks over a whole read article that every URL in it passed the one
//! allow-list and no link label carries a direction control: used by the
//! tests of every stage that produces articles (the hostile corpus here,
//! the feed converters in `article-feeds`).

use crate::{safe_url, Article, Block, Heading, Inline, Paragraph, Quote, UrlUse};

fn assert_safe_link(url: &str, usage: UrlUse, case: &str) {
    assert_eq!(
        safe_url(url, usage).as_deref(),
        Some(url),
        "{case}: {url:?} slipped through"
    );
}

fn assert_safe_inlines(inlines: &[Inline], case: &str) {
    for inline in inlines {
        match inline {
            Inline::Text(_) => {}
            Inline::Strong(children) | Inline::Emphasis(children) => {
                assert_safe_inlines(children, case)
            }
            Inline::Link { href, children } => {
                assert_safe_link(href, UrlUse::Link, case);
                assert!(
                    !href
                        .split(['/', '?', '#'])
                        .nth(2)
                        .unwrap_or_default()
                        .contains('@'),
                    "{case}: a user name before the host in {href:?}"
                );
                let mut label = String::new();
                crate::inline::push_plain(children, &mut label);
                assert!(
                    !label.contains(
                        |c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                    ),
                    "{case}: a direction control in the label {label:?}"
                );
                assert_safe_inlines(children, case);
            }
        }
    }
}

/// Every URL and inline link anywhere in the article passes the allow-list.
pub fn assert_safe(article: &Article, case: &str) {
    if let Some(url) = &article.url {
        assert_safe_link(url, UrlUse::Canonical, case);
    }
    let links = [article
        .ai_disclosure
        .as_ref()
        .and_then(|a| a.policy_url.as_deref())]
    .into_iter()
    .flatten()
    .chain(article.authors.iter().filter_map(|a| a.url.as_deref()))
    .chain(article.publisher.iter().filter_map(|p| p.url.as_deref()))
    .chain(article.related.iter().filter_map(|r| r.url.as_deref()))
    .chain(article.latest.iter().filter_map(|l| l.url.as_deref()))
    .chain(article.access.iter().flat_map(|a| {
        [
            a.subscribe_url.as_deref(),
            a.donate_url.as_deref(),
            a.login_url.as_deref(),
        ]
        .into_iter()
        .flatten()
    }));
    for url in links {
        assert_safe_link(url, UrlUse::Link, case);
    }
    let images = article
        .image
        .iter()
        .filter_map(|i| i.src.as_deref())
        .chain(article.publisher.iter().filter_map(|p| p.logo.as_deref()))
        .chain(article.related.iter().filter_map(|r| r.image.as_deref()));
    for src in images {
        assert_safe_link(src, UrlUse::Image, case);
    }
    if let Some(lede) = &article.lede {
        assert_safe_inlines(&lede.0, case);
    }
    for block in &article.body {
        match block {
            Block::Paragraph(Paragraph { text })
            | Block::Heading(Heading { text, .. })
            | Block::Quote(Quote { text, .. }) => assert_safe_inlines(&text.0, case),
            Block::List(list) => list
                .items
                .iter()
                .for_each(|item| assert_safe_inlines(&item.0, case)),
            Block::Image(image) => {
                if let Some(src) = &image.src {
                    assert_safe_link(src, UrlUse::Image, case);
                }
            }
            Block::ReadAlso(read_also) => {
                if let Some(url) = &read_also.url {
                    assert_safe_link(url, UrlUse::Link, case);
                }
            }
            Block::Unknown(_) => {}
        }
    }
}
