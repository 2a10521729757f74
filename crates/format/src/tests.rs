//! Format v1 read natively: the samples, every field's rules and error paths.

use super::*;
use serde_json::{json, Value};

/// The tests write documents with serde_json's `json!`; the widget reads text.
fn article_from_value(value: &Value) -> Result<Parsed, ParseError> {
    parse_article(&value.to_string())
}

fn minimal() -> Value {
    json!({
        "id": "a1",
        "title": "Harbour bridge reopens",
        "published": "2025-11-01T08:30:00+01:00",
        "body": [{ "type": "paragraph", "text": "First." }]
    })
}

fn error_of(value: Value) -> String {
    article_from_value(&value).unwrap_err().to_string()
}

fn warnings_of(value: Value) -> Vec<String> {
    article_from_value(&value).unwrap().warnings
}

fn with(mut value: Value, key: &str, field: Value) -> Value {
    value[key] = field;
    value
}

#[test]
fn minimal_article_has_defaults() {
    let parsed = article_from_value(&minimal()).unwrap();
    let article = parsed.article;
    assert_eq!(article.id, "a1");
    assert_eq!(article.ui_lang(), Lang::En);
    assert_eq!(article.body.len(), 1);
    assert!(article.authors.is_empty() && article.related.is_empty() && article.latest.is_empty());
    assert!(article.access.is_none());
    assert!(parsed.warnings.is_empty());
}

#[test]
fn the_sample_articles_parse_and_use_every_block_type() {
    for (name, json) in [
        ("nb", include_str!("../../../www/articles/havnebadet.json")),
        ("en", include_str!("../../../www/articles/night-ferry.json")),
    ] {
        let parsed = parse_article(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
        let a = parsed.article;
        let kinds: std::collections::HashSet<_> =
            a.body.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 6, "{name} uses every block type");
        assert!(
            a.related.iter().any(|r| r.premium),
            "{name} has a premium card"
        );
        assert!(!a.latest.is_empty() && a.ai_disclosure.is_some() && a.image.is_some());
    }
}

