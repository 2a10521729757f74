//! schema.org `NewsArticle` metadata for search engines, as JSON-LD.

use super::json::Json;
use super::{AccessModel, Article};

/// The CSS class of the part of the page that stands for paywalled text.
pub const PAYWALLED_CLASS: &str = "aw-paywalled";

/// The JSON-LD text for the article. `cut` says whether the page shows only
/// a teaser. `<` is escaped so the text can never close its `<script>`.
pub fn news_article_json_ld(article: &Article, cut: bool) -> String {
    let free = article
        .access
        .as_ref()
        .is_none_or(|access| access.model == AccessModel::Free);
    let mut ld = vec![
        field("@context", "https://schema.org".into()),
        field("@type", "NewsArticle".into()),
        field("headline", article.title.as_str().into()),
        field("datePublished", article.published.rfc3339.as_str().into()),
    ];
    if let Some(updated) = &article.updated {
        ld.push(field("dateModified", updated.rfc3339.as_str().into()));
    }
    if let Some(url) = &article.url {
        ld.push(field("url", url.as_str().into()));
        ld.push(field("mainEntityOfPage", url.as_str().into()));
    }
    if let Some(lang) = &article.lang {
        ld.push(field("inLanguage", lang.as_str().into()));
    }
    if let Some(section) = &article.section {
        ld.push(field("articleSection", section.as_str().into()));
    }
    if let Some(lede) = &article.lede {
        ld.push(field("description", lede.plain_text().as_str().into()));
    }
    let authors: Vec<Json> = article
        .authors
        .iter()
        .map(|author| thing("Person", &author.name, author.url.as_deref(), vec![]))
        .collect();
    if !authors.is_empty() {
        ld.push(field("author", Json::Array(authors)));
    }
    if let Some(src) = article.image.as_ref().and_then(|image| image.src.as_ref()) {
        ld.push(field("image", Json::Array(vec![src.as_str().into()])));
    }
    if let Some(publisher) = &article.publisher {
        let logo = publisher.logo.as_deref().map(|logo| {
            let image = vec![
                field("@type", "ImageObject".into()),
                field("url", logo.into()),
            ];
            field("logo", Json::Object(image))
        });
        let organization = thing(
            "NewsMediaOrganization",
            &publisher.name,
            publisher.url.as_deref(),
            logo.into_iter().collect(),
        );
        ld.push(field("publisher", organization));
    }
    ld.push(field("isAccessibleForFree", free.into()));
    if cut {
        let part = vec![
            field("@type", "WebPageElement".into()),
            field("isAccessibleForFree", false.into()),
            field("cssSelector", format!(".{PAYWALLED_CLASS}").as_str().into()),
        ];
        ld.push(field("hasPart", Json::Object(part)));
    }
    if let Some(source_type) = article
        .ai_disclosure
        .as_ref()
        .and_then(|ai| ai.source_type_name())
    {
        let uri = format!("http://cv.iptc.org/newscodes/digitalsourcetype/{source_type}");
        ld.push(field("digitalSourceType", uri.as_str().into()));
    }
    Json::Object(ld).to_text().replace('<', "\\u003c")
}

fn field(key: &str, value: Json) -> (String, Json) {
    (key.to_owned(), value)
}

/// A schema.org person or organisation: its type, name, optional URL and
/// any further fields.
fn thing(kind: &str, name: &str, url: Option<&str>, mut more: Vec<(String, Json)>) -> Json {
    let mut fields = vec![field("@type", kind.into()), field("name", name.into())];
    if let Some(url) = url {
        fields.push(field("url", url.into()));
    }
    fields.append(&mut more);
    Json::Object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_article;
    use serde_json::Value;

    fn ld(json: &str, cut: bool) -> Value {
        let article = parse_article(json).unwrap().article;
        serde_json::from_str(&news_article_json_ld(&article, cut)).unwrap()
    }

    #[test]
    fn premium_sample_cut() {
        let value = ld(include_str!("../../www/articles/night-ferry.json"), true);
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(
            value["headline"],
            "The night ferry to the outer islands returns for the winter"
        );
        assert_eq!(value["datePublished"], "2026-11-21T06:10:00+00:00");
        assert_eq!(value["author"][0]["name"], "Sam Okafor");
        assert_eq!(value["image"][0], "images/night-ferry.svg");
        assert_eq!(value["publisher"]["name"], "The Harbour Herald");
        assert_eq!(value["isAccessibleForFree"], false);
        assert_eq!(value["hasPart"]["isAccessibleForFree"], false);
        assert_eq!(value["hasPart"]["cssSelector"], ".aw-paywalled");
        assert_eq!(
            value["digitalSourceType"],
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
        );
    }

    #[test]
    fn free_sample_whole() {
        let value = ld(include_str!("../../www/articles/havnebadet.json"), false);
        assert_eq!(value["isAccessibleForFree"], true);
        assert!(value.get("hasPart").is_none());
        assert_eq!(value["dateModified"], "2026-11-20T14:05:00+01:00");
        assert_eq!(value["inLanguage"], "nb");
    }

    #[test]
    fn script_end_tags_cannot_escape() {
        let json = r#"{"id":"x","title":"</script><script>alert(1)</script>","published":"2026-01-01T00:00:00Z","body":[]}"#;
        let article = parse_article(json).unwrap().article;
        let text = news_article_json_ld(&article, false);
        assert!(!text.contains('<'));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["headline"], "</script><script>alert(1)</script>");
    }
}
