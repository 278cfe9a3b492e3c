//! The learner's progress: each item's FSRS card, the answer history and the settings.
//! Plain data with plain methods; `storage` keeps it in the browser.

pub mod stats;
pub mod storage;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::schedule::{Card, Grade, Scheduler, DEFAULT_RETENTION};

/// The shape of what is stored; bumped when it changes, with a migration from the old one.
/// Version 1 had no daily totals, daily goal or theme; `storage::decode` reads it as version 2.
pub const SCHEMA_VERSION: u32 = 2;

/// Marks exported files and stored records as this app's.
pub const APP_ID: &str = "http-study";

/// Answers older than this many days are folded into daily totals.
pub const FULL_HISTORY_DAYS: i64 = 14;

/// At most this many answers are kept in full, whatever their age.
pub const FULL_HISTORY_MAX: usize = 3000;

/// The default daily goal, in answers.
pub const DEFAULT_DAILY_GOAL: u32 = 20;

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
    /// Answers a day the learner aims for.
    pub daily_goal: u32,
    pub theme: Theme,
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

/// A day's answers, kept as totals once the day is older than [`FULL_HISTORY_DAYS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTotals {
    pub answers: u32,
    /// Answers graded Hard, Good or Easy (a quiz answer that was right counts as Good).
    pub correct: u32,
    /// Items answered for the first time.
    pub new_items: u32,
}