#[test]
fn headings_are_relevelled_under_the_headline() {
    for (given, shown) in [
        (&[3, 4, 3][..], &[2, 3, 2][..]),
        (&[4, 4], &[2, 2]),
        (&[2, 4, 4, 3], &[2, 3, 3, 3]),
        (&[4, 2, 3], &[2, 2, 3]),
        (&[2, 3, 4], &[2, 3, 4]),
    ] {
        let blocks: Vec<_> = given
            .iter()
            .map(|level| json!({ "type": "heading", "text": "H", "level": level }))
            .collect();
        let body = article_from_value(&with(minimal(), "body", json!(blocks)))
            .unwrap()
            .article
            .body;
        let levels: Vec<u8> = body
            .iter()
            .map(|block| match block {
                Block::Heading(h) => h.level,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(levels, shown, "{given:?}");
    }
}

#[test]
fn all_block_types() {
    let value = with(
        minimal(),
        "body",
        json!([
            { "type": "paragraph", "text": "A **b**" },
            { "type": "heading", "text": "H", "level": 3 },
            { "type": "heading", "text": "H2" },
            { "type": "image", "src": "i.png", "alt": "A", "caption": "C", "credit": "K", "width": 4, "height": 3 },
            { "type": "quote", "text": "Q", "cite": "Who" },
            { "type": "list", "items": ["one", "*two*"], "ordered": true },
            { "type": "readAlso", "title": "Other", "url": "/other", "premium": true }
        ]),
    );
    let body = article_from_value(&value).unwrap().article.body;
    assert!(matches!(&body[0], Block::Paragraph(p) if p.text.plain_text() == "A b"));
    // Re-levelled: the outline starts at h2 under the headline.
    assert!(matches!(&body[1], Block::Heading(h) if h.level == 2));
    assert!(matches!(&body[2], Block::Heading(h) if h.level == 2));
    assert!(
        matches!(&body[3], Block::Image(i) if i.src.as_deref() == Some("i.png") && i.width == Some(4))
    );
    assert!(matches!(&body[4], Block::Quote(q) if q.cite.as_deref() == Some("Who")));
    assert!(matches!(&body[5], Block::List(l) if l.ordered && l.items.len() == 2));
    assert!(
        matches!(&body[6], Block::ReadAlso(r) if r.premium && r.url.as_deref() == Some("/other"))
    );
}

#[test]
fn unknown_block_types_are_skipped_with_a_warning() {
    let value = with(
        minimal(),
        "body",
        json!([
            { "type": "paragraph", "text": "kept" },
            { "type": "poll", "items": [{ "a": 1 }] },
            { "type": "paragraph", "text": "kept too" }
        ]),
    );
    let parsed = article_from_value(&value).unwrap();
    assert_eq!(parsed.article.body.len(), 3);
    assert_eq!(parsed.article.blocks().count(), 2);
    assert_eq!(
        parsed.warnings,
        vec![r#"body[1]: unknown block type "poll" skipped"#]
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let value = with(minimal(), "futureField", json!({ "x": [1, 2] }));
    assert!(article_from_value(&value).is_ok());
}

#[test]
fn error_paths_name_the_place() {
    let body = |blocks: Value| error_of(with(minimal(), "body", blocks));
    assert_eq!(
        body(
            json!([{ "type": "paragraph", "text": "ok" }, {}, {}, { "type": "paragraph", "text": 7 }])
        ),
        "body[1]: missing field `type`"
    );
    assert_eq!(
        body(
            json!([{ "type": "paragraph", "text": "a" }, { "type": "paragraph", "text": "b" }, { "type": "paragraph", "text": "c" }, { "type": "paragraph", "text": 7 }])
        ),
        "body[3].text: expected a string, found number `7`"
    );
    assert_eq!(
        body(json!([{ "type": "heading" }])),
        "body[0]: missing field `text`"
    );
    assert_eq!(
        body(json!([{ "type": "heading", "text": "x", "level": 1 }])),
        "body[0].level: expected 2, 3 or 4, found 1"
    );
    assert_eq!(
        body(json!([{ "type": "list", "items": ["a", null] }])),
        "body[0].items[1]: expected a string, found null"
    );
    assert_eq!(
        body(json!([{ "type": 5 }])),
        "body[0].type: expected a string, found number `5`"
    );
    assert_eq!(
        body(json!(["text"])),
        "body[0]: expected a block object, found string \"text\""
    );
    assert_eq!(body(json!({})), "body: expected an array, found an object");
}

#[test]
fn required_fields_missing_in_turn() {
    for field in ["id", "title", "body"] {
        let mut value = minimal();
        value.as_object_mut().unwrap().remove(field);
        assert_eq!(error_of(value), format!("missing field `{field}`"));
    }
}

/// A feed with no date at all (Apple News documents often have none) is
/// an article all the same: it shows without a dateline.
#[test]
fn published_may_be_left_out_but_not_wrong() {
    let mut value = minimal();
    value.as_object_mut().unwrap().remove("published");
    let parsed = crate::read_json_value(value).unwrap();
    assert_eq!(parsed.article.published, None);
    assert!(!to_json_text(&parsed.article).contains("published"));
    let ld = crate::news_article_json_ld(&parsed.article, false, &|_| None);
    assert!(!serde_json::to_string(&ld)
        .unwrap()
        .contains("datePublished"));
}

#[test]
fn wrong_types_and_bad_dates() {
    assert_eq!(
        error_of(with(minimal(), "title", json!(3))),
        "title: expected a string, found number `3`"
    );
    assert_eq!(
        error_of(with(minimal(), "title", json!(null))),
        "title: expected a string, found null"
    );
    let date = error_of(with(minimal(), "published", json!("yesterday")));
    assert!(
        date.starts_with("published: expected an RFC 3339 date-time"),
        "{date}"
    );
    let related = with(
        minimal(),
        "related",
        json!([{ "id": "r", "title": "t", "url": "/r", "published": "2025-02-30T00:00:00Z" }]),
    );
    assert_eq!(
        warnings_of(related),
        ["related[0].published: \"2025-02-30T00:00:00Z\" is not a day in the calendar; left out"]
    );
    assert_eq!(
        warnings_of(with(minimal(), "authors", json!(["Kari"]))),
        ["authors[0]: expected an author object with a \"name\", found string \"Kari\"; left out"]
    );
    assert_eq!(
        error_of(with(minimal(), "access", json!({ "model": "sometimes" }))),
        "access.model: expected \"free\", \"metered\" or \"premium\", found string \"sometimes\""
    );
}

#[test]
fn not_json_and_not_an_object() {
    assert_eq!(
        parse_article("{\"title\": \"x\"").unwrap_err().to_string(),
        "not valid JSON: EOF while parsing an object (line 1, column 13)"
    );
    let error = parse_article("{\"id\": ").unwrap_err();
    assert_eq!(error.path, "");
    assert!(error.message.starts_with("not valid JSON: "), "{error}");
    assert!(error.message.contains("line 1"), "{error}");
    assert_eq!(parse_article("").unwrap_err().path, "");
    assert_eq!(
        parse_article("[1]").unwrap_err().to_string(),
        "expected an article object, found an array"
    );
    assert_eq!(
        parse_article("42").unwrap_err().to_string(),
        "expected an article object, found number `42`"
    );
}

#[test]
fn byte_order_mark_and_deep_nesting() {
    let json = format!("\u{feff}{}", minimal());
    assert!(parse_article(&json).is_ok());
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(parse_article(&deep)
        .unwrap_err()
        .message
        .starts_with("not valid JSON: nested more than 128 levels deep"));
}

#[test]
fn disallowed_urls_are_dropped_but_text_kept() {
    let value = with(
        minimal(),
        "body",
        json!([
            { "type": "readAlso", "title": "Bad", "url": "javascript:alert(1)" },
            { "type": "image", "src": "data:text/html,x", "alt": "pic", "caption": "Still here" },
            { "type": "paragraph", "text": "[click](vbscript:x) me" }
        ]),
    );
    let body = article_from_value(&value).unwrap().article.body;
    assert!(matches!(&body[0], Block::ReadAlso(r) if r.url.is_none() && r.title == "Bad"));
    assert!(matches!(&body[1], Block::Image(i) if i.src.is_none()));
    assert!(
        matches!(&body[2], Block::Paragraph(p) if p.text.0 == vec![Inline::Text("click me".into())])
    );
    let url = with(minimal(), "url", json!("javascript:alert(document.cookie)"));
    assert_eq!(article_from_value(&url).unwrap().article.url, None);
}

#[test]
fn languages() {
    assert_eq!(Lang::from_tag("nb"), Some(Lang::Nb));
    assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
    assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
    assert_eq!(Lang::from_tag("nn"), Some(Lang::Nn));
    assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
    assert_eq!(Lang::from_tag("sv-FI"), Some(Lang::Sv));
    assert_eq!(Lang::from_tag("ar-EG").map(Lang::direction), Some("rtl"));
    assert_eq!(Lang::ALL.len(), 15);
    assert_eq!(Lang::from_tag("he"), None);
    let parsed = article_from_value(&with(minimal(), "lang", json!("he"))).unwrap();
    assert_eq!(parsed.article.ui_lang(), Lang::En);
    assert_eq!(parsed.article.direction(), "rtl");
    assert_eq!(parsed.warnings.len(), 1);
    let parsed = article_from_value(&with(minimal(), "lang", json!("sv"))).unwrap();
    assert_eq!(parsed.article.ui_lang(), Lang::Sv);
    assert!(parsed.warnings.is_empty());
}

#[test]
fn interaction_settings_are_kept_with_defaults() {
    let value = with(
        with(
            minimal(),
            "access",
            json!({ "model": "metered", "subscribeUrl": "https://x.example/s" }),
        ),
        "notifications",
        json!({ "topics": [{ "id": "local", "label": "Local" }] }),
    );
    let article = article_from_value(&with(value, "share", json!({ "networks": ["x", "email"] })))
        .unwrap()
        .article;
    let access = article.access.unwrap();
    assert_eq!(access.model, AccessModel::Metered);
    assert_eq!(
        (
            access.free_articles,
            access.period_days,
            access.teaser_blocks
        ),
        (5, 30, 2)
    );
    assert_eq!(access.subscribe_url.as_deref(), Some("https://x.example/s"));
    assert_eq!(article.notifications.unwrap().topics[0].id, "local");
    assert_eq!(article.share.unwrap().networks.unwrap(), vec!["x", "email"]);
}

#[test]
fn ai_source_type_names() {
    let ai = |s: &str| AiDisclosure {
        text: String::new(),
        source_type: Some(s.into()),
        reviewed_by: None,
        policy_url: None,
    };
    assert_eq!(
        ai("trainedAlgorithmicMedia").source_type_name(),
        Some("trainedAlgorithmicMedia")
    );
    assert_eq!(
        ai("http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic").source_type_name(),
        Some("compositeSynthetic")
    );
    assert_eq!(ai("  ").source_type_name(), None);
}

#[test]
fn only_free_articles_with_somewhere_to_go_ask_for_support() {
    let access = |value: Value| {
        article_from_value(&with(minimal(), "access", value))
            .unwrap()
            .article
            .access
            .unwrap()
    };
    assert!(access(json!({ "donateUrl": "https://d.example" })).asks_for_support());
    assert!(access(json!({ "model": "free", "subscribeUrl": "/s" })).asks_for_support());
    assert!(
        !access(json!({ "model": "free" })).asks_for_support(),
        "no link, no ask"
    );
    assert!(
        !access(json!({ "model": "free", "donateUrl": "javascript:x" })).asks_for_support(),
        "a refused link is no link"
    );
    assert!(
        !access(json!({ "model": "metered", "donateUrl": "https://d.example" })).asks_for_support()
    );
    assert!(
        !access(json!({ "model": "premium", "donateUrl": "https://d.example" })).asks_for_support()
    );
}

#[test]
fn whole_numbers_are_whole_whatever_their_spelling() {
    let image = |width: &str| {
        let json = with(
            minimal(),
            "body",
            json!([{ "type": "image", "src": "a.png", "alt": "", "width": 1 }]),
        )
        .to_string()
        .replace(r#""width":1"#, &format!(r#""width":{width}"#));
        parse_article(&json).map(|parsed| match &parsed.article.body[0] {
            Block::Image(image) => image.width,
            other => panic!("{other:?}"),
        })
    };
    // JavaScript has no whole-number type: 320.0 and 3.2e2 are 320 there.
    assert_eq!(image("320"), Ok(Some(320)));
    assert_eq!(image("320.0"), Ok(Some(320)));
    assert_eq!(image("3.2e2"), Ok(Some(320)));
    assert_eq!(image("4294967295"), Ok(Some(u32::MAX)));
    let expected = "body[0].width: expected a whole number from 0 to 4294967295, found number";
    assert_eq!(
        image("320.5").unwrap_err().to_string(),
        format!("{expected} `320.5`")
    );
    assert_eq!(
        image("-1").unwrap_err().to_string(),
        format!("{expected} `-1`")
    );
    assert_eq!(
        image("4294967296").unwrap_err().to_string(),
        format!("{expected} `4294967296`")
    );
}

#[test]
fn articles_are_written_back_as_format_v1_and_read_back_the_same() {
    use super::hostile_tests::corpus::{Expect, CORPUS};
    let samples = [
        include_str!("../../../www/articles/night-ferry.json"),
        include_str!("../../../www/articles/havnebadet.json"),
        include_str!("../../../www/articles/al-mina.json"),
    ];
    let renders: Vec<&str> = CORPUS
        .iter()
        .filter(|(_, _, expected)| matches!(expected, Expect::Renders))
        .map(|(_, json, _)| *json)
        .collect();
    let expected = samples.len() + renders.len();
    let mut count = 0;
    for json in samples.into_iter().chain(renders) {
        let article = parse_article(json).unwrap().article;
        let text = to_json_text(&article);
        assert_eq!(parse_article(&text).unwrap().article, article, "{text}");
        count += 1;
    }
    assert_eq!(count, expected);
    assert!(count > 30);
}

#[test]
fn skipped_things_are_summed_up_per_kind() {
    let mut blocks = vec![json!({ "type": "poll" }); 5_000];
    blocks.push(json!({ "type": "quiz" }));
    let parsed = article_from_value(&with(minimal(), "body", Value::Array(blocks))).unwrap();
    assert_eq!(
        parsed.warnings,
        vec![
            r#"body: 5000 blocks of unknown type "poll" skipped (body[0], body[1], body[2], …)"#,
            r#"body[5000]: unknown block type "quiz" skipped"#,
        ]
    );
    let many_kinds: Vec<Value> = (0..20)
        .map(|i| json!({ "type": format!("t{i}") }))
        .collect();
    let parsed = article_from_value(&with(minimal(), "body", Value::Array(many_kinds))).unwrap();
    assert_eq!(parsed.warnings.len(), 9, "eight kinds and the rest counted");
    assert_eq!(parsed.warnings[8], "body: 12 more of other kinds skipped");
}

#[test]
fn ids_are_short_and_the_canonical_url_absolute() {
    let long = "x".repeat(257);
    assert_eq!(
        error_of(with(minimal(), "id", json!(long))),
        "id: expected at most 256 characters, found 257"
    );
    assert!(article_from_value(&with(minimal(), "id", json!("x".repeat(256)))).is_ok());
    for (url, kept) in [
        ("https://example.org/a", true),
        ("/relative", false),
        ("mailto:a@b.example", false),
        ("https://site.example@evil.example/", false),
    ] {
        let article = article_from_value(&with(minimal(), "url", json!(url)))
            .unwrap()
            .article;
        assert_eq!(article.url.is_some(), kept, "{url}");
    }
}

#[test]
fn unknown_digital_source_types_are_left_out() {
    let parsed = article_from_value(&with(
        minimal(),
        "aiDisclosure",
        json!({ "text": "AI", "sourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/<b>" }),
    ))
    .unwrap();
    assert_eq!(parsed.article.ai_disclosure.unwrap().source_type, None);
    assert_eq!(
        parsed.warnings,
        vec![r#"aiDisclosure.sourceType: "<b>" is not an IPTC digital source type; left out"#]
    );
    let kept = article_from_value(&with(
        minimal(),
        "aiDisclosure",
        json!({ "text": "AI", "sourceType": "compositeWithTrainedAlgorithmicMedia" }),
    ))
    .unwrap();
    assert!(kept.warnings.is_empty());
    assert!(kept.article.ai_disclosure.unwrap().source_type.is_some());
}

#[test]
fn an_empty_or_blank_title_is_refused() {
    assert_eq!(
        error_of(with(minimal(), "title", json!(""))),
        "title: expected a headline, found an empty string"
    );
    assert_eq!(
        error_of(with(minimal(), "title", json!(" \t "))),
        "title: expected a headline, found only spaces"
    );
}

#[test]
fn repeated_related_and_latest_ids_keep_the_first() {
    let card =
        |id: &str, title: &str| json!({"id": id, "title": title, "url": "https://x.example/a"});
    let value = with(
        with(
            minimal(),
            "related",
            json!([
                card("a", "First a"),
                card("b", "B"),
                card("a", "Second a"),
                card("a", "Third a")
            ]),
        ),
        "latest",
        json!([card("n", "N"), card("n", "N again")]),
    );
    let parsed = article_from_value(&value).unwrap();
    let titles: Vec<&str> = parsed
        .article
        .related
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(titles, ["First a", "B"]);
    assert_eq!(parsed.article.latest.len(), 1);
    assert_eq!(
        parsed.warnings,
        [
            "related: id \"a\" repeated 2 times; the later ones left out (related[2], related[3])",
            "latest[1]: id \"n\" repeated; the later one left out",
        ]
    );
}

#[test]
fn a_wrong_optional_part_is_left_out_and_the_rest_is_shown() {
    let card = |id: &str| json!({"id": id, "title": id, "url": "https://x.example/a"});
    let mut value = minimal();
    value["image"] = json!("https://x.example/a.jpg");
    value["publisher"] = json!(["Harbour Herald"]);
    value["related"] = json!([card("a"), {"id": "b", "title": "b", "url": "https://x.example/b", "image": {"src": "x"}}, card("c")]);
    value["latest"] = json!("none");
    value["notifications"] = json!({"prompt": "p"});
    value["share"] = json!({"networks": "x"});
    value["strings"] = json!({"share": 5, "copyLink": "Copy it", "retry": null});
    let parsed = article_from_value(&value).unwrap();
    let article = parsed.article;
    assert_eq!((article.image, article.publisher), (None, None));
    let related: Vec<&str> = article.related.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(related, ["a", "c"]);
    assert!(article.latest.is_empty());
    assert_eq!((article.notifications, article.share), (None, None));
    assert_eq!(article.strings.len(), 1);
    assert_eq!(article.strings["copyLink"], "Copy it");
    let paths: Vec<&str> = parsed
        .warnings
        .iter()
        .map(|w| w.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "image",
            "publisher",
            "related[1].image",
            "latest",
            "notifications",
            // share.networks and strings.share: counted, not listed.
            "2 more mistakes in optional parts; those parts left out"
        ]
    );
    assert_eq!(
        parsed.warnings[0],
        "image: expected an image object with \"src\" and \"alt\", found string \"https://x.example/a.jpg\"; left out"
    );
}

#[test]
fn the_text_the_ai_label_and_the_wall_are_never_left_out() {
    for (key, field) in [
        ("aiDisclosure", json!({"text": 5})),
        ("access", json!({"model": "sometimes"})),
        ("body", json!([{"type": "paragraph", "text": 5}])),
        ("lede", json!(5)),
    ] {
        let error = article_from_value(&with(minimal(), key, field)).unwrap_err();
        assert!(error.path.starts_with(key), "{key}: {error}");
    }
}

#[test]
fn json_text_is_safe_in_a_data_island_and_reads_back() {
    let value = with(
        minimal(),
        "body",
        json!([{ "type": "paragraph", "text": "a </script><script>alert(1)</script> b" }]),
    );
    let article = article_from_value(&value).unwrap().article;
    let text = to_json_text(&article);
    assert!(!text.contains('<'), "{text}");
    assert_eq!(parse_article(&text).unwrap().article, article);
}

#[test]
fn right_to_left_languages_get_rtl() {
    for (tag, dir) in [
        ("ar", "rtl"),
        ("he-IL", "rtl"),
        ("fa", "rtl"),
        ("UR", "rtl"),
        ("ckb-IQ", "rtl"),
        ("en", "ltr"),
        ("nb", "ltr"),
        ("arn", "ltr"),
    ] {
        let article = article_from_value(&with(minimal(), "lang", json!(tag)))
            .unwrap()
            .article;
        assert_eq!(article.direction(), dir, "{tag}");
    }
    assert_eq!(
        article_from_value(&minimal()).unwrap().article.direction(),
        "ltr"
    );
}

const VAPID_KEY: &str =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

#[test]
fn push_is_read_with_its_defaults_and_a_wrong_one_leaves_only_push_out() {
    let mut value = minimal();
    let topics = json!([{"id": "local", "label": "Local"}]);
    value["notifications"] = json!({"topics": topics, "push": {"vapidPublicKey": VAPID_KEY, "subscribeUrl": "/push/subscriptions"}});
    let push = article_from_value(&value)
        .unwrap()
        .article
        .notifications
        .unwrap()
        .push
        .unwrap();
    assert_eq!(push.subscribe_url, "/push/subscriptions");
    assert_eq!(push.service_worker, "/article-widget-sw.js");
    assert_eq!((push.unsubscribe_url, push.scope), (None, None));

    for (push, expected) in [
        (
            json!({"vapidPublicKey": "BAAA", "subscribeUrl": "/s"}),
            "notifications.push.vapidPublicKey: expected a VAPID public key",
        ),
        (
            json!({"vapidPublicKey": VAPID_KEY, "subscribeUrl": "javascript:x()"}),
            "notifications.push.subscribeUrl: expected an https:, http: or relative URL",
        ),
        (
            json!({"vapidPublicKey": VAPID_KEY, "subscribeUrl": "/s", "serviceWorker": "https://cdn.example/sw.js"}),
            "notifications.push.serviceWorker: expected a path on the page's own origin",
        ),
        (
            json!({"vapidPublicKey": VAPID_KEY, "subscribeUrl": "/s", "scope": "//evil.example/"}),
            "notifications.push.scope: expected a path",
        ),
        (
            json!({"subscribeUrl": "/s"}),
            "notifications.push: missing field `vapidPublicKey`",
        ),
        (
            json!({"vapidPublicKey": VAPID_KEY, "subscribeUrl": ["/s"]}),
            "notifications.push.subscribeUrl: expected a string, found an array",
        ),
        (
            json!("https://push.example/"),
            "notifications.push: expected a push object with \"vapidPublicKey\"",
        ),
    ] {
        value["notifications"] = json!({"topics": topics, "push": push});
        let parsed = article_from_value(&value).unwrap();
        let notifications = parsed.article.notifications.expect("the bell stays");
        assert_eq!(notifications.push, None);
        assert!(
            parsed.warnings[0].starts_with(expected),
            "{:?}",
            parsed.warnings
        );
    }
}

#[test]
fn a_sites_push_settings_serve_only_articles_with_topics_and_none_of_their_own() {
    use std::sync::Arc;
    let key = format!("B{}", "A".repeat(86));
    let site = Push::new(
        key.clone(),
        "https://push.example/subscriptions".into(),
        None,
        None,
    )
    .unwrap();
    assert_eq!(site.service_worker, "/article-widget-sw.js");
    let topics = json!({"topics": [{"id": "a", "label": "A"}]});
    let with_topics = Arc::new(
        article_from_value(&with(minimal(), "notifications", topics))
            .unwrap()
            .article,
    );
    let given = with_topics.clone().with_push_default(Some(site.clone()));
    assert_eq!(
        given.notifications.as_ref().unwrap().push.as_ref(),
        Some(&site)
    );
    // The article's own settings win; no topics, no bell, nothing to add.
    let own = Push::new(key, "https://own.example/s".into(), None, None).unwrap();
    let owned = given.with_push_default(Some(own));
    assert_eq!(
        owned.notifications.as_ref().unwrap().push.as_ref(),
        Some(&site)
    );
    let plain = Arc::new(article_from_value(&minimal()).unwrap().article);
    assert!(plain.with_push_default(Some(site)).notifications.is_none());
    // Wrong settings are refused naming the field.
    let wrong = Push::new("x".into(), "https://push.example/s".into(), None, None).unwrap_err();
    assert_eq!(wrong.path, "vapidPublicKey");
}
