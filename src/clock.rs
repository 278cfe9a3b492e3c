//! A reading of the learner's clock, taken once by the caller and passed into every rule.
//!
//! Rules never read the clock themselves: a rule that reads it gives different answers at
//! render time and at click time, and cannot be tested as time passes. A [`Moment`] also keeps
//! the instant and the learner's local date together, so the two can never disagree, and keeps
//! both within the years a record may hold, whatever a broken clock says.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

/// The earliest instant a record may hold: a clock that says earlier (a phone whose clock was
/// reset) is read as this.
pub fn earliest() -> DateTime<Utc> {
    DateTime::UNIX_EPOCH
}

/// The latest instant a record may hold for an answer or a review. Due dates may lie up to the
/// scheduler's longest interval beyond it.
pub fn latest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2200, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The largest distance, in minutes, between a local clock and UTC (UTC−12 to UTC+14, with room).
const MAX_OFFSET_MINUTES: i32 = 18 * 60;

/// An instant and the learner's local date at that instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    at: DateTime<Utc>,
    offset_minutes: i32,
    day: NaiveDate,
}

impl Moment {
    /// The moment `at`, for a learner whose local time is `offset_minutes` ahead of UTC. An
    /// instant outside [`earliest`]..[`latest`] is moved to the nearer end; an offset beyond
    /// ±18 hours is read as UTC.
    pub fn new(at: DateTime<Utc>, offset_minutes: i32) -> Moment {
        let at = at.clamp(earliest(), latest());
        let offset_minutes = if offset_minutes.abs() <= MAX_OFFSET_MINUTES {
            offset_minutes
        } else {
            0
        };
        let day = FixedOffset::east_opt(offset_minutes * 60)
            .map(|offset| at.with_timezone(&offset).date_naive())
            .unwrap_or_else(|| at.date_naive());
        Moment {
            at,
            offset_minutes,
            day,
        }
    }

    /// The moment `at` for a learner on UTC.
    pub fn utc(at: DateTime<Utc>) -> Moment {
        Moment::new(at, 0)
    }

    /// The instant.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The learner's local date: days roll over at local midnight, not at UTC's.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// The learner's local offset from UTC, in minutes.
    pub fn offset_minutes(&self) -> i32 {
        self.offset_minutes
    }

    /// The instant the learner's local day ends (their next midnight), at the same offset.
    pub fn day_end(&self) -> DateTime<Utc> {
        let midnight = self
            .day
            .succ_opt()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc() - Duration::minutes(i64::from(self.offset_minutes)));
        midnight.unwrap_or(self.at)
    }

    /// The same clock `d` later (or earlier, for a negative `d`), with the same local offset.
    pub fn plus(&self, d: Duration) -> Moment {
        let at = self
            .at
            .checked_add_signed(d)
            .unwrap_or(if d > Duration::zero() {
                latest()
            } else {
                earliest()
            });
        Moment::new(at, self.offset_minutes)
    }
}

/// Whether a stored answer's local date can go with its instant: local clocks are within a
/// day of UTC.
pub fn day_fits(at: DateTime<Utc>, day: NaiveDate) -> bool {
    (day - at.date_naive()).num_days().abs() <= 1
}

/// Whether an instant lies within the years a record may hold.
pub fn in_range(at: DateTime<Utc>) -> bool {
    (earliest()..=latest()).contains(&at)
}

/// Short English month names, January first.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Short English day names, Monday first.
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Dates are written here, not with chrono's `format` (a strftime interpreter the learner's
// download need not carry); native tests hold them to chrono's output.

/// "Mar".
pub fn month_name(d: NaiveDate) -> &'static str {
    use chrono::Datelike;
    MONTHS[d.month0() as usize]
}

/// "2 Mar".
pub fn short_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}", d.day(), month_name(d))
}

/// "Mon 2 Mar".
pub fn day_name(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        DAYS[d.weekday().num_days_from_monday() as usize],
        short_date(d)
    )
}

