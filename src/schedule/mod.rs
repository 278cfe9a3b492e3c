//! Spaced repetition with FSRS (the `rs-fsrs` crate, the algorithm modern Anki uses), and the
//! order in which a study session serves items. Plain Rust: time is always passed in.

mod session;

pub use session::StudySession;

use chrono::{DateTime, Duration, Utc};
use rs_fsrs::{Parameters, Rating, FSRS};
use serde::{Deserialize, Serialize};

/// One item's memory state, as FSRS keeps it.
pub type Card = rs_fsrs::Card;

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
pub const DEFAULT_RETENTION: f64 = 0.9;

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
        let parameters = Parameters {
            request_retention: retention.clamp(0.7, 0.99),
            ..Parameters::default()
        };
        Scheduler {
            fsrs: FSRS::new(parameters),
        }
    }

    /// A card for an item never seen before.
    pub fn new_card(now: DateTime<Utc>) -> Card {
        Card {
            due: now,
            last_review: now,
            ..Card::new()
        }
    }

    /// The card after the learner graded it `grade` at `now`.
    pub fn grade(&self, card: &Card, grade: Grade, now: DateTime<Utc>) -> Card {
        self.fsrs.next(card.clone(), now, grade.rating()).card
    }

    /// How long until the card would come back for each grade, in button order.
    pub fn preview(&self, card: &Card, now: DateTime<Utc>) -> [(Grade, Duration); 4] {
        Grade::ALL.map(|g| (g, self.grade(card, g, now).due - now))
    }
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
        format!("{:.1} y", years).replace(".0 y", " y")
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
        let mut card = Scheduler::new_card(now);
        let mut intervals = Vec::new();
        for _ in 0..8 {
            card = s.grade(&card, Grade::Good, now);
            intervals.push(card.due - now);
            now = card.due;
        }
        // The first Good of a new card is a short learning step; after that each interval grows.
        for pair in intervals[1..].windows(2) {
            assert!(pair[1] > pair[0], "{intervals:?}");
        }
        assert!(intervals.last().unwrap().num_days() > 60, "{intervals:?}");
    }

    #[test]
    fn again_brings_an_item_back_within_minutes() {
        let s = Scheduler::default();
        let mut now = t0();
        let mut card = Scheduler::new_card(now);
        for _ in 0..4 {
            card = s.grade(&card, Grade::Good, now);
            now = card.due;
        }
        let lapsed = s.grade(&card, Grade::Again, now);
        assert!(
            lapsed.due - now <= Duration::minutes(10),
            "{:?}",
            lapsed.due - now
        );
        assert_eq!(lapsed.lapses, 1);
    }

    #[test]
    fn the_preview_orders_again_before_hard_before_good_before_easy() {
        let s = Scheduler::default();
        let now = t0();
        let mut card = Scheduler::new_card(now);
        card = s.grade(&card, Grade::Good, now);
        let later = card.due;
        let p = s.preview(&card, later);
        assert!(
            p[0].1 <= p[1].1 && p[1].1 <= p[2].1 && p[2].1 < p[3].1,
            "{p:?}"
        );
    }

    #[test]
    fn higher_desired_retention_means_shorter_intervals() {
        let (low, high) = (Scheduler::new(0.8), Scheduler::new(0.97));
        let now = t0();
        let mut a = Scheduler::new_card(now);
        let mut b = a.clone();
        let mut now_a = now;
        let mut now_b = now;
        for _ in 0..4 {
            a = low.grade(&a, Grade::Good, now_a);
            now_a = a.due;
            b = high.grade(&b, Grade::Good, now_b);
            now_b = b.due;
        }
        assert!(a.scheduled_days > b.scheduled_days);
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
