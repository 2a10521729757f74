//! The languages the widget has UI strings for, from a BCP 47 tag.

/// Declares the languages once: the enum, the list, each one's code,
/// locale and direction.
macro_rules! languages {
    ($($variant:ident => ($code:literal, $locale:literal, $name:literal),)*) => {
        /// The language of the UI strings and date formats.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lang {
            /// English (the default).
            #[default]
            En,
            $(#[doc = $name] $variant,)*
        }

        impl Lang {
            /// Every language, English first.
            pub const ALL: &'static [Lang] = &[Lang::En, $(Lang::$variant,)*];

            /// The language's code: `en`, `nb`, `sv`.
            pub fn code(self) -> &'static str {
                match self {
                    Lang::En => "en",
                    $(Lang::$variant => $code,)*
                }
            }

            /// The language's locale tag, as `Intl` names it (`en-GB`, `nb-NO`).
            pub fn locale(self) -> &'static str {
                match self {
                    Lang::En => "en-GB",
                    $(Lang::$variant => $locale,)*
                }
            }
        }
    };
}

languages! {
    Nb => ("nb", "nb-NO", "Norwegian Bokmål (also for `no`)."),
    Nn => ("nn", "nn-NO", "Norwegian Nynorsk."),
    Sv => ("sv", "sv-SE", "Swedish."),
    Da => ("da", "da-DK", "Danish."),
    Fi => ("fi", "fi-FI", "Finnish."),
    De => ("de", "de-DE", "German."),
    Fr => ("fr", "fr-FR", "French."),
    Es => ("es", "es-ES", "Spanish."),
    Pt => ("pt", "pt-PT", "Portuguese."),
    It => ("it", "it-IT", "Italian."),
    Nl => ("nl", "nl-NL", "Dutch."),
    Pl => ("pl", "pl-PL", "Polish."),
    Uk => ("uk", "uk-UA", "Ukrainian."),
    Ar => ("ar", "ar", "Arabic."),
}

impl Lang {
    /// Maps a BCP 47 tag to a supported language by its primary subtag
    /// (`nb-NO` and `no` to `Nb`, `de-AT` to `De`); `None` otherwise.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "no" => Some(Lang::Nb),
            code => Lang::ALL.iter().copied().find(|lang| lang.code() == code),
        }
    }

    /// The direction the language is written in, for the `dir` attribute.
    pub fn direction(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Whether the widget's own code holds this language's strings
    /// (English and Bokmål); the others come as a file of their own
    /// (`strings/<code>.json`) when an article needs them.
    pub fn is_built_in(self) -> bool {
        matches!(self, Lang::En | Lang::Nb)
    }
}
