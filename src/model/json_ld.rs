//! schema.org `NewsArticle` metadata for search engines, as JSON-LD.

use super::{AccessModel, Article};
use serde_json::{json, Map, Value};

/// The CSS class of the part of the page that stands for paywalled text.
pub const PAYWALLED_CLASS: &str = "aw-paywalled";

/// The JSON-LD text for the article. `cut` says whether the page shows only
/// a teaser. `<` is escaped so the text can never close its `<script>`.
pub fn news_article_json_ld(article: &Article, cut: bool) -> String {
    let free = article
        .access
        .as_ref()
        .is_none_or(|access| access.model == AccessModel::Free);
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("NewsArticle"));
    ld.insert("headline".into(), json!(article.title));
    ld.insert("datePublished".into(), json!(article.published.rfc3339));
    if let Some(updated) = &article.updated {
        ld.insert("dateModified".into(), json!(updated.rfc3339));
    }
    if let Some(url) = &article.url {
        ld.insert("url".into(), json!(url));
        ld.insert("mainEntityOfPage".into(), json!(url));
    }
    if let Some(lang) = &article.lang {
        ld.insert("inLanguage".into(), json!(lang));
    }
    if let Some(section) = &article.section {
        ld.insert("articleSection".into(), json!(section));
    }
    if let Some(lede) = &article.lede {
        ld.insert("description".into(), json!(lede.plain_text()));
    }
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|author| {
            let mut person = json!({ "@type": "Person", "name": author.name });
            if let Some(url) = &author.url {
                person["url"] = json!(url);
            }
            person
        })
        .collect();
    if !authors.is_empty() {
        ld.insert("author".into(), Value::Array(authors));
    }
    if let Some(src) = article.image.as_ref().and_then(|image| image.src.as_ref()) {
        ld.insert("image".into(), json!([src]));
    }
    if let Some(publisher) = &article.publisher {
        let mut organization = json!({ "@type": "NewsMediaOrganization", "name": publisher.name });
        if let Some(url) = &publisher.url {
            organization["url"] = json!(url);
        }
        if let Some(logo) = &publisher.logo {
            organization["logo"] = json!({ "@type": "ImageObject", "url": logo });
        }
        ld.insert("publisher".into(), organization);
    }
    ld.insert("isAccessibleForFree".into(), json!(free));
    if cut {
        ld.insert(
            "hasPart".into(),
            json!({
                "@type": "WebPageElement",
                "isAccessibleForFree": false,
                "cssSelector": format!(".{PAYWALLED_CLASS}"),
            }),
        );
    }
    if let Some(source_type) = article
        .ai_disclosure
        .as_ref()
        .and_then(|ai| ai.source_type_name())
    {
        ld.insert(
            "digitalSourceType".into(),
            json!(format!(
                "http://cv.iptc.org/newscodes/digitalsourcetype/{source_type}"
            )),
        );
    }
    Value::Object(ld).to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_article;

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
