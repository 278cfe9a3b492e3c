//! The learner's progress: each item's FSRS card, the answers (recent ones in full, older ones
//! folded into day totals), undone answers, the lab challenges solved, the settings, and the
//! record's generation.
//!
//! Plain data with plain methods, no DOM. Three rules hold for every value of [`Progress`]:
//! - every value in it is one the app itself would write ([`Card::new`], [`Answer::new`],
//!   [`DayTotals::new`] and the settings' ranges are the one check, on load and before a write);
//! - every answer is counted once, whether in the recent history or in folded totals (answers
//!   have ids, and folded totals say which ids they hold, see [`answer`]); every challenge
//!   solved is held once, with the moment it was first solved (see [`solved`]);
//! - merging is the same whichever side merges into which, so tabs agree.
//!
//! `format` turns a record into stored text and back; `keeper` keeps it in a store shared with
//! other tabs; `storage` is the browser's localStorage. The figures a learner reads about their
//! record are worked out above it, in `crate::day`.

pub mod answer;
pub mod card;
pub mod format;
pub mod id;
pub mod keeper;
pub mod settings;
pub mod solved;
pub mod totals;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, Utc};

pub use crate::schedule::Phase;
pub use answer::{Answer, Contribution, Source, Undone};
pub use card::{Card, CardFields};
pub use id::{AnswerId, Generation, Origin, Writer};
pub use settings::{
    NumberSetting, SettingError, Settings, StoredSettings, Theme, DEFAULT_DAILY_MINUTES,
    DEFAULT_MAX_REVIEWS, DEFAULT_NEW_PER_DAY,
};
pub use solved::Solved;
pub use totals::{DayTotals, Folded};

use crate::clock::Moment;
use crate::schedule::{Grade, Scheduler};

/// The shape of what is stored; bumped when it changes, with a migration from every older one
/// (see `format`).
pub const SCHEMA_VERSION: u32 = 5;

/// Marks exported files and stored records as this app's.
pub const APP_ID: &str = "http-study";

/// Answers older than this many days are folded into day totals.
pub const FULL_HISTORY_DAYS: i64 = 14;

/// At most this many answers are kept in full, whatever their age.
pub const FULL_HISTORY_MAX: usize = 3000;

/// How many undone answers in a row a card's history is followed back through.
const RESTORE_DEPTH: usize = 16;

/// Everything kept for one learner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    generation: Generation,
    /// FSRS state per item key. Keys that name no item (an item since renamed) are kept, never
    /// scheduled.
    cards: BTreeMap<String, Card>,
    /// Recent answers in full, in time order (then id order).
    history: Vec<Answer>,
    /// Older answers, folded into day totals, per origin.
    folded: BTreeMap<Origin, Folded>,
    /// Answers undone and still noted, in id order.
    undone: Vec<Undone>,
    /// The lab challenges solved, in id order, one entry each.
    solved: Vec<Solved>,
    settings: Settings,
}

/// What [`Progress::record`] changed, so that exactly that answer can be taken back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    id: AnswerId,
    item: String,
    previous: Option<Card>,
}

impl Undo {
    /// The answer it takes back.
    pub fn answer(&self) -> AnswerId {
        self.id
    }

    /// The item's key.
    pub fn item(&self) -> &str {
        &self.item
    }
}

/// Why an answer could not be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoError {
    /// It is no longer among the recent answers: progress was reset or replaced, or it was
    /// already folded into the day's totals.
    Gone,
}

impl fmt::Display for UndoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UndoError::Gone => write!(
                f,
                "That answer can no longer be undone: it is no longer among your recent answers \
                 (progress was reset or replaced since)."
            ),
        }
    }
}

/// What taking in another copy of the record did (see [`Progress::absorb`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absorbed {
    /// Nothing new in it.
    Unchanged,
    /// Its answers and cards were merged in.
    Merged,
    /// It is a newer generation (a reset or a replace elsewhere): it took this one's place.
    Adopted,
    /// It is an older generation: nothing of it was taken.
    Older,
}

