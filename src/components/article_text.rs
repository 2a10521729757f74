//! Article text as markup steps (see `markup`): inline markup, body blocks,
//! figures, "Read also:" links, related-article cards and the latest-news
//! list. Plain functions, so the same steps make DOM nodes in the browser
//! and HTML text in tests.

use crate::i18n::DateStyle;
use crate::i18n::{explain_source_type, Text};
use crate::markup_steps::Markup;
use crate::model::{
    AiDisclosure, Article, Author, Block, DateTime, Heading, Image, Inline, Lang, LatestItem, List,
    Paragraph, Publisher, Quote, ReadAlso, RelatedArticle, RichText,
};

/// UI strings by key.
pub type Strings<'a> = &'a dyn Fn(Text) -> String;
/// A date as the page shows it, in a style.
pub type Dates<'a> = &'a dyn Fn(&DateTime, DateStyle) -> String;

/// The top of the header: section kicker, headline, lede, byline and
/// dateline (the share button and the bell follow, as views). `ui` is the
/// UI language when it is not the article's (an Arabic article with
/// English UI words): the byline's and dateline's words are then marked as
/// that language and isolated, so that neither direction reorders the
/// other ("By ليلى حداد", not "ليلى حداد By").
pub fn headline(
    m: &mut dyn Markup,
    article: &Article,
    ui: Option<Lang>,
    strings: Strings,
    dates: Dates,
) {
    if let Some(section) = &article.section {
        text_element(m, "p", "aw-kicker", section);
    }
    m.open("h1");
    m.attr("class", "aw-headline");
    m.attr("part", "headline");
    m.text(&article.title);
    m.close();
    if let Some(lede) = &article.lede {
        m.open("p");
        m.attr("class", "aw-lede");
        m.attr("part", "lede");
        rich_text(m, lede);
        m.close();
    }
    m.open("div");
    m.attr("class", "aw-meta");
    byline(m, &article.authors, ui, strings);
    dateline(
        m,
        article.published.as_ref(),
        article.updated.as_ref(),
        ui,
        strings,
        dates,
    );
    m.close();
}

/// Opens a `<span>` in the UI language, when it is not the article's.
fn open_in_ui_language(m: &mut dyn Markup, ui: Option<Lang>) {
    if let Some(ui) = ui {
        m.open("span");
        m.attr("lang", ui.code());
        m.attr("dir", ui.direction());
    }
}

fn close_in_ui_language(m: &mut dyn Markup, ui: Option<Lang>) {
    if ui.is_some() {
        m.close();
    }
}

/// An element with a class and plain text.
fn text_element(m: &mut dyn Markup, tag: &'static str, class: &str, text: &str) {
    m.open(tag);
    m.attr("class", class);
    m.text(text);
    m.close();
}

/// "By Kari Nordmann and Ola Hansen", each name a link where the article
/// gives one, each isolated (a name may be written in either direction).
/// Nothing when there are no authors.
fn byline(m: &mut dyn Markup, authors: &[Author], ui: Option<Lang>, strings: Strings) {
    if authors.is_empty() {
        return;
    }
    m.open("p");
    m.attr("class", "aw-byline");
    m.attr("part", "byline");
    open_in_ui_language(m, ui);
    m.text(&strings(Text::By));
    m.text(" ");
    for (index, author) in authors.iter().enumerate() {
        if index > 0 && index + 1 == authors.len() {
            m.text(&format!(" {} ", strings(Text::And)));
        } else if index > 0 {
            m.text(", ");
        }
        match &author.url {
            Some(url) => {
                m.open("a");
                m.attr("href", url);
                m.attr("rel", "author");
                m.attr("dir", "auto");
                m.text(&author.name);
                m.close();
            }
            None => element(m, "bdi", |m| m.text(&author.name)),
        }
    }
    close_in_ui_language(m, ui);
    m.close();
}

/// The publication date in words ("1. november 2025"), and when the article
/// was updated, each in a `<time datetime>`.
fn dateline(
    m: &mut dyn Markup,
    published: Option<&DateTime>,
    updated: Option<&DateTime>,
    ui: Option<Lang>,
    strings: Strings,
    dates: Dates,
) {
    if published.is_none() && updated.is_none() {
        return;
    }
    m.open("p");
    m.attr("class", "aw-dateline");
    open_in_ui_language(m, ui);
    if let Some(published) = published {
        time(m, published, DateStyle::Long, dates);
    }
    if let Some(updated) = updated {
        m.open("span");
        m.attr("class", "aw-updated");
        m.text(&strings(Text::Updated));
        m.text(" ");
        time(m, updated, DateStyle::LongWithTime, dates);
        m.close();
    }
    close_in_ui_language(m, ui);
    m.close();
}

