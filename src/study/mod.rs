//! Studying with the schedule: which items are due, how many reviews a day takes, which new
//! items may start today, what a quiz answer records, and the study session that serves them
//! one at a time. The plan of the day (`crate::day`) is built from these one definitions, and
//! Home, Study and Progress show that plan, so that their numbers agree.

pub mod confusions;
mod order;
mod placement;
mod quizzes;
mod reviews;
pub mod session;
mod time;
mod weakest;

use chrono::{DateTime, NaiveDate, Utc};

pub use confusions::{confusion_drill, confusions, weakest_drill, Confusion};
pub use order::introduction_order;
pub use placement::{offers_placement, placement_quiz};
pub use quizzes::{
    deck_newness, first_quiz, quiz_items, quiz_questions, quiz_record, DeckNewness, FirstQuiz,
    QuizMode, Recording, PRACTICE_MIN_ITEMS,
};
pub use reviews::{ReviewOrder, Reviews, REVIEW_ORDER};
pub use session::{
    grade_shown, Back, Counts, Face, Graded, Opening, Session, SessionKind, SessionSummary, Shown,
    Skipped,
};
pub use time::{minutes_words, spent_seconds};
pub use weakest::{weakest, WeakItem, WEAK_HORIZON_HOURS};

use crate::progress::{Card, Progress};
use crate::quiz::Item;

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

/// Every item due at `now`, most overdue first, whatever the day's cap (see [`Reviews`] for
/// what a day takes of them).
pub fn due_items(p: &Progress, now: DateTime<Utc>) -> Vec<Item> {
    let mut due: Vec<(DateTime<Utc>, Item)> = scheduled_cards(p)
        .filter(|(_, c)| c.due() <= now)
        .map(|(item, c)| (c.due(), item))
        .collect();
    crate::sort::ascending(&mut due);
    due.into_iter().map(|(_, item)| item).collect()
}

/// The new items (never answered) of what the learner is learning (the goal in their
/// settings) that may still start on `day`, in the order of [`introduction_order`], up to the
/// day's limit less those already started that day.
pub fn new_items_today(p: &Progress, day: NaiveDate) -> Vec<Item> {
    unstarted_in_goal(p, p.new_left(day) as usize)
}

/// Up to `n` items of what the learner is learning that they have never started, in the order
/// of [`introduction_order`]: today's new items, or more beyond the day's limit when the
/// learner asks for them.
pub fn unstarted_in_goal(p: &Progress, n: usize) -> Vec<Item> {
    let goal = goal_items(p);
    introduction_order()
        .into_iter()
        .filter(|item| goal.binary_search(item).is_ok() && p.card(&item.key()).is_none())
        .take(n)
        .collect()
}

/// The items of what the learner is learning, sorted (for a quick look-up).
fn goal_items(p: &Progress) -> Vec<Item> {
    let mut goal = p.settings().goal().items();
    crate::sort::ascending(&mut goal);
    goal
}

/// How many items of what the learner is learning have a card (have been started), and how
/// many the goal holds: "started 12 of 61".
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

/// Answers after which the grade buttons stop explaining themselves: a learner's first
/// sessions show what Again, Hard, Good and Easy mean, one line each.
pub const GRADE_HELP_ANSWERS: u64 = 20;

/// Whether the grade buttons explain themselves: in the learner's first sessions.
pub fn explains_grades(p: &Progress) -> bool {
    p.answer_count() < GRADE_HELP_ANSWERS
}

#[cfg(test)]
mod tests;
