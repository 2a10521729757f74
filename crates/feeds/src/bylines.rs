//! A byline as one string ("By Kari Nordmann and Ola Hansen, NTB") split
//! into the names it lists: a leading "By"/"Av"/"Von"/"Par"/"Por"/"Door"/
//! "Af", then names separated by commas and the word for "and" in English,
//! Norwegian, Danish, Swedish, German, French, Spanish and Dutch ("and",
//! "og", "och", "und", "et", "y", "en", "&"). A trailing news agency stays
//! a name of its own, as it is credited, and is an organisation: a one-word
//! name after a comma or slash ("…, NTB", "…/TT"), or a byline that is only
//! a known agency's name ("Reuters").

use super::v1::Author;

/// Agencies known by name, for a byline that names nothing else.
const AGENCIES: &[&str] = &[
    "afp",
    "ansa",
    "ap",
    "apa",
    "belga",
    "dpa",
    "efe",
    "epa",
    "ntb",
    "pa",
    "pap",
    "reuters",
    "ritzau",
    "sda",
    "stt",
    "tt",
    "ukrinform",
    "anp",
    "lusa",
    "ctk",
    "mti",
    "ana",
    "kyodo",
];

/// The authors a byline credits: people, and agencies as organisations.
pub fn authors(byline: &str) -> Vec<Author> {
    let names = split(byline);
    let count = names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(at, name)| {
            let one_word = !name.contains(char::is_whitespace);
            let trailing =
                count > 1 && at == count - 1 && one_word && after_separator(byline, &name);
            if trailing {
                Author::organization(name, None)
            } else {
                credited(name)
            }
        })
        .collect()
}

/// One name from a list of authors: an organisation when it is a known agency.
pub fn credited(name: String) -> Author {
    if AGENCIES.contains(&name.to_lowercase().as_str()) {
        Author::organization(name, None)
    } else {
        Author::person(name, None)
    }
}

/// Whether `name` ends the byline after a comma, semicolon or slash (not "and").
fn after_separator(byline: &str, name: &str) -> bool {
    let before = byline.trim_end().trim_end_matches('.').trim_end();
    before
        .strip_suffix(name)
        .is_some_and(|rest| rest.trim_end().ends_with([',', ';', '/']))
}

/// The words that introduce a byline, lower case, with their space.
const LEADS: &[&str] = &["by ", "av ", "von ", "par ", "por ", "door ", "af ", "de "];

/// The words for "and" between names.
const AND: &[&str] = &[
    " and ", " og ", " och ", " und ", " et ", " y ", " en ", " & ", " e ",
];

/// The names in `byline`, in order; the whole byline when it lists one.
pub fn split(byline: &str) -> Vec<String> {
    let mut rest = byline.trim();
    let lower = rest.to_lowercase();
    if let Some(lead) = LEADS.iter().find(|lead| lower.starts_with(*lead)) {
        // A lead word is ASCII: its length is a character boundary.
        rest = rest[lead.len()..].trim_start();
    }
    let mut names = Vec::new();
    for part in rest.split([',', ';', '/']) {
        let mut part = part.trim().to_owned();
        // "A and B": split on each word for "and", any case.
        loop {
            let lower = part.to_lowercase();
            let found = AND
                .iter()
                .filter_map(|and| lower.find(and).map(|at| (at, and.len())))
                .min();
            // Lower-casing keeps byte offsets for the ASCII separators only
            // when the text before them did not change length.
            match found {
                Some((at, len)) if lower.len() == part.len() && part.is_char_boundary(at) => {
                    let (before, after) = (
                        part[..at].trim().to_owned(),
                        part[at + len..].trim().to_owned(),
                    );
                    if !before.is_empty() {
                        names.push(before);
                    }
                    part = after;
                }
                _ => break,
            }
        }
        let part = part.trim().trim_end_matches('.').trim();
        if !part.is_empty() {
            names.push(part.to_owned());
        }
    }
    if names.is_empty() {
        let whole = byline.trim();
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole.to_owned()]
        };
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{authors, split};

    #[test]
    fn a_trailing_agency_is_an_organisation() {
        let kinds = |byline: &str| -> Vec<(String, bool)> {
            authors(byline)
                .into_iter()
                .map(|a| (a.name, a.kind == Some("organization")))
                .collect()
        };
        let owned = |list: &[(&str, bool)]| -> Vec<(String, bool)> {
            list.iter().map(|(n, o)| (n.to_string(), *o)).collect()
        };
        for (byline, expected) in [
            (
                "Av Kari Nordmann og Ola Hansen, NTB",
                &[
                    ("Kari Nordmann", false),
                    ("Ola Hansen", false),
                    ("NTB", true),
                ][..],
            ),
            (
                "Av Anna Svensson/TT",
                &[("Anna Svensson", false), ("TT", true)],
            ),
            (
                "Von Anna Schmidt, dpa.",
                &[("Anna Schmidt", false), ("dpa", true)],
            ),
            ("Reuters", &[("Reuters", true)]),
            // One word after "and" is a person's first name, not an agency.
            (
                "Ærlige Åse og Øyvind",
                &[("Ærlige Åse", false), ("Øyvind", false)],
            ),
            ("Madonna", &[("Madonna", false)]),
        ] {
            assert_eq!(kinds(byline), owned(expected), "{byline}");
        }
    }

    #[test]
    fn bylines_in_each_language_split_into_their_names() {
        for (byline, names) in [
            ("Kari Nordmann", &["Kari Nordmann"][..]),
            ("By Jonas Berg and Mari Lie", &["Jonas Berg", "Mari Lie"]),
            (
                "Jonas Berg, Mari Lie and Ola Hansen",
                &["Jonas Berg", "Mari Lie", "Ola Hansen"],
            ),
            (
                "Av Kari Nordmann og Ola Hansen, NTB",
                &["Kari Nordmann", "Ola Hansen", "NTB"],
            ),
            (
                "Av Anna Svensson och Erik Lind/TT",
                &["Anna Svensson", "Erik Lind", "TT"],
            ),
            (
                "Von Anna Schmidt und Jonas Weber, dpa",
                &["Anna Schmidt", "Jonas Weber", "dpa"],
            ),
            (
                "Par Marie Dubois et Luc Martin",
                &["Marie Dubois", "Luc Martin"],
            ),
            ("Por Ana García y Luis Pérez", &["Ana García", "Luis Pérez"]),
            ("BY ANNA SMITH & JOHN DOE", &["ANNA SMITH", "JOHN DOE"]),
            ("Ærlige Åse og Øyvind", &["Ærlige Åse", "Øyvind"]),
        ] {
            assert_eq!(split(byline), names, "{byline}");
        }
        assert!(split("  ").is_empty());
    }
}
