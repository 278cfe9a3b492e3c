//! The learner's progress as app-wide reactive state. The domain's [`Keeper`] is held in one
//! private signal; pages read it only through memos, one per thing they show (the plan of the
//! day, the settings, the storage notice, …), each of which compares equal and re-renders only
//! on a real change; and a `now` signal ticks, so that figures that depend on the time (due
//! now, a learning step coming back) move on while a page stays open. Every rule is the
//! domain's; this reads the clock, draws random ids, and listens for other tabs.

use chrono::DateTime;
use leptos::prelude::*;

use super::entropy::random_u64;
use super::storage::LocalStore;
use crate::clock::{self, Moment};
use crate::day::{self, Plan};
use crate::progress::format::Refusal;
use crate::progress::keeper::{
    self, Backup, ImportError, ImportMode, Imported, Keeper, Problem, Saving, Store, StoreError,
    KEY,
};
use crate::progress::{Progress, Settings, Source, Undo, UndoError};
use crate::schedule::Grade;
use crate::study::{self, Graded, Session, Skipped};

/// How often `now` moves on while a page is open.
const TICK_SECONDS: u64 = 15;

/// The learner's clock now: the instant and their local date, read from one `Date`.
pub fn moment() -> Moment {
    let date = js_sys::Date::new_0();
    let millis = date.get_time();
    let at = (millis.is_finite())
        .then(|| DateTime::from_timestamp_millis(millis as i64))
        .flatten()
        .unwrap_or_else(clock::earliest);
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset = -date.get_timezone_offset();
    let offset = if offset.is_finite() { offset as i32 } else { 0 };
    Moment::new(at, offset)
}

/// Where the store's `now` comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Clock {
    /// The learner's clock, read at each action and every few seconds.
    Browser,
    /// One moment, fixed when the store is made: pages rendered to HTML at build time read no
    /// clock (there is none natively, and the pages must not depend on when they were built).
    Fixed,
}

/// Progress, shared through context. Copy, so components can capture it freely.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    keeper: RwSignal<Keeper>,
    now: RwSignal<Moment>,
    clock: Clock,
    plan: Memo<Plan>,
    settings: Memo<Settings>,
    problem: Memo<Option<Problem>>,
    saving: Memo<Saving>,
}

impl ProgressStore {
    /// Opens the stored record, starts the clock, listens for other tabs' changes, and
    /// provides the store.
    pub fn provide() -> Self {
        let at = moment();
        let keeper = Keeper::open(&mut LocalStore, at, random_u64());
        let store = Self::provide_with(keeper, at, Clock::Browser);
        store.follow_other_tabs();
        store.tick();
        store
    }

    /// Provides the store for rendering pages to HTML at build time (`ui::prerender`):
    /// `learner`'s record at the fixed moment `at`. It touches nothing of a browser: no clock,
    /// no storage, no other tabs, no timer; the pages rendered only read it.
    pub fn provide_for_render(learner: Keeper, at: Moment) -> Self {
        Self::provide_with(learner, at, Clock::Fixed)
    }

    fn provide_with(keeper: Keeper, at: Moment, clock: Clock) -> Self {
        let keeper = RwSignal::new(keeper);
        let now = RwSignal::new(at);
        let store = ProgressStore {
            keeper,
            now,
            clock,
            plan: Memo::new(move |_| keeper.with(|k| day::plan(k.progress(), now.get()))),
            settings: Memo::new(move |_| keeper.with(|k| k.progress().settings().clone())),
            problem: Memo::new(move |_| keeper.with(|k| k.problem().cloned())),
            saving: Memo::new(move |_| keeper.with(|k| k.saving().clone())),
        };
        provide_context(store);
        store
    }

    /// The store provided by the app.
    pub fn get() -> Self {
        expect_context::<ProgressStore>()
    }

    /// The learner's clock, moving on every few seconds (reactive).
    pub fn now(&self) -> ReadSignal<Moment> {
        self.now.read_only()
    }

    /// The plan of the day (reactive): every figure and sentence about the learner's day.
    pub fn plan(&self) -> Memo<Plan> {
        self.plan
    }

    /// The settings (reactive).
    pub fn settings(&self) -> Memo<Settings> {
        self.settings
    }

    /// What the learner should be told about storage, if anything (reactive).
    pub fn problem(&self) -> Memo<Option<Problem>> {
        self.problem
    }

    /// Whether changes are being saved (reactive).
    pub fn saving(&self) -> Memo<Saving> {
        self.saving
    }

