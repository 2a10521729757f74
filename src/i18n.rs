//! The UI strings, in English and Norwegian Bokmål, from one table. Each has
//! a stable key so publishers will be able to override it by name.

use crate::model::Lang;

/// A UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    By,
    And,
    Updated,
    ReadAlso,
    SubscribersOnly,
    RelatedArticles,
    LatestNews,
    PublishedBy,
    AiMark,
    AiBadgeTitle,
    AiResponsibleNewsroom,
    AiPolicyLink,
    AiWhatDoesThisMean,
    Loading,
    ErrorTitle,
}

impl Text {
    pub const ALL: &'static [Text] = &[
        Text::By,
        Text::And,
        Text::Updated,
        Text::ReadAlso,
        Text::SubscribersOnly,
        Text::RelatedArticles,
        Text::LatestNews,
        Text::PublishedBy,
        Text::AiMark,
        Text::AiBadgeTitle,
        Text::AiResponsibleNewsroom,
        Text::AiPolicyLink,
        Text::AiWhatDoesThisMean,
        Text::Loading,
        Text::ErrorTitle,
    ];

    /// `(key, English, Norwegian Bokmål)`.
    fn entry(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Text::By => ("by", "By", "Av"),
            Text::And => ("and", "and", "og"),
            Text::Updated => ("updated", "Updated", "Oppdatert"),
            Text::ReadAlso => ("readAlso", "Read also:", "Les også:"),
            Text::SubscribersOnly => ("subscribersOnly", "Subscribers only", "Kun for abonnenter"),
            Text::RelatedArticles => ("relatedArticles", "Related articles", "Relaterte artikler"),
            Text::LatestNews => ("latestNews", "Latest news", "Siste nytt"),
            Text::PublishedBy => ("publishedBy", "Published by", "Publisert av"),
            Text::AiMark => ("aiMark", "AI", "KI"),
            Text::AiBadgeTitle => ("aiBadgeTitle", "Made with AI", "Laget med KI"),
            Text::AiResponsibleNewsroom => (
                "aiResponsibleNewsroom",
                "Responsible newsroom:",
                "Ansvarlig redaksjon:",
            ),
            Text::AiPolicyLink => ("aiPolicyLink", "How we use AI", "Slik bruker vi KI"),
            Text::AiWhatDoesThisMean => (
                "aiWhatDoesThisMean",
                "What does this mean?",
                "Hva betyr dette?",
            ),
            Text::Loading => ("loading", "Loading the article…", "Laster artikkelen …"),
            Text::ErrorTitle => (
                "errorTitle",
                "The article could not be shown",
                "Artikkelen kan ikke vises",
            ),
        }
    }

    pub fn key(self) -> &'static str {
        self.entry().0
    }

    pub fn get(self, lang: Lang) -> &'static str {
        let (_, en, nb) = self.entry();
        match lang {
            Lang::En => en,
            Lang::Nb => nb,
        }
    }
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
        Lang::En => en,
        Lang::Nb => nb,
    }
}

#[cfg(test)]
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
    fn source_types_have_words_and_a_fallback() {
        let specific = explain_source_type(Some("trainedAlgorithmicMedia"), Lang::En);
        let fallback = explain_source_type(Some("somethingNew"), Lang::En);
        assert_ne!(specific, fallback);
        assert_eq!(fallback, explain_source_type(None, Lang::En));
        assert!(explain_source_type(None, Lang::Nb).contains("KI"));
    }
}
