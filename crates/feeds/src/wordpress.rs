//! WordPress REST API posts (`/wp-json/wp/v2/posts/ID?_embed`): the fields
//! read are below; everything else of WordPress's is ignored.

use super::html::{blocks, inline_markup, plain_text, HtmlParser};
use super::v1::{Article, Author, Image};
use super::{non_empty, required, Dropped};
use article_format::date::{days_from_civil, days_in_month};
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
    #[serde(rename = "_embedded", default)]
    embedded: Embedded,
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
struct Embedded {
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
    let published = local_date(
        &required(post.date, "date")?,
        post.date_gmt.as_deref(),
        "date",
        dropped,
    )?;
    let updated = match post.modified {
        Some(modified) if !modified.trim().is_empty() => Some(local_date(
            &modified,
            post.modified_gmt.as_deref(),
            "modified",
            dropped,
        )?),
        _ => None,
    };
    let lede = post
        .excerpt
        .map(|excerpt| inline_markup(&excerpt.rendered, html, "excerpt.rendered", dropped))
        .map(|lede| {
            // WordPress ends a made-up excerpt with " […]".
            lede.trim_end_matches("\\[…\\]")
                .trim_end_matches("\\[&hellip;\\]")
                .trim()
                .to_owned()
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
    let authors = embedded
        .author
        .into_iter()
        .filter_map(|author| {
            Some(Author {
                name: non_empty(plain_text(
                    &author.name?,
                    html,
                    "_embedded.author.name",
                    dropped,
                ))?,
                url: author.link.and_then(non_empty),
            })
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

fn featured_image(media: Media, html: &dyn HtmlParser, dropped: &mut Dropped) -> Option<Image> {
    let details = media.media_details;
    // The full size's measurements; a site that gives none may still list
    // the `full` size.
    let full = details.as_ref().and_then(|d| d.sizes.get("full"));
    let src = media
        .source_url
        .or_else(|| full.and_then(|size| size.source_url.clone()))
        .and_then(non_empty)?;
    let width = details
        .as_ref()
        .and_then(|d| d.width)
        .or_else(|| full.and_then(|size| size.width));
    let height = details
        .as_ref()
        .and_then(|d| d.height)
        .or_else(|| full.and_then(|size| size.height));
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
    Some(Image {
        src,
        alt: media.alt_text.unwrap_or_default().trim().to_owned(),
        caption,
        credit: None,
        width,
        height,
    })
}

/// WordPress writes the site's wall-clock time without an offset (`date`)
/// and the same moment in UTC (`date_gmt`): their difference is the offset.
fn local_date(
    local: &str,
    utc: Option<&str>,
    field: &str,
    dropped: &mut Dropped,
) -> Result<String, ParseError> {
    let local = local.trim();
    let minutes_of = |text: &str| {
        naive_minutes(text).ok_or_else(|| {
            ParseError::new(
                field,
                format!(
                    "expected a WordPress date such as \"2026-11-20T07:45:00\", found {}",
                    article_format::quoted(text)
                ),
            )
        })
    };
    // Already with an offset (some plugins write one): as it is.
    if local.len() > 19 {
        return Ok(local.to_owned());
    }
    let local_minutes = minutes_of(local)?;
    let offset = match utc.map(str::trim).filter(|u| !u.is_empty()) {
        Some(utc) => local_minutes - minutes_of(utc)?,
        None => {
            dropped.note(
                field,
                &format!("{field}_gmt (missing: the time is read as UTC)"),
            );
            0
        }
    };
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    Ok(format!(
        "{}{sign}{:02}:{:02}",
        &local[..19],
        offset / 60,
        offset % 60
    ))
}

/// Minutes since 1970 of `YYYY-MM-DDTHH:MM:SS` (no offset).
fn naive_minutes(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 19 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b' ') || bytes[16] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute) = (number(11..13)?, number(14..16)?);
    number(17..19)?;
    let in_month = |d| {
        (1..=12).contains(&month) && d >= 1 && d <= days_in_month(year as u16, month as u16) as i64
    };
    if !(0..=9999).contains(&year) || !in_month(day) || hour > 23 || minute > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 1440 + hour * 60 + minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_is_the_difference_between_local_time_and_utc() {
        let mut dropped = Dropped::default();
        let date = |local: &str, utc: Option<&str>, dropped: &mut Dropped| {
            local_date(local, utc, "date", dropped).unwrap()
        };
        assert_eq!(
            date(
                "2026-11-20T07:45:00",
                Some("2026-11-20T06:45:00"),
                &mut dropped
            ),
            "2026-11-20T07:45:00+01:00"
        );
        assert_eq!(
            date(
                "2026-07-01T01:30:00",
                Some("2026-06-30T23:30:00"),
                &mut dropped
            ),
            "2026-07-01T01:30:00+02:00"
        );
        assert_eq!(
            date(
                "2026-03-01T00:00:00",
                Some("2026-03-01T05:00:00"),
                &mut dropped
            ),
            "2026-03-01T00:00:00-05:00"
        );
        assert_eq!(
            date(
                "2026-01-10T12:00:00",
                Some("2026-01-10T06:30:00"),
                &mut dropped
            ),
            "2026-01-10T12:00:00+05:30"
        );
        assert!(dropped.kinds.is_empty());
        assert_eq!(
            date("2026-01-10T12:00:00", None, &mut dropped),
            "2026-01-10T12:00:00+00:00"
        );
        assert_eq!(dropped.kinds.len(), 1);
        assert!(local_date("2026-02-30T10:00:00", None, "date", &mut dropped).is_err());
        assert!(local_date("yesterday", None, "date", &mut dropped)
            .unwrap_err()
            .to_string()
            .starts_with("date: expected a WordPress date"));
    }
}
