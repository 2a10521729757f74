//! The article page in a browser: every part shown, by role, label and text.

use crate::support::*;
use article_widget::components::ArticleFromJson;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

const ENGLISH: &str = include_str!("../../www/articles/night-ferry.json");
const NORWEGIAN: &str = include_str!("../../www/articles/havnebadet.json");

/// Shows the article as a subscriber sees it: whole, without wall or prompts.
async fn show(json: &'static str) -> HtmlElement {
    let root = mount(move || view! { <ArticleFromJson json=json.to_owned() entitled=true/> });
    leptos::task::tick().await;
    root
}

#[wasm_bindgen_test]
async fn headline_kicker_and_lede() {
    let root = show(ENGLISH).await;
    let h1 = all(&root, "h1");
    assert_eq!(h1.len(), 1, "one h1");
    assert_eq!(
        text_of(&h1[0]),
        "The night ferry to the outer islands returns for the winter"
    );
    assert_eq!(
        by_text(&root, "Local").len(),
        3,
        "kicker and two card sections"
    );
    let lede = all(&root, ".aw-lede").pop().expect("a lede");
    assert!(text_of(&lede).starts_with("After a year without a late crossing"));
    assert_eq!(
        text_of(&all_by_role(&lede, "emphasis")[0]),
        "every Friday and Saturday"
    );
}

#[wasm_bindgen_test]
async fn dateline_in_english_words_with_machine_date() {
    let root = show(ENGLISH).await;
    let time = by_role(&root, "time", "21 November 2026");
    assert_eq!(attr(&time, "datetime"), "2026-11-21T06:10:00+00:00");
    assert!(
        root.query_selector(".aw-updated").unwrap().is_none(),
        "no update, no 'Updated'"
    );
}

#[wasm_bindgen_test]
async fn dateline_in_norwegian_with_update() {
    let root = show(NORWEGIAN).await;
    let time = by_role(&root, "time", "20. november 2026");
    assert_eq!(attr(&time, "datetime"), "2026-11-20T07:45:00+01:00");
    let updated = all(&root, ".aw-updated").pop().expect("an update line");
    let text = text_of(&updated);
    assert!(text.starts_with("Oppdatert 20. november 2026"), "{text}");
    assert!(
        text.contains("14:05"),
        "the newsroom's own wall clock: {text}"
    );
    let page = all(&root, ".aw-page").pop().unwrap();
    assert_eq!(attr(&page, "lang"), "nb");
}

#[wasm_bindgen_test]
async fn byline_with_author_links() {
    let root = show(NORWEGIAN).await;
    let byline = all(&root, ".aw-byline").pop().expect("a byline");
    assert_eq!(text_of(&byline), "Av Ingrid Solvik og Petter Aas");
    let author = by_role(&byline, "link", "Ingrid Solvik");
    assert_eq!(
        attr(&author, "href"),
        "https://nordvik-tidende.example/journalister/ingrid-solvik"
    );
    assert_eq!(
        all_by_role(&byline, "link").len(),
        1,
        "Petter Aas has no URL"
    );
}

#[wasm_bindgen_test]
async fn hero_figure_with_caption_credit_and_reserved_size() {
    let root = show(ENGLISH).await;
    let hero = by_role(
        &root,
        "img",
        "A lit ferry crossing dark water under a full moon.",
    );
    assert_eq!(
        (
            attr(&hero, "width").as_str(),
            attr(&hero, "height").as_str()
        ),
        ("1200", "800")
    );
    assert_eq!(attr(&hero, "src"), "../images/night-ferry.svg");
    let figure = hero
        .closest("figure")
        .unwrap()
        .expect("the hero sits in a figure");
    let caption = all(&figure, "figcaption").pop().expect("a figcaption");
    assert_eq!(
        text_of(&caption),
        "The 23:40 crossing leaves from the old quay. Illustration: The Harbour Herald"
    );
}

