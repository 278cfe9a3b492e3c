//! Spaced repetition with FSRS (the `rs-fsrs` crate, the algorithm modern Anki uses). Plain
//! Rust: time is always passed in. An item's memory state is ours ([`Memory`], with its ranges
//! and checks); this module converts it to rs-fsrs's for the moment of grading and back,
//! keeping every value within those ranges. The record (`progress`) holds a memory state per
//! item and imports this module; this module imports nothing of the record.

pub mod memory;

use chrono::{DateTime, Duration, Utc};
use rs_fsrs::{Parameters, Rating, FSRS};
use serde::{Deserialize, Serialize};

use crate::clock;
pub use memory::{
    six_decimals, Memory, MemoryFields, Phase, MAX_DIFFICULTY, MAX_INTERVAL_DAYS, MAX_REPS,
    MAX_STABILITY, MIN_DIFFICULTY, MIN_STABILITY,
};

/// How well the learner recalled an item, as on Anki's four buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// In button order; the keys 1 to 4 pick them.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The grade a keyboard key stands for: "1" to "4".
    pub fn from_key(key: &str) -> Option<Grade> {
        match key {
            "1" => Some(Grade::Again),
            "2" => Some(Grade::Hard),
            "3" => Some(Grade::Good),
            "4" => Some(Grade::Easy),
            _ => None,
        }
    }

    /// A quiz answer counts as Good when right and Again when wrong.
    pub fn from_quiz(correct: bool) -> Grade {
        if correct {
            Grade::Good
        } else {
            Grade::Again
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// The default share of reviews the learner should get right (FSRS's desired retention).
pub const DEFAULT_RETENTION: f64 = 0.95;

/// FSRS with the learner's desired retention.
#[derive(Clone, Debug)]
pub struct Scheduler {
    fsrs: FSRS,
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::new(DEFAULT_RETENTION)
    }
}

impl Scheduler {
    /// `retention` is clamped to 0.7 to 0.99, the range in which FSRS gives sensible intervals.
    pub fn new(retention: f64) -> Self {
        let retention = if retention.is_finite() {
            retention.clamp(0.7, 0.99)
        } else {
            DEFAULT_RETENTION
        };
        let parameters = Parameters {
            request_retention: retention,
            maximum_interval: MAX_INTERVAL_DAYS as i32,
            ..Parameters::default()
        };
        Scheduler {
            fsrs: FSRS::new(parameters),
        }
    }

    /// The memory state after the learner graded the item `grade` at `now` (`previous`: its
    /// state, or `None` for an item never answered).
    ///
    /// Whatever the clock says, the card stays one the record accepts: a clock earlier than the
    /// last review (moved back, or a card merged from a device whose clock runs ahead) counts
    /// as no time having passed, instead of the negative elapsed time that makes FSRS's
    /// stability negative or NaN; and every value is kept within the record's ranges.
    pub fn grade(&self, previous: Option<&Memory>, grade: Grade, now: DateTime<Utc>) -> Memory {
        let now = now.clamp(clock::earliest(), clock::latest());
        let before = match previous {
            None => rs_fsrs::Card {
                due: now,
                last_review: now,
                ..rs_fsrs::Card::default()
            },
            Some(c) => to_fsrs(c, now),
        };
        let after = self.fsrs.next(before, now, grade.rating()).card;
        from_fsrs(&after, previous, now)
    }

    /// How long until the card would come back for each grade, in button order.
    pub fn preview(&self, previous: Option<&Memory>, now: DateTime<Utc>) -> [(Grade, Duration); 4] {
        let now = now.clamp(clock::earliest(), clock::latest());
        Grade::ALL.map(|g| (g, self.grade(previous, g, now).due() - now))
    }
}

/// Our memory state as rs-fsrs's card, reviewed at `now`: a last review later than `now` is
/// read as `now`.
fn to_fsrs(c: &Memory, now: DateTime<Utc>) -> rs_fsrs::Card {
    let last_review = c.last_review().min(now);
    rs_fsrs::Card {
        due: c.due(),
        stability: c.stability(),
        difficulty: c.difficulty(),
        elapsed_days: (now - last_review).num_days(),
        scheduled_days: i64::from(c.scheduled_days()),
        reps: i32::try_from(c.reps()).unwrap_or(i32::MAX - 1),
        lapses: i32::try_from(c.lapses()).unwrap_or(0),
        state: match c.phase() {
            Phase::Learning => rs_fsrs::State::Learning,
            Phase::Review => rs_fsrs::State::Review,
            Phase::Relearning => rs_fsrs::State::Relearning,
        },
        last_review,
    }
}

/// rs-fsrs's card after a review at `now`, as ours: every value within the record's ranges,
/// a value that is not a number replaced by the previous card's (or a neutral one).
fn from_fsrs(a: &rs_fsrs::Card, previous: Option<&Memory>, now: DateTime<Utc>) -> Memory {
    let keep = |v: f64, old: Option<f64>, neutral: f64, lo: f64, hi: f64| {
        if v.is_finite() {
            v
        } else {
            old.unwrap_or(neutral)
        }
        .clamp(lo, hi)
    };
    let stability = keep(
        a.stability,
        previous.map(Memory::stability),
        1.0,
        MIN_STABILITY,
        MAX_STABILITY,
    );
    let difficulty = keep(
        a.difficulty,
        previous.map(Memory::difficulty),
        5.0,
        MIN_DIFFICULTY,
        MAX_DIFFICULTY,
    );
    let longest = Duration::days(i64::from(MAX_INTERVAL_DAYS));
    let due = a.due.clamp(now, now + longest);
    let reps = previous
        .map_or(0, Memory::reps)
        .saturating_add(1)
        .min(MAX_REPS);
    let lapses = u32::try_from(a.lapses).unwrap_or(0).min(reps);
    let phase = match a.state {
        rs_fsrs::State::Review => Phase::Review,
        rs_fsrs::State::Relearning => Phase::Relearning,
        rs_fsrs::State::New | rs_fsrs::State::Learning => Phase::Learning,
    };
    let fields = MemoryFields {
        due,
        last_review: now,
        stability,
        difficulty,
        scheduled_days: a.scheduled_days.clamp(0, i64::from(MAX_INTERVAL_DAYS)),
        reps: i64::from(reps),
        lapses: i64::from(lapses),
        phase,
    };
    // Every field was just put within its range, so the check passes; should it not, the
    // previous state is kept rather than a bad one written.
    Memory::new(fields)
        .or_else(|_| previous.cloned().ok_or(()))
        .unwrap_or_else(|()| just_introduced(now))
}

/// The state of an item just introduced, reviewed at `now`.
fn just_introduced(now: DateTime<Utc>) -> Memory {
    Memory::new(MemoryFields {
        due: now,
        last_review: now,
        stability: 1.0,
        difficulty: 5.0,
        scheduled_days: 0,
        reps: 1,
        lapses: 0,
        phase: Phase::Learning,
    })
    .expect("a just-introduced card is within every range")
}

/// A short interval for a button: "1 min", "10 min", "3 h", "4 d", "2 mo", "1.5 y".
pub fn format_interval(d: Duration) -> String {
    let minutes = d.num_minutes().max(1);
    if minutes < 60 {
        return format!("{minutes} min");
    }
    let hours = d.num_hours();
    if hours < 24 {
        return format!("{hours} h");
    }
    let days = d.num_days();
    if days < 31 {
        return format!("{days} d");
    }
    if days < 365 {
        return format!("{} mo", (days as f64 / 30.4).round() as i64);
    }
    let years = days as f64 / 365.0;
    if years < 10.0 {
        // In tenths of a year, without float formatting: "1.5 y", "2 y".
        let tenths = (years * 10.0).round() as i64;
        if tenths % 10 == 0 {
            format!("{} y", tenths / 10)
        } else {
            format!("{}.{} y", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} y", years.round() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
    }

    #[test]
    fn a_run_of_good_answers_gives_growing_intervals() {
        let s = Scheduler::default();
        let mut now = t0();
        let mut card = s.grade(None, Grade::Good, now);
        let mut intervals = vec![card.due() - now];
        now = card.due();
        for _ in 0..7 {
            card = s.grade(Some(&card), Grade::Good, now);
            intervals.push(card.due() - now);
            now = card.due();
        }
        // The first Good of a new card is a short learning step; after that each interval grows.
        for pair in intervals[1..].windows(2) {
            assert!(pair[1] > pair[0], "{intervals:?}");
        }
        assert!(intervals.last().unwrap().num_days() > 60, "{intervals:?}");
        assert_eq!(card.reps(), 8);
    }

    #[test]
    fn again_brings_an_item_back_within_minutes() {
        let s = Scheduler::default();
        let mut now = t0();
        let mut card = s.grade(None, Grade::Good, now);
        for _ in 0..3 {
            now = card.due();
            card = s.grade(Some(&card), Grade::Good, now);
        }
        now = card.due();
        let lapsed = s.grade(Some(&card), Grade::Again, now);
        assert!(
            lapsed.due() - now <= Duration::minutes(10),
            "{:?}",
            lapsed.due() - now
        );
        assert_eq!(lapsed.lapses(), 1);
        assert_eq!(lapsed.phase(), Phase::Relearning);
    }

    #[test]
    fn the_preview_orders_again_before_hard_before_good_before_easy() {
        let s = Scheduler::default();
        let card = s.grade(None, Grade::Good, t0());
        let p = s.preview(Some(&card), card.due());
        assert!(
            p[0].1 <= p[1].1 && p[1].1 <= p[2].1 && p[2].1 < p[3].1,
            "{p:?}"
        );
        let new = s.preview(None, t0());
        assert!(new[0].1 < new[3].1, "{new:?}");
    }

    #[test]
    fn higher_desired_retention_means_shorter_intervals() {
        let (low, high) = (Scheduler::new(0.8), Scheduler::new(0.97));
        let mut a = low.grade(None, Grade::Good, t0());
        let mut b = high.grade(None, Grade::Good, t0());
        for _ in 0..3 {
            a = low.grade(Some(&a), Grade::Good, a.due());
            b = high.grade(Some(&b), Grade::Good, b.due());
        }
        assert!(a.scheduled_days() > b.scheduled_days());
    }

    #[test]
    fn a_review_with_the_clock_moved_back_a_month_gives_a_state_the_record_accepts() {
        let s = Scheduler::default();
        let mut now = t0();
        let mut card = s.grade(None, Grade::Good, now);
        for _ in 0..5 {
            now = card.due();
            card = s.grade(Some(&card), Grade::Good, now);
        }
        let back = now - Duration::days(31);
        for g in Grade::ALL {
            let after = s.grade(Some(&card), g, back);
            assert!(Memory::new(after.fields()).is_ok(), "{g:?}: {after:?}");
            assert!(after.stability().is_finite() && after.stability() > 0.0);
            assert_eq!(after.last_review(), back);
            assert!(after.due() >= back);
        }
    }

    #[test]
    fn reviews_at_the_edges_of_time_stay_within_the_record() {
        let s = Scheduler::default();
        let far = Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();
        let mut card = s.grade(None, Grade::Easy, far);
        for _ in 0..30 {
            card = s.grade(Some(&card), Grade::Easy, far);
        }
        assert!(Memory::new(card.fields()).is_ok(), "{card:?}");
        assert_eq!(card.last_review(), clock::latest());
        let mut card = s.grade(None, Grade::Again, t0());
        for _ in 0..200 {
            card = s.grade(Some(&card), Grade::Again, t0());
        }
        assert!(Memory::new(card.fields()).is_ok(), "{card:?}");
        assert!(card.stability() >= MIN_STABILITY);
    }

    #[test]
    fn grades_come_from_keys_and_quiz_results() {
        assert_eq!(Grade::from_key("1"), Some(Grade::Again));
        assert_eq!(Grade::from_key("4"), Some(Grade::Easy));
        assert_eq!(Grade::from_key("5"), None);
        assert_eq!(Grade::from_quiz(true), Grade::Good);
        assert_eq!(Grade::from_quiz(false), Grade::Again);
    }

    #[test]
    fn intervals_read_as_short_units() {
        assert_eq!(format_interval(Duration::seconds(20)), "1 min");
        assert_eq!(format_interval(Duration::minutes(10)), "10 min");
        assert_eq!(format_interval(Duration::hours(5)), "5 h");
        assert_eq!(format_interval(Duration::days(4)), "4 d");
        assert_eq!(format_interval(Duration::days(61)), "2 mo");
        assert_eq!(format_interval(Duration::days(365)), "1 y");
        assert_eq!(format_interval(Duration::days(548)), "1.5 y");
    }
}
