//! How much of what is due a day takes: learning steps always, reviews up to the learner's
//! daily cap (Anki's "maximum reviews a day"), the rest waiting for the following days in
//! [`REVIEW_ORDER`]. The study session, the plan of the day and the forecast of reviews all
//! use this one rule.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::scheduled_cards;
use crate::clock::Moment;
use crate::progress::{Card, Progress, Source};
use crate::quiz::Item;

/// The order in which due reviews are taken when a day cannot take them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewOrder {
    /// The longest overdue first.
    MostOverdue,
    /// The lowest chance of recall first.
    LowestRecall,
    /// The shortest interval first (the youngest memories).
    ShortestInterval,
}

impl ReviewOrder {
    pub const ALL: [ReviewOrder; 3] = [
        ReviewOrder::MostOverdue,
        ReviewOrder::LowestRecall,
        ReviewOrder::ShortestInterval,
    ];

    /// Its name in the simulation's tables.
    pub fn label(self) -> &'static str {
        match self {
            ReviewOrder::MostOverdue => "most overdue first",
            ReviewOrder::LowestRecall => "lowest recall first",
            ReviewOrder::ShortestInterval => "shortest interval first",
        }
    }

    /// Puts `due` (item, card) in this order at `now`; ties by item.
    pub fn sort(self, due: &mut Vec<(Item, &Card)>, now: DateTime<Utc>) {
        match self {
            ReviewOrder::MostOverdue => crate::sort::by_key(due, |(item, c)| (c.due(), *item)),
            ReviewOrder::LowestRecall => crate::sort::by(due, |(a, ca), (b, cb)| {
                ca.retrievability(now)
                    .total_cmp(&cb.retrievability(now))
                    .then(a.cmp(b))
            }),
            ReviewOrder::ShortestInterval => {
                crate::sort::by_key(due, |(item, c)| (c.scheduled_days(), c.due(), *item))
            }
        }
    }
}

/// The order the app takes due reviews in (chosen with the simulation: README, "Does it
/// teach?"): for a learner back after two weeks, the lowest chance of recall first knew as
/// much as the other two orders or more, at 8 s and at 20 s a card.
pub const REVIEW_ORDER: ReviewOrder = ReviewOrder::LowestRecall;

/// What is due for one learner at one moment, and what the day takes of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviews {
    /// Items already answered today that are due again now (learning steps, a card graded
    /// Again): never held back by the cap. Most overdue first.
    pub learning: Vec<Item>,
    /// The reviews the day takes now, in [`REVIEW_ORDER`], within the cap.
    pub reviews: Vec<Item>,
    /// Reviews due now beyond the day's cap: they wait for the following days.
    pub waiting: usize,
    /// Reviews done today (items reviewed today that were not new today).
    pub done: u32,
    /// The day's cap on reviews.
    pub cap: u32,
    /// Items that fall due later today (after now, before the learner's midnight).
    pub later_today: usize,
}

impl Reviews {
    /// What is due in `p` at `at`, and what the day takes of it.
    pub fn of(p: &Progress, at: Moment) -> Reviews {
        Reviews::in_order(p, at, REVIEW_ORDER)
    }

    /// As [`Reviews::of`], taking reviews in `order` (the simulation compares orders).
    pub fn in_order(p: &Progress, at: Moment, order: ReviewOrder) -> Reviews {
        let now = at.at();
        let (answered, done) = answered_today(p, at);
        let mut learning: Vec<(Item, &Card)> = Vec::new();
        let mut due: Vec<(Item, &Card)> = Vec::new();
        let mut later_today = 0;
        let end = at.day_end();
        for (item, card) in scheduled_cards(p) {
            if card.due() <= now {
                if answered.contains(&item) {
                    learning.push((item, card));
                } else {
                    due.push((item, card));
                }
            } else if card.due() < end {
                later_today += 1;
            }
        }
        ReviewOrder::MostOverdue.sort(&mut learning, now);
        order.sort(&mut due, now);
        let cap = p.settings().max_reviews();
        let room = cap.saturating_sub(done) as usize;
        let waiting = due.len().saturating_sub(room);
        due.truncate(room);
        Reviews {
            learning: learning.into_iter().map(|(i, _)| i).collect(),
            reviews: due.into_iter().map(|(i, _)| i).collect(),
            waiting,
            done,
            cap,
            later_today,
        }
    }

    /// What a session takes now: learning steps first, then the reviews.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.learning.iter().chain(&self.reviews).copied()
    }

    /// How many a session takes now.
    pub fn due_now(&self) -> usize {
        self.learning.len() + self.reviews.len()
    }
}

/// The items answered on the learner's day `at` in a way that schedules them (a flashcard, or
/// a quiz answer on an item already started), and how many of them were reviews: items not
/// met for the first time that day.
fn answered_today(p: &Progress, at: Moment) -> (BTreeSet<Item>, u32) {
    let mut answered = BTreeSet::new();
    let mut new = BTreeSet::new();
    // Today's answers, with any dated later (given at a clock further east): see
    // `Progress::today_totals`.
    for a in p.history().iter().filter(|a| a.day() >= at.day()) {
        let Some(item) = Item::from_key(a.item()) else {
            continue;
        };
        let scheduling = match a.source() {
            Source::Study => true,
            Source::Quiz => p.card(a.item()).is_some(),
            Source::Placement | Source::Retake => false,
        };
        if !scheduling {
            continue;
        }
        answered.insert(item);
        if a.first() {
            new.insert(item);
        }
    }
    let done = answered.difference(&new).count();
    (answered, u32::try_from(done).unwrap_or(u32::MAX))
}