/// Who publishes the article, and the AI disclosure when AI took part.
/// Nothing when the article names neither.
pub fn publisher_block(m: &mut dyn Markup, article: &Article, lang: Lang, strings: Strings) {
    if article.publisher.is_none() && article.ai_disclosure.is_none() {
        return;
    }
    m.open("div");
    m.attr("class", "aw-publisher");
    if let Some(Publisher { name, url, logo }) = &article.publisher {
        m.open("p");
        m.attr("class", "aw-publisher-name");
        if let Some(src) = logo {
            m.open("img");
            m.attr("class", "aw-publisher-logo");
            m.attr("src", src);
            m.attr("alt", "");
            m.attr("width", "24");
            m.attr("height", "24");
            m.close();
        }
        m.text(&strings(Text::PublishedBy));
        m.text(" ");
        link_or_text(m, url.as_deref(), None, name);
        m.close();
    }
    if let Some(disclosure) = &article.ai_disclosure {
        ai_badge(m, disclosure, lang, strings);
    }
    m.close();
}

/// The AI-disclosure badge: the newsroom's own statement verbatim, who is
/// responsible, a link to the AI policy, and a disclosure widget that
/// explains the source type in plain words.
fn ai_badge(m: &mut dyn Markup, disclosure: &AiDisclosure, lang: Lang, strings: Strings) {
    let title = strings(Text::AiBadgeTitle);
    m.open("aside");
    m.attr("class", "aw-ai-badge");
    m.attr("part", "ai-badge");
    m.attr("aria-label", &title);
    m.open("p");
    m.attr("class", "aw-ai-title");
    m.open("span");
    m.attr("class", "aw-ai-mark");
    m.attr("aria-hidden", "true");
    m.text(&strings(Text::AiMark));
    m.close();
    m.text(&title);
    m.close();
    text_element(m, "p", "aw-ai-text", &disclosure.text);
    if let Some(newsroom) = &disclosure.reviewed_by {
        m.open("p");
        m.attr("class", "aw-ai-newsroom");
        m.text(&strings(Text::AiResponsibleNewsroom));
        m.text(" ");
        m.text(newsroom);
        m.close();
    }
    m.open("details");
    m.attr("class", "aw-ai-details");
    element(m, "summary", |m| m.text(&strings(Text::AiWhatDoesThisMean)));
    element(m, "p", |m| {
        m.text(explain_source_type(disclosure.source_type_name(), lang));
    });
    m.close();
    if let Some(url) = &disclosure.policy_url {
        m.open("p");
        m.attr("class", "aw-ai-policy");
        link_or_text(m, Some(url), None, &strings(Text::AiPolicyLink));
        m.close();
    }
    m.close();
}

/// Opens `tag`, lets `content` fill it, closes it.
pub fn element(m: &mut dyn Markup, tag: &'static str, content: impl FnOnce(&mut dyn Markup)) {
    m.open(tag);
    content(m);
    m.close();
}

/// Inline text with its strong, emphasis and link runs.
pub fn rich_text(m: &mut dyn Markup, text: &RichText) {
    inlines(m, &text.0);
}

fn inlines(m: &mut dyn Markup, inlines_: &[Inline]) {
    for inline in inlines_ {
        match inline {
            Inline::Text(text) => m.text(text),
            Inline::Strong(children) => element(m, "strong", |m| inlines(m, children)),
            Inline::Emphasis(children) => element(m, "em", |m| inlines(m, children)),
            Inline::Link { href, children } => {
                m.open("a");
                m.attr("href", href);
                inlines(m, children);
                m.close();
            }
        }
    }
}

/// One block of the article body: exactly one element.
pub fn block(m: &mut dyn Markup, block: &Block, strings: Strings) {
    match block {
        Block::Paragraph(Paragraph { text }) => element(m, "p", |m| rich_text(m, text)),
        Block::Heading(Heading { text, level }) => {
            let tag = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            element(m, tag, |m| rich_text(m, text));
        }
        Block::Image(image) => figure(m, image, false),
        Block::Quote(Quote { text, cite }) => {
            m.open("figure");
            m.attr("part", "quote");
            m.attr("class", "aw-quote");
            element(m, "blockquote", |m| element(m, "p", |m| rich_text(m, text)));
            if let Some(cite) = cite {
                element(m, "figcaption", |m| m.text(cite));
            }
            m.close();
        }
        Block::List(List { items, ordered }) => {
            element(m, if *ordered { "ol" } else { "ul" }, |m| {
                for item in items {
                    element(m, "li", |m| rich_text(m, item));
                }
            });
        }
        Block::ReadAlso(read_also) => read_also_link(m, read_also, strings),
        // Never shown: `Article::blocks` leaves unknown types out.
        Block::Unknown(_) => {}
    }
}

