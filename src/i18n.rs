//! The UI strings, in English and Norwegian Bokmål here and in thirteen
//! more languages from `language_tables`. Each has a stable key so
//! publishers can override it by name.

use crate::language_tables::table;
use crate::model::Lang;
use std::collections::BTreeMap;

/// Declares the UI strings once: the enum, the list of all of them, and each
/// one's key and wording, so none can be missing from a language.
macro_rules! ui_texts {
    ($($variant:ident => ($key:literal, $en:literal, $nb:literal),)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text {
            $($variant,)*
        }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$variant,)*];

            /// `(key, English, Norwegian Bokmål)`.
            fn entry(self) -> (&'static str, &'static str, &'static str) {
                match self {
                    $(Text::$variant => ($key, $en, $nb),)*
                }
            }
        }
    };
}

ui_texts! {
    By => ("by", "By", "Av"),
    And => ("and", "and", "og"),
    Updated => ("updated", "Updated", "Oppdatert"),
    ReadAlso => ("readAlso", "Read also:", "Les også:"),
    SubscribersOnly => ("subscribersOnly", "Subscribers only", "Kun for abonnenter"),
    RelatedArticles => ("relatedArticles", "Related articles", "Relaterte artikler"),
    LatestNews => ("latestNews", "Latest news", "Siste nytt"),
    PublishedBy => ("publishedBy", "Published by", "Publisert av"),
    AiMark => ("aiMark", "AI", "KI"),
    AiBadgeTitle => ("aiBadgeTitle", "Made with AI", "Laget med KI"),
    AiResponsibleNewsroom => ("aiResponsibleNewsroom", "Responsible newsroom:", "Ansvarlig redaksjon:"),
    AiPolicyLink => ("aiPolicyLink", "How we use AI", "Slik bruker vi KI"),
    AiWhatDoesThisMean => ("aiWhatDoesThisMean", "What does this mean?", "Hva betyr dette?"),
    Loading => ("loading", "Loading the article…", "Laster artikkelen …"),
    ErrorTitle => ("errorTitle", "The article could not be shown", "Artikkelen kan ikke vises"),
    Retry => ("retry", "Try again", "Prøv igjen"),
    Share => ("share", "Share", "Del"),
    ShareMenu => ("shareMenu", "Share this article", "Del denne artikkelen"),
    ShareOn => ("shareOn", "Share on {name}", "Del på {name}"),
    ShareByEmail => ("shareByEmail", "Send by e-mail", "Send på e-post"),
    Email => ("email", "E-mail", "E-post"),
    CopyLink => ("copyLink", "Copy link", "Kopier lenke"),
    LinkCopied => ("linkCopied", "Link copied", "Lenke kopiert"),
    CopyFailed => ("copyFailed", "Select the link and copy it:", "Merk lenken og kopier den:"),
    LinkToArticle => ("linkToArticle", "Link to the article", "Lenke til artikkelen"),
    Notifications => ("notifications", "Get notifications", "Få varsler"),
    NotificationsPromptTitle => ("notificationsPromptTitle", "Notifications", "Varsler"),
    NotificationsPrompt => ("notificationsPrompt", "Get a notification when we publish important news.", "Få et varsel når vi publiserer viktige nyheter."),
    NotificationsTopics => ("notificationsTopics", "Topics", "Emner"),
    TurnOn => ("turnOn", "Turn on", "Slå på"),
    NotNow => ("notNow", "Not now", "Ikke nå"),
    Close => ("close", "Close", "Lukk"),
    NotificationsOn => ("notificationsOn", "Notifications are on for: {topics}", "Varsler er på for: {topics}"),
    NotificationsOnNoTopics => ("notificationsOnNoTopics", "Notifications are on", "Varsler er på"),
    NotificationsOff => ("notificationsOff", "Notifications are off", "Varsler er slått av"),
    NotificationsDenied => ("notificationsDenied", "Notifications are blocked for this site. To get them, allow notifications in your browser's site settings (often behind the icon next to the address), then try again.", "Varsler er blokkert for dette nettstedet. For å få dem må du tillate varsler i nettleserens innstillinger for nettstedet (ofte bak ikonet ved adressen), og så prøve igjen."),
    NotificationsUnsupported => ("notificationsUnsupported", "This browser cannot show notifications from this site.", "Denne nettleseren kan ikke vise varsler fra dette nettstedet."),
    NotificationsHomeScreen => ("notificationsHomeScreen", "On iPhone and iPad, notifications work only when this site is on your Home Screen: tap Share, then Add to Home Screen, and open the site from there.", "På iPhone og iPad virker varsler bare når nettstedet ligger på Hjem-skjermen: trykk Del, så Legg til på Hjem-skjerm, og åpne nettstedet derfra."),
    NotificationsFailed => ("notificationsFailed", "Sorry, notifications could not be turned on just now. Please try again in a moment.", "Beklager, varsler kunne ikke slås på akkurat nå. Prøv igjen om litt."),
    NotificationsOffFailed => ("notificationsOffFailed", "Sorry, notifications could not be turned off just now. Please try again in a moment.", "Beklager, varsler kunne ikke slås av akkurat nå. Prøv igjen om litt."),
    Subscribe => ("subscribe", "Subscribe", "Abonner"),
    LogIn => ("logIn", "Log in", "Logg inn"),
    Donate => ("donate", "Donate", "Donér"),
    WallPremiumTitle => ("wallPremiumTitle", "This article is for subscribers", "Denne artikkelen er for abonnenter"),
    WallMeteredTitle => ("wallMeteredTitle", "You have read all your free articles", "Du har lest alle gratisartiklene dine"),
    WallText => ("wallText", "Subscribe to read the rest, or log in if you already subscribe.", "Abonner for å lese resten, eller logg inn hvis du allerede abonnerer."),
    MeterLeftMany => ("meterLeftMany", "You can read {n} more free articles.", "Du kan lese {n} gratisartikler til."),
    MeterLeftOne => ("meterLeftOne", "You can read 1 more free article.", "Du kan lese 1 gratisartikkel til."),
    MeterLeftNone => ("meterLeftNone", "This is your last free article.", "Dette er din siste gratisartikkel."),
    DonationPromptTitle => ("donationPromptTitle", "Support our journalism", "Støtt journalistikken vår"),
    DonationPrompt => ("donationPrompt", "You have just read a free article. We exist only through our readers: subscribe or donate!", "Du har nettopp lest en gratisartikkel. Vi lever kun gjennom våre lesere: abonner eller donér!"),
    DonationPromptDismissed => ("donationPromptDismissed", "Thank you. We will not ask again for a while.", "Takk. Vi spør ikke igjen på en stund."),
}