    /// A figure worked out from the record at the store's `now`, as a memo (for a page's own
    /// figures: the Progress page's charts, a quiz deck's newness).
    pub fn derive<T: PartialEq + Send + Sync + 'static>(
        &self,
        f: impl Fn(&Progress, Moment) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let (keeper, now) = (self.keeper, self.now);
        Memo::new(move |_| keeper.with(|k| f(k.progress(), now.get())))
    }

    /// Reads the record once, without subscribing (for what a click starts: a session, a
    /// quiz).
    pub fn read<T>(&self, f: impl FnOnce(&Progress, Moment) -> T) -> T {
        let at = self.refresh();
        self.keeper.with_untracked(|k| f(k.progress(), at))
    }

    /// Moves `now` to the clock's reading, and returns it.
    fn refresh(&self) -> Moment {
        if self.clock == Clock::Fixed {
            return self.now.get_untracked();
        }
        let at = moment();
        if self.now.get_untracked() != at {
            self.now.set(at);
        }
        at
    }

    /// Records a quiz's answer (given in `source`: see `study::quiz_record`) and saves.
    /// Returns what undoes it. `chose`: for a wrong answer, the code the learner took for the
    /// right one.
    pub fn record_quiz(
        &self,
        source: Source,
        item: &str,
        grade: Grade,
        chose: Option<u16>,
    ) -> Option<Undo> {
        let at = self.refresh();
        let mut undo = None;
        self.keeper
            .update(|k| undo = k.record_choice(&mut LocalStore, source, item, grade, chose, at));
        undo
    }

    /// Grades the card on screen in `session` ([`study::grade_shown`]: a card another tab
    /// answered meanwhile is skipped, not graded twice).
    pub fn grade(
        &self,
        session: RwSignal<Session>,
        grade: Grade,
    ) -> Result<Option<Graded>, Skipped> {
        let at = self.refresh();
        let mut outcome = Ok(None);
        self.keeper.update(|k| {
            session.update(|s| outcome = study::grade_shown(s, k, &mut LocalStore, grade, at));
        });
        outcome
    }

    /// Keeps `session` in step with the record: cards other tabs have answered since it took
    /// them are skipped. Reactive: it runs again whenever the record changes.
    pub fn catch_up(&self, session: RwSignal<Session>) {
        self.keeper.track();
        let at = self.now.get_untracked();
        self.keeper.with_untracked(|k| {
            let moved = session.with_untracked(|s| {
                let mut copy = s.clone();
                copy.catch_up(k.progress(), at) > 0
            });
            if moved {
                session.update(|s| {
                    s.catch_up(k.progress(), at);
                });
            }
        });
    }

    /// Turns the card on screen in `session` over (for review, working out each grade's
    /// interval from the record now).
    pub fn flip(&self, session: RwSignal<Session>) -> bool {
        let at = self.refresh();
        let mut flipped = false;
        self.keeper.with_untracked(|k| {
            session.update(|s| flipped = s.flip(k.progress(), at));
        });
        flipped
    }

    /// Records that the lab challenge `id` was solved now, and saves (a challenge solved before
    /// keeps its first solving). `Err`: why it could not be recorded.
    pub fn solve(&self, id: &str) -> Result<bool, String> {
        let at = self.refresh();
        let mut result = Ok(false);
        self.keeper
            .update(|k| result = k.solve(&mut LocalStore, id, at));
        result
    }

    /// Takes an answer back and saves.
    pub fn undo(&self, undo: &Undo) -> Result<(), UndoError> {
        let at = self.refresh();
        let mut result = Err(UndoError::Gone);
        self.keeper
            .update(|k| result = k.undo(&mut LocalStore, undo, at));
        result
    }

    /// Changes the settings and saves.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        let at = self.refresh();
        self.keeper
            .update(|k| k.update_settings(&mut LocalStore, at, change));
    }

    /// All progress as the text of an export file.
    pub fn export(&self) -> String {
        let at = self.refresh();
        let mut text = String::new();
        self.keeper.update(|k| text = k.export(&mut LocalStore, at));
        text
    }

    /// Imports an exported file. On refusal nothing changes, and the error says why.
    pub fn import(&self, text: &str, mode: ImportMode) -> Result<Imported, ImportError> {
        let at = self.refresh();
        let mut result = Err(ImportError::Refused(Refusal::OtherApp));
        self.keeper.update(|k| {
            result = k.import(&mut LocalStore, text, mode, at, random_u64());
        });
        result
    }

    /// Forgets all progress and settings, in every open tab.
    pub fn reset(&self) {
        let at = self.refresh();
        self.keeper
            .update(|k| k.reset(&mut LocalStore, at, random_u64()));
    }

    /// Hides the storage notice.
    pub fn dismiss(&self) {
        self.keeper.update(Keeper::dismiss);
    }

    /// The stored value that could not be read, for download.
    pub fn unreadable(&self) -> Option<String> {
        self.keeper
            .with_untracked(|k| k.unreadable().map(str::to_string))
    }

    /// The backups of unreadable progress kept in this browser, newest first (reactive: a
    /// backup made while the page is open shows).
    pub fn backups(&self) -> Vec<Backup> {
        self.keeper.track();
        keeper::backups(&LocalStore)
    }

    /// Deletes one backup (the learner chose to); the list of backups shows it gone.
    pub fn delete_backup(&self, backup: &Backup) -> Result<(), StoreError> {
        let done = keeper::delete_backup(&mut LocalStore, backup);
        self.keeper.notify();
        done
    }

    /// One backup's text.
    pub fn read_backup(&self, backup: &Backup) -> Option<String> {
        LocalStore.get(&backup.key).ok().flatten()
    }

    /// `now` moves on every [`TICK_SECONDS`] while the app runs.
    fn tick(&self) {
        let store = *self;
        if let Ok(handle) = set_interval_with_handle(
            move || {
                store.refresh();
            },
            std::time::Duration::from_secs(TICK_SECONDS),
        ) {
            on_cleanup(move || handle.clear());
        }
    }

    /// Another tab's saves arrive as `storage` events: the keeper takes in what the store
    /// holds, so that neither tab's answers are lost and a reset made there holds here.
    fn follow_other_tabs(&self) {
        let store = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            // A null key means the whole storage was cleared.
            if ev.key().is_some_and(|k| k != KEY) {
                return;
            }
            let at = store.refresh();
            store
                .keeper
                .maybe_update(|k| k.stored_elsewhere(&mut LocalStore, at));
        });
        on_cleanup(move || handle.remove());
    }
}
