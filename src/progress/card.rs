//! One item's card, as the record keeps it: its memory state (the scheduler's
//! [`Memory`], with its ranges and checks) and the answer whose review made it, which is what
//! lets two copies of the record agree on which card is the newer.

use chrono::{DateTime, Utc};

use super::id::AnswerId;
use crate::schedule::{Grade, Memory, MemoryFields, Phase, Scheduler};

/// The fields of a card as read from storage, before they are checked: its memory state's and
/// the answer that made it. [`Card::new`] is the one check, used on load.
#[derive(Clone, Debug, PartialEq)]
pub struct CardFields {
    pub due: DateTime<Utc>,
    pub last_review: DateTime<Utc>,
    pub stability: f64,
    pub difficulty: f64,
    pub scheduled_days: i64,
    pub reps: i64,
    pub lapses: i64,
    pub phase: Phase,
    pub answer: Option<AnswerId>,
}

/// An item's memory state and the answer that made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    memory: Memory,
    answer: Option<AnswerId>,
}

impl Card {
    /// Checks `f` ([`Memory::new`]) and builds the card, or says, in words for the learner,
    /// what no review gives.
    pub fn new(f: CardFields) -> Result<Card, String> {
        let memory = Memory::new(MemoryFields {
            due: f.due,
            last_review: f.last_review,
            stability: f.stability,
            difficulty: f.difficulty,
            scheduled_days: f.scheduled_days,
            reps: f.reps,
            lapses: f.lapses,
            phase: f.phase,
        })?;
        Ok(Card {
            memory,
            answer: f.answer,
        })
    }

    /// The card after the learner graded the item `grade` at `now` (`previous`: its card, or
    /// `None` for an item never answered), made by the answer `answer`.
    pub fn review(
        scheduler: &Scheduler,
        previous: Option<&Card>,
        grade: Grade,
        now: DateTime<Utc>,
        answer: AnswerId,
    ) -> Card {
        Card {
            memory: scheduler.grade(previous.map(Card::memory), grade, now),
            answer: Some(answer),
        }
    }

    /// The card's fields, for storing it.
    pub fn fields(&self) -> CardFields {
        let m = self.memory.fields();
        CardFields {
            due: m.due,
            last_review: m.last_review,
            stability: m.stability,
            difficulty: m.difficulty,
            scheduled_days: m.scheduled_days,
            reps: m.reps,
            lapses: m.lapses,
            phase: m.phase,
            answer: self.answer,
        }
    }

    /// Its memory state, for the scheduler.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    /// When the item is next due.
    pub fn due(&self) -> DateTime<Utc> {
        self.memory.due()
    }

    /// When it was last reviewed.
    pub fn last_review(&self) -> DateTime<Utc> {
        self.memory.last_review()
    }

    /// FSRS's stability: days until recall falls to 90 %.
    pub fn stability(&self) -> f64 {
        self.memory.stability()
    }

    /// FSRS's difficulty, 1 to 10.
    pub fn difficulty(&self) -> f64 {
        self.memory.difficulty()
    }

    /// The interval the last review gave, in whole days (0 during learning steps).
    pub fn scheduled_days(&self) -> u32 {
        self.memory.scheduled_days()
    }

    /// Reviews so far.
    pub fn reps(&self) -> u32 {
        self.memory.reps()
    }

    /// Times it was forgotten after having been known.
    pub fn lapses(&self) -> u32 {
        self.memory.lapses()
    }

    pub fn phase(&self) -> Phase {
        self.memory.phase()
    }

    /// The answer whose review made this card (`None` for cards from before answers had ids).
    pub fn answer(&self) -> Option<AnswerId> {
        self.answer
    }

    /// FSRS's estimate of the chance of recalling the item at `now` ([`Memory::retrievability`]).
    pub fn retrievability(&self, now: DateTime<Utc>) -> f64 {
        self.memory.retrievability(now)
    }

    /// This card settled at `now` when its review is stamped later ([`Memory::settled_at`]).
    pub fn settled_at(&self, now: DateTime<Utc>) -> Option<Card> {
        self.memory.settled_at(now).map(|memory| Card {
            memory,
            answer: self.answer,
        })
    }

    /// The same card, made by the answer `answer` (an older record's answer given its origin).
    pub(crate) fn with_answer(&self, answer: Option<AnswerId>) -> Card {
        Card {
            answer,
            ..self.clone()
        }
    }

    /// Which of two versions of one item's card the record keeps: the one reviewed later; on
    /// the same instant, the one with more reviews; then the answer id, so that every tab and
    /// every merge order chooses the same.
    pub fn newer_than(&self, other: &Card) -> bool {
        let key = |c: &Card| (c.last_review(), c.reps(), c.answer);
        key(self) > key(other)
    }

    /// Test and benchmark help: the same card due at `due` ([`Memory::with_due`]).
    pub fn with_due(&self, due: DateTime<Utc>) -> Card {
        Card {
            memory: self.memory.with_due(due),
            answer: self.answer,
        }
    }

    /// Test help: the same card with `lapses` lapses (at most its reviews).
    pub fn with_lapses(&self, lapses: u32) -> Card {
        Card {
            memory: self.memory.with_lapses(lapses),
            answer: self.answer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn fields() -> CardFields {
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        CardFields {
            due: t + Duration::days(3),
            last_review: t,
            stability: 3.2,
            difficulty: 5.0,
            scheduled_days: 3,
            reps: 2,
            lapses: 0,
            phase: Phase::Review,
            answer: None,
        }
    }

    #[test]
    fn a_card_gives_back_its_fields_and_refuses_a_memory_state_no_review_gives() {
        let card = Card::new(fields()).unwrap();
        assert_eq!(card.fields(), fields());
        let mut f = fields();
        f.difficulty = 42.0;
        assert!(Card::new(f).unwrap_err().contains("difficulty is 42"));
    }

    #[test]
    fn the_later_review_wins_and_ties_are_broken_the_same_way_from_both_sides() {
        let a = Card::new(fields()).unwrap();
        let mut f = fields();
        f.last_review += Duration::minutes(1);
        f.due += Duration::minutes(1);
        let b = Card::new(f).unwrap();
        assert!(b.newer_than(&a) && !a.newer_than(&b));
        let mut f = fields();
        f.reps = 3;
        let c = Card::new(f).unwrap();
        assert!(c.newer_than(&a) && !a.newer_than(&c));
        assert!(!a.newer_than(&a));
    }
}
