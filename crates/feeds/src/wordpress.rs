//! WordPress REST API posts (`/wp-json/wp/v2/posts/ID?_embed`): the fields
//! read are below; everything else of WordPress's is ignored.

use super::dates::{publication_date, wordpress_date};
use super::html::{blocks, inline_markup, plain_text, HtmlParser};
use super::v1::{Article, Author, Image};
use super::{non_empty, required, Dropped};
use article_format::ParseError;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(expecting = "a WordPress post object (/wp-json/wp/v2/posts/ID?_embed)")]
pub struct Post {
    id: Value,
    date: Option<String>,
    date_gmt: Option<String>,
    modified: Option<String>,
    modified_gmt: Option<String>,
    link: Option<String>,
    title: Rendered,
    content: Content,
    excerpt: Option<Rendered>,
    /// Polylang and WPML add the post's language.
    lang: Option<String>,
    #[serde(rename = "_embedded", default, deserialize_with = "embedded")]
    embedded: Embedded,
}

/// `_embedded` as given: present, whatever it holds.
fn embedded<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Embedded, D::Error> {
    Ok(Embedded {
        present: true,
        ..Embedded::deserialize(deserializer)?
    })
}

#[derive(Deserialize)]
struct Rendered {
    rendered: String,
}

#[derive(Deserialize)]
struct Content {
    rendered: String,
    #[serde(default)]
    protected: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Embedded {
    /// Whether the post came with `_embedded` at all (`?_embed`).
    #[serde(skip)]
    present: bool,
    #[serde(default)]
    author: Vec<EmbeddedAuthor>,
    #[serde(rename = "wp:featuredmedia", default)]
    featured_media: Vec<Media>,
    #[serde(rename = "wp:term", default)]
    terms: Vec<Vec<Term>>,
}

/// An author the site lets the REST API show; otherwise WordPress embeds
/// an error object, which has no name and is skipped.
#[derive(Deserialize)]
struct EmbeddedAuthor {
    name: Option<String>,
    link: Option<String>,
}

#[derive(Deserialize)]
struct Media {
    source_url: Option<String>,
    alt_text: Option<String>,
    caption: Option<Rendered>,
    media_details: Option<MediaDetails>,
}

#[derive(Deserialize)]
struct MediaDetails {
    width: Option<u32>,
    height: Option<u32>,
    #[serde(default)]
    sizes: BTreeMap<String, Size>,
    image_meta: Option<ImageMeta>,
}

/// What the camera or the editor wrote into the picture (IPTC/EXIF).
#[derive(Deserialize)]
struct ImageMeta {
    credit: Option<String>,
    copyright: Option<String>,
}

#[derive(Deserialize)]
struct Size {
    source_url: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
}

#[derive(Deserialize)]
struct Term {
    name: Option<String>,
    taxonomy: Option<String>,
}

pub fn convert(
    post: Post,
    html: &dyn HtmlParser,
    dropped: &mut Dropped,
) -> Result<Article, ParseError> {
    if post.content.protected {
        return Err(ParseError::new(
            "content.protected",
            "the post is password-protected: its text is not in the feed",
        ));
    }
    let id = match &post.id {
        Value::Number(n) => format!("wp-{n}"),
        Value::String(s) if !s.trim().is_empty() => format!("wp-{}", s.trim()),
        _ => return Err(ParseError::new("id", "expected the post's number")),
    };
    let title = plain_text(&post.title.rendered, html, "title.rendered", dropped);
    let title = required(Some(title), "title.rendered")?;
    let mut published = wordpress_date(
        post.date.as_deref(),
        post.date_gmt.as_deref(),
        "date",
        dropped,
    );
    let updated = wordpress_date(
        post.modified.as_deref(),
        post.modified_gmt.as_deref(),
        "modified",
        dropped,
    );
    if published.is_none() {
        published = publication_date(&[("date", None), ("modified", updated.as_deref())], dropped);
    }
    let lede = post
        .excerpt
        .map(|excerpt| inline_markup(&excerpt.rendered, html, "excerpt.rendered", dropped))
        .map(|lede| {
            // WordPress ends a made-up excerpt with " […]": cut mid-phrase,
            // so it keeps an ellipsis rather than reading as a whole sentence.
            match lede
                .strip_suffix("\\[…\\]")
                .or_else(|| lede.strip_suffix("\\[&hellip;\\]"))
            {
                Some(cut) if cut.trim_end().ends_with('…') => cut.trim_end().to_owned(),
                Some(cut) => format!("{}…", cut.trim_end()),
                None => lede,
            }
        })
        .and_then(non_empty);
    let body = blocks(
        &post.content.rendered,
        html,
        "content.rendered",
        Some(&title),
        dropped,
    );
    let embedded = post.embedded;
    if !embedded.present {
        dropped.note(
            "_embedded",
            "the byline, picture and section (missing: fetch the post with ?_embed)",
        );
    }
    let authors = embedded
        .author
        .into_iter()
        .filter_map(|author| {
            let name = plain_text(&author.name?, html, "_embedded.author.name", dropped);
            Some(Author::person(
                non_empty(name)?,
                author.link.and_then(non_empty),
            ))
        })
        .collect();
    let section = embedded
        .terms
        .iter()
        .flatten()
        .find(|term| term.taxonomy.as_deref() == Some("category"))
        .and_then(|term| term.name.as_deref())
        .map(|name| plain_text(name, html, "_embedded.wp:term.name", dropped))
        .and_then(non_empty);
    let image = embedded
        .featured_media
        .into_iter()
        .next()
        .and_then(|media| featured_image(media, html, dropped));
    Ok(Article {
        id,
        title,
        published,
        updated,
        body,
        url: post.link.and_then(non_empty),
        lang: post.lang.and_then(non_empty),
        section,
        lede,
        authors,
        image,
        ..Article::default()
    })
}

/// The widest size up to this is a page's main picture (a phone's screen
/// at 3x, or a wide column at 2x); the original is often many times larger.
const PAGE_WIDTH: u32 = 2048;

fn featured_image(media: Media, html: &dyn HtmlParser, dropped: &mut Dropped) -> Option<Image> {
    let details = media.media_details;
    // The size fit for a page: the widest up to PAGE_WIDTH (else the
    // narrowest above it), then the full size.
    let sizes = details.as_ref().map(|d| &d.sizes);
    let fit = sizes.and_then(|sizes| {
        let usable = || {
            sizes
                .values()
                .filter(|size| {
                    size.source_url
                        .as_deref()
                        .is_some_and(|u| !u.trim().is_empty())
                })
                .filter_map(|size| Some((size.width?, size)))
        };
        usable()
            .filter(|(width, _)| *width <= PAGE_WIDTH)
            .max_by_key(|(width, _)| *width)
            .or_else(|| usable().min_by_key(|(width, _)| *width))
            .map(|(_, size)| size)
    });
    let full = sizes.and_then(|sizes| sizes.get("full"));
    let (src, width, height) = match fit {
        Some(size) => (size.source_url.clone(), size.width, size.height),
        None => (
            media
                .source_url
                .or_else(|| full.and_then(|size| size.source_url.clone())),
            details
                .as_ref()
                .and_then(|d| d.width)
                .or_else(|| full.and_then(|s| s.width)),
            details
                .as_ref()
                .and_then(|d| d.height)
                .or_else(|| full.and_then(|s| s.height)),
        ),
    };
    let src = src.and_then(non_empty)?;
    let caption = media
        .caption
        .map(|caption| {
            inline_markup(
                &caption.rendered,
                html,
                "_embedded.wp:featuredmedia[0].caption.rendered",
                dropped,
            )
        })
        .and_then(non_empty);
    let credit = details.and_then(|d| d.image_meta).and_then(|meta| {
        meta.credit
            .and_then(non_empty)
            .or(meta.copyright.and_then(non_empty))
    });
    Some(Image {
        src,
        alt: media.alt_text.unwrap_or_default().trim().to_owned(),
        caption,
        credit,
        width,
        height,
    })
}
