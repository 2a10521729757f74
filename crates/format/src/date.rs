//! RFC 3339 timestamps. The widget shows the date and time as the newsroom
//! wrote them (the wall clock of the given offset), so the dateline is the
//! same for every reader; `i18n::format_date` turns the fields into words.

use super::quoted;

/// A validated RFC 3339 date-time, e.g. `2025-11-01T08:30:00+01:00`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// The year, 1 to 9999.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month.
    pub day: u8,
    /// The hour, 0 to 23.
    pub hour: u8,
    /// The minute.
    pub minute: u8,
    /// The second.
    pub second: u8,
    /// The offset from UTC in minutes (`Z` is 0).
    pub offset_minutes: i16,
    /// The text as given, for `<time datetime>` and metadata.
    pub rfc3339: String,
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.rfc3339)
    }
}

impl DateTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`, `z` and a
    /// space in place of `T` are accepted as RFC 3339 allows.
    pub fn parse(text: &str) -> Result<Self, String> {
        let invalid = || {
            format!(
                "expected an RFC 3339 date-time such as \"2025-11-01T08:30:00+01:00\", found {}",
                quoted(text)
            )
        };
        let b = text.as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return Err(invalid());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u16, String> {
            let digits = &b[range];
            if digits.iter().all(u8::is_ascii_digit) {
                Ok(digits.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
            } else {
                Err(invalid())
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return Err(invalid());
            }
            rest = &rest[1 + digits..];
        }
        let offset_minutes = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let offset_text = [*h1, *h2, *m1, *m2];
                if !offset_text.iter().all(u8::is_ascii_digit) {
                    return Err(invalid());
                }
                let hours = i16::from(h1 - b'0') * 10 + i16::from(h2 - b'0');
                let minutes = i16::from(m1 - b'0') * 10 + i16::from(m2 - b'0');
                if hours > 23 || minutes > 59 {
                    return Err(format!(
                        "the UTC offset is out of range in {}",
                        quoted(text)
                    ));
                }
                let total = hours * 60 + minutes;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return Err(invalid()),
        };
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("{} is not a day in the calendar", quoted(text)));
        }
        // 60 is a leap second, which RFC 3339 allows.
        if hour > 23 || minute > 59 || second > 60 {
            return Err(format!("{} is not a time of day", quoted(text)));
        }
        Ok(DateTime {
            year,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            offset_minutes,
            rfc3339: text.to_owned(),
        })
    }

    /// Milliseconds since 1970-01-01T00:00:00Z of the instant (for ordering
    /// and for the metering rules, which compare instants).
    pub fn unix_millis(&self) -> i64 {
        self.wall_clock_millis() - i64::from(self.offset_minutes) * 60_000
    }

    /// The date and time as written, counted as if it were UTC: formatting
    /// this in the UTC time zone shows the newsroom's own wall clock.
    pub fn wall_clock_millis(&self) -> i64 {
        let days = days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let seconds = days * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second.min(59));
        seconds * 1_000
    }
}

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days in `month` (1-12) of `year`, leap years counted.
pub fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_fractions_and_zulu() {
        let d = DateTime::parse("2025-11-01T08:30:15+01:00").unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.hour, d.minute, d.second),
            (2025, 11, 1, 8, 30, 15)
        );
        assert_eq!(d.offset_minutes, 60);
        assert_eq!(
            DateTime::parse("2025-11-01T08:30:15.123Z")
                .unwrap()
                .offset_minutes,
            0
        );
        assert_eq!(
            DateTime::parse("2025-11-01t08:30:15-05:30")
                .unwrap()
                .offset_minutes,
            -330
        );
        assert!(DateTime::parse("2025-11-01 08:30:15z").is_ok());
        assert!(DateTime::parse("2016-12-31T23:59:60Z").is_ok());
    }

    #[test]
    fn unix_millis_of_known_instants() {
        assert_eq!(
            DateTime::parse("1970-01-01T00:00:00Z")
                .unwrap()
                .unix_millis(),
            0
        );
        assert_eq!(
            DateTime::parse("1970-01-01T01:00:00+01:00")
                .unwrap()
                .unix_millis(),
            0
        );
        assert_eq!(
            DateTime::parse("2000-03-01T00:00:00Z")
                .unwrap()
                .unix_millis(),
            951_868_800_000
        );
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for bad in [
            "",
            "yesterday",
            "2025-11-01",
            "2025-11-01T08:30:00",
            "2025-11-01T08:30+01:00",
            "01.11.2025 08:30",
            "2025-11-01T08:30:00.Z",
            "2025-11-01T08:30:00+0100",
            "2025-11-01T08:30:00+01:00 ",
            "+2025-11-01T08:30:00Z",
            "２025-11-01T08:30:00Z",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rejects_days_and_times_out_of_range() {
        for bad in [
            "2025-13-01T00:00:00Z",
            "2025-00-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-01-01T24:00:00Z",
            "2025-01-01T23:60:00Z",
            "2025-01-01T23:00:61Z",
            "2025-01-01T23:00:00+24:00",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad:?}");
        }
        assert!(DateTime::parse("2024-02-29T00:00:00Z").is_ok());
        assert!(DateTime::parse("2000-02-29T00:00:00Z").is_ok());
        assert!(DateTime::parse("1900-02-29T00:00:00Z").is_err());
    }
}