impl DayTotals {
    fn add(&mut self, a: &AnswerRecord) {
        self.answers += 1;
        self.correct += u32::from(a.grade != Grade::Again);
        self.new_items += u32::from(a.first);
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            new_per_day: DEFAULT_NEW_PER_DAY,
            desired_retention: DEFAULT_RETENTION,
            daily_goal: DEFAULT_DAILY_GOAL,
            theme: Theme::System,
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
    /// Always [`APP_ID`]: tells this app's files from others'.
    #[serde(default = "app_id")]
    pub app: String,
    pub version: u32,
    /// FSRS state per item key.
    pub cards: BTreeMap<String, Card>,
    /// Recent answers in full, oldest first.
    pub history: Vec<AnswerRecord>,
    /// Older answers, folded into totals per day.
    #[serde(default)]
    pub daily: BTreeMap<NaiveDate, DayTotals>,
    #[serde(default)]
    pub settings: Settings,
}

fn app_id() -> String {
    APP_ID.to_string()
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            app: app_id(),
            version: SCHEMA_VERSION,
            cards: BTreeMap::new(),
            history: Vec::new(),
            daily: BTreeMap::new(),
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
        due.sort_unstable_by(|(ka, a), (kb, b)| a.due.cmp(&b.due).then_with(|| ka.cmp(kb)));
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

impl Progress {
    /// Folds answers older than [`FULL_HISTORY_DAYS`] before `today`, and any beyond
    /// [`FULL_HISTORY_MAX`], into daily totals, so storage stays small after years of use.
    /// Run when progress is loaded, never between an answer and its undo.
    pub fn compact(&mut self, today: NaiveDate) {
        let cutoff = today - chrono::Duration::days(FULL_HISTORY_DAYS);
        let over = self.history.len().saturating_sub(FULL_HISTORY_MAX);
        let keep_from = self
            .history
            .iter()
            .position(|a| a.day >= cutoff)
            .unwrap_or(self.history.len())
            .max(over);
        for a in self.history.drain(..keep_from) {
            self.daily.entry(a.day).or_default().add(&a);
        }
    }

    /// The totals of one day, from the full history and the folded totals together.
    pub fn day_totals(&self, day: NaiveDate) -> DayTotals {
        let mut t = self.daily.get(&day).copied().unwrap_or_default();
        for a in self.history.iter().filter(|a| a.day == day) {
            t.add(a);
        }
        t
    }

    /// Consecutive days with at least one answer, ending today (or yesterday, when today
    /// has no answer yet: the streak is not lost until the day is over).
    pub fn streak(&self, today: NaiveDate) -> u32 {
        let days: std::collections::BTreeSet<NaiveDate> = self
            .daily
            .keys()
            .copied()
            .chain(self.history.iter().map(|a| a.day))
            .collect();
        let mut day = if days.contains(&today) {
            today
        } else {
            today - chrono::Duration::days(1)
        };
        let mut streak = 0;
        while days.contains(&day) {
            streak += 1;
            day -= chrono::Duration::days(1);
        }
        streak
    }

    /// Merges progress written elsewhere (another tab, an imported file) into this one.
    /// Per item, the card reviewed last wins; answers are united without duplicates; daily
    /// totals keep the larger count per day; this side's settings stay.
    pub fn merge(&mut self, other: &Progress) {
        for (key, theirs) in &other.cards {
            match self.cards.get(key) {
                Some(ours) if ours.last_review >= theirs.last_review => {}
                _ => {
                    self.cards.insert(key.clone(), theirs.clone());
                }
            }
        }
        let seen: std::collections::BTreeSet<(String, DateTime<Utc>)> = self
            .history
            .iter()
            .map(|a| (a.item.clone(), a.at))
            .collect();
        let fresh: Vec<AnswerRecord> = other
            .history
            .iter()
            .filter(|a| !seen.contains(&(a.item.clone(), a.at)))
            .cloned()
            .collect();
        if !fresh.is_empty() {
            self.history.extend(fresh);
            // Oldest first; answers given at the same instant keep a fixed order.
            self.history
                .sort_unstable_by(|a, b| a.at.cmp(&b.at).then_with(|| a.item.cmp(&b.item)));
        }
        for (day, theirs) in &other.daily {
            let ours = self.daily.entry(*day).or_default();
            if theirs.answers > ours.answers {
                *ours = *theirs;
            }
        }
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
    fn a_year_of_daily_study_stays_small() {
        let mut p = Progress::default();
        let start = t0();
        for d in 0..365 {
            let morning = start + Duration::days(d);
            for i in 0..60 {
                let item = format!("code:{}", 100 + (d * 7 + i) % 400);
                p.record(
                    &item,
                    if i % 5 == 0 {
                        Grade::Again
                    } else {
                        Grade::Good
                    },
                    morning + Duration::minutes(i),
                    morning.date_naive(),
                );
            }
            p.compact(morning.date_naive());
        }
        assert!(
            p.history.len() <= 15 * 60,
            "{} answers kept in full",
            p.history.len()
        );
        assert!(p.daily.len() >= 350);
        let total: u32 = p.daily.values().map(|t| t.answers).sum::<u32>() + p.history.len() as u32;
        assert_eq!(total, 365 * 60, "no answer is lost, only folded");
        let bytes = storage::encode(&p).len();
        assert!(bytes < 1_000_000, "{bytes} bytes after a year");
        assert_eq!(p.streak((start + Duration::days(364)).date_naive()), 365);
    }

    #[test]
    fn day_totals_add_folded_and_recent_answers() {
        let expected = DayTotals {
            answers: 2,
            correct: 1,
            new_items: 2,
        };
        let mut p = Progress::default();
        p.record("code:404", Grade::Good, t0(), day());
        p.record("code:200", Grade::Again, t0(), day());
        assert_eq!(p.day_totals(day()), expected);
        p.compact(day() + Duration::days(30));
        assert!(p.history.is_empty());
        assert_eq!(p.day_totals(day()), expected);
    }

    #[test]
    fn the_streak_counts_consecutive_days_and_survives_until_the_day_ends() {
        let mut p = Progress::default();
        for d in 0..3 {
            let at = t0() + Duration::days(d);
            p.record("code:404", Grade::Good, at, at.date_naive());
        }
        let last = (t0() + Duration::days(2)).date_naive();
        assert_eq!(p.streak(last), 3);
        assert_eq!(
            p.streak(last + Duration::days(1)),
            3,
            "today not studied yet"
        );
        assert_eq!(p.streak(last + Duration::days(2)), 0, "a day was missed");
    }

    #[test]
    fn merging_keeps_the_newer_card_per_item_and_every_answer_once() {
        let mut tab_a = Progress::default();
        tab_a.record("code:404", Grade::Good, t0(), day());
        let mut tab_b = tab_a.clone();
        // Tab B reviews 404 later; tab A reviews 500.
        tab_b.record("code:404", Grade::Again, t0() + Duration::hours(2), day());
        tab_a.record("code:500", Grade::Good, t0() + Duration::hours(1), day());

        let mut merged = tab_a.clone();
        merged.merge(&tab_b);
        assert_eq!(
            merged.cards["code:404"], tab_b.cards["code:404"],
            "B's newer review wins"
        );
        assert_eq!(merged.cards["code:500"], tab_a.cards["code:500"]);
        assert_eq!(merged.history.len(), 3);
        assert!(merged.history.windows(2).all(|w| w[0].at <= w[1].at));

        let mut other_way = tab_b.clone();
        other_way.merge(&tab_a);
        assert_eq!(
            other_way.cards, merged.cards,
            "merging is symmetric for cards"
        );
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