/// "2026-03-02 09:06 UTC".
pub fn stamp(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// "Sun, 06 Nov 1994 08:49:37 GMT": an instant as HTTP writes it, the IMF-fixdate of RFC 9110
/// §5.6.7 (to the second; years are four digits, so keep `at` within [`earliest`] and
/// [`latest`]).
pub fn http_date(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    let d = at.date_naive();
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        DAYS[d.weekday().num_days_from_monday() as usize],
        d.day(),
        month_name(d),
        d.year(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Reads an HTTP-date in any of the three forms a recipient must accept (RFC 9110 §5.6.7):
/// "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete "Sunday, 06-Nov-94 08:49:37 GMT" (a
/// two-digit year more than 50 years after `now` is read as the century before) and
/// "Sun Nov  6 08:49:37 1994". `None` for anything else.
pub fn parse_http_date(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    use chrono::Datelike;
    let words: Vec<&str> = text.split_whitespace().collect();
    let named_day = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_alphabetic());
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let month = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1);
    let (day, month, year, time) = match words.as_slice() {
        [name, day, mon, year, time, "GMT"] if name.strip_suffix(',').is_some_and(named_day) => (
            number(day, 2..=2)?,
            month(mon)?,
            number(year, 4..=4)? as i32,
            *time,
        ),
        [name, date, time, "GMT"] if name.strip_suffix(',').is_some_and(named_day) => {
            let mut parts = date.split('-');
            let (day, mon, yy) = (parts.next()?, parts.next()?, parts.next()?);
            let yy = number(yy, 2..=2)? as i32;
            let mut year = now.year() - now.year().rem_euclid(100) + yy;
            if year > now.year() + 50 {
                year -= 100;
            }
            (number(day, 2..=2)?, month(mon)?, year, *time)
        }
        [name, mon, day, time, year] if named_day(name) => (
            number(day, 1..=2)?,
            month(mon)?,
            number(year, 4..=4)? as i32,
            *time,
        ),
        _ => return None,
    };
    let mut hms = time.split(':').map(|w| number(w, 2..=2));
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() {
        return None;
    }
    Utc.with_ymd_and_hms(year, month, day, h, m, s).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_are_written_and_read_in_all_three_forms() {
        let at = Utc.with_ymd_and_hms(1994, 11, 6, 8, 49, 37).unwrap();
        assert_eq!(http_date(at), "Sun, 06 Nov 1994 08:49:37 GMT");
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_http_date(text, now), Some(at), "{text}");
        }
        for text in [
            "",
            "yesterday",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37:00 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "\"Sun, 06 Nov 1994 08:49:37 GMT\"",
        ] {
            assert_eq!(parse_http_date(text, now), None, "{text}");
        }
        // A two-digit year is never more than 50 years ahead.
        let y2k = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(
            parse_http_date("Tuesday, 01-Jan-30 00:00:00 GMT", now),
            Some(y2k)
        );
        assert_eq!(
            parse_http_date("Friday, 01-Jan-99 00:00:00 GMT", now),
            Utc.with_ymd_and_hms(1999, 1, 1, 0, 0, 0).single()
        );
        for days in (0..3000).step_by(37) {
            let t = at + Duration::days(days) + Duration::seconds(days * 7919);
            assert_eq!(
                http_date(t),
                t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
            );
            assert_eq!(parse_http_date(&http_date(t), now), Some(t));
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_local_date_follows_the_learners_offset() {
        let late = at(2026, 3, 2, 23);
        assert_eq!(
            Moment::new(late, 120).day(),
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
        );
        assert_eq!(
            Moment::new(late, -300).day(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        assert_eq!(Moment::utc(late).day(), late.date_naive());
    }

    #[test]
    fn a_broken_clock_is_read_within_the_years_a_record_may_hold() {
        let far = Utc.with_ymd_and_hms(9999, 12, 31, 0, 0, 0).unwrap();
        assert_eq!(Moment::utc(far).at(), latest());
        let before = Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(Moment::utc(before).at(), earliest());
        assert!(day_fits(Moment::utc(far).at(), Moment::utc(far).day()));
        let odd_offset = Moment::new(at(2026, 3, 2, 12), 100_000);
        assert_eq!(
            odd_offset.day(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
    }

    #[test]
    fn the_local_day_ends_at_the_learners_midnight() {
        // 23:00 UTC on 2 March is 01:00 on 3 March at UTC+2: the day ends at 22:00 UTC on 3 March.
        let m = Moment::new(at(2026, 3, 2, 23), 120);
        assert_eq!(m.day_end(), at(2026, 3, 3, 22));
        assert_eq!(Moment::utc(at(2026, 3, 2, 9)).day_end(), at(2026, 3, 3, 0));
        let west = Moment::new(at(2026, 3, 2, 3), -300);
        assert_eq!(west.day(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        assert_eq!(west.day_end(), at(2026, 3, 2, 5));
        assert!(west.day_end() > west.at());
    }

    #[test]
    fn moving_a_moment_keeps_its_offset_and_its_range() {
        let m = Moment::new(at(2026, 3, 2, 23), 120);
        let later = m.plus(Duration::hours(3));
        assert_eq!(later.at(), at(2026, 3, 3, 2));
        assert!(day_fits(later.at(), later.day()));
        assert_eq!(m.plus(Duration::days(1_000_000)).at(), latest());
        assert_eq!(m.plus(Duration::days(-1_000_000)).at(), earliest());
    }

    #[test]
    fn dates_read_as_chrono_would_write_them() {
        for days in (0..800).step_by(7) {
            let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(days);
            assert_eq!(day_name(d), d.format("%a %-d %b").to_string());
            assert_eq!(short_date(d), d.format("%-d %b").to_string());
            assert_eq!(month_name(d), d.format("%b").to_string());
        }
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 6, 59).unwrap();
        assert_eq!(stamp(at), at.format("%Y-%m-%d %H:%M UTC").to_string());
        assert_eq!(stamp(at), "2026-03-02 09:06 UTC");
    }
}
