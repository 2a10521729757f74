//! Dates as feeds write them, read with chrono: RFC 3339; ISO 8601 with an
//! offset without a colon (`+0100`, as large publishers write it) or
//! without seconds; a trailing `UTC` or `GMT`; RFC 2822 (`Tue, 3 Nov 2026
//! 08:30:00 +0100`); a time without an offset or a date alone, read as UTC
//! with a warning. v1 gets RFC 3339.

use super::Dropped;
use article_format::quoted;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};

/// How a date was read.
#[derive(Debug, PartialEq)]
enum Read {
    /// With its offset (or explicitly UTC).
    Exact(DateTime<FixedOffset>),
    /// A time without an offset: taken as UTC.
    NoOffset(DateTime<FixedOffset>),
    /// A date alone: midnight UTC.
    DateOnly(DateTime<FixedOffset>),
}

const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%d %H:%M%:z",
];

const WITHOUT_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
];

fn read(text: &str) -> Option<Read> {
    let text = text.trim();
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(Read::Exact(date));
    }
    if let Some(date) = WITH_OFFSET
        .iter()
        .find_map(|format| DateTime::parse_from_str(text, format).ok())
    {
        return Some(Read::Exact(date));
    }
    let utc = |naive: NaiveDateTime| Utc.from_utc_datetime(&naive).fixed_offset();
    // `2022-05-04T03:00:00 UTC`: said to be UTC, so exact.
    for zone in ["UTC", "GMT", "Z", "z"] {
        if let Some(rest) = text.strip_suffix(zone) {
            if let Some(naive) = naive(rest.trim_end()) {
                return Some(Read::Exact(utc(naive)));
            }
        }
    }
    if let Some(naive) = naive(text) {
        return Some(Read::NoOffset(utc(naive)));
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(Read::DateOnly(utc(day.and_hms_opt(0, 0, 0)?)));
    }
    DateTime::parse_from_rfc2822(text).ok().map(Read::Exact)
}

