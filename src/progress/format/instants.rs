//! Instants and dates as a record stores them: RFC 3339 (`2026-03-02T09:06:00.123Z`) and
//! ISO 8601 dates (`2026-03-02`), written and read here rather than by chrono's serde support,
//! whose parser is a general format interpreter the learner's download need not carry. The
//! text is exactly chrono's, so records written before and after read alike; native tests hold
//! both directions to chrono's own output.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An instant in a stored record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Instant(pub DateTime<Utc>);

/// A date in a stored record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Day(pub NaiveDate);

/// The year as chrono writes it: four digits within 0 to 9999, otherwise signed.
fn write_year(out: &mut String, year: i32) {
    use fmt::Write;
    let _ = if (0..=9999).contains(&year) {
        write!(out, "{year:04}")
    } else {
        write!(out, "{year:+05}")
    };
}

/// `2026-03-02`.
pub(super) fn write_day(d: NaiveDate) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(10);
    write_year(&mut out, d.year());
    let _ = write!(out, "-{:02}-{:02}", d.month(), d.day());
    out
}

/// `2026-03-02T09:06:00Z`, with as many fraction digits as the nanoseconds need (none, 3, 6 or
/// 9), as chrono writes a `DateTime<Utc>`.
pub(super) fn write_instant(at: DateTime<Utc>) -> String {
    use fmt::Write;
    let mut out = write_day(at.date_naive());
    let nanos = at.nanosecond();
    // A leap second is kept by chrono as nanoseconds past 1e9 in second 59.
    let (second, nanos) = if nanos >= 1_000_000_000 {
        (at.second() + 1, nanos - 1_000_000_000)
    } else {
        (at.second(), nanos)
    };
    let _ = write!(out, "T{:02}:{:02}:{:02}", at.hour(), at.minute(), second);
    let _ = if nanos == 0 {
        Ok(())
    } else if nanos % 1_000_000 == 0 {
        write!(out, ".{:03}", nanos / 1_000_000)
    } else if nanos % 1_000 == 0 {
        write!(out, ".{:06}", nanos / 1_000)
    } else {
        write!(out, ".{nanos:09}")
    };
    out.push('Z');
    out
}

/// Reads the digits at the front of `s`: exactly `n` of them, or with `more`, `n` or more (at
/// most 9).
fn digits(s: &str, n: usize, more: bool) -> Option<(u32, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len < n || (!more && len != n) || len > 9 {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

/// `2026-03-02` (a year of four digits, or signed with more) and the rest of `s`.
fn read_day(s: &str) -> Option<(NaiveDate, &str)> {
    let (sign, s) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (0, s),
    };
    let (year, s) = digits(s, 4, sign != 0)?;
    let year = if sign < 0 {
        -(year as i32)
    } else {
        year as i32
    };
    let (month, s) = digits(s.strip_prefix('-')?, 2, false)?;
    let (day, s) = digits(s.strip_prefix('-')?, 2, false)?;
    Some((NaiveDate::from_ymd_opt(year, month, day)?, s))
}

/// Reads a date written as [`write_day`] writes it; `None` for anything else.
pub(super) fn parse_day(s: &str) -> Option<NaiveDate> {
    match read_day(s)? {
        (d, "") => Some(d),
        _ => None,
    }
}

/// Reads an RFC 3339 instant: what [`write_instant`] writes, and also a `t` or a space between
/// date and time, a lower-case `z`, any 1 to 9 fraction digits, and an offset `±hh:mm`.
pub(super) fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let (date, s) = read_day(s)?;
    let s = s
        .strip_prefix('T')
        .or_else(|| s.strip_prefix('t'))
        .or_else(|| s.strip_prefix(' '))?;
    let (hour, s) = digits(s, 2, false)?;
    let (minute, s) = digits(s.strip_prefix(':')?, 2, false)?;
    let (second, s) = digits(s.strip_prefix(':')?, 2, false)?;
    let (nanos, s) = match s.strip_prefix('.') {
        Some(fraction) => {
            let (n, rest) = digits(fraction, 1, true)?;
            let places = fraction.len() - rest.len();
            (n * 10u32.pow(9 - places as u32), rest)
        }
        None => (0, s),
    };
    let offset_seconds = match s {
        "Z" | "z" => 0,
        _ => {
            let sign = match s.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (h, rest) = digits(&s[1..], 2, false)?;
            let (m, rest) = digits(rest.strip_prefix(':')?, 2, false)?;
            if !rest.is_empty() || h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60) as i32
        }
    };
    // Second 60 is a leap second, which chrono keeps as second 59 plus a whole second of nanos.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, nanos + 1_000_000_000)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let local = NaiveDateTime::new(date, time);
    let offset = FixedOffset::east_opt(offset_seconds)?;
    Some(
        local
            .and_local_timezone(offset)
            .single()?
            .with_timezone(&Utc),
    )
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&write_instant(self.0))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&write_day(self.0))
    }
}

