//! The learner's progress: each item's FSRS card, the answer history and the settings.
//! Plain data with plain methods; `storage` keeps it in the browser.

pub mod storage;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::schedule::{Card, Grade, Scheduler, DEFAULT_RETENTION};

/// The shape of what is stored; bumped when it changes, with a migration from the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The default number of new items a day.
pub const DEFAULT_NEW_PER_DAY: u32 = 10;

/// What the learner can change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// New items introduced per day at most.
    pub new_per_day: u32,
    /// FSRS's desired retention (0.7 to 0.99).
    pub desired_retention: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            new_per_day: DEFAULT_NEW_PER_DAY,
            desired_retention: DEFAULT_RETENTION,
        }
    }
}

/// One answer, from a flashcard or a quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The item's key (see `quiz::Item::key`).
    pub item: String,
    pub at: DateTime<Utc>,
    /// The learner's local date when answering (days roll over at local midnight).
    pub day: NaiveDate,
    pub grade: Grade,
    /// True when this was the item's first answer ever: it was a new item.
    pub first: bool,
}

/// Everything kept for one learner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// FSRS state per item key.
    pub cards: BTreeMap<String, Card>,
    pub history: Vec<AnswerRecord>,
    pub settings: Settings,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: SCHEMA_VERSION,
            cards: BTreeMap::new(),
            history: Vec::new(),
            settings: Settings::default(),
        }
    }
}

/// What `Progress::record` changed, so that the answer can be taken back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    item: String,
    previous: Option<Card>,
    history_len: usize,
}

impl Undo {
    /// The key of the item whose answer this undoes.
    pub fn item(&self) -> &str {
        &self.item
    }
}

impl Progress {
    /// The scheduler for the learner's settings.
    pub fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.settings.desired_retention)
    }

    /// The item's card, if it has been answered before.
    pub fn card(&self, item: &str) -> Option<&Card> {
        self.cards.get(item)
    }

    /// The item's card, or a fresh one for an item never seen.
    pub fn card_or_new(&self, item: &str, now: DateTime<Utc>) -> Card {
        self.cards
            .get(item)
            .cloned()
            .unwrap_or_else(|| Scheduler::new_card(now))
    }

    /// Records an answer: FSRS reschedules the item, and the history keeps the answer.
    pub fn record(
        &mut self,
        item: &str,
        grade: Grade,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Undo {
        let previous = self.cards.get(item).cloned();
        let undo = Undo {
            item: item.to_string(),
            previous: previous.clone(),
            history_len: self.history.len(),
        };
        let card = previous.unwrap_or_else(|| Scheduler::new_card(now));
        let next = self.scheduler().grade(&card, grade, now);
        self.cards.insert(item.to_string(), next);
        self.history.push(AnswerRecord {
            item: item.to_string(),
            at: now,
            day: today,
            grade,
            first: undo.previous.is_none(),
        });
        undo
    }

    /// Takes back the answer `undo` came from, restoring the item's card and the history.
    pub fn undo(&mut self, undo: Undo) {
        match undo.previous {
            Some(card) => {
                self.cards.insert(undo.item, card);
            }
            None => {
                self.cards.remove(&undo.item);
            }
        }
        self.history.truncate(undo.history_len);
    }

    /// Keys of the items due at `now`, most overdue first.
    pub fn due_items(&self, now: DateTime<Utc>) -> Vec<String> {
        let mut due: Vec<(&String, &Card)> =
            self.cards.iter().filter(|(_, c)| c.due <= now).collect();
        due.sort_by_key(|(key, c)| (c.due, (*key).clone()));
        due.into_iter().map(|(k, _)| k.clone()).collect()
    }

    /// How many items are due at `now`.
    pub fn due_count(&self, now: DateTime<Utc>) -> usize {
        self.cards.values().filter(|c| c.due <= now).count()
    }

    /// New items introduced on `today`.
    pub fn new_introduced(&self, today: NaiveDate) -> u32 {
        self.history
            .iter()
            .filter(|a| a.first && a.day == today)
            .count() as u32
    }

    /// How many more new items may be introduced on `today`.
    pub fn new_left_today(&self, today: NaiveDate) -> u32 {
        self.settings
            .new_per_day
            .saturating_sub(self.new_introduced(today))
    }

    /// The first `limit` of `candidates` (item keys in study order) never answered before.
    pub fn new_items<'a>(
        &self,
        candidates: impl IntoIterator<Item = &'a str>,
        limit: usize,
    ) -> Vec<&'a str> {
        candidates
            .into_iter()
            .filter(|k| !self.cards.contains_key(*k))
            .take(limit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    #[test]
    fn an_answer_schedules_the_item_and_is_kept_in_the_history() {
        let mut p = Progress::default();
        p.record("code:404", Grade::Good, t0(), day());
        assert!(p.card("code:404").unwrap().due > t0());
        assert_eq!(p.history.len(), 1);
        assert!(p.history[0].first);
        p.record("code:404", Grade::Good, t0() + Duration::hours(1), day());
        assert!(!p.history[1].first);
    }

    #[test]
    fn items_come_due_and_are_counted() {
        let mut p = Progress::default();
        p.record("code:404", Grade::Again, t0(), day());
        p.record("code:200", Grade::Easy, t0(), day());
        assert_eq!(p.due_count(t0()), 0);
        let later = t0() + Duration::minutes(30);
        assert_eq!(p.due_items(later), ["code:404"]);
        assert_eq!(p.due_count(t0() + Duration::days(60)), 2);
    }

    #[test]
    fn the_daily_new_item_limit_counts_first_answers_of_today_only() {
        let mut p = Progress::default();
        p.settings.new_per_day = 3;
        p.record("code:404", Grade::Good, t0(), day());
        p.record("code:404", Grade::Good, t0(), day());
        p.record("code:200", Grade::Good, t0(), day());
        assert_eq!(p.new_left_today(day()), 1);
        assert_eq!(p.new_left_today(day().succ_opt().unwrap()), 3);
        let candidates = ["code:404", "code:200", "code:500", "code:503"];
        assert_eq!(p.new_items(candidates, 1), ["code:500"]);
    }

    #[test]
    fn undo_restores_the_card_and_the_history() {
        let mut p = Progress::default();
        p.record("code:404", Grade::Good, t0(), day());
        let before = p.clone();
        let undo = p.record("code:404", Grade::Again, t0() + Duration::days(1), day());
        assert_ne!(p, before);
        p.undo(undo);
        assert_eq!(p, before);

        let undo = p.record("code:500", Grade::Good, t0(), day());
        p.undo(undo);
        assert!(p.card("code:500").is_none(), "a new item is new again");
    }

    #[test]
    fn progress_survives_a_round_trip_through_json() {
        let mut p = Progress::default();
        p.record("code:404", Grade::Hard, t0(), day());
        let text = serde_json::to_string(&p).unwrap();
        let back: Progress = serde_json::from_str(&text).unwrap();
        assert_eq!(back, p);
    }
}