impl Text {
    pub fn key(self) -> &'static str {
        self.entry().0
    }

    /// The string in `lang`; English while (or if) a language's table is
    /// not here (see `language_tables`).
    pub fn get(self, lang: Lang) -> &'static str {
        let (_, en, nb) = self.entry();
        match lang {
            Lang::Nb => nb,
            _ => table(lang).map_or(en, |table| table.text(self)),
        }
    }

    /// The string with `{name}` placeholders filled in.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.get(lang).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

/// The UI strings of one widget: the language's table, with the article's
/// `strings` overrides (by key) on top.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiStrings {
    pub lang: Lang,
    overrides: BTreeMap<String, String>,
}

/// The longest UI string override taken: a label is a few words, and one
/// unbroken word of 200,000 characters froze layout for 11 s.
pub const MAX_STRING_CHARS: usize = 200;

fn too_long(text: &str) -> bool {
    text.chars().nth(MAX_STRING_CHARS).is_some()
}

impl UiStrings {
    /// Overrides longer than [`MAX_STRING_CHARS`] are left out (the built-in
    /// string shows; [`document_warnings`] says so).
    pub fn new(lang: Lang, mut overrides: BTreeMap<String, String>) -> Self {
        overrides.retain(|_, text| !too_long(text));
        UiStrings { lang, overrides }
    }

    pub fn get(&self, text: Text) -> String {
        match self.overrides.get(text.key()) {
            Some(custom) => custom.clone(),
            None => text.get(self.lang).to_owned(),
        }
    }

    /// The string with `{name}` placeholders filled in.
    pub fn fill(&self, text: Text, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.get(text), |filled, (name, value)| {
            filled.replace(&format!("{{{name}}}"), value)
        })
    }
}

/// Whether `key` names a UI string (for warnings about misspelt overrides).
pub fn is_known_key(key: &str) -> bool {
    Text::ALL.iter().any(|text| text.key() == key)
}

/// What a newer feed may hold that this version skips: the model's warnings
/// (unknown block types, languages), UI string overrides with a key no
/// string has (kept, harmless) and overrides too long to use. One line per
/// kind, however many there are.
pub fn document_warnings(parsed: &crate::model::Parsed) -> Vec<String> {
    let strings = &parsed.article.strings;
    let unknown_keys = strings
        .keys()
        .filter(|key| !is_known_key(key))
        .map(|key| ("unknown", format!("strings.{key}")));
    let overlong = strings
        .iter()
        .filter(|(_, text)| too_long(text))
        .map(|(key, _)| ("long", format!("strings.{key}")));
    let mut warnings = parsed.warnings.clone();
    warnings.extend(crate::model::summarise(
        "strings",
        unknown_keys.chain(overlong),
        |kind, count| match (kind, count) {
            ("unknown", 1) => "no UI string has this key; ignored".to_owned(),
            ("unknown", _) => format!("{count} keys no UI string has; ignored"),
            (_, 1) => {
                format!("longer than {MAX_STRING_CHARS} characters; the built-in string shows")
            }
            _ => format!(
                "{count} strings longer than {MAX_STRING_CHARS} characters; the built-in strings show"
            ),
        },
    ));
    warnings
}

