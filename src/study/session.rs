//! One study session: the items it holds, in what order they come, and which one is on screen.
//!
//! The item on screen is chosen when it is shown and stays the one graded until it is
//! answered, whatever the clock does meanwhile: a learning step that falls due while the
//! learner looks at another card waits for the next showing. (Working the card out again from
//! the clock at each render, or at grading time, once let a grade land on a card that was not
//! on screen.)

use std::collections::{BTreeSet, VecDeque};

use chrono::{DateTime, Duration, Utc};

use crate::clock::Moment;
use crate::progress::{Progress, Undo};
use crate::quiz::{Deck, Item};
use crate::schedule::Grade;

/// An item graded now comes back in this session when it is next due within this horizon.
pub const LEARNING_HORIZON_MINUTES: i64 = 60;

/// Review follows the schedule; practice (cram) goes through a deck and changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Review,
    Practice(Deck),
    /// Practice of a few chosen items (the codes the learner mixes up, their weakest ten);
    /// the schedule is left alone.
    Drill,
}

/// The item on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub item: Item,
    /// Codes are shown both ways: name to number as well as number to name.
    pub reverse: bool,
    /// Whether the answer side is showing.
    pub flipped: bool,
    /// For review, when the item would come back after each grade, worked out when the card
    /// was flipped.
    pub intervals: Option<[(Grade, Duration); 4]>,
}

/// What a grade did, so that it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Graded {
    pub item: Item,
    pub grade: Grade,
    /// The recorded answer's undo (`None` in practice, which records nothing).
    pub undo: Option<Undo>,
    reverse: bool,
}

/// A study session.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    kind: SessionKind,
    queue: VecDeque<Item>,
    /// Items answered in this session that come back, with when.
    learning: Vec<(Item, DateTime<Utc>)>,
    shown: Option<Shown>,
    /// Cards shown so far (the direction of codes alternates with it).
    showings: usize,
    /// The items that were new when the session began.
    new: BTreeSet<Item>,
    /// The items graded in this session (what comes back of them is in learning steps).
    answered: BTreeSet<Item>,
}

