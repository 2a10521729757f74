//! Relative URLs in a document resolve against the document's own address
//! when it has one (a feed on a CDN writes `"images/x.jpg"` meaning next to
//! the feed), as a browser resolves a stylesheet's `url()`. The resolving
//! itself is the caller's (the browser's URL parser); this walks every URL
//! an article has.

use super::url::is_relative;
use super::{Article, Block, Inline, RichText};

impl Article {
    /// Replaces every relative URL with `resolve(url)` (left as it is when
    /// that gives `None`). An in-page anchor (`#notes`) stays: it points into
    /// the page the article is shown on.
    pub fn resolve_relative_urls(&mut self, resolve: &dyn Fn(&str) -> Option<String>) {
        let fix = |url: &mut String| {
            if is_relative(url) {
                if let Some(absolute) = resolve(url) {
                    *url = absolute;
                }
            }
        };
        let fix_option = |url: &mut Option<String>| {
            if let Some(url) = url {
                fix(url);
            }
        };
        for author in &mut self.authors {
            fix_option(&mut author.url);
        }
        if let Some(publisher) = &mut self.publisher {
            fix_option(&mut publisher.url);
            fix_option(&mut publisher.logo);
        }
        if let Some(image) = &mut self.image {
            fix_option(&mut image.src);
        }
        if let Some(lede) = &mut self.lede {
            rich_text(lede, &fix);
        }
        for block in &mut self.body {
            match block {
                Block::Paragraph(p) => rich_text(&mut p.text, &fix),
                Block::Heading(h) => rich_text(&mut h.text, &fix),
                Block::Quote(q) => rich_text(&mut q.text, &fix),
                Block::List(l) => l.items.iter_mut().for_each(|item| rich_text(item, &fix)),
                Block::Image(image) => {
                    fix_option(&mut image.src);
                    if let Some(caption) = &mut image.caption {
                        rich_text(caption, &fix);
                    }
                }
                Block::ReadAlso(r) => {
                    fix_option(&mut r.url);
                }
                Block::Unknown(_) => {}
            }
        }
        for related in &mut self.related {
            fix_option(&mut related.url);
            fix_option(&mut related.image);
        }
        for item in &mut self.latest {
            fix_option(&mut item.url);
        }
        if let Some(ai) = &mut self.ai_disclosure {
            fix_option(&mut ai.policy_url);
        }
        if let Some(access) = &mut self.access {
            fix_option(&mut access.subscribe_url);
            fix_option(&mut access.login_url);
            fix_option(&mut access.donate_url);
        }
        // The push service's URLs resolve like the others; the worker's
        // path stays a path on the page's own origin.
        if let Some(push) = self.notifications.as_mut().and_then(|n| n.push.as_mut()) {
            fix(&mut push.subscribe_url);
            fix_option(&mut push.unsubscribe_url);
        }
    }
}

fn rich_text(text: &mut RichText, fix: &dyn Fn(&mut String)) {
    fn inlines(list: &mut [Inline], fix: &dyn Fn(&mut String)) {
        for inline in list {
            match inline {
                Inline::Text(_) => {}
                Inline::Strong(children) | Inline::Emphasis(children) => inlines(children, fix),
                Inline::Link { href, children } => {
                    fix(href);
                    inlines(children, fix);
                }
            }
        }
    }
    inlines(&mut text.0, fix);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse_article;

    #[test]
    fn relative_means_without_a_scheme_and_not_an_anchor() {
        for url in [
            "images/x.jpg",
            "/a/b",
            "//cdn.example/x",
            "?page=2",
            "x/a:b",
        ] {
            assert!(is_relative(url), "{url}");
        }
        for url in [
            "https://x.example/a",
            "mailto:a@b.example",
            "#notes",
            "data:image/png;base64,x",
        ] {
            assert!(!is_relative(url), "{url}");
        }
    }

    #[test]
    fn every_relative_url_is_resolved_and_anchors_stay() {
        let json = r##"{"id":"r","title":"t","published":"2026-11-01T10:00:00Z",
          "lede":"see [notes](#notes) and [x](x.html)",
          "authors":[{"name":"A","url":"staff/a"}],
          "publisher":{"name":"P","url":"/","logo":"logo.svg"},
          "image":{"src":"hero.jpg","alt":"a"},
          "body":[{"type":"paragraph","text":"**[b](b.html)**"},{"type":"image","src":"i.jpg","alt":"i"},
                  {"type":"readAlso","title":"t","url":"more.html"},{"type":"list","items":["[l](l.html)"]}],
          "related":[{"id":"1","title":"t","url":"r.html","image":"r.jpg"}],
          "latest":[{"id":"2","title":"t","url":"https://other.example/l"}],
          "aiDisclosure":{"text":"AI","policyUrl":"ai.html"},
          "access":{"model":"premium","subscribeUrl":"s.html"}}"##;
        let mut article = parse_article(json).unwrap().article;
        article.resolve_relative_urls(&|url| Some(format!("https://cdn.example/feed/{url}")));
        let text = crate::to_json_text(&article);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let at = |pointer: &str| value.pointer(pointer).unwrap().as_str().unwrap().to_owned();
        assert_eq!(at("/authors/0/url"), "https://cdn.example/feed/staff/a");
        assert_eq!(at("/publisher/url"), "https://cdn.example/feed//");
        assert_eq!(at("/publisher/logo"), "https://cdn.example/feed/logo.svg");
        assert_eq!(at("/image/src"), "https://cdn.example/feed/hero.jpg");
        assert_eq!(at("/body/1/src"), "https://cdn.example/feed/i.jpg");
        assert_eq!(at("/body/2/url"), "https://cdn.example/feed/more.html");
        assert_eq!(at("/related/0/url"), "https://cdn.example/feed/r.html");
        assert_eq!(at("/related/0/image"), "https://cdn.example/feed/r.jpg");
        assert_eq!(at("/latest/0/url"), "https://other.example/l");
        assert_eq!(
            at("/aiDisclosure/policyUrl"),
            "https://cdn.example/feed/ai.html"
        );
        assert_eq!(
            at("/access/subscribeUrl"),
            "https://cdn.example/feed/s.html"
        );
        // Links inside text (kept with their resolved address).
        let links = |text: &RichText| {
            let mut found = Vec::new();
            fn walk(list: &[Inline], found: &mut Vec<String>) {
                for inline in list {
                    match inline {
                        Inline::Link { href, children } => {
                            found.push(href.clone());
                            walk(children, found);
                        }
                        Inline::Strong(c) | Inline::Emphasis(c) => walk(c, found),
                        Inline::Text(_) => {}
                    }
                }
            }
            walk(&text.0, &mut found);
            found
        };
        assert_eq!(
            links(article.lede.as_ref().unwrap()),
            ["#notes", "https://cdn.example/feed/x.html"]
        );
        let Block::Paragraph(p) = &article.body[0] else {
            panic!()
        };
        assert_eq!(links(&p.text), ["https://cdn.example/feed/b.html"]);
        let Block::List(l) = &article.body[3] else {
            panic!()
        };
        assert_eq!(links(&l.items[0]), ["https://cdn.example/feed/l.html"]);
    }
}