#[wasm_bindgen_test]
async fn every_block_type_is_shown() {
    let root = show(ENGLISH).await;
    let body = all(&root, ".aw-body").pop().unwrap();
    // paragraph with strong text and a link
    assert_eq!(text_of(&all_by_role(&body, "strong")[0]), "birthday dinner");
    let grant = by_role(&body, "link", "two-year grant");
    assert_eq!(
        attr(&grant, "href"),
        "https://harbour-council.example/ferry-grant"
    );
    // headings, levels as given
    assert_eq!(
        by_role(&body, "heading", "What changes for passengers").tag_name(),
        "H2"
    );
    assert_eq!(
        by_role(&body, "heading", "How the grant works").tag_name(),
        "H3"
    );
    assert_eq!(by_role(&body, "heading", "Will it last?").tag_name(), "H4");
    // image block
    let deck = by_role(
        &body,
        "img",
        "A deckhand waits by the railing of the ferry at night.",
    );
    assert_eq!(attr(&deck, "loading"), "lazy");
    // quote with its source
    let quote = all_by_role(&body, "blockquote").pop().expect("a quote");
    assert!(text_of(&quote).contains("This is about belonging"));
    assert_eq!(
        text_of(
            &quote
                .closest("figure")
                .unwrap()
                .unwrap()
                .query_selector("figcaption")
                .unwrap()
                .unwrap()
        ),
        "Nora Quayle, island community council"
    );
    // unordered and ordered lists
    let ul = all(&body, "ul").pop().expect("a bulleted list");
    assert_eq!(all_by_role(&ul, "listitem").len(), 3);
    let ol = all(&body, "ol").pop().expect("a numbered list");
    assert_eq!(
        text_of(&all_by_role(&ol, "listitem")[2]),
        "A passenger count in March decides whether the service continues"
    );
}

#[wasm_bindgen_test]
async fn read_also_links_in_both_languages() {
    let root = show(ENGLISH).await;
    let links: Vec<_> = all(&root, ".aw-read-also").iter().map(text_of).collect();
    assert_eq!(
        links,
        vec![
            "Read also: Ferry timetables: the full winter schedule",
            "Read also: Subscribers only Analysis: why island transport keeps getting cut",
        ]
    );
    let link = by_role(
        &all(&root, ".aw-body").pop().unwrap(),
        "link",
        "Ferry timetables: the full winter schedule",
    );
    assert_eq!(
        attr(&link, "href"),
        "https://harbour-herald.example/local/winter-timetable"
    );

    let root = show(NORWEGIAN).await;
    let first = all(&root, ".aw-read-also").into_iter().next().unwrap();
    assert_eq!(text_of(&first), "Les også: Slik ble de gamle pælene reddet");
}

#[wasm_bindgen_test]
async fn related_cards_with_padlock_for_subscribers() {
    let root = show(ENGLISH).await;
    let nav = by_role(&root, "navigation", "Related articles");
    let cards = all_by_role(&nav, "listitem");
    assert_eq!(cards.len(), 3);
    let premium: Vec<_> = cards
        .iter()
        .filter(|c| !by_text(c, "Subscribers only").is_empty())
        .collect();
    assert_eq!(premium.len(), 1, "one premium card");
    assert!(text_of(premium[0]).contains("Analysis: why island transport keeps getting cut"));
    let link = by_role(
        &nav,
        "link",
        "The old quay gets new lights before Christmas",
    );
    assert_eq!(
        attr(&link, "href"),
        "https://harbour-herald.example/local/quay-lights"
    );
    assert!(
        text_of(&cards[2]).contains("19 Nov 2026"),
        "{}",
        text_of(&cards[2])
    );
    assert_eq!(
        by_role(&nav, "heading", "Related articles").tag_name(),
        "H2"
    );

    let root = show(NORWEGIAN).await;
    let nav = by_role(&root, "navigation", "Relaterte artikler");
    assert_eq!(all(&nav, ".aw-premium").len(), 2);
    assert_eq!(by_text(&nav, "Kun for abonnenter").len(), 2);
}

#[wasm_bindgen_test]
async fn latest_news_list() {
    let root = show(NORWEGIAN).await;
    let latest = by_role(&root, "complementary", "Siste nytt");
    let items = all_by_role(&latest, "listitem");
    assert_eq!(items.len(), 3);
    let first = by_role(&latest, "link", "Nattferga til øyene er tilbake i vinter");
    assert_eq!(
        attr(&first, "href"),
        "https://nordvik-tidende.example/lokalt/nattferga"
    );
}

#[wasm_bindgen_test]
async fn ai_badge_shows_the_disclosure_newsroom_policy_and_explanation() {
    let root = show(ENGLISH).await;
    let badge = by_role(&root, "complementary", "Made with AI");
    assert_eq!(
        by_text(&badge, "This article was generated with the help of AI and quality-checked by our journalists.").len(),
        1
    );
    assert_eq!(
        by_text(
            &badge,
            "Responsible newsroom: The Harbour Herald local news desk"
        )
        .len(),
        1
    );
    let policy = by_role(&badge, "link", "How we use AI");
    assert_eq!(
        attr(&policy, "href"),
        "https://harbour-herald.example/about/ai"
    );
    let details = all(&badge, "details").pop().expect("an expandable detail");
    assert!(!details.has_attribute("open"), "closed until asked");
    assert_eq!(
        text_of(&all(&details, "summary")[0]),
        "What does this mean?"
    );
    assert!(text_of(&details).contains("created by an AI model trained on examples"));

    let root = show(NORWEGIAN).await;
    let badge = by_role(&root, "complementary", "Laget med KI");
    assert!(text_of(&badge).contains("Ansvarlig redaksjon: Nordvik Tidendes nyhetsdesk"));
    assert_eq!(by_text(&badge, "Hva betyr dette?").len(), 1);
}