/// A picture with its caption and credit. The image keeps its space while it
/// loads (its width and height, or a 3:2 box), so nothing shifts. The hero
/// picture loads at once and shows wide; body pictures load lazily.
pub fn figure(m: &mut dyn Markup, image: &Image, hero: bool) {
    m.open("figure");
    m.attr("part", "figure");
    m.attr(
        "class",
        if hero {
            "aw-figure aw-hero"
        } else {
            "aw-figure"
        },
    );
    if let Some(src) = &image.src {
        m.open("img");
        m.attr("src", src);
        m.attr("alt", &image.alt);
        let sized = match (image.width, image.height) {
            (Some(width), Some(height)) => {
                m.attr("width", &width.to_string());
                m.attr("height", &height.to_string());
                true
            }
            (width, height) => {
                if let Some(width) = width {
                    m.attr("width", &width.to_string());
                }
                if let Some(height) = height {
                    m.attr("height", &height.to_string());
                }
                false
            }
        };
        m.attr(
            "class",
            if sized {
                "aw-img"
            } else {
                "aw-img aw-img-unsized"
            },
        );
        m.attr("loading", if hero { "eager" } else { "lazy" });
        m.attr("decoding", "async");
        m.close();
    }
    if image.caption.is_some() || image.credit.is_some() {
        m.open("figcaption");
        if let Some(caption) = &image.caption {
            rich_text(m, caption);
        }
        if let Some(credit) = &image.credit {
            m.text(" ");
            m.open("span");
            m.attr("class", "aw-credit");
            m.attr("part", "credit");
            m.text(credit);
            m.close();
        }
        m.close();
    }
    m.close();
}

/// "Read also:" and a link to another article, with a padlock when that
/// article is for subscribers.
fn read_also_link(m: &mut dyn Markup, read_also: &ReadAlso, strings: Strings) {
    m.open("p");
    m.attr("class", "aw-read-also");
    m.open("span");
    m.attr("class", "aw-read-also-label");
    m.text(&strings(Text::ReadAlso));
    m.close();
    m.text(" ");
    if read_also.premium {
        premium_badge(m, strings);
    }
    link_or_text(m, read_also.url.as_deref(), None, &read_also.title);
    m.close();
}

/// A decorative 16 × 16 icon drawn at `size` pixels: hidden from screen
/// readers (its button or badge has words). Written as markup steps rather
/// than in `view!`, whose fully static parts are made from HTML text
/// through `innerHTML`, which Trusted Types would refuse.
pub fn icon(m: &mut dyn Markup, path: &str, size: &str, class: Option<&str>) {
    m.open_svg("svg");
    if let Some(class) = class {
        m.attr("class", class);
    }
    m.attr("viewBox", "0 0 16 16");
    m.attr("width", size);
    m.attr("height", size);
    m.attr("aria-hidden", "true");
    m.attr("focusable", "false");
    m.open_svg("path");
    m.attr("d", path);
    m.close();
    m.close();
}

/// The share icon (the share button's and the share links').
pub const SHARE_PATH: &str = "M12 10a2 2 0 0 0-1.6.8L5.9 8.5a2 2 0 0 0 0-1l4.5-2.3A2 2 0 1 0 10 4l-4.5 2.3a2 2 0 1 0 0 3.4L10 12a2 2 0 1 0 2-2z";

/// One share link: its address, visible label and accessible name.
pub struct ShareLink {
    pub href: String,
    pub label: String,
    pub name: String,
}

/// Share links in a `<details>` disclosure, which opens with no script:
/// `summary` is the toggle's text, `menu_name` the list's name.
pub fn share_links(m: &mut dyn Markup, links: &[ShareLink], summary: &str, menu_name: &str) {
    m.open("details");
    m.attr("class", "aw-share aw-share-links");
    m.attr("part", "share");
    m.open("summary");
    m.attr("class", "aw-action-button aw-share-button");
    m.attr("part", "button");
    icon(m, SHARE_PATH, "16", None);
    m.text(summary);
    m.close();
    m.open("ul");
    m.attr("class", "aw-menu");
    m.attr("part", "share-menu");
    m.attr("aria-label", menu_name);
    for link in links {
        m.open("li");
        m.open("a");
        m.attr("class", "aw-menu-item");
        m.attr("part", "menu-item");
        m.attr("href", &link.href);
        m.attr("rel", "noopener noreferrer");
        m.attr("aria-label", &link.name);
        m.text(&link.label);
        m.close();
        m.close();
    }
    m.close();
    m.close();
}

const PADLOCK_PATH: &str = "M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z";