/// A plain-words explanation of an IPTC digital source type, for the AI
/// badge's detail. Types without their own wording get a general one.
pub fn explain_source_type(name: Option<&str>, lang: Lang) -> &'static str {
    let (en, nb) = match name {
        Some("trainedAlgorithmicMedia") => (
            "The content was created by an AI model trained on examples, then checked by people in the newsroom.",
            "Innholdet er laget av en KI-modell trent på eksempler, og deretter kontrollert av folk i redaksjonen.",
        ),
        Some("compositeWithTrainedAlgorithmicMedia") => (
            "The content combines material made by people with material made by an AI model.",
            "Innholdet kombinerer materiale laget av mennesker med materiale laget av en KI-modell.",
        ),
        Some("algorithmicallyEnhanced") => (
            "Material made by people was improved or edited with the help of AI tools.",
            "Materiale laget av mennesker er forbedret eller redigert med hjelp av KI-verktøy.",
        ),
        Some("compositeSynthetic") => (
            "The content is put together from several sources, some of them made by software.",
            "Innholdet er satt sammen av flere kilder, og noen av dem er laget av programvare.",
        ),
        Some("algorithmicMedia") | Some("dataDrivenMedia") => (
            "The content was produced automatically by software from data, following rules set by the newsroom.",
            "Innholdet er laget automatisk av programvare ut fra data, etter regler satt av redaksjonen.",
        ),
        _ => (
            "An AI tool helped make this content. People in the newsroom are responsible for it.",
            "Et KI-verktøy har hjulpet til med å lage dette innholdet. Folk i redaksjonen står ansvarlige for det.",
        ),
    };
    match lang {
        Lang::Nb => nb,
        _ => table(lang).map_or(en, |table| {
            // The two kinds that share one explanation share its key.
            table.source_type(match name {
                Some("dataDrivenMedia") => "algorithmicMedia",
                Some(name) => name,
                None => "other",
            })
        }),
    }
}

// Natively: one test reads JSON text with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_string_exists_in_both_languages_with_a_unique_key() {
        let mut keys = HashSet::new();
        for text in Text::ALL {
            assert!(keys.insert(text.key()), "duplicate key {}", text.key());
            assert!(!text.get(Lang::En).is_empty() && !text.get(Lang::Nb).is_empty());
        }
    }

    #[test]
    fn the_embedding_guide_lists_every_key() {
        let guide = include_str!("../docs/embedding.md");
        for text in Text::ALL {
            let row = format!("| `{}` | {} |", text.key(), text.get(Lang::En));
            assert!(guide.contains(&row), "docs/embedding.md lacks {row}");
        }
    }

    /// The tables of src/strings/ (not loaded yet; see its README): every
    /// key the built-in languages have, the same `{placeholders}`, twelve
    /// months of each form, the four date patterns and a word for every
    /// source type the badge explains.
    #[test]
    fn language_tables_are_complete() {
        let placeholders = |text: &str| -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/strings");
        let mut tables = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            tables += 1;
            let name = path.display().to_string();
            let table: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let strings = table["strings"].as_object().unwrap();
            assert_eq!(strings.len(), Text::ALL.len(), "{name}: keys");
            for text in Text::ALL {
                let own = strings[text.key()].as_str().unwrap_or_default();
                assert!(!own.trim().is_empty(), "{name}: {}", text.key());
                assert_eq!(
                    placeholders(own),
                    placeholders(text.get(Lang::En)),
                    "{name}: {}",
                    text.key()
                );
            }
            for months in ["months", "monthsShort"] {
                assert_eq!(table[months].as_array().unwrap().len(), 12, "{name}");
            }
            for style in ["long", "longWithTime", "medium", "time"] {
                assert!(table["dates"][style].is_string(), "{name}: {style}");
            }
            assert!(table["dates"]["longWithTime"]
                .as_str()
                .unwrap()
                .contains("{time}"));
            assert_eq!(table["sourceTypes"].as_object().unwrap().len(), 6, "{name}");
        }
        assert_eq!(tables, 13);
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(Text::ShareOn.fill(Lang::Nb, &[("name", "X")]), "Del på X");
        assert_eq!(
            Text::MeterLeftMany.fill(Lang::En, &[("n", "3")]),
            "You can read 3 more free articles."
        );
    }

    #[test]
    fn source_types_have_words_and_a_fallback() {
        let specific = explain_source_type(Some("trainedAlgorithmicMedia"), Lang::En);
        let fallback = explain_source_type(Some("somethingNew"), Lang::En);
        assert_ne!(specific, fallback);
        assert_eq!(fallback, explain_source_type(None, Lang::En));
        assert!(explain_source_type(None, Lang::Nb).contains("KI"));
    }

    #[test]
    fn long_and_unknown_overrides_are_left_out_with_one_warning_each_kind() {
        let mut strings = BTreeMap::new();
        strings.insert("share".to_owned(), "x".repeat(MAX_STRING_CHARS + 1));
        strings.insert("subscribe".to_owned(), "y".repeat(MAX_STRING_CHARS));
        for i in 0..1000 {
            strings.insert(format!("nokey{i:04}"), "z".to_owned());
        }
        let ui = UiStrings::new(Lang::En, strings.clone());
        assert_eq!(
            ui.get(Text::Share),
            Text::Share.get(Lang::En),
            "too long: built-in"
        );
        assert_eq!(ui.get(Text::Subscribe), "y".repeat(MAX_STRING_CHARS));
        let json = format!(
            r#"{{"id":"a","title":"t","published":"2026-11-01T10:00:00Z","body":[],"strings":{}}}"#,
            serde_json::to_string(&strings).unwrap()
        );
        let parsed = crate::model::parse_article(&json).unwrap();
        assert_eq!(
            document_warnings(&parsed),
            vec![
                "strings: 1000 keys no UI string has; ignored (strings.nokey0000, strings.nokey0001, strings.nokey0002, …)".to_owned(),
                "strings.share: longer than 200 characters; the built-in string shows".to_owned(),
            ]
        );
    }
}

