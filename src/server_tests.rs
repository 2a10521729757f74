//! The server renderer's HTML, read back with a real HTML parser
//! (html5ever, through scraper): what a reader without script gets, what
//! the browser hydrates, and that no article text can break out of it.

use super::*;
// The hostile corpus of format v1, as every renderer of articles reads it.
#[allow(dead_code)]
#[path = "../tests/hostile/corpus.rs"]
mod corpus;
use crate::model::{is_relative, parse_article, safe_url, UrlUse};
use corpus::{Expect, CORPUS};
use scraper::{CaseSensitivity, ElementRef, Html, Selector};

fn sample(name: &str) -> Article {
    let text = std::fs::read_to_string(format!("www/articles/{name}.json")).unwrap();
    parse_article(&text).unwrap().article
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(element: ElementRef) -> String {
    element.text().collect::<String>()
}

/// Elements and attributes the page is made of; anything else in the
/// output would come from somewhere it must not.
const ELEMENTS: &[&str] = &[
    "a",
    "article",
    "aside",
    "bdi",
    "blockquote",
    "br",
    "details",
    "div",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "header",
    "img",
    "li",
    "nav",
    "ol",
    "p",
    "path",
    "section",
    "span",
    "strong",
    "summary",
    "svg",
    "time",
    "ul",
    "cite",
    "small",
    "h5",
    "h6",
];
const ATTRIBUTES: &[&str] = &[
    "class",
    "part",
    "lang",
    "dir",
    "href",
    "rel",
    "src",
    "alt",
    "width",
    "height",
    "loading",
    "decoding",
    "datetime",
    "aria-label",
    "aria-labelledby",
    "aria-hidden",
    "focusable",
    "viewBox",
    "d",
    "title",
    "id",
    "role",
    "target",
    "srcset",
    "sizes",
    "fetchpriority",
    "cite",
    "hreflang",
    "aria-busy",
];

/// Checks the whole output: one element with one declarative shadow root
/// and one data island, JSON-LD beside it, nothing else; every element
/// and attribute in the shadow root on the allow-list, every URL safe.
fn assert_well_formed(html: &str, case: &str) -> Html {
    let document = Html::parse_fragment(html);
    assert_eq!(select(&document, "article-widget").len(), 1, "{case}");
    let templates = select(&document, "article-widget > template[shadowrootmode=open]");
    assert_eq!(templates.len(), 1, "{case}: one declarative shadow root");
    assert_eq!(
        select(&document, "template").len(),
        1,
        "{case}: no other template"
    );
    let scripts = select(&document, "script");
    assert_eq!(
        scripts.len(),
        2 - usize::from(!html.contains("ld+json")),
        "{case}: only the island and the JSON-LD"
    );
    assert_eq!(
        select(
            &document,
            "article-widget > script[type='application/json']"
        )
        .len(),
        1,
        "{case}"
    );
    for element in templates[0].descendants().filter_map(ElementRef::wrap) {
        let name = element.value().name();
        if matches!(name, "link" | "template") {
            continue;
        }
        assert!(
            ELEMENTS.contains(&name),
            "{case}: element <{name}> in the output"
        );
        for (attribute, value) in element.value().attrs() {
            let allowed = ATTRIBUTES.contains(&attribute)
                || attribute.starts_with("data-aw-")
                || (name == "details" && attribute == "open");
            assert!(
                allowed,
                "{case}: attribute {attribute}={value:?} on <{name}>"
            );
            if matches!(attribute, "href" | "src") {
                let usage = if attribute == "src" {
                    UrlUse::Image
                } else {
                    UrlUse::Link
                };
                let relative = is_relative(value);
                assert!(
                    relative || safe_url(value, usage).as_deref() == Some(value),
                    "{case}: unsafe {attribute} {value:?}"
                );
            }
        }
    }
    document
}

#[test]
fn samples_render_readable_pages_with_no_script() {
    for name in ["night-ferry", "havnebadet", "al-mina"] {
        let article = sample(name);
        let html = render_html(&article, &RenderOptions::default());
        let document = assert_well_formed(&html, name);
        let headline = select(&document, "h1");
        assert_eq!(text_of(headline[0]), article.title, "{name}");
        // Needs script, so absent: the bell, the donation prompt, any button.
        assert!(
            select(&document, "button").is_empty(),
            "{name}: a button with no script"
        );
        assert!(
            select(&document, ".aw-bell, .aw-donation").is_empty(),
            "{name}"
        );
        // The byline, dateline, pictures with captions, and the lists.
        assert!(!select(&document, "time").is_empty(), "{name}");
        if article.image.is_some() {
            assert!(!select(&document, "figure figcaption").is_empty(), "{name}");
        }
        assert_eq!(
            !select(&document, ".aw-related li, .aw-latest li").is_empty(),
            !article.related.is_empty() || !article.latest.is_empty(),
            "{name}"
        );
        // The same input gives the same bytes.
        assert!(
            html == render_html(&article, &RenderOptions::default()),
            "{name}: not deterministic"
        );
        // The recorded shape is the shape of what was written.
        let container = select(&document, ".aw-container")[0];
        assert_eq!(
            container.value().attr(SHAPE_ATTRIBUTE).unwrap(),
            shape_hash(&shape_of(&container.inner_html())),
            "{name}"
        );
    }
}

#[test]
fn share_links_work_without_script() {
    let html = render_html(&sample("havnebadet"), &RenderOptions::default());
    let document = Html::parse_fragment(&html);
    let summary = select(&document, "details.aw-share-links > summary");
    assert_eq!(text_of(summary[0]), "Del");
    let links = select(&document, "details.aw-share-links a[href]");
    assert!(links.len() >= 3);
    assert!(links.iter().all(
        |link| link.value().attr("href").unwrap().starts_with("https://")
            || link.value().attr("href").unwrap().starts_with("mailto:")
    ));
    // The AI badge's policy link is there too.
    assert!(html.contains("KI") || !html.contains("aw-ai"));
}

#[test]
fn a_premium_article_leaves_the_server_cut_unless_the_reader_is_entitled() {
    let article = sample("night-ferry");
    // A paragraph after the teaser's two blocks.
    let words: String = article
        .blocks()
        .skip(2)
        .find_map(|block| match block {
            crate::model::Block::Paragraph(paragraph) => Some(paragraph.text.plain_text()),
            _ => None,
        })
        .unwrap()
        .chars()
        .take(40)
        .collect();

    let cut = render_html(&article, &RenderOptions::default());
    let document = assert_well_formed(&cut, "premium");
    assert!(
        !cut.contains(&words),
        "the rest of a premium article left the server"
    );
    assert_eq!(select(&document, ".aw-body > p").len(), 2);
    assert_eq!(select(&document, "section.aw-paywall").len(), 1);
    let island = text_of(select(&document, "article-widget > script")[0]);
    let served = parse_article(&island).unwrap().article;
    assert_eq!(served.body.len(), 2, "the island holds the teaser only");
    let json_ld: serde_json::Value = serde_json::from_str(&text_of(
        select(&document, "script[type='application/ld+json']")[0],
    ))
    .unwrap();
    assert_eq!(json_ld["isAccessibleForFree"], false);
    // Nothing paywalled was sent, so nothing is marked as such.
    assert!(json_ld.get("hasPart").is_none());
    assert!(select(&document, ".aw-paywalled").is_empty());

    let entitled = RenderOptions {
        entitled: true,
        ..RenderOptions::default()
    };
    let whole = render_html(&article, &entitled);
    let document = assert_well_formed(&whole, "premium, entitled");
    assert!(whole.contains(&words));
    assert!(select(&document, "section.aw-paywall").is_empty());
    assert_eq!(select(&document, "article-widget[entitled]").len(), 1);
    // Google's paywalled-content markup: the blocks past the teaser carry
    // the class the JSON-LD's hasPart names, and only they do.
    let teaser = article.access.as_ref().unwrap().teaser_blocks as usize;
    let shown = article.blocks().count();
    let marked: Vec<bool> = select(&document, ".aw-body > *")
        .iter()
        .map(|block| {
            block
                .value()
                .has_class("aw-paywalled", CaseSensitivity::CaseSensitive)
        })
        .collect();
    assert_eq!(marked.len(), shown);
    assert!(
        marked
            .iter()
            .enumerate()
            .all(|(i, &paywalled)| paywalled == (i >= teaser)),
        "{marked:?}"
    );
    let json_ld: serde_json::Value = serde_json::from_str(&text_of(
        select(&document, "script[type='application/ld+json']")[0],
    ))
    .unwrap();
    assert_eq!(json_ld["hasPart"]["isAccessibleForFree"], false);
    assert_eq!(json_ld["hasPart"]["cssSelector"], ".aw-paywalled");
    assert_ne!(
        select(&document, ".aw-container")[0]
            .value()
            .attr(FINGERPRINT_ATTRIBUTE),
        Html::parse_fragment(&cut)
            .select(&Selector::parse(".aw-container").unwrap())
            .next()
            .unwrap()
            .value()
            .attr(FINGERPRINT_ATTRIBUTE)
    );
}

#[test]
fn a_metered_article_is_sent_whole_for_the_browser_to_meter() {
    let mut article = sample("havnebadet");
    article.access.as_mut().unwrap().model = crate::model::AccessModel::Metered;
    let html = render_html(&article, &RenderOptions::default());
    let document = assert_well_formed(&html, "metered");
    assert!(select(&document, "section.aw-paywall").is_empty());
    assert_eq!(
        select(&document, ".aw-body > *").len(),
        article.blocks().count()
    );
}

#[test]
fn options_become_attributes_escaped() {
    let options = RenderOptions {
        lang: Some("nb".into()),
        theme: Some("dark\"><script>alert(1)</script>".into()),
        assets: "https://cdn.example/aw/?a=\"b\"&c=<d>".into(),
        ..RenderOptions::default()
    };
    let html = render_html(&sample("night-ferry"), &options);
    let document = assert_well_formed(&html, "options");
    let host = select(&document, "article-widget")[0];
    assert_eq!(host.value().attr("lang"), Some("nb"));
    assert_eq!(host.value().attr("theme"), options.theme.as_deref());
    let link = select(&document, "link[rel=stylesheet]")[0];
    assert_eq!(
        link.value().attr("href"),
        Some("https://cdn.example/aw/?a=\"b\"&c=<d>article-widget.css")
    );
    // The widget's script and wasm start downloading with the page.
    let wasm = select(&document, "link[rel=preload][as=fetch][crossorigin]")[0];
    assert_eq!(
        wasm.value().attr("href"),
        Some("https://cdn.example/aw/?a=\"b\"&c=<d>article-widget_bg.wasm")
    );
    assert_eq!(select(&document, "link[rel=modulepreload]").len(), 1);
    // UI strings follow `lang`.
    assert_eq!(
        text_of(select(&document, "summary.aw-share-button")[0]),
        "Del"
    );
    let without = RenderOptions {
        without_json_ld: true,
        ..RenderOptions::default()
    };
    assert!(!render_html(&sample("night-ferry"), &without).contains("ld+json"));
}

#[test]
fn card_limits_are_drawn_and_written_for_hydration() {
    let article = sample("night-ferry");
    assert!(article.related.len() > 1 && article.latest.len() > 1);
    let options = RenderOptions {
        max_related: Some(1),
        max_latest: Some(1),
        ..RenderOptions::default()
    };
    let html = render_html(&article, &options);
    let document = assert_well_formed(&html, "limits");
    let host = select(&document, "article-widget")[0];
    assert_eq!(host.value().attr("max-related"), Some("1"));
    assert_eq!(host.value().attr("max-latest"), Some("1"));
    let unlimited = render_html(&article, &RenderOptions::default());
    let count = |html: &str, selector: &str| select(&Html::parse_document(html), selector).len();
    assert_eq!(count(&html, ".aw-related li"), 1);
    assert!(count(&unlimited, ".aw-related li") > 1);
    // The fingerprint the browser compares holds the limits.
    let fingerprint = |html: &str| {
        select(&Html::parse_document(html), ".aw-container")[0]
            .value()
            .attr(FINGERPRINT_ATTRIBUTE)
            .map(str::to_owned)
    };
    assert_ne!(fingerprint(&html), fingerprint(&unlimited));
}

#[test]
fn json_ld_urls_are_absolute_against_the_articles_page() {
    let html = render_html(&sample("night-ferry"), &RenderOptions::default());
    let document = Html::parse_document(&html);
    let script = select(&document, "script[type=\"application/ld+json\"]")[0];
    let ld: serde_json::Value = serde_json::from_str(&text_of(script)).unwrap();
    // The sample's picture and logo are `../images/…`.
    assert_eq!(
        ld["image"][0],
        "https://harbour-herald.example/images/night-ferry.svg"
    );
    assert_eq!(
        ld["publisher"]["logo"]["url"],
        "https://harbour-herald.example/images/logo.svg"
    );
    let mut unplaced = sample("night-ferry");
    unplaced.url = None;
    let html = render_html(&unplaced, &RenderOptions::default());
    let document = Html::parse_document(&html);
    let script = select(&document, "script[type=\"application/ld+json\"]")[0];
    let ld: serde_json::Value = serde_json::from_str(&text_of(script)).unwrap();
    assert!(
        ld.get("image").is_none(),
        "no page, no relative picture: {ld}"
    );
}

#[test]
fn render_options_refuse_what_they_do_not_know() {
    let purple = RenderOptions {
        theme: Some("purple".into()),
        ..RenderOptions::default()
    };
    assert_eq!(
        purple.checked().unwrap_err(),
        "theme: expected light, dark or auto, found \"purple\""
    );
    for theme in ["light", "dark", "auto"] {
        let options = RenderOptions {
            theme: Some(theme.into()),
            ..RenderOptions::default()
        };
        assert!(options.checked().is_ok(), "{theme}");
    }
    let unknown = serde_json::from_str::<RenderOptions>(r#"{"maxRelated": 2, "colour": "red"}"#);
    let message = unknown.unwrap_err().to_string();
    assert!(message.contains("unknown field `colour`"), "{message}");
    let known: RenderOptions =
        serde_json::from_str(r#"{"maxRelated": 2, "maxLatest": 5}"#).unwrap();
    assert_eq!((known.max_related, known.max_latest), (Some(2), Some(5)));
}

#[test]
fn every_hostile_case_that_renders_renders_safely_on_a_server() {
    let mut rendered = 0;
    for (case, text, expect) in CORPUS {
        if matches!(expect, Expect::Refused(_)) {
            continue;
        }
        let article = parse_article(text)
            .unwrap_or_else(|e| panic!("{case}: {e}"))
            .article;
        for entitled in [false, true] {
            let options = RenderOptions {
                entitled,
                ..RenderOptions::default()
            };
            let html = render_html(&article, &options);
            assert_well_formed(&html, case);
            // Nothing closed the shadow root or a script early.
            assert_eq!(html.matches("</template>").count(), 1, "{case}");
            assert_eq!(html.matches("</script>").count(), 2, "{case}");
            assert_eq!(html.matches("<script").count(), 2, "{case}");
        }
        rendered += 1;
    }
    assert!(rendered > 30, "{rendered} cases rendered");
}

/// Night ferry, metered (the browser meters it), with no hero picture: the
/// meter note's place is then right under the header.
fn metered_night_ferry() -> crate::model::Article {
    let mut article = sample("night-ferry");
    article.access.as_mut().unwrap().model = crate::model::AccessModel::Metered;
    article.image = None;
    article
}

/// A server cannot know the reader's meter: it keeps the meter note's place
/// (one hidden line) for the note the live page writes there, so that
/// nothing below it moves; not for a subscriber, nor on another model.
#[test]
fn a_metered_article_keeps_the_meter_notes_place() {
    let html = render_html(&metered_night_ferry(), &RenderOptions::default());
    let document = assert_well_formed(&html, "metered");
    let places = select(&document, "p.aw-meter-note");
    assert_eq!(places.len(), 1, "{html}");
    assert_eq!(places[0].value().attr("aria-hidden"), Some("true"));
    assert_eq!(places[0].text().collect::<String>(), "\u{a0}");
    let entitled = RenderOptions {
        entitled: true,
        ..RenderOptions::default()
    };
    for (html, case) in [
        (render_html(&metered_night_ferry(), &entitled), "entitled"),
        (
            render_html(&sample("night-ferry"), &RenderOptions::default()),
            "premium",
        ),
        (
            render_html(&sample("havnebadet"), &RenderOptions::default()),
            "free",
        ),
    ] {
        let document = assert_well_formed(&html, case);
        assert!(select(&document, ".aw-meter-note").is_empty(), "{case}");
    }
}

/// The server-rendered pages the browser suite hydrates
/// (tests/browser/fixtures/), kept equal to what the renderer writes now:
/// `UPDATE_FIXTURES=1 cargo test fixtures` writes them again.
#[test]
fn browser_fixtures_are_current() {
    // A premium article whose wall message and title are U+0000 alone.
    let mut nul = sample("night-ferry");
    nul.access.as_mut().unwrap().message = Some("\u{0}".into());
    nul.title = "\u{0}".into();
    for (name, article, options) in [
        (
            "night-ferry",
            sample("night-ferry"),
            RenderOptions::default(),
        ),
        (
            "havnebadet",
            sample("havnebadet"),
            RenderOptions {
                lang: Some("nb".into()),
                ..RenderOptions::default()
            },
        ),
        ("nul", nul, RenderOptions::default()),
        ("metered", metered_night_ferry(), RenderOptions::default()),
    ] {
        let path = format!("tests/browser/fixtures/ssr-{name}.html");
        let html = render_html(&article, &options);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all("tests/browser/fixtures").unwrap();
            std::fs::write(&path, &html).unwrap();
        }
        assert!(
            std::fs::read_to_string(&path).unwrap_or_default() == html,
            "{path} is out of date: UPDATE_FIXTURES=1 cargo test fixtures"
        );
    }
}

/// U+0000 in any text (here the wall's message, the title and the lede of
/// a premium article): a browser's parser drops it from text, so a text
/// node of it alone would vanish and hydration would find one node too few.
/// It is written as U+FFFD, and the shape written is the shape parsed.
#[test]
fn text_the_parser_would_drop_keeps_its_node() {
    let mut article = sample("night-ferry");
    article.access.as_mut().unwrap().message = Some("\u{0}".into());
    article.title = "\u{0}".into();
    let html = render_html(&article, &RenderOptions::default());
    assert!(!html.contains('\u{0}'));
    let document = assert_well_formed(&html, "NUL");
    let container = select(&document, ".aw-container")[0];
    assert_eq!(
        container.value().attr(SHAPE_ATTRIBUTE).unwrap(),
        shape_hash(&shape_of(&container.inner_html())),
    );
    assert_eq!(text_of(select(&document, "h1")[0]), "\u{fffd}");
}

/// The recorded shape is the HTML as written: markup a parser would build
/// differently (a block closing a paragraph early, a dropped NUL, a
/// misnested end tag) gives a shape the browser's DOM will not have, so the
/// browser draws that widget afresh instead of hydrating it.
#[test]
fn the_written_shape_differs_wherever_a_parser_rewrites() {
    for (html, parsed_differently) in [
        ("<p>a<b>b</b></p><img src=x><!---->", false),
        ("<svg><path d=\"M0\"/></svg><br>", false),
        ("<p><div>x</div></p>", true),
        ("<p>\u{0}</p>", true),
        ("<table>x<tr><td>y</td></tr></table>", true),
    ] {
        assert_eq!(
            written_shape(html) != shape_of(html),
            parsed_differently,
            "{html:?}: written {} parsed {}",
            written_shape(html),
            shape_of(html)
        );
    }
}

/// Every language has its UI words and dates on the server; a language
/// whose strings are a file of their own names it for the browser (which
/// fetches it before hydrating) and preloads it.
#[test]
fn languages_draw_their_own_words_and_name_their_strings_file() {
    let mut article = sample("havnebadet");
    article.lang = Some("sv-SE".into());
    let html = render_html(&article, &RenderOptions::default());
    let document = Html::parse_fragment(&html);
    assert_eq!(
        text_of(select(&document, ".aw-byline")[0]),
        "Av Ingrid Solvik och Petter Aas"
    );
    assert_eq!(
        text_of(select(&document, ".aw-dateline time")[0]),
        "20 november 2026"
    );
    assert_eq!(
        text_of(select(&document, ".aw-updated")[0]),
        "Uppdaterad 20 november 2026 kl. 14:05"
    );
    assert_eq!(
        select(&document, ".aw-container")[0]
            .value()
            .attr(STRINGS_ATTRIBUTE),
        Some("sv")
    );
    assert_eq!(
        select(
            &document,
            "link[rel=preload][as=fetch][href='strings/sv.json'][crossorigin]"
        )
        .len(),
        1
    );
    // Built-in languages need no file.
    let english = render_html(&sample("night-ferry"), &RenderOptions::default());
    assert!(!english.contains(STRINGS_ATTRIBUTE) && !english.contains("strings/"));
}

/// UI words foreign to the article's language (English ones in a Hebrew
/// article, which has no strings of its own) carry their own language and
/// direction, and every name is isolated, so neither direction reorders
/// the other.
#[test]
fn foreign_ui_words_and_names_are_isolated() {
    let mut article = sample("al-mina");
    article.lang = Some("he".into());
    let html = render_html(&article, &RenderOptions::default());
    let document = Html::parse_fragment(&html);
    let byline = select(&document, ".aw-byline > span[lang=en][dir=ltr]");
    assert_eq!(byline.len(), 1, "{html}");
    assert!(text_of(byline[0]).starts_with("By "));
    assert_eq!(
        select(&document, ".aw-byline bdi, .aw-byline a[dir=auto]").len(),
        article.authors.len()
    );
    assert_eq!(
        select(&document, ".aw-dateline > span[lang=en][dir=ltr] > time").len(),
        1
    );
    assert_eq!(select(&document, ".aw-page[dir=rtl]").len(), 1);
    // In its own language: no marking needed.
    let arabic = render_html(&sample("al-mina"), &RenderOptions::default());
    let document = Html::parse_fragment(&arabic);
    assert!(select(&document, ".aw-byline span[lang]").is_empty());
    assert!(text_of(select(&document, ".aw-byline")[0]).starts_with("بقلم "));
}