fn naive(text: &str) -> Option<NaiveDateTime> {
    WITHOUT_OFFSET
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

fn rfc3339(date: DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// An optional date field as v1 wants it; an unreadable one is left out
/// with a warning naming the field, one without an offset is read as UTC
/// with a warning.
pub fn optional_date(text: Option<&str>, field: &str, dropped: &mut Dropped) -> Option<String> {
    let text = text.map(str::trim).filter(|text| !text.is_empty())?;
    match read(text) {
        Some(Read::Exact(date)) => Some(rfc3339(date)),
        Some(Read::NoOffset(date)) => {
            dropped.note(field, "its offset (no offset: read as UTC)");
            Some(rfc3339(date))
        }
        Some(Read::DateOnly(date)) => {
            dropped.note(field, "its time (a date alone: read as midnight UTC)");
            Some(rfc3339(date))
        }
        None => {
            dropped.note(
                field,
                &format!(
                    "an unreadable date {} (expected ISO 8601 or RFC 2822)",
                    quoted(text)
                ),
            );
            None
        }
    }
}

/// The publication date: the first of `candidates` (field, text) that
/// reads, the source's own publication date first and then the other
/// dates it has (created, issued, modified). Using another one, or none
/// at all (the page then shows no dateline), is said in a warning.
pub fn publication_date(
    candidates: &[(&str, Option<&str>)],
    dropped: &mut Dropped,
) -> Option<String> {
    let first = candidates
        .first()
        .map(|(field, _)| *field)
        .unwrap_or("date");
    for (index, (field, text)) in candidates.iter().enumerate() {
        if let Some(date) = optional_date(*text, field, dropped) {
            if index > 0 {
                dropped.say(
                    first,
                    &format!("missing or unreadable: {field} is the publication date"),
                );
            }
            return Some(date);
        }
    }
    dropped.say(first, "missing: no date in the source, so no dateline");
    None
}

/// WordPress writes the site's wall-clock time without an offset (`date`)
/// and the same moment in UTC (`date_gmt`): their difference is the
/// offset. A `date` that has an offset already is read as it is.
pub fn wordpress_date(
    local: Option<&str>,
    utc: Option<&str>,
    field: &str,
    dropped: &mut Dropped,
) -> Option<String> {
    let text = local.map(str::trim).filter(|text| !text.is_empty())?;
    let (Some(local), Some(utc)) = (naive(text), utc.map(str::trim).and_then(naive)) else {
        if read(text).is_some_and(|read| matches!(read, Read::NoOffset(_))) {
            dropped.note(
                field,
                &format!("{field}_gmt (missing: the time is read as UTC)"),
            );
            return naive(text).map(|naive| rfc3339(Utc.from_utc_datetime(&naive).fixed_offset()));
        }
        return optional_date(Some(text), field, dropped);
    };
    let seconds = (local - utc).num_seconds();
    let offset = FixedOffset::east_opt(i32::try_from(seconds).ok()?)?;
    offset.from_local_datetime(&local).single().map(rfc3339)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> (Option<String>, Vec<String>) {
        let mut dropped = Dropped::default();
        let date = optional_date(Some(text), "date", &mut dropped);
        (date, dropped.messages(crate::Format::JsonLd))
    }

    #[test]
    fn dates_as_feeds_write_them() {
        for (text, expected) in [
            ("2026-11-20T07:45:00+01:00", "2026-11-20T07:45:00+01:00"),
            ("2026-11-20T07:45:00Z", "2026-11-20T07:45:00Z"),
            (
                "2026-11-20T07:45:00.250+01:00",
                "2026-11-20T07:45:00.250+01:00",
            ),
            ("2026-11-20T07:45:00+0100", "2026-11-20T07:45:00+01:00"),
            ("2026-11-20T07:45+01:00", "2026-11-20T07:45:00+01:00"),
            ("2026-11-20T07:45-0500", "2026-11-20T07:45:00-05:00"),
            ("2026-11-20 07:45:00+0100", "2026-11-20T07:45:00+01:00"),
            ("2022-05-04T03:00:00 UTC", "2022-05-04T03:00:00Z"),
            ("2022-05-04 03:00:00 GMT", "2022-05-04T03:00:00Z"),
            (
                "Fri, 20 Nov 2026 07:45:00 +0100",
                "2026-11-20T07:45:00+01:00",
            ),
            ("Fri, 20 Nov 2026 06:45:00 GMT", "2026-11-20T06:45:00Z"),
        ] {
            assert_eq!(
                date(text),
                (Some(expected.to_owned()), Vec::new()),
                "{text}"
            );
        }
        let (read, warnings) = date("2026-11-20T07:45:00");
        assert_eq!(read.as_deref(), Some("2026-11-20T07:45:00Z"));
        assert_eq!(
            warnings,
            ["jsonld: date: its offset (no offset: read as UTC) dropped"]
        );
        let (read, warnings) = date("2026-11-20");
        assert_eq!(read.as_deref(), Some("2026-11-20T00:00:00Z"));
        assert_eq!(warnings.len(), 1);
        let (read, warnings) = date("yesterday");
        assert_eq!(read, None);
        assert_eq!(
            warnings,
            ["jsonld: date: an unreadable date \"yesterday\" (expected ISO 8601 or RFC 2822) dropped"]
        );
        assert_eq!(date("2026-02-30T07:45:00Z").0, None, "not a day");
    }

    #[test]
    fn the_publication_date_falls_back_to_the_other_dates() {
        let mut dropped = Dropped::default();
        let date = publication_date(
            &[
                ("datePublished", Some("soon")),
                ("dateCreated", Some("2026-11-20T07:45:00Z")),
            ],
            &mut dropped,
        );
        assert_eq!(date.as_deref(), Some("2026-11-20T07:45:00Z"));
        assert_eq!(
            dropped.messages(crate::Format::Anf),
            [
                "anf: datePublished: an unreadable date \"soon\" (expected ISO 8601 or RFC 2822) dropped",
                "anf: datePublished: missing or unreadable: dateCreated is the publication date",
            ]
        );
        let mut dropped = Dropped::default();
        assert_eq!(
            publication_date(&[("datePublished", None)], &mut dropped),
            None
        );
        assert_eq!(
            dropped.messages(crate::Format::Anf),
            ["anf: datePublished: missing: no date in the source, so no dateline"]
        );
    }

    #[test]
    fn the_offset_is_the_difference_between_local_time_and_utc() {
        let mut dropped = Dropped::default();
        let date = |local: &str, utc: Option<&str>, dropped: &mut Dropped| {
            wordpress_date(Some(local), utc, "date", dropped)
        };
        assert_eq!(
            date(
                "2026-11-20T07:45:00",
                Some("2026-11-20T06:45:00"),
                &mut dropped
            )
            .as_deref(),
            Some("2026-11-20T07:45:00+01:00")
        );
        assert_eq!(
            date(
                "2026-11-20T01:15:00",
                Some("2026-11-20T06:45:00"),
                &mut dropped
            )
            .as_deref(),
            Some("2026-11-20T01:15:00-05:30")
        );
        assert_eq!(
            date("2026-11-20T07:45:00+0100", None, &mut dropped).as_deref(),
            Some("2026-11-20T07:45:00+01:00")
        );
        assert!(dropped.kinds.is_empty());
        assert_eq!(
            date("2026-11-20T07:45:00", None, &mut dropped).as_deref(),
            Some("2026-11-20T07:45:00Z")
        );
        assert_eq!(dropped.kinds.len(), 1);
    }
}
