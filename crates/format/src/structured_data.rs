//! schema.org `NewsArticle` metadata for search engines, as a serde type:
//! the browser turns it into JSON with serde-wasm-bindgen and `JSON.stringify`,
//! a server with serde_json.

use super::url::is_relative;
use super::{AccessModel, Article, AuthorKind};
use serde::Serialize;
use std::borrow::Cow;

/// The CSS class of the part of the page that stands for paywalled text.
pub const PAYWALLED_CLASS: &str = "aw-paywalled";

/// A schema.org `NewsArticle`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewsArticleLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    image: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Thing<'a>>,
    is_accessible_for_free: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_part: Option<PaywalledPart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digital_source_type: Option<String>,
}

/// A person or an organisation.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<ImageObject<'a>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct ImageObject<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: Cow<'a, str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct PaywalledPart {
    #[serde(rename = "@type")]
    kind: &'static str,
    is_accessible_for_free: bool,
    css_selector: String,
}

/// The metadata for the article. `cut` says whether the page shows only a
/// teaser. When it shows more of an article that is not free (a metered
/// article sent whole, a subscriber's page), the blocks past the teaser
/// carry the class [`PAYWALLED_CLASS`] and `hasPart` points at them, as
/// Google's guidance for paywalled content asks; a cut page holds nothing
/// paywalled, so it has no `hasPart`. A crawler reads the JSON-LD apart from the page, so its URLs are
/// absolute: a relative one (`../images/x.jpg`) is `resolve`d against the
/// page it is shown on (the caller's URL parser), and left out where that
/// gives `None`. When written into a `<script>`, escape `<` (see
/// [`escape_for_script`]).
pub fn news_article_json_ld<'a>(
    article: &'a Article,
    cut: bool,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> NewsArticleLd<'a> {
    let absolute = |url: Option<&'a str>| -> Option<Cow<'a, str>> {
        let url = url?;
        if is_relative(url) {
            resolve(url).map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(url))
        }
    };
    let free = paywalled_from(article).is_none();
    NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &article.title,
        date_published: article.published.as_ref().map(|d| d.rfc3339.as_str()),
        date_modified: article.updated.as_ref().map(|d| d.rfc3339.as_str()),
        url: absolute(article.url.as_deref()),
        main_entity_of_page: absolute(article.url.as_deref()),
        in_language: article.lang.as_deref(),
        article_section: article.section.as_deref(),
        description: article.lede.as_ref().map(|lede| lede.plain_text()),
        author: article
            .authors
            .iter()
            .map(|author| Thing {
                kind: match author.kind {
                    AuthorKind::Person => "Person",
                    AuthorKind::Organization => "Organization",
                },
                name: &author.name,
                url: absolute(author.url.as_deref()),
                logo: None,
            })
            .collect(),
        image: article
            .image
            .as_ref()
            .and_then(|image| absolute(image.src.as_deref()))
            .into_iter()
            .collect(),
        publisher: article.publisher.as_ref().map(|publisher| Thing {
            kind: "NewsMediaOrganization",
            name: &publisher.name,
            url: absolute(publisher.url.as_deref()),
            logo: absolute(publisher.logo.as_deref()).map(|url| ImageObject {
                kind: "ImageObject",
                url,
            }),
        }),
        is_accessible_for_free: free,
        has_part: paywalled_from(article)
            .filter(|&teaser| !cut && article.blocks().count() > teaser)
            .map(|_| PaywalledPart {
                kind: "WebPageElement",
                is_accessible_for_free: false,
                css_selector: format!(".{PAYWALLED_CLASS}"),
            }),
        digital_source_type: article
            .ai_disclosure
            .as_ref()
            .and_then(|ai| ai.source_type_name())
            .map(|name| format!("http://cv.iptc.org/newscodes/digitalsourcetype/{name}")),
    }
}

/// Where the paywalled part of the article's body starts (a count of shown
/// blocks), for an article that is not free.
pub fn paywalled_from(article: &Article) -> Option<usize> {
    article
        .access
        .as_ref()
        .filter(|access| access.model != AccessModel::Free)
        .map(|access| access.teaser_blocks as usize)
}

/// JSON text made safe inside a `<script>` element: `<` escaped, so no
/// `</script>` (or `<!--`) can end or change it.
pub fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}