/// Reads a string with `parse`; `expected` names what it should be, for the error.
struct Text<T>(fn(&str) -> Option<T>, &'static str);

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Text(parse_instant, "a date and time"))
            .map(Instant)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Text(parse_day, "a date")).map(Day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A small generator, so the tests need no crate: xorshift64.
    struct Draw(u64);
    impl Draw {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % below
        }
    }

    fn chrono_text<T: Serialize>(v: &T) -> String {
        serde_json::to_string(v)
            .unwrap()
            .trim_matches('"')
            .to_string()
    }

    #[test]
    fn instants_are_written_as_chrono_writes_them_and_read_back_equal() {
        let mut draw = Draw(0x9e37_79b9_7f4a_7c15);
        for i in 0..20_000 {
            // Years 0 to 9999, and every precision of nanoseconds.
            let secs = draw.next(315_537_897_600) as i64 - 62_167_219_200;
            let nanos = match i % 4 {
                0 => 0,
                1 => draw.next(1000) as u32 * 1_000_000,
                2 => draw.next(1_000_000) as u32 * 1_000,
                _ => draw.next(1_000_000_000) as u32,
            };
            let at = Utc.timestamp_opt(secs, nanos).unwrap();
            let theirs = chrono_text(&at);
            assert_eq!(write_instant(at), theirs);
            assert_eq!(parse_instant(&theirs), Some(at), "{theirs}");
            let day = at.date_naive();
            assert_eq!(write_day(day), chrono_text(&day));
            assert_eq!(parse_day(&chrono_text(&day)), Some(day));
        }
    }

    #[test]
    fn years_beyond_four_digits_are_written_and_read_as_chrono_does() {
        for (y, text) in [(10_000, "+10000-01-02"), (-1, "-0001-01-02")] {
            let day = NaiveDate::from_ymd_opt(y, 1, 2).unwrap();
            assert_eq!(chrono_text(&day), text);
            assert_eq!(write_day(day), text);
            assert_eq!(parse_day(text), Some(day));
            let at = day.and_hms_opt(3, 4, 5).unwrap().and_utc();
            assert_eq!(write_instant(at), chrono_text(&at));
            assert_eq!(parse_instant(&chrono_text(&at)), Some(at));
        }
    }

    #[test]
    fn offsets_and_relaxed_forms_read_as_chrono_reads_them() {
        for text in [
            "2026-03-02T09:06:00+02:00",
            "2026-03-02T09:06:00-11:30",
            "2026-03-02t09:06:00z",
            "2026-03-02 09:06:00Z",
            "2026-03-02T09:06:00.5Z",
            "2026-03-02T09:06:00.123456789+14:00",
            "2026-12-31T23:59:60Z",
            "2024-02-29T00:00:00Z",
        ] {
            let theirs: DateTime<Utc> = serde_json::from_str(&format!("\"{text}\"")).unwrap();
            assert_eq!(parse_instant(text), Some(theirs), "{text}");
        }
    }

    #[test]
    fn what_is_no_instant_or_date_is_refused_as_chrono_refuses_it() {
        for text in [
            "",
            "2026-03-02",
            "2026-03-02T09:06Z",
            "2026-02-30T09:06:00Z",
            "2025-02-29T00:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T09:60:00Z",
            "2026-13-02T09:06:00Z",
            "2026-03-02T09:06:00",
            "2026-03-02T09:06:00.Z",
            "2026-03-02T09:06:00Zjunk",
            "2026-03-02X09:06:00Z",
            "99999999999-03-02T09:06:00Z",
            "２０２６-03-02T09:06:00Z",
        ] {
            let theirs = serde_json::from_str::<DateTime<Utc>>(&format!("\"{text}\""));
            assert!(theirs.is_err(), "chrono reads {text}");
            assert_eq!(parse_instant(text), None, "{text}");
        }
        for text in ["", "2026-03", "2026-02-30", "2026-03-02T", "+2026-03-02x"] {
            assert!(text.parse::<NaiveDate>().is_err(), "chrono reads {text}");
            assert_eq!(parse_day(text), None, "{text}");
        }
        // Stricter than chrono in one way: one-digit months and days, which chrono reads but never
        // writes (nor does any version of the app), are no date of a record.
        assert!("2026-3-2".parse::<NaiveDate>().is_ok());
        assert_eq!(parse_day("2026-3-2"), None);
        assert_eq!(parse_instant("2026-3-02T09:06:00Z"), None);
    }

    #[test]
    fn in_a_record_they_are_json_strings_and_anything_else_is_an_error_in_words() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 6, 0).unwrap();
        assert_eq!(
            serde_json::to_string(&Instant(at)).unwrap(),
            "\"2026-03-02T09:06:00Z\""
        );
        let back: Instant = serde_json::from_str("\"2026-03-02T09:06:00Z\"").unwrap();
        assert_eq!(back.0, at);
        let err = serde_json::from_str::<Instant>("\"yesterday\"").unwrap_err();
        assert!(err.to_string().contains("a date and time"), "{err}");
        let err = serde_json::from_str::<Day>("12").unwrap_err();
        assert!(err.to_string().contains("a date"), "{err}");
    }
}
