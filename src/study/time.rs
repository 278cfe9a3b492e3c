//! Time spent studying, worked out from when answers were given: the record keeps each
//! answer's instant, not how long it took, so the time of an answer is the pause before it,
//! within reason.

use chrono::{DateTime, Utc};

/// A pause longer than this before an answer means the learner stepped away: the answer
/// counts as [`TYPICAL_ANSWER_SECONDS`] instead.
pub const LONGEST_ANSWER_SECONDS: i64 = 120;
/// What an answer counts when the pause before it says nothing (the first of a sitting, or
/// after a break): about what a beginner takes by touch.
pub const TYPICAL_ANSWER_SECONDS: i64 = 20;

/// Seconds spent on answers given at `times` (in any order): each counts the pause since the
/// one before it, or [`TYPICAL_ANSWER_SECONDS`] when it is the first or the pause is longer
/// than [`LONGEST_ANSWER_SECONDS`].
pub fn spent_seconds(times: impl IntoIterator<Item = DateTime<Utc>>) -> u32 {
    let mut times: Vec<DateTime<Utc>> = times.into_iter().collect();
    crate::sort::ascending(&mut times);
    let mut total: i64 = 0;
    let mut previous: Option<DateTime<Utc>> = None;
    for t in times {
        let pause = previous.map(|p| (t - p).num_seconds());
        total += match pause {
            Some(s) if (0..=LONGEST_ANSWER_SECONDS).contains(&s) => s,
            _ => TYPICAL_ANSWER_SECONDS,
        };
        previous = Some(t);
    }
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// "4 min", "under a minute", "1 h 5 min": a time spent, in whole minutes.
pub fn minutes_words(seconds: u32) -> String {
    let minutes = seconds / 60;
    match minutes {
        0 => "under a minute".to_string(),
        m if m < 60 => format!("{m} min"),
        m if m % 60 == 0 => format!("{} h", m / 60),
        m => format!("{} h {} min", m / 60, m % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn each_answer_counts_the_pause_before_it_within_reason() {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let s = |secs: &[i64]| spent_seconds(secs.iter().map(|&x| t0 + Duration::seconds(x)));
        assert_eq!(s(&[]), 0);
        assert_eq!(s(&[0]), 20, "a lone answer counts a typical time");
        assert_eq!(s(&[0, 10, 25]), 20 + 10 + 15);
        assert_eq!(s(&[25, 0, 10]), 45, "in any order");
        assert_eq!(
            s(&[0, 10, 3600, 3612]),
            20 + 10 + 20 + 12,
            "an hour away counts as a fresh start, not an hour"
        );
        assert_eq!(s(&[0, 0]), 20, "two answers at one instant");
    }

    #[test]
    fn minutes_are_written_in_words() {
        assert_eq!(minutes_words(59), "under a minute");
        assert_eq!(minutes_words(60), "1 min");
        assert_eq!(minutes_words(3600), "1 h");
        assert_eq!(minutes_words(3900), "1 h 5 min");
    }
}
