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

#[cfg(test)]
mod tests {
    use super::*;

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
