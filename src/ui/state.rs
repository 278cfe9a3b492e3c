//! The learner's progress as app-wide reactive state, saved after every change and kept in
//! step with other tabs.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::progress::storage::{self, StorageError};
use crate::progress::{Progress, Undo};
use crate::schedule::Grade;

/// The current time.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The learner's local date (days roll over at local midnight, not at UTC's).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// How an imported file joins the progress already here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Per item, the more recently reviewed card wins; answers are united.
    Merge,
    /// The file's progress takes the place of this browser's.
    Replace,
}

/// Progress, shared through context. Copy, so components can capture it freely.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    /// What the learner should know about storage, if anything.
    pub notice: RwSignal<Option<String>>,
    /// True when an unreadable record was set aside under the backup key at start-up.
    pub damaged: RwSignal<bool>,
    persistent: StoredValue<bool>,
}

impl ProgressStore {
    /// Loads progress from storage, listens for other tabs' changes, and provides the store.
    pub fn provide() -> Self {
        let mut loaded = storage::load();
        loaded.progress.compact(today());
        let damaged = matches!(loaded.problem, Some(StorageError::Unreadable(_)));
        let store = ProgressStore {
            progress: RwSignal::new(loaded.progress),
            notice: RwSignal::new(loaded.problem.map(|p| notice_for_load(&p))),
            damaged: RwSignal::new(damaged),
            persistent: StoredValue::new(loaded.persistent),
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
        self.progress.with(f)
    }

    /// Records an answer and saves. Returns what undoes it.
    pub fn record(&self, item: &str, grade: Grade) -> Undo {
        let mut undo = None;
        self.progress
            .update(|p| undo = Some(p.record(item, grade, now(), today())));
        self.save();
        undo.expect("record always returns an undo")
    }

    /// Takes an answer back and saves.
    pub fn undo(&self, undo: Undo) {
        self.progress.update(|p| p.undo(undo));
        self.save();
    }

    /// Changes the settings and saves.
    pub fn update_settings(&self, change: impl FnOnce(&mut crate::progress::Settings)) {
        self.progress.update(|p| change(&mut p.settings));
        self.save();
    }

    /// All progress as the text of an export file.
    pub fn export(&self) -> String {
        self.progress.with_untracked(storage::encode)
    }

    /// Imports an exported file. On refusal nothing changes, and the error says why.
    pub fn import(&self, text: &str, mode: ImportMode) -> Result<(), String> {
        let incoming = storage::decode(text).map_err(|why| {
            format!("This file was not imported: {why}. Your progress is unchanged.")
        })?;
        match mode {
            ImportMode::Merge => self.progress.update(|p| p.merge(&incoming)),
            ImportMode::Replace => self.progress.set(incoming),
        }
        self.save();
        Ok(())
    }

    /// Forgets all progress and settings.
    pub fn reset(&self) {
        self.progress.set(Progress::default());
        self.damaged.set(false);
        self.save();
    }

    fn save(&self) {
        if !self.persistent.get_value() {
            return;
        }
        if let Err(e) = self.progress.with_untracked(storage::save) {
            self.notice.set(Some(e.to_string()));
        }
    }

    /// Another tab's saves arrive as `storage` events: merge them, so that neither tab's
    /// newer answers are overwritten by the other's next save.
    fn follow_other_tabs(&self) {
        let store = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(storage::KEY) {
                return;
            }
            let Some(Ok(theirs)) = ev.new_value().map(|raw| storage::decode(&raw)) else {
                return;
            };
            let mut changed = false;
            store.progress.update(|p| {
                let before = p.clone();
                p.merge(&theirs);
                changed = *p != before;
            });
            // Save only when the merge added something of ours that the other tab lacks;
            // otherwise two tabs would echo each other's saves for ever.
            if changed && store.progress.with_untracked(|p| *p != theirs) {
                store.save();
            }
        });
        on_cleanup(move || handle.remove());
    }
}

fn notice_for_load(problem: &StorageError) -> String {
    match problem {
        StorageError::Unreadable(_) => format!(
            "{problem} It has been set aside, not deleted, and you are starting fresh. \
             You can download the damaged data below."
        ),
        other => other.to_string(),
    }
}
