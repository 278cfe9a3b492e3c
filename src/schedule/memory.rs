//! One item's memory state: FSRS's stability, difficulty and phase, when it was last reviewed and
//! when it is due, with the ranges a review can give. Our own type, not `rs_fsrs::Card`, so that
//! an rs-fsrs release cannot change what a record holds, and so that a value no review can give
//! cannot be built. The scheduler converts to and from rs-fsrs's card at the moment it grades;
//! the record (`progress::Card`) holds one of these with the answer that made it.

use chrono::{DateTime, Duration, Utc};

use crate::clock;

/// The smallest stability FSRS works with, in days (it divides by stability).
pub const MIN_STABILITY: f64 = 0.01;
/// The largest stability kept, in days: a hundred years, the scheduler's longest interval.
pub const MAX_STABILITY: f64 = 36_500.0;
/// FSRS's difficulty scale.
pub const MIN_DIFFICULTY: f64 = 1.0;
pub const MAX_DIFFICULTY: f64 = 10.0;
/// The longest interval the scheduler gives, in days (rs-fsrs's `maximum_interval`).
pub const MAX_INTERVAL_DAYS: u32 = 36_500;
/// More reviews of one item than anyone gives; counts stop here instead of overflowing.
pub const MAX_REPS: u32 = 1_000_000;

/// Where an item is in FSRS's cycle. A memory state exists only once its item has been answered,
/// so it is never "new".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// Just introduced: short steps (minutes) until it is known.
    Learning,
    /// Known: intervals of days.
    Review,
    /// Forgotten after being known: short steps again.
    Relearning,
}

impl Phase {
    /// The word stored for it.
    pub fn word(self) -> &'static str {
        match self {
            Phase::Learning => "Learning",
            Phase::Review => "Review",
            Phase::Relearning => "Relearning",
        }
    }

    /// Inverse of [`Phase::word`].
    pub fn from_word(word: &str) -> Option<Phase> {
        [Phase::Learning, Phase::Review, Phase::Relearning]
            .into_iter()
            .find(|p| p.word() == word)
    }
}

/// The fields of a memory state as read from storage or computed by the scheduler, before they
/// are checked. [`Memory::new`] is the one check, used on load and for every state the scheduler
/// gives.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryFields {
    pub due: DateTime<Utc>,
    pub last_review: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub scheduled_days: i64,
    pub reps: i64,
    pub lapses: i64,
    pub phase: Phase,
}

/// Stability and difficulty are kept to six decimals: finer digits mean nothing to the
/// scheduler, and a number with few digits reads back from JSON as exactly the same number
/// (a full-precision one may come back one bit off, and a record must load back equal).
pub fn six_decimals(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// An item's memory state. Every value in it is one a review can give: build it with
/// [`Memory::new`], which checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Memory {
    due: DateTime<Utc>,
    last_review: DateTime<Utc>,
    stability: f64,
    difficulty: f64,
    scheduled_days: u32,
    reps: u32,
    lapses: u32,
    phase: Phase,
}

impl Memory {
    /// Checks `f` and builds the card, or says, in words for the learner, what no review gives.
    pub fn new(f: MemoryFields) -> Result<Memory, String> {
        let f = MemoryFields {
            stability: six_decimals(f.stability),
            difficulty: six_decimals(f.difficulty),
            ..f
        };
        if !clock::in_range(f.last_review) {
            return Err(format!(
                "it was last reviewed on {}, outside the years a record may hold",
                f.last_review.date_naive()
            ));
        }
        let longest = Duration::days(i64::from(MAX_INTERVAL_DAYS) + 1);
        if f.due < f.last_review || f.due - f.last_review > longest {
            return Err(format!(
                "it is due on {}, which no review on {} gives",
                f.due.date_naive(),
                f.last_review.date_naive()
            ));
        }
        if !(MIN_STABILITY..=MAX_STABILITY).contains(&f.stability) {
            return Err(format!("its stability is {} days", f.stability));
        }
        if !(MIN_DIFFICULTY..=MAX_DIFFICULTY).contains(&f.difficulty) {
            return Err(format!(
                "its difficulty is {} (it must be 1 to 10)",
                f.difficulty
            ));
        }
        let scheduled_days = u32::try_from(f.scheduled_days)
            .ok()
            .filter(|d| *d <= MAX_INTERVAL_DAYS)
            .ok_or_else(|| format!("its interval is {} days", f.scheduled_days))?;
        let reps = u32::try_from(f.reps)
            .ok()
            .filter(|r| (1..=MAX_REPS).contains(r))
            .ok_or_else(|| format!("it counts {} reviews", f.reps))?;
        let lapses = u32::try_from(f.lapses)
            .ok()
            .filter(|l| *l <= reps)
            .ok_or_else(|| format!("it counts {} lapses in {reps} reviews", f.lapses))?;
        Ok(Memory {
            due: f.due,
            last_review: f.last_review,
            stability: f.stability,
            difficulty: f.difficulty,
            scheduled_days,
            reps,
            lapses,
            phase: f.phase,
        })
    }

    /// Its fields, for storing it.
    pub fn fields(&self) -> MemoryFields {
        MemoryFields {
            due: self.due,
            last_review: self.last_review,
            stability: self.stability,
            difficulty: self.difficulty,
            scheduled_days: i64::from(self.scheduled_days),
            reps: i64::from(self.reps),
            lapses: i64::from(self.lapses),
            phase: self.phase,
        }
    }

