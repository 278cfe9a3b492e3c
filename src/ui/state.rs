//! The learner's progress as app-wide reactive state: the domain's [`Keeper`] in a signal, fed
//! with the browser's clock and localStorage. Every rule (when to read, merge, write, back up)
//! is the keeper's; this only reads the clock, draws random ids, and listens for other tabs.

use chrono::DateTime;
use leptos::prelude::*;

use super::entropy::random_u64;
use crate::clock::{self, Moment};
use crate::progress::format::Refusal;
use crate::progress::keeper::{
    self, Backup, ImportError, ImportMode, Imported, Keeper, Problem, Saving, Store, StoreError,
    KEY,
};
use crate::progress::storage::LocalStore;
use crate::progress::{Progress, Settings, Source, Undo, UndoError};
use crate::schedule::Grade;
use crate::study::{Graded, Session};

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

/// Progress, shared through context. Copy, so components can capture it freely.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    keeper: RwSignal<Keeper>,
}

impl ProgressStore {
    /// Opens the stored record, listens for other tabs' changes, and provides the store.
    pub fn provide() -> Self {
        let keeper = Keeper::open(&mut LocalStore, moment(), random_u64());
        let store = ProgressStore {
            keeper: RwSignal::new(keeper),
        };
        provide_context(store);
        store.follow_other_tabs();
        store
    }

    /// The store provided by the app.
    pub fn get() -> Self {
        expect_context::<ProgressStore>()
    }

    /// Reads progress reactively.
    pub fn with<T>(&self, f: impl FnOnce(&Progress) -> T) -> T {
        self.keeper.with(|k| f(k.progress()))
    }

    /// Reads progress without subscribing (for event handlers).
    pub fn with_untracked_progress<T>(&self, f: impl FnOnce(&Progress) -> T) -> T {
        self.keeper.with_untracked(|k| f(k.progress()))
    }

    /// What the learner should be told about storage, if anything (reactive).
    pub fn problem(&self) -> Option<Problem> {
        self.keeper.with(|k| k.problem().cloned())
    }

    /// Whether changes are being saved (reactive).
    pub fn saving(&self) -> Saving {
        self.keeper.with(|k| k.saving().clone())
    }

    /// Records a quiz's answer and saves (it does not use up the day's new items). Returns
    /// what undoes it.
    /// `chose`: for a wrong answer, the code the learner took for the right one.
    pub fn record_quiz(&self, item: &str, grade: Grade, chose: Option<u16>) -> Option<Undo> {
        let mut undo = None;
        self.keeper.update(|k| {
            undo = k.record_choice(&mut LocalStore, Source::Quiz, item, grade, chose, moment())
        });
        undo
    }

    /// Grades the card on screen in `session`, recording the answer for review.
    pub fn grade(&self, session: RwSignal<Session>, grade: Grade) -> Option<Graded> {
        let at = moment();
        let mut graded = None;
        self.keeper.update(|k| {
            session.update(|s| {
                graded = s.grade(grade, at, |key, g| {
                    let undo = k.record(&mut LocalStore, key, g, at)?;
                    let due = k.progress().card(key)?.due();
                    Some((undo, due))
                });
            });
        });
        graded
    }

    /// Takes an answer back and saves.
    pub fn undo(&self, undo: &Undo) -> Result<(), UndoError> {
        let mut result = Err(UndoError::Gone);
        self.keeper
            .update(|k| result = k.undo(&mut LocalStore, undo, moment()));
        result
    }

    /// Changes the settings and saves.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.keeper
            .update(|k| k.update_settings(&mut LocalStore, moment(), change));
    }

    /// All progress as the text of an export file.
    pub fn export(&self) -> String {
        let mut text = String::new();
        self.keeper
            .update(|k| text = k.export(&mut LocalStore, moment()));
        text
    }

    /// Imports an exported file. On refusal nothing changes, and the error says why.
    pub fn import(&self, text: &str, mode: ImportMode) -> Result<Imported, ImportError> {
        let mut result = Err(ImportError::Refused(Refusal::OtherApp));
        self.keeper.update(|k| {
            result = k.import(&mut LocalStore, text, mode, moment(), random_u64());
        });
        result
    }

    /// Forgets all progress and settings, in every open tab.
    pub fn reset(&self) {
        self.keeper
            .update(|k| k.reset(&mut LocalStore, moment(), random_u64()));
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

    /// Another tab's saves arrive as `storage` events: the keeper takes in what the store
    /// holds, so that neither tab's answers are lost and a reset made there holds here.
    fn follow_other_tabs(&self) {
        let keeper = self.keeper;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            // A null key means the whole storage was cleared.
            if ev.key().is_some_and(|k| k != KEY) {
                return;
            }
            keeper.maybe_update(|k| k.stored_elsewhere(&mut LocalStore, moment()));
        });
        on_cleanup(move || handle.remove());
    }
}
