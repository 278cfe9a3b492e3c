//! Studying with the schedule: which items are due, which new items may start today, and the
//! study session that serves them one at a time. Home, Study and Progress all read these one
//! definitions, so that their numbers agree.

pub mod confusions;
mod order;
mod placement;
pub mod session;

use std::fmt;

use chrono::{DateTime, Duration, Utc};

pub use confusions::{confusion_drill, confusions, weakest_drill, Confusion};
pub use order::introduction_order;
pub use placement::{placement_grade, placement_quiz};
pub use session::{Counts, Graded, Session, SessionKind, Shown};

use crate::clock::Moment;
use crate::progress::{Card, Progress};
use crate::quiz::Item;
use crate::schedule::format_interval;

/// The record's cards that are scheduled: those whose keys name an item of the catalogue.
/// Cards of keys that name nothing (an item renamed since, an imported `code:299`) are kept in
/// the record but never come due.
pub fn scheduled_cards(p: &Progress) -> impl Iterator<Item = (Item, &Card)> {
    p.cards()
        .iter()
        .filter_map(|(key, card)| Item::from_key(key).map(|item| (item, card)))
}

/// How many cards are kept for keys that name no item.
pub fn unscheduled_count(p: &Progress) -> usize {
    p.cards().len() - scheduled_cards(p).count()
}

/// The items due at `now`, most overdue first.
pub fn due_items(p: &Progress, now: DateTime<Utc>) -> Vec<Item> {
    let mut due: Vec<(DateTime<Utc>, Item)> = scheduled_cards(p)
        .filter(|(_, c)| c.due() <= now)
        .map(|(item, c)| (c.due(), item))
        .collect();
    crate::sort::ascending(&mut due);
    due.into_iter().map(|(_, item)| item).collect()
}

/// How many items are due at `now`.
pub fn due_count(p: &Progress, now: DateTime<Utc>) -> usize {
    scheduled_cards(p).filter(|(_, c)| c.due() <= now).count()
}

/// The new items (never answered) of what the learner is learning (the goal in their
/// settings) that may still start on `day`, in the order of [`introduction_order`], up to the
/// day's limit less those already started that day.
pub fn new_items_today(p: &Progress, day: chrono::NaiveDate) -> Vec<Item> {
    let left = p.new_left(day) as usize;
    let goal = p.settings().goal().items();
    introduction_order()
        .into_iter()
        .filter(|item| goal.contains(item) && p.card(&item.key()).is_none())
        .take(left)
        .collect()
}

/// How many items of what the learner is learning have a card (have been started), and how
/// many the goal holds: "learned 12 of 61". Home and Progress both show this one figure.
pub fn goal_progress(p: &Progress) -> (usize, usize) {
    let goal = p.settings().goal().items();
    let started = goal
        .iter()
        .filter(|item| p.card(&item.key()).is_some())
        .count();
    (started, goal.len())
}

/// When the next scheduled card is due (it may already be), if any card is scheduled.
pub fn next_due(p: &Progress) -> Option<DateTime<Utc>> {
    scheduled_cards(p).map(|(_, c)| c.due()).min()
}

/// The learner's next step, as Home's main button offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Reviews are due: do them first.
    Review(usize),
    /// New items may start today. `first`: the learner has never studied anything; `codes`:
    /// every one of them is a status code.
    Learn {
        count: usize,
        first: bool,
        codes: bool,
    },
    /// Nothing is due and today's new items are done; the next review is due this long from
    /// now (`None` when no card is scheduled at all).
    Done { next_in: Option<Duration> },
}

/// What the learner should do next at `at`: reviews due first, then today's new items, else
/// when the next review comes.
pub fn next_step(p: &Progress, at: Moment) -> NextStep {
    let due = due_count(p, at.at());
    if due > 0 {
        return NextStep::Review(due);
    }
    let new = new_items_today(p, at.day());
    if !new.is_empty() {
        return NextStep::Learn {
            count: new.len(),
            first: scheduled_cards(p).next().is_none(),
            codes: new.iter().all(|i| matches!(i, Item::Code(_))),
        };
    }
    NextStep::Done {
        next_in: next_due(p).map(|d| d - at.at()),
    }
}

impl fmt::Display for NextStep {
    /// "12 reviews due", "Learn your first 10 codes", "Learn 5 more", "All done — next review
    /// in 9 min".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NextStep::Review(1) => write!(f, "1 review due"),
            NextStep::Review(n) => write!(f, "{n} reviews due"),
            NextStep::Learn {
                count,
                first,
                codes,
            } => {
                let what = match (codes, count) {
                    (true, 1) => "code",
                    (true, _) => "codes",
                    (false, 1) => "card",
                    (false, _) => "cards",
                };
                if first {
                    write!(f, "Learn your first {count} {what}")
                } else {
                    write!(f, "Learn {count} more {what}")
                }
            }
            NextStep::Done {
                next_in: Some(wait),
            } => write!(f, "All done — next review in {}", format_interval(wait)),
            NextStep::Done { next_in: None } => write!(f, "All done for today"),
        }
    }
}

#[cfg(test)]
mod tests;