    /// When the item is next due.
    pub fn due(&self) -> DateTime<Utc> {
        self.due
    }

    /// When it was last reviewed.
    pub fn last_review(&self) -> DateTime<Utc> {
        self.last_review
    }

    /// FSRS's stability: days until recall falls to 90 %.
    pub fn stability(&self) -> f64 {
        self.stability
    }

    /// FSRS's difficulty, 1 to 10.
    pub fn difficulty(&self) -> f64 {
        self.difficulty
    }

    /// The interval the last review gave, in whole days (0 during learning steps).
    pub fn scheduled_days(&self) -> u32 {
        self.scheduled_days
    }

    /// Reviews so far.
    pub fn reps(&self) -> u32 {
        self.reps
    }

    /// Times it was forgotten after having been known.
    pub fn lapses(&self) -> u32 {
        self.lapses
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// FSRS's estimate of the chance of recalling the item at `now`, 0 to 1. A clock earlier
    /// than the last review reads as no time having passed.
    pub fn retrievability(&self, now: DateTime<Utc>) -> f64 {
        let elapsed = (now - self.last_review).num_days().max(0) as f64;
        rs_fsrs::Parameters::forgetting_curve(elapsed, self.stability).clamp(0.0, 1.0)
    }

    /// This state as if its last review had been at `now`, when it is stamped later (a clock
    /// that ran ahead, here or on the device that wrote a file): it keeps its interval, counted
    /// from `now`, so it is due at most that interval from now. `None` for a card reviewed at or
    /// before `now`.
    pub fn settled_at(&self, now: DateTime<Utc>) -> Option<Memory> {
        if self.last_review <= now {
            return None;
        }
        let interval = self.due - self.last_review;
        Some(Memory {
            last_review: now,
            // `now` is a moment's (within the years a record may hold), so this cannot fail.
            due: now.checked_add_signed(interval).unwrap_or(self.due),
            ..self.clone()
        })
    }

    /// Test and benchmark help: the same state due at `due` (moving the last review with it when
    /// the new due date would come before it).
    pub fn with_due(&self, due: DateTime<Utc>) -> Memory {
        let mut c = self.clone();
        c.due = due;
        if c.due < c.last_review
            || c.due - c.last_review > Duration::days(i64::from(MAX_INTERVAL_DAYS))
        {
            c.last_review = due;
        }
        c
    }

    /// Test help: the same state with `lapses` lapses (at most its reviews).
    pub fn with_lapses(&self, lapses: u32) -> Memory {
        let mut c = self.clone();
        c.lapses = lapses.min(c.reps);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn fields() -> MemoryFields {
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        MemoryFields {
            due: t + Duration::days(3),
            last_review: t,
            stability: 3.2,
            difficulty: 5.0,
            scheduled_days: 3,
            reps: 2,
            lapses: 0,
            phase: Phase::Review,
        }
    }

    #[test]
    fn a_state_a_review_can_give_is_accepted_and_gives_back_its_fields() {
        let card = Memory::new(fields()).unwrap();
        assert_eq!(card.fields(), fields());
    }

    #[test]
    fn values_no_review_gives_are_refused_with_the_reason() {
        type Breaker = fn(&mut MemoryFields);
        let cases: [(Breaker, &str); 8] = [
            (|f| f.stability = f64::NAN, "stability"),
            (|f| f.stability = 0.0, "stability"),
            (|f| f.stability = -4.0, "stability"),
            (|f| f.difficulty = 42.0, "difficulty is 42"),
            (|f| f.reps = i64::from(i32::MAX), "reviews"),
            (|f| f.lapses = 3, "lapses"),
            (
                |f| f.last_review = Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap(),
                "outside the years",
            ),
            (|f| f.due = f.last_review - Duration::days(1), "due on"),
        ];
        for (break_it, words) in cases {
            let mut f = fields();
            break_it(&mut f);
            let why = Memory::new(f.clone()).unwrap_err();
            assert!(why.contains(words), "{f:?}: {why}");
        }
    }

    #[test]
    fn recall_is_certain_right_after_a_review_and_fades_but_never_leaves_0_to_1() {
        let card = Memory::new(fields()).unwrap();
        let t = card.last_review();
        assert_eq!(card.retrievability(t - Duration::days(30)), 1.0);
        let soon = card.retrievability(t + Duration::days(1));
        let later = card.retrievability(t + Duration::days(30));
        assert!(1.0 > soon && soon > later && later > 0.0, "{soon} {later}");
    }

    #[test]
    fn a_review_stamped_in_the_future_is_settled_at_now_with_its_interval() {
        let card = Memory::new(fields()).unwrap();
        let before = card.last_review() - Duration::days(200);
        let settled = card.settled_at(before).unwrap();
        assert_eq!(settled.last_review(), before);
        assert_eq!(settled.due(), before + Duration::days(3));
        assert_eq!(
            Memory::new(settled.fields()),
            Ok(settled.clone()),
            "a card the record accepts"
        );
        assert_eq!(
            card.settled_at(card.last_review()),
            None,
            "not in the future"
        );
    }
}
