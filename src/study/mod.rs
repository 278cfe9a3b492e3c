//! Studying with the schedule: which items are due, which new items may start today, and the
//! study session that serves them one at a time. Home, Study and Progress all read these one
//! definitions, so that their numbers agree.

pub mod session;

use chrono::{DateTime, Utc};

pub use session::{Graded, Session, SessionKind, Shown};

use crate::progress::{Card, Progress};
use crate::quiz::{all_items, Item};

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
    due.sort_unstable();
    due.into_iter().map(|(_, item)| item).collect()
}

/// How many items are due at `now`.
pub fn due_count(p: &Progress, now: DateTime<Utc>) -> usize {
    scheduled_cards(p).filter(|(_, c)| c.due() <= now).count()
}

/// The new items (never answered) that may still start on `day`, in study order, up to the
/// day's limit less those already started that day.
pub fn new_items_today(p: &Progress, day: chrono::NaiveDate) -> Vec<Item> {
    let left = p.new_left(day) as usize;
    all_items()
        .into_iter()
        .filter(|item| p.card(&item.key()).is_none())
        .take(left)
        .collect()
}

#[cfg(test)]
mod tests;