#[wasm_bindgen_test]
async fn publisher_block() {
    let root = show(ENGLISH).await;
    let publisher = all(&root, ".aw-publisher-name")
        .pop()
        .expect("a publisher line");
    assert_eq!(text_of(&publisher), "Published by The Harbour Herald");
    assert_eq!(
        attr(&by_role(&publisher, "link", "The Harbour Herald"), "href"),
        "https://harbour-herald.example/"
    );
}

/// Article text crosses to JavaScript as one string with UTF-16 offsets:
/// characters outside ASCII and outside the BMP must not shift any run.
#[wasm_bindgen_test]
async fn text_outside_ascii_keeps_every_run_in_place() {
    let json = r#"{"id":"u","title":"Ærlig talt 😀","published":"2026-11-01T10:00:00Z",
        "body":[
          {"type":"paragraph","text":"Blåbær 🫐 og **jordbær 🍓** i [Tromsø 🌌](https://example.org/tromsø) – ferdig."},
          {"type":"list","items":["første ✓","𝔘𝔫𝔦𝔠𝔬𝔡𝔢 *kursiv*"]},
          {"type":"readAlso","title":"Neste sak → 🚢","url":"/neste"}
        ]}"#;
    let root = mount(move || view! { <ArticleFromJson json=json.to_owned() entitled=true/> });
    leptos::task::tick().await;
    let paragraph = all(&root, ".aw-body p").remove(0);
    assert_eq!(
        text_of(&paragraph),
        "Blåbær 🫐 og jordbær 🍓 i Tromsø 🌌 – ferdig."
    );
    assert_eq!(text_of(&all_by_role(&paragraph, "strong")[0]), "jordbær 🍓");
    let link = by_role(&paragraph, "link", "Tromsø 🌌");
    assert_eq!(attr(&link, "href"), "https://example.org/tromsø");
    let items: Vec<String> = all(&root, ".aw-body li").iter().map(text_of).collect();
    assert_eq!(items, ["første ✓", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 kursiv"]);
    assert_eq!(text_of(&all_by_role(&root, "emphasis")[0]), "kursiv");
    by_role(&root, "link", "Neste sak → 🚢");
}

/// At most 12 related cards and 20 "Latest news" items, the first ones.
#[wasm_bindgen_test]
async fn long_related_and_latest_lists_are_cut_to_twelve_and_twenty() {
    let json = article_with_lists(
        "Lists",
        &list_items_json("Related", 30),
        &list_items_json("Latest", 30),
    );
    let root = mount(move || view! { <ArticleFromJson json entitled=true/> });
    leptos::task::tick().await;
    let related = by_role(&root, "navigation", "Related articles");
    let cards: Vec<String> = all(&related, "li").iter().map(text_of).collect();
    assert_eq!(cards.len(), 12);
    assert!(cards[0].contains("Related 1") && cards[11].contains("Related 12"));
    let latest = by_role(&root, "complementary", "Latest news");
    let news: Vec<String> = all(&latest, "li").iter().map(text_of).collect();
    assert_eq!(news.len(), 20);
    assert!(news[19].contains("Latest 20"));
}

/// An article in a right-to-left language is marked so: the browser then
/// lays it out from the right (the stylesheet uses logical properties).
#[wasm_bindgen_test]
async fn a_right_to_left_article_gets_dir_rtl() {
    article_widget::language_tables::add(
        article_widget::model::Lang::Ar,
        include_str!("../../src/strings/ar.json"),
    )
    .unwrap();
    let root = show(include_str!("../../www/articles/al-mina.json")).await;
    let page = all(&root, ".aw-page").pop().unwrap();
    assert_eq!(
        (attr(&page, "lang"), attr(&page, "dir")),
        ("ar".to_owned(), "rtl".to_owned())
    );
    let english = show(ENGLISH).await;
    assert_eq!(
        attr(&all(&english, ".aw-page").pop().unwrap(), "dir"),
        "ltr"
    );
}