impl Progress {
    /// A record from its parts, as read from storage: answers already folded or undone are
    /// dropped from the history, cards made by undone answers go back to what they were, and
    /// the history is put in order.
    pub fn from_parts(
        generation: Generation,
        cards: BTreeMap<String, Card>,
        history: Vec<Answer>,
        folded: BTreeMap<Origin, Folded>,
        undone: Vec<Undone>,
        settings: Settings,
    ) -> Progress {
        let mut p = Progress {
            generation,
            cards,
            history,
            folded,
            undone: Vec::with_capacity(undone.len()),
            solved: Vec::new(),
            settings,
        };
        for u in undone {
            p.note_undone(u);
        }
        p.normalize();
        p
    }

    pub fn generation(&self) -> Generation {
        self.generation
    }

    /// Every card, by item key (keys naming no item included).
    pub fn cards(&self) -> &BTreeMap<String, Card> {
        &self.cards
    }

    /// The item's card, if it has been answered before.
    pub fn card(&self, item: &str) -> Option<&Card> {
        self.cards.get(item)
    }

    /// The recent answers in full, oldest first.
    pub fn history(&self) -> &[Answer] {
        &self.history
    }

    /// Older answers folded into totals, per origin.
    pub fn folded(&self) -> &BTreeMap<Origin, Folded> {
        &self.folded
    }

    /// Undone answers still noted, in id order.
    pub fn undone(&self) -> &[Undone] {
        &self.undone
    }

    /// The note of an undone answer, if there is one.
    fn undone_note(&self, id: AnswerId) -> Option<&Undone> {
        self.undone
            .binary_search_by(|u| u.id.cmp(&id))
            .ok()
            .map(|i| &self.undone[i])
    }

    /// Notes an undone answer (once).
    fn note_undone(&mut self, u: Undone) {
        if let Err(i) = self.undone.binary_search_by(|x| x.id.cmp(&u.id)) {
            self.undone.insert(i, u);
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The lab challenges solved, in id order (ids the lab no longer has included).
    pub fn solved(&self) -> &[Solved] {
        &self.solved
    }

    /// When the challenge `id` was first solved, if it has been.
    pub fn solved_at(&self, id: &str) -> Option<DateTime<Utc>> {
        self.solved
            .binary_search_by(|s| s.id().cmp(id))
            .ok()
            .map(|i| self.solved[i].at())
    }

    /// Records that the challenge `id` was solved at `at`; a challenge solved before keeps its
    /// earlier moment. `Ok(true)` when the record changed, `Err` (and nothing recorded) for an
    /// id or a moment no record may hold ([`Solved::new`]).
    pub fn solve(&mut self, id: &str, at: DateTime<Utc>) -> Result<bool, String> {
        Ok(self.note_solved(Solved::new(id, at)?))
    }

    /// Notes a solved challenge read from a copy of the record (see [`Progress::solve`]).
    pub fn note_solved(&mut self, entry: Solved) -> bool {
        solved::note(&mut self.solved, entry)
    }

    /// Changes the settings.
    pub fn update_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings);
    }