/// What a session still holds, as Anki counts it: new cards, cards in learning steps (met in
/// this session and coming back soon), and reviews.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl Session {
    /// A review of `p` at `at`: the items due (most overdue first), then new ones up to the
    /// day's limit. The first is shown.
    pub fn review(p: &Progress, at: Moment) -> Session {
        let due = super::due_items(p, at.at());
        let new = super::new_items_today(p, at.day());
        let mut s = Session::over(SessionKind::Review, due.into_iter().chain(new.clone()), at);
        s.new = new.into_iter().collect();
        s
    }

    /// A drill of `items`, once each in the order given, as practice: the schedule is left
    /// alone.
    pub fn drill(items: Vec<Item>, at: Moment) -> Session {
        Session::over(SessionKind::Drill, items, at)
    }

    /// Practice of a deck: every item once, in deck order; the schedule is left alone.
    pub fn practice(deck: Deck, at: Moment) -> Session {
        Session::over(SessionKind::Practice(deck), deck.items(), at)
    }

    fn over(kind: SessionKind, items: impl IntoIterator<Item = Item>, at: Moment) -> Session {
        let mut s = Session {
            kind,
            queue: items.into_iter().collect(),
            learning: Vec::new(),
            shown: None,
            showings: 0,
            new: BTreeSet::new(),
            answered: BTreeSet::new(),
        };
        s.show_next(at.at());
        s
    }

    pub fn kind(&self) -> SessionKind {
        self.kind
    }

    /// The item on screen; `None` when the session is over.
    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    /// Items still to be answered, the one on screen and learning steps included.
    pub fn remaining(&self) -> usize {
        self.queue.len() + self.learning.len() + usize::from(self.shown.is_some())
    }

    /// What is left, by pile: the card on screen counts in its own. In practice every card
    /// counts as new.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            learning: self.learning.len(),
            ..Counts::default()
        };
        let practice = self.kind != SessionKind::Review;
        let shown = self.shown.as_ref().map(|s| s.item);
        for item in self.queue.iter().copied().chain(shown) {
            if self.answered.contains(&item) {
                c.learning += 1;
            } else if practice || self.new.contains(&item) {
                c.new += 1;
            } else {
                c.review += 1;
            }
        }
        c
    }

    /// When the next card in a learning step comes back (it may already be due).
    pub fn next_learning(&self) -> Option<DateTime<Utc>> {
        self.learning.iter().map(|(_, due)| *due).min()
    }

    /// Turns the card on screen over. For review, the intervals each grade would give are
    /// worked out now, from `p` at `at`. False when there is no card or it is already turned.
    pub fn flip(&mut self, p: &Progress, at: Moment) -> bool {
        let kind = self.kind;
        let Some(shown) = self.shown.as_mut().filter(|s| !s.flipped) else {
            return false;
        };
        shown.flipped = true;
        if kind == SessionKind::Review {
            shown.intervals = Some(p.scheduler().preview(p.card(&shown.item.key()), at.at()));
        }
        true
    }

    /// Grades the card on screen (only once it has been turned over). For review, `record`
    /// records the answer for the item's key and gives back its undo and the item's next due
    /// time; practice records nothing (Again shows the card once more, later). The next card is
    /// then chosen, at `at`, and stays on screen until it is answered.
    pub fn grade(
        &mut self,
        grade: Grade,
        at: Moment,
        record: impl FnOnce(&str, Grade) -> Option<(Undo, DateTime<Utc>)>,
    ) -> Option<Graded> {
        let shown = self.shown.as_ref().filter(|s| s.flipped)?.clone();
        let now = at.at();
        let (undo, back) = match self.kind {
            SessionKind::Review => {
                let (undo, due) = record(&shown.item.key(), grade)?;
                (Some(undo), due)
            }
            SessionKind::Practice(_) | SessionKind::Drill if grade == Grade::Again => (None, now),
            SessionKind::Practice(_) | SessionKind::Drill => (None, now + Duration::days(1)),
        };
        self.shown = None;
        self.answered.insert(shown.item);
        if back - now <= Duration::minutes(LEARNING_HORIZON_MINUTES) {
            self.learning.push((shown.item, back));
        }
        self.show_next(now);
        Some(Graded {
            item: shown.item,
            grade,
            undo,
            reverse: shown.reverse,
        })
    }

    /// After the grade `graded` was undone: its card is shown again, as it was, unturned; the
    /// card that was showing goes back to the front of the queue.
    pub fn put_back(&mut self, graded: &Graded) {
        self.answered.remove(&graded.item);
        self.learning.retain(|(i, _)| *i != graded.item);
        self.queue.retain(|i| *i != graded.item);
        if let Some(current) = self.shown.take() {
            self.queue.push_front(current.item);
            self.showings = self.showings.saturating_sub(1);
        }
        self.shown = Some(Shown {
            item: graded.item,
            reverse: graded.reverse,
            flipped: false,
            intervals: None,
        });
    }

    /// Chooses the card to show at `now`: a learning step that has come due, else the next
    /// queued item, else the earliest learning step (waiting would only stall the session).
    fn show_next(&mut self, now: DateTime<Utc>) {
        let earliest = self
            .learning
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, due))| *due)
            .map(|(i, (_, due))| (i, *due));
        let item = match earliest {
            Some((i, due)) if due <= now => Some(self.learning.remove(i).0),
            _ => self
                .queue
                .pop_front()
                .or_else(|| earliest.map(|(i, _)| self.learning.remove(i).0)),
        };
        self.shown = item.map(|item| {
            let reverse = matches!(item, Item::Code(_)) && self.showings % 2 == 1;
            self.showings += 1;
            Shown {
                item,
                reverse,
                flipped: false,
                intervals: None,
            }
        });
    }
}
