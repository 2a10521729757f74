//! A byline as one string ("By Kari Nordmann and Ola Hansen, NTB") split
//! into the names it lists: a leading "By"/"Av"/"Von"/"Par"/"Por"/"Door"/
//! "Af", then names separated by commas and the word for "and" in English,
//! Norwegian, Danish, Swedish, German, French, Spanish and Dutch ("and",
//! "og", "och", "und", "et", "y", "en", "&"). A trailing news agency stays
//! a name of its own, as it is credited.

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
    use super::split;

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