    /// The scheduler for the learner's settings.
    pub fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.settings.desired_retention())
    }

    /// Whether anything at all has been answered.
    pub fn has_answers(&self) -> bool {
        !self.cards.is_empty() || !self.history.is_empty() || !self.folded.is_empty()
    }

    /// How many answers the record counts, recent and folded.
    pub fn answer_count(&self) -> u64 {
        let folded: u64 = self
            .folded
            .values()
            .flat_map(|f| f.days.iter())
            .map(|(_, t)| u64::from(t.answers()))
            .sum();
        folded + self.history.len() as u64
    }

    /// Records a flashcard's answer with id `id`: FSRS reschedules the item, and the history
    /// keeps the answer. `None` (and nothing recorded) for an item key no record may hold.
    pub fn record(&mut self, item: &str, grade: Grade, at: Moment, id: AnswerId) -> Option<Undo> {
        self.record_from(Source::Study, item, grade, at, id)
    }

    /// Records an answer given in `source`. What it may do to the item's schedule depends on
    /// where it was given (one rule, [`schedules`]): only a study session starts a new item (and
    /// uses up one of the day's new items); a quiz reviews items already started and, for an
    /// item never started, only counts; the placement check's own answer may start an item
    /// as known; a retake never touches a schedule. Every answer counts in the day's totals.
    pub fn record_from(
        &mut self,
        source: Source,
        item: &str,
        grade: Grade,
        at: Moment,
        id: AnswerId,
    ) -> Option<Undo> {
        self.record_choice(source, item, grade, None, at, id)
    }

    /// As [`Progress::record_from`], noting for a wrong answer the code the learner chose
    /// instead (see [`Answer::chose`]).
    pub fn record_choice(
        &mut self,
        source: Source,
        item: &str,
        grade: Grade,
        chose: Option<u16>,
        at: Moment,
        id: AnswerId,
    ) -> Option<Undo> {
        let previous = self.cards.get(item).cloned();
        let started = previous.is_some();
        let first = !started && source == Source::Study;
        let answer = Answer::new(id, item, at.at(), at.day(), grade, first)
            .and_then(|a| a.with_choice(chose))
            .ok()?
            .with_source(source);
        if schedules(source, started, grade) {
            let card = Card::review(&self.scheduler(), previous.as_ref(), grade, at.at(), id);
            self.cards.insert(item.to_string(), card);
        }
        let key = (answer.at(), answer.id());
        let pos = self.history.partition_point(|a| (a.at(), a.id()) <= key);
        self.history.insert(pos, answer);
        // A note of an earlier undone answer to this item may no longer be needed.
        self.prune_undone();
        Some(Undo {
            id,
            item: item.to_string(),
            previous,
        })
    }

    /// Takes back exactly the answer `undo` came from: it leaves the history and every day
    /// total, and its item's card goes back to what it was (unless a later answer, from
    /// another tab, has changed the card since). Other answers are untouched.
    pub fn undo(&mut self, undo: &Undo) -> Result<(), UndoError> {
        let pos = self
            .history
            .iter()
            .position(|a| a.id() == undo.id)
            .ok_or(UndoError::Gone)?;
        let answer = self.history.remove(pos);
        self.note_undone(Undone {
            id: undo.id,
            item: undo.item.clone(),
            at: answer.at(),
            contribution: answer.contribution(),
            restore: undo.previous.clone(),
        });
        if self.cards.get(&undo.item).and_then(Card::answer) == Some(undo.id) {
            // The card before it may itself come from an answer undone since (in another tab).
            match undo.previous.clone().and_then(|c| self.resolve(c)) {
                Some(card) => {
                    self.cards.insert(undo.item.clone(), card);
                }
                None => {
                    self.cards.remove(&undo.item);
                }
            }
        }
        Ok(())
    }

    /// New items introduced on `day`.
    pub fn new_introduced(&self, day: NaiveDate) -> u32 {
        self.today_totals(day).new_items()
    }

    /// How many more new items may be introduced on `day`.
    pub fn new_left(&self, day: NaiveDate) -> u32 {
        self.settings
            .new_per_day()
            .saturating_sub(self.new_introduced(day))
    }

    /// The totals of one day, from the recent answers and the folded totals together.
    pub fn day_totals(&self, day: NaiveDate) -> DayTotals {
        let mut t = DayTotals::default();
        for f in self.folded.values() {
            if let Some(d) = f.day(day) {
                t.add_totals(d);
            }
        }
        for a in self.history.iter().filter(|a| a.day() == day) {
            t.add(&a.contribution());
        }
        t
    }

    /// The totals of the learner's day `today`: every answer dated `today`, and any dated
    /// later. An answer keeps the local date it was given on; one dated after today was given
    /// at a clock further east (before a trip west), in the past all the same, so it belongs to
    /// the learner's present day: no answer ever drops out of today's figures, and a new day's
    /// allowance of new items opens once per day, not once per zone.
    pub fn today_totals(&self, today: NaiveDate) -> DayTotals {
        let mut t = DayTotals::default();
        for f in self.folded.values() {
            for (_, d) in f.days.iter().filter(|(d, _)| *d >= today) {
                t.add_totals(d);
            }
        }
        for a in self.history.iter().filter(|a| a.day() >= today) {
            t.add(&a.contribution());
        }
        t
    }

    /// The totals of `day` as seen on the learner's day `today`: today's with every answer
    /// dated later ([`Progress::today_totals`]), none for a day after today, else the day's.
    pub fn totals_as_of(&self, day: NaiveDate, today: NaiveDate) -> DayTotals {
        match day.cmp(&today) {
            std::cmp::Ordering::Less => self.day_totals(day),
            std::cmp::Ordering::Equal => self.today_totals(today),
            std::cmp::Ordering::Greater => DayTotals::default(),
        }
    }

    /// Every day with at least one answer up to `today`, in order; days dated after today
    /// (answers given at a clock further east) count as today.
    pub fn active_days_as_of(&self, today: NaiveDate) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .active_days()
            .into_iter()
            .map(|d| d.min(today))
            .collect();
        days.dedup();
        days
    }

    /// Every day with at least one answer, in order.
    pub fn active_days(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .folded
            .values()
            .flat_map(|f| f.days.iter().map(|(d, _)| *d))
            .chain(self.history.iter().map(Answer::day))
            .collect();
        crate::sort::ascending(&mut days);
        days.dedup();
        days
    }

    /// Consecutive days with at least one answer, ending today (or yesterday, when today
    /// has no answer yet: the streak is not lost until the day is over).
    pub fn streak(&self, today: NaiveDate) -> u32 {
        let days = self.active_days_as_of(today);
        let active = |d: &NaiveDate| days.binary_search(d).is_ok();
        let start = if active(&today) {
            Some(today)
        } else {
            today.pred_opt()
        };
        let mut streak = 0u32;
        let mut day = start;
        // Bounded: a record holds finitely many days.
        while let Some(d) = day.filter(active) {
            streak += 1;
            day = d.pred_opt();
        }
        streak
    }

    /// Folds answers older than [`FULL_HISTORY_DAYS`] before `today`, and the oldest beyond
    /// [`FULL_HISTORY_MAX`], into day totals, so storage stays small after years of use. Each
    /// origin's answers are folded in number order, so folded totals always hold a run of
    /// numbers from the first ("up to 57").
    pub fn compact(&mut self, today: NaiveDate) {
        let cutoff = today - Duration::days(FULL_HISTORY_DAYS);
        // The history in id order: each origin's answers form a run, in number order.
        let mut by_id: Vec<(AnswerId, NaiveDate, usize)> = self
            .history
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id(), a.day(), i))
            .collect();
        crate::sort::ascending(&mut by_id);
        // Per origin, the last number to fold (origins in order).
        let mut cut: Vec<(Origin, u64)> = Vec::new();
        let mut i = 0;
        while i < by_id.len() {
            let origin = by_id[i].0.origin;
            let run = by_id[i..].partition_point(|(id, _, _)| id.origin == origin);
            let old = by_id[i..i + run]
                .iter()
                .take_while(|(_, day, _)| *day < cutoff)
                .last();
            cut.push((origin, old.map_or(0, |(id, _, _)| id.seq)));
            i += run;
        }
        let position = |cut: &[(Origin, u64)], origin: Origin| {
            cut.binary_search_by(|(o, _)| o.cmp(&origin)).ok()
        };
        let folded_by_age = |cut: &[(Origin, u64)], a: &Answer| {
            position(cut, a.id().origin).is_some_and(|i| a.id().seq <= cut[i].1)
        };
        // Beyond the cap, the oldest answers go too, with the ones numbered before them.
        let over = self
            .history
            .iter()
            .filter(|a| !folded_by_age(&cut, a))
            .count()
            .saturating_sub(FULL_HISTORY_MAX);
        let oldest: Vec<AnswerId> = self
            .history
            .iter()
            .filter(|a| !folded_by_age(&cut, a))
            .take(over)
            .map(Answer::id)
            .collect();
        for id in oldest {
            if let Some(i) = position(&cut, id.origin) {
                cut[i].1 = cut[i].1.max(id.seq);
            }
        }
        // Fold in number order; keep the rest in time order.
        for (id, _, at) in &by_id {
            if position(&cut, id.origin).is_some_and(|i| id.seq <= cut[i].1) {
                let a = self.history[*at].clone();
                self.fold(a);
            }
        }
        self.history
            .retain(|a| position(&cut, a.id().origin).is_none_or(|i| a.id().seq > cut[i].1));
        self.prune_undone();
    }

    /// Folds one answer, its origin's next, leaving out the undone ones numbered before it.
    fn fold(&mut self, a: Answer) {
        let origin = a.id().origin;
        let f = self.folded.entry(origin).or_default();
        let from = AnswerId {
            origin,
            seq: f.upto.saturating_add(1),
        };
        let lo = self.undone.partition_point(|u| u.id < from);
        let hi = self.undone.partition_point(|u| u.id < a.id());
        for u in self.undone.get(lo..hi).unwrap_or_default() {
            f.leave_out(u.id.seq, u.contribution);
        }
        f.fold(&a);
    }

    /// Undone answers whose numbers folded totals now cover are kept there (as left out).
    /// The note itself goes once it can no longer matter to a card: when the item has been
    /// reviewed since (a copy's card from the undone answer would lose to the newer one). Until
    /// then it stays, so that no copy's card from the undone answer comes back.
    fn prune_undone(&mut self) {
        let (folded, cards) = (&mut self.folded, &self.cards);
        self.undone.retain(|u| match folded.get_mut(&u.id.origin) {
            Some(f) if f.covers(u.id.seq) => {
                let id = u.id;
                f.take_out(id.seq, u.contribution);
                cards.get(&u.item).is_none_or(|c| c.last_review() <= u.at)
            }
            _ => true,
        });
    }

    /// The card `card` stands for once undone answers are taken into account: a card made by
    /// an undone answer is the card before it (`None`: the item is new again).
    fn resolve(&self, card: Card) -> Option<Card> {
        let mut card = card;
        for _ in 0..RESTORE_DEPTH {
            match card.answer().and_then(|id| self.undone_note(id)) {
                None => return Some(card),
                Some(u) => card = u.restore.clone()?,
            }
        }
        Some(card)
    }

    /// Restores the invariants after parts were put together: no answer both in the history
    /// and folded or undone, cards from undone answers rolled back, the history in order.
    fn normalize(&mut self) {
        for u in &self.undone {
            if let Some(f) = self.folded.get_mut(&u.id.origin) {
                f.take_out(u.id.seq, u.contribution);
            }
        }
        keep_one_copy_per_id(&mut self.history);
        sort_history(&mut self.history);
        let history = std::mem::take(&mut self.history);
        self.history = history
            .into_iter()
            .filter(|a| {
                let id = a.id();
                self.undone_note(id).is_none()
                    && !self
                        .folded
                        .get(&id.origin)
                        .is_some_and(|f| f.covers(id.seq))
            })
            .collect();
        let keys: Vec<String> = self.cards.keys().cloned().collect();
        for key in keys {
            let resolved = self.cards.get(&key).cloned().and_then(|c| self.resolve(c));
            match resolved {
                Some(c) => {
                    self.cards.insert(key, c);
                }
                None => {
                    self.cards.remove(&key);
                }
            }
        }
        self.prune_undone();
    }

    /// Merges another copy of this record (another tab's, an imported file's) into this one.
    /// Answers are united, each counted once; per item the later review's card wins; solved
    /// challenges are united, each with its earliest solving; the later settings change wins.
    /// The result is the same whichever side merges into which.
    pub fn merge(&mut self, other: &Progress) {
        for u in &other.undone {
            self.note_undone(u.clone());
        }
        for (origin, theirs) in &other.folded {
            match self.folded.get_mut(origin) {
                None => {
                    self.folded.insert(*origin, theirs.clone());
                }
                Some(ours) => {
                    let left_out: Vec<(u64, Contribution)> = ours
                        .excluded
                        .iter()
                        .chain(&theirs.excluded)
                        .copied()
                        .collect();
                    // The totals that hold more of the origin's answers hold all the other's.
                    if (theirs.upto, theirs.excluded.len()) > (ours.upto, ours.excluded.len()) {
                        *ours = theirs.clone();
                    }
                    for (seq, c) in left_out {
                        ours.take_out(seq, c);
                    }
                }
            }
        }
        // Answers both sides hold are deduplicated by `normalize`.
        self.history.extend(other.history.iter().cloned());
        for (key, theirs) in &other.cards {
            let theirs = self.resolve(theirs.clone());
            let ours = self.cards.get(key).cloned().and_then(|c| self.resolve(c));
            let keep = match (ours, theirs) {
                (Some(o), Some(t)) => Some(if t.newer_than(&o) { t } else { o }),
                (o, t) => o.or(t),
            };
            match keep {
                Some(c) => self.cards.insert(key.clone(), c),
                None => self.cards.remove(key),
            };
        }
        for s in &other.solved {
            self.note_solved(s.clone());
        }
        if other.settings.wins_over(&self.settings) {
            self.settings = other.settings.clone();
        }
        self.normalize();
    }

    /// Takes in another tab's copy of the record: a newer generation (a reset or replace made
    /// there) takes this one's place; an older one is left out entirely, so that answers a
    /// reset removed never come back; the same generation is merged.
    pub fn absorb(&mut self, other: &Progress) -> Absorbed {
        if other.generation > self.generation {
            *self = other.clone();
            return Absorbed::Adopted;
        }
        if other.generation < self.generation {
            return Absorbed::Older;
        }
        let before = self.clone();
        self.merge(other);
        if *self == before {
            Absorbed::Unchanged
        } else {
            Absorbed::Merged
        }
    }

    /// Merges an imported file: like [`Progress::merge`], but this browser's settings stay.
    pub fn import_merge(&mut self, file: &Progress) {
        let settings = self.settings.clone();
        self.merge(file);
        self.settings = settings;
    }

    /// Reviews stamped after `now` (by a clock that ran ahead, here or on the device that wrote
    /// a file) count as made at `now`: each such card keeps its interval, counted from `now`
    /// ([`Card::settled_at`]), so that no item waits longer than its interval from now, and a
    /// card does not win a merge for a date that has not come. Returns how many of the
    /// record's cards were stamped in the future.
    pub fn settle_future(&mut self, now: DateTime<Utc>) -> usize {
        let mut future = 0;
        for card in self.cards.values_mut() {
            if let Some(settled) = card.settled_at(now) {
                *card = settled;
                future += 1;
            }
        }
        // Notes of undone answers keep their cards as they were: every copy of a note must
        // stay the same for merges to agree, and a card restored from one is settled here at
        // the next reading.
        future
    }

    /// Merges an imported file at `now` ([`Progress::import_merge`]), its reviews stamped after
    /// `now` settled first ([`Progress::settle_future`]); and where this record has a card of
    /// its own for an item, the file's card stamped in the future gives way to it, whatever its
    /// date says (a date that has not come cannot be trusted). Returns how many of the file's
    /// cards were stamped in the future.
    pub fn import_merge_at(&mut self, file: &Progress, now: DateTime<Utc>) -> usize {
        let mut file = file.clone();
        let future: Vec<String> = file
            .cards
            .iter()
            .filter(|(_, c)| c.last_review() > now)
            .map(|(key, _)| key.clone())
            .collect();
        for key in &future {
            if self.cards.contains_key(key) {
                file.cards.remove(key);
            }
        }
        file.settle_future(now);
        self.settle_future(now);
        self.import_merge(&file);
        // A card brought back from a note of an undone answer may be stamped in the future.
        self.settle_future(now);
        future.len()
    }

    /// Makes an imported file's progress this browser's, as a new generation (`id`: random),
    /// so that other tabs adopt it instead of merging their copies back in.
    pub fn replace_with(&mut self, file: &Progress, id: u64) {
        let generation = self.generation.next(id);
        *self = file.clone();
        self.generation = generation;
    }

    /// Forgets all progress and settings, as a new generation (`id`: random).
    pub fn reset(&mut self, id: u64) {
        *self = Progress {
            generation: self.generation.next(id),
            ..Progress::default()
        };
    }

    /// Test help: puts a card in place as it is.
    #[cfg(test)]
    pub(crate) fn put_card(&mut self, key: &str, card: Card) {
        self.cards.insert(key.to_string(), card);
    }
}

