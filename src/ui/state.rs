//! The learner's progress as app-wide reactive state, saved after every change.

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

/// Progress, shared through context. Copy, so components can capture it freely.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    /// What the learner should know about storage, if anything.
    pub notice: RwSignal<Option<String>>,
    persistent: StoredValue<bool>,
}

impl ProgressStore {
    /// Loads progress from storage and provides it to the app.
    pub fn provide() -> Self {
        let loaded = storage::load();
        let store = ProgressStore {
            progress: RwSignal::new(loaded.progress),
            notice: RwSignal::new(loaded.problem.map(|p| notice_for_load(&p))),
            persistent: StoredValue::new(loaded.persistent),
        };
        provide_context(store);
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

    fn save(&self) {
        if !self.persistent.get_value() {
            return;
        }
        let result = self.progress.with_untracked(storage::save);
        match result {
            Ok(()) => {}
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }
}

fn notice_for_load(problem: &StorageError) -> String {
    match problem {
        StorageError::Unreadable(_) => format!(
            "{problem} It has been kept under \"{}\" in this browser's storage, and you are starting fresh.",
            storage::BACKUP_KEY
        ),
        other => other.to_string(),
    }
}
