//! The languages the widget has UI strings for, from a BCP 47 tag.

/// The language of the UI strings and date formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    /// English (the default).
    En,
    /// Norwegian Bokmål (also for `no` and `nn`).
    Nb,
}

impl Lang {
    /// Maps a BCP 47 tag to a supported language: Norwegian in any form
    /// (`nb`, `no`, `nn`, `nb-NO`) to `Nb`, English to `En`; `None` otherwise.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's code: `en`, `nb`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        }
    }

    /// The language's locale tag, as `Intl` names it (`en-GB`, `nb-NO`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Nb => "nb-NO",
        }
    }
}