// Natively: they read JSON text with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse_article;
    use serde_json::Value;

    fn ld(json: &str, cut: bool) -> Value {
        let article = parse_article(json).unwrap().article;
        serde_json::to_value(news_article_json_ld(&article, cut, &|relative| {
            Some(format!("https://page.example/articles/{relative}"))
        }))
        .unwrap()
    }

    #[test]
    fn premium_sample_cut() {
        let value = ld(include_str!("../../../www/articles/night-ferry.json"), true);
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(
            value["headline"],
            "The night ferry to the outer islands returns for the winter"
        );
        assert_eq!(value["datePublished"], "2026-11-21T06:10:00+00:00");
        assert_eq!(value["author"][0]["name"], "Sam Okafor");
        // Relative URLs resolved by the caller; absolute ones as they are.
        assert_eq!(
            value["image"][0],
            "https://page.example/articles/../images/night-ferry.svg"
        );
        assert_eq!(
            value["author"][0]["url"],
            "https://harbour-herald.example/staff/sam-okafor"
        );
        assert_eq!(value["publisher"]["name"], "The Harbour Herald");
        assert_eq!(value["isAccessibleForFree"], false);
        // Nothing paywalled is on a cut page.
        assert!(value.get("hasPart").is_none());
        assert_eq!(
            value["digitalSourceType"],
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
        );
    }

    #[test]
    fn premium_sample_whole_points_at_its_paywalled_part() {
        let premium = include_str!("../../../www/articles/night-ferry.json");
        let value = ld(premium, false);
        assert_eq!(value["isAccessibleForFree"], false);
        assert_eq!(value["hasPart"]["@type"], "WebPageElement");
        assert_eq!(value["hasPart"]["isAccessibleForFree"], false);
        assert_eq!(value["hasPart"]["cssSelector"], ".aw-paywalled");
        // A body no longer than its teaser has no paywalled part.
        let mut article = parse_article(premium).unwrap().article;
        article
            .body
            .truncate(article.access.as_ref().unwrap().teaser_blocks as usize);
        let short = serde_json::to_value(news_article_json_ld(&article, false, &|_| None)).unwrap();
        assert!(short.get("hasPart").is_none());
    }

    #[test]
    fn free_sample_whole() {
        let value = ld(include_str!("../../../www/articles/havnebadet.json"), false);
        assert_eq!(value["isAccessibleForFree"], true);
        assert!(value.get("hasPart").is_none());
        assert_eq!(value["dateModified"], "2026-11-20T14:05:00+01:00");
        assert_eq!(value["inLanguage"], "nb");
    }

    #[test]
    fn an_organisation_author_stays_an_organisation() {
        let value = ld(
            r#"{"id":"x","title":"T","body":[],"authors":[
                {"name":"Kari Nordmann"},{"name":"NTB","kind":"organization"}]}"#,
            false,
        );
        assert_eq!(value["author"][0]["@type"], "Person");
        assert_eq!(value["author"][1]["@type"], "Organization");
        assert_eq!(value["author"][1]["name"], "NTB");
        let wrong = parse_article(
            r#"{"id":"x","title":"T","body":[],"authors":[{"name":"A","kind":"robot"}]}"#,
        )
        .unwrap();
        assert!(
            wrong.article.authors.is_empty(),
            "an unknown kind is not read"
        );
        let warnings = wrong.warnings.join("\n");
        assert!(warnings.contains("authors[0].kind"), "{warnings}");
    }

    #[test]
    fn relative_urls_left_unresolved_are_left_out() {
        let article = parse_article(include_str!("../../../www/articles/night-ferry.json"))
            .unwrap()
            .article;
        let value = serde_json::to_value(news_article_json_ld(&article, false, &|_| None)).unwrap();
        assert!(value.get("image").is_none(), "{value}");
        assert!(value["publisher"].get("logo").is_none());
        assert_eq!(value["publisher"]["url"], "https://harbour-herald.example/");
    }

    #[test]
    fn script_end_tags_cannot_escape() {
        let json = r#"{"id":"x","title":"</script><script>alert(1)</script>","published":"2026-01-01T00:00:00Z","body":[]}"#;
        let article = parse_article(json).unwrap().article;
        let text = escape_for_script(
            &serde_json::to_string(&news_article_json_ld(&article, false, &|_| None)).unwrap(),
        );
        assert!(!text.contains('<'));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["headline"], "</script><script>alert(1)</script>");
    }
}