/// A padlock that tells, in words for screen readers, that an article is
/// for subscribers only; a space keeps "Subscribers only" apart from the
/// headline that follows when the two are read out as one name.
fn premium_badge(m: &mut dyn Markup, strings: Strings) {
    m.open("span");
    m.attr("class", "aw-premium");
    icon(m, PADLOCK_PATH, "14", Some("aw-padlock"));
    m.open("span");
    m.attr("class", "aw-visually-hidden");
    m.text(&strings(Text::SubscribersOnly));
    m.close();
    m.close();
    m.text(" ");
}

/// A labelled region (`nav`, `aside`) with its heading, then `content`.
pub fn titled_region(
    m: &mut dyn Markup,
    tag: &'static str,
    class: &str,
    label: &str,
    content: impl FnOnce(&mut dyn Markup),
) {
    m.open(tag);
    m.attr("class", class);
    // The `::part()` name is the class without its `aw-` prefix.
    m.attr("part", class.trim_start_matches("aw-"));
    m.attr("aria-label", label);
    m.open("h2");
    m.attr("class", "aw-section-title");
    m.text(label);
    m.close();
    content(m);
    m.close();
}

/// `<time datetime=…>` with the date as the page shows it.
fn time(m: &mut dyn Markup, date: &DateTime, style: DateStyle, dates: Dates) {
    m.open("time");
    m.attr("datetime", &date.rfc3339);
    m.text(&dates(date, style));
    m.close();
}

/// A link, or the text alone when its URL failed the allow-list.
fn link_or_text(m: &mut dyn Markup, url: Option<&str>, class: Option<&str>, text: &str) {
    match url {
        Some(url) => {
            m.open("a");
            if let Some(class) = class {
                m.attr("class", class);
            }
            m.attr("href", url);
            m.text(text);
            m.close();
        }
        None => m.text(text),
    }
}

/// One related article: thumbnail, section, headline link, date, and a
/// padlock for subscriber articles. The whole card is clickable through the
/// headline link (CSS).
pub fn related_card(m: &mut dyn Markup, article: &RelatedArticle, strings: Strings, dates: Dates) {
    m.open("li");
    m.attr("class", "aw-card");
    m.attr("part", "card");
    m.open("div");
    m.attr("class", "aw-card-thumb");
    if let Some(src) = &article.image {
        m.open("img");
        m.attr("src", src);
        m.attr("alt", "");
        m.attr("width", "320");
        m.attr("height", "180");
        m.attr("loading", "lazy");
        m.attr("decoding", "async");
        m.close();
    }
    m.close();
    m.open("div");
    m.attr("class", "aw-card-text");
    if let Some(section) = &article.section {
        m.open("p");
        m.attr("class", "aw-card-section");
        m.text(section);
        m.close();
    }
    m.open("h3");
    m.attr("class", "aw-card-title");
    if article.premium {
        premium_badge(m, strings);
    }
    link_or_text(
        m,
        article.url.as_deref(),
        Some("aw-card-link"),
        &article.title,
    );
    m.close();
    if let Some(date) = &article.published {
        m.open("p");
        m.attr("class", "aw-card-date");
        time(m, date, DateStyle::Medium, dates);
        m.close();
    }
    m.close();
    m.close();
}

/// One line of the latest-news list: date and headline link.
pub fn latest_item(m: &mut dyn Markup, item: &LatestItem, dates: Dates) {
    m.open("li");
    if let Some(date) = &item.published {
        time(m, date, DateStyle::Medium, dates);
        m.text(" ");
    }
    link_or_text(m, item.url.as_deref(), None, &item.title);
    m.close();
}

// Natively: they read JSON text with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::UiStrings;
    use crate::markup_steps::{HtmlMarkup, TopLevel};
    use crate::model::Lang;

    #[test]
    fn each_block_is_one_closed_element() {
        let strings = UiStrings::new(Lang::En, Default::default());
        for json in [
            include_str!("../../www/articles/night-ferry.json"),
            include_str!("../../www/articles/havnebadet.json"),
        ] {
            let article = crate::model::parse_article(json).unwrap().article;
            for b in article.blocks() {
                let mut top = TopLevel::default();
                block(&mut top, b, &|text| strings.get(text));
                assert_eq!((top.elements, top.texts, top.depth), (1, 0, 0), "{b:?}");
            }
        }
    }

    #[test]
    fn inline_links_keep_their_text_and_escaped_url() {
        let text = RichText::parse("a <b> & [\"q\"](https://x.example/?a=1&b=\"2\")");
        let mut html = HtmlMarkup::default();
        element(&mut html, "p", |m| rich_text(m, &text));
        assert_eq!(
            html.html,
            "<p>a &lt;b&gt; &amp; <a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">\"q\"</a></p>"
        );
    }
}