/// How much of a timestamp to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "1 November 2025" / "1. november 2025": the dateline.
    Long,
    /// "2 November 2025 at 14:05" / "2. november 2025 kl. 14:05".
    LongWithTime,
    /// "1 Nov 2025" / "1. nov. 2025": cards and lists.
    Medium,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_NB_SHORT: [&str; 12] = [
    "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.",
];

/// A timestamp's wall clock in words, as the browser's `Intl.DateTimeFormat`
/// writes it for `en-GB` and `nb-NO` (the browser suite checks that they
/// agree in Chromium and Firefox). The same words on a server and in the
/// browser, and no `Intl` at start: making its formatters cost the browser
/// 16–37 ms (its locale data), a third of a hydration (`make bench`).
pub fn format_date(date: &crate::model::DateTime, lang: Lang, style: DateStyle) -> String {
    let month = usize::from(date.month.clamp(1, 12) - 1);
    let (day, year) = (date.day, date.year);
    let time = format!("{:02}:{:02}", date.hour, date.minute);
    if let Some(table) = table(lang) {
        return from_pattern(date, table, style);
    }
    match (lang, style) {
        (Lang::Nb, DateStyle::Long) => format!("{day}. {} {year}", MONTHS_NB[month]),
        (Lang::Nb, DateStyle::LongWithTime) => {
            format!("{day}. {} {year} kl. {time}", MONTHS_NB[month])
        }
        (Lang::Nb, DateStyle::Medium) => format!("{day}. {} {year}", MONTHS_NB_SHORT[month]),
        (_, DateStyle::Long) => format!("{day} {} {year}", MONTHS_EN[month]),
        (_, DateStyle::LongWithTime) => {
            format!("{day} {} {year} at {time}", MONTHS_EN[month])
        }
        (_, DateStyle::Medium) => format!("{day} {} {year}", MONTHS_EN_SHORT[month]),
    }
}

/// A date in a loaded language: its pattern with the placeholders filled.
fn from_pattern(
    date: &crate::model::DateTime,
    table: &crate::language_tables::LanguageTable,
    style: DateStyle,
) -> String {
    let month = usize::from(date.month.clamp(1, 12) - 1);
    let pattern = match style {
        DateStyle::Long => &table.dates.long,
        DateStyle::LongWithTime => &table.dates.long_with_time,
        DateStyle::Medium => &table.dates.medium,
    };
    let time = table
        .dates
        .time
        .replace("{hh}", &format!("{:02}", date.hour))
        .replace("{mm}", &format!("{:02}", date.minute));
    pattern
        .replace("{time}", &time)
        .replace("{monthShort}", &table.months_short[month])
        .replace("{monthNumber}", &date.month.to_string())
        .replace("{month2}", &format!("{:02}", date.month))
        .replace("{month}", &table.months[month])
        .replace("{day}", &date.day.to_string())
        .replace("{year}", &date.year.to_string())
}