/// Whether an answer from `source`, graded `grade`, changes the item's schedule, for an item
/// already `started` (it has a card) or not. A quiz never makes a review of an item the learner
/// was never taught; the placement check starts only the items answered right (as known: an
/// Easy first review) and never reviews one already started; a retake, given with the answer
/// just shown, never counts as a review.
pub fn schedules(source: Source, started: bool, grade: Grade) -> bool {
    match source {
        Source::Study => true,
        Source::Quiz => started,
        Source::Placement => !started && grade == Grade::Easy,
        Source::Retake => false,
    }
}

/// Puts answers in the history's order: by time, then by id.
fn sort_history(history: &mut Vec<Answer>) {
    crate::sort::by_key(history, |a| (a.at(), a.id()));
}

/// Leaves one answer per id: an answer is counted once wherever its copies are (two copies of
/// the record merged, or a file edited by hand that holds it twice, at two different times).
/// The copy kept is the earliest, then the least by its other fields, so that every copy of
/// the record and every merge order keeps the same one.
fn keep_one_copy_per_id(history: &mut Vec<Answer>) {
    let mut ids: Vec<(AnswerId, usize)> = history
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id(), i))
        .collect();
    crate::sort::ascending(&mut ids);
    let mut dropped = vec![false; history.len()];
    let mut any = false;
    for copies in ids.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        let keep = copies
            .iter()
            .map(|(_, i)| *i)
            .min_by(|a, b| copy_order(&history[*a], &history[*b]));
        for (_, i) in copies {
            if Some(*i) != keep {
                dropped[*i] = true;
                any = true;
            }
        }
    }
    if any {
        let mut position = 0;
        history.retain(|_| {
            position += 1;
            !dropped[position - 1]
        });
    }
}

/// The order among copies of one answer: the earliest first, then by every other field.
fn copy_order(a: &Answer, b: &Answer) -> std::cmp::Ordering {
    let grade = |x: &Answer| Grade::ALL.iter().position(|g| *g == x.grade());
    let key = |x: &Answer| (x.at(), x.day(), grade(x), x.first(), x.chose());
    key(a).cmp(&key(b)).then_with(|| a.item().cmp(b.item()))
}

/// Test help: a fresh answer id each call (one origin for the whole test run).
#[cfg(test)]
pub(crate) fn test_id() -> AnswerId {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    AnswerId {
        origin: Origin(0x7e57),
        seq: NEXT.fetch_add(1, Ordering::Relaxed),
    }
}

#[cfg(test)]
mod tests;
