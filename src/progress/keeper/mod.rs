//! Keeps a record in a key-value store shared with other tabs: every rule about when to read,
//! merge, write and back up lives here, written against the small [`Store`] trait, so that the
//! same code runs in the browser (`ui::storage::LocalStore`) and in native tests ([`MemoryStore`]).
//!
//! - Before every change the stored record is read and taken in ([`Progress::absorb`]), so a
//!   change always lands on the newest record, even when another tab's `storage` event was
//!   missed: a reset or a replace made elsewhere is respected, never undone.
//! - A stored value that cannot be read is kept in a copy under a backup key (dated, never
//!   overwritten) before anything is written over it. Backups together stay within
//!   [`BACKUP_BUDGET`] characters, the oldest deleted first once a newer one is safe, so that
//!   they never take the room the record needs. When no copy can be kept (storage full), the
//!   value stays where it is until the learner's next answer or change is saved over it, and
//!   the notice offers it for download meanwhile: saving new answers comes first.
//! - A write that fails is told as failed: the notice counts what is not saved since the first
//!   failure (answers, undoing, a settings change, a reset), and an import that could not be
//!   saved is not made at all, so that no tab is told of it ([`ImportError::NotSaved`]).
//! - A review stamped in the future (a clock that ran ahead) counts as made now, whenever a
//!   record is read or a file imported ([`Progress::settle_future`]).
//! - A record from a newer version of the app is never written over.

mod backups;
mod notices;
mod store;

pub use backups::{backups, delete_backup, Backup, BACKUP_BUDGET, BACKUP_PREFIX, OLD_BACKUP_KEY};
pub use notices::{Action, ImportError, ImportMode, Imported, NotSaving, Problem, Saving, Unsaved};
pub use store::{MemoryStore, Store, StoreError, KEY};

use super::format::{self, Refusal};
use super::{Absorbed, Progress, Source, Undo, UndoError, Writer};
use crate::clock::Moment;
use crate::schedule::Grade;
use backups::back_up;
use notices::{Change, Pending};

/// A learner's record as one tab holds it, and the rules for keeping it in a shared store.
#[derive(Clone, Debug, PartialEq)]
pub struct Keeper {
    progress: Progress,
    writer: Writer,
    saving: Saving,
    problem: Option<Problem>,
    /// The stored text this tab last wrote or took in: when the store still holds it, there is
    /// nothing new to read.
    seen: Option<String>,
    /// A stored value that could not be read, for the learner to download.
    unreadable: Option<String>,
    /// The day the history was last compacted on.
    compacted: Option<chrono::NaiveDate>,
    /// What this tab holds that the store lacks, since a write failed.
    pending: Pending,
}

impl Keeper {
    /// Opens the record kept in `store` for a page whose answers come from `origin` (random,
    /// one per page load). Never fails: problems are in [`Keeper::problem`].
    pub fn open(store: &mut impl Store, at: Moment, origin: u64) -> Keeper {
        let mut k = Keeper {
            progress: Progress::default(),
            writer: Writer::new(origin),
            saving: Saving::On,
            problem: None,
            seen: None,
            unreadable: None,
            compacted: None,
            pending: Pending::default(),
        };
        match store.get(KEY) {
            Err(_) => {
                k.saving = Saving::Off(NotSaving::Unavailable);
                k.problem = Some(Problem::Unavailable);
            }
            Ok(None) => {}
            Ok(Some(raw)) => k.take_in(store, raw, at, true),
        }
        k.compact(at);
        k
    }

    /// The record.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn saving(&self) -> &Saving {
        &self.saving
    }

    /// What the learner should be told, if anything.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// What this tab holds that the store lacks (empty when everything is saved).
    pub fn unsaved(&self) -> Unsaved {
        self.pending.summary()
    }

    /// The stored value that could not be read, if any, for download.
    pub fn unreadable(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// Hides the notice (a problem that blocks saving stays: it has no Dismiss).
    pub fn dismiss(&mut self) {
        if self
            .problem
            .as_ref()
            .is_some_and(|p| p.actions().contains(&Action::Dismiss))
        {
            self.problem = None;
        }
    }

    /// Records an answer to `item` graded `grade` at `at`, and saves. What undoes it, or `None`
    /// for an item key no record may hold.
    pub fn record(
        &mut self,
        store: &mut impl Store,
        item: &str,
        grade: Grade,
        at: Moment,
    ) -> Option<Undo> {
        self.record_from(store, Source::Study, item, grade, at)
    }

    /// As [`Keeper::record`], for an answer given in `source` (a quiz's answers do not use up
    /// the day's new items: [`Progress::record_from`]).
    pub fn record_from(
        &mut self,
        store: &mut impl Store,
        source: Source,
        item: &str,
        grade: Grade,
        at: Moment,
    ) -> Option<Undo> {
        self.record_choice(store, source, item, grade, None, at)
    }

    /// As [`Keeper::record_from`], noting for a wrong answer the code the learner chose
    /// instead ([`Progress::record_choice`]).
    pub fn record_choice(
        &mut self,
        store: &mut impl Store,
        source: Source,
        item: &str,
        grade: Grade,
        chose: Option<u16>,
        at: Moment,
    ) -> Option<Undo> {
        self.sync(store, at);
        let id = self.writer.next_id_in(self.progress.generation());
        let undo = self
            .progress
            .record_choice(source, item, grade, chose, at, id)?;
        self.compact(at);
        self.save(store, Change::Answer(id));
        Some(undo)
    }

    /// Records that the lab challenge `id` was solved at `at`, and saves, as an answer is
    /// saved. A challenge solved before keeps its earlier moment. `Ok(true)` when the record
    /// changed; `Err` (and nothing recorded) for an id or a moment no record may hold.
    pub fn solve(&mut self, store: &mut impl Store, id: &str, at: Moment) -> Result<bool, String> {
        self.sync(store, at);
        let changed = self.progress.solve(id, at.at())?;
        self.save(
            store,
            if changed {
                Change::Solved
            } else {
                Change::Nothing
            },
        );
        Ok(changed)
    }

    /// Takes back exactly the answer `undo` came from, and saves.
    pub fn undo(
        &mut self,
        store: &mut impl Store,
        undo: &Undo,
        at: Moment,
    ) -> Result<(), UndoError> {
        self.sync(store, at);
        self.progress.undo(undo)?;
        // The card the item goes back to may have been made before the clock was put back.
        self.progress.settle_future(at.at());
        self.save(store, Change::Undo(undo.answer()));
        Ok(())
    }

    /// Changes the settings, and saves.
    pub fn update_settings(
        &mut self,
        store: &mut impl Store,
        at: Moment,
        change: impl FnOnce(&mut super::Settings),
    ) {
        self.sync(store, at);
        self.progress.update_settings(change);
        self.save(store, Change::Settings);
    }

    /// Imports an exported file, and saves. It is made only if it is saved: on any error
    /// nothing changes, here or in other tabs, and the error says why and what to do.
    /// Reviews in the file stamped after `at` count as made at `at`
    /// ([`Progress::import_merge_at`]). `generation_id` is random: a replace starts a new
    /// generation that other tabs adopt.
    pub fn import(
        &mut self,
        store: &mut impl Store,
        text: &str,
        mode: ImportMode,
        at: Moment,
        generation_id: u64,
    ) -> Result<Imported, ImportError> {
        let file = format::decode(text).map_err(ImportError::Refused)?;
        if let Saving::Off(why) = &self.saving {
            return Err(ImportError::NotSaving(why.clone()));
        }
        self.sync(store, at);
        let before = (self.progress.clone(), self.compacted);
        let future = match mode {
            ImportMode::Merge => self.progress.import_merge_at(&file.progress, at.at()),
            ImportMode::Replace => {
                let mut theirs = file.progress;
                let future = theirs.settle_future(at.at());
                self.progress.replace_with(&theirs, generation_id);
                future
            }
        };
        // Reading the file may have brought back a card from a note of an undone answer.
        self.progress.settle_future(at.at());
        self.compacted = None;
        self.compact(at);
        if let Err(e) = self.write(store) {
            // Not saved, so not made: the store and the other tabs never saw it.
            (self.progress, self.compacted) = before;
            return Err(ImportError::NotSaved(e));
        }
        Ok(Imported {
            mode,
            skipped: file.damage,
            future,
        })
    }

    /// Forgets all progress and settings, as a new generation that other tabs adopt
    /// (`generation_id`: random).
    pub fn reset(&mut self, store: &mut impl Store, at: Moment, generation_id: u64) {
        self.sync(store, at);
        self.progress.reset(generation_id);
        self.save(store, Change::Reset);
    }

    /// The whole record as the text of an export file: what the store holds now (other tabs'
    /// answers included) taken in first, and what this page holds unsaved.
    pub fn export(&mut self, store: &mut impl Store, at: Moment) -> String {
        self.sync(store, at);
        format::encode(&self.progress)
    }

    /// Another tab changed the store (a `storage` event for [`KEY`]). What the store holds now
    /// is taken in (the event's own copy may already be out of date), and this tab's record is
    /// written back when it holds something the store lacks. Returns whether anything this tab
    /// shows changed.
    pub fn stored_elsewhere(&mut self, store: &mut impl Store, at: Moment) -> bool {
        let before = (
            self.progress.clone(),
            self.problem.clone(),
            self.saving.clone(),
        );
        self.sync(store, at);
        self.save(store, Change::Nothing);
        (&self.progress, &self.problem, &self.saving) != (&before.0, &before.1, &before.2)
    }

    /// Takes in what the store holds now, if this tab has not seen it yet. Reviews stamped
    /// after `at` (this tab's own, made before the clock was put back, or the store's) count
    /// as made at `at`, before the records meet, so that none wins for a date that has not
    /// come, and after, for cards brought back from notes of undone answers.
    fn sync(&mut self, store: &mut impl Store, at: Moment) {
        self.progress.settle_future(at.at());
        if self.saving == Saving::On {
            match store.get(KEY) {
                Ok(Some(raw)) if self.seen.as_deref() != Some(raw.as_str()) => {
                    self.take_in(store, raw, at, false);
                }
                // Removed elsewhere (site data cleared): this tab's record is written back.
                Ok(None) => self.seen = None,
                _ => {}
            }
        }
        self.progress.settle_future(at.at());
    }

    /// Takes in a stored text: at start-up (`opening`) it becomes the record; later it is
    /// absorbed into this tab's (a newer generation replaces it, an older one is ignored).
    /// Reviews in it stamped after `at` count as made at `at`. Writes nothing but backups,
    /// and the record once a damaged value is safe in one.
    fn take_in(&mut self, store: &mut impl Store, raw: String, at: Moment, opening: bool) {
        // Once a damaged value is safe in a backup, the record is written back at once, so that
        // the next load does not find (and back up) the same damage again. When no copy could
        // be kept, nothing is written until the learner's next change: until then the notice
        // offers the value for download, and it is still in the store.
        let mut set_aside = false;
        match format::decode(&raw) {
            Ok(mut decoded) => {
                decoded.progress.settle_future(at.at());
                if !decoded.damage.is_empty() {
                    let backup = back_up(store, &raw, at);
                    set_aside = backup.is_ok();
                    self.unreadable = Some(raw.clone());
                    self.problem = Some(Problem::Damaged {
                        damage: decoded.damage,
                        backup,
                    });
                }
                if opening {
                    self.progress = decoded.progress;
                } else if self.progress.absorb(&decoded.progress) == Absorbed::Adopted {
                    // A reset or replace made elsewhere: what this tab had not saved is gone
                    // with the record it belonged to, and this tab holds what the store holds.
                    self.forget_unsaved();
                }
            }
            Err(Refusal::TooNew(v)) => {
                // A newer version of the app, here or in another tab, wrote it: leave it alone.
                self.saving = Saving::Off(NotSaving::NewerVersion);
                self.problem = Some(Problem::NewerVersion(v));
            }
            Err(why) => {
                let backup = back_up(store, &raw, at);
                set_aside = backup.is_ok();
                self.unreadable = Some(raw.clone());
                self.problem = Some(Problem::Unreadable { why, backup });
            }
        }
        self.seen = Some(raw);
        if set_aside {
            self.save(store, Change::Nothing);
        }
    }

    /// Folds old answers once a day (and whenever the history is over its cap).
    fn compact(&mut self, at: Moment) {
        let over = self.progress.history().len() > super::FULL_HISTORY_MAX;
        if over || self.compacted != Some(at.day()) {
            self.progress.compact(at.day());
            self.compacted = Some(at.day());
        }
    }

    /// Nothing is pending any more: the store holds all this tab has.
    fn forget_unsaved(&mut self) {
        self.pending = Pending::default();
        if matches!(self.problem, Some(Problem::NotSaved { .. })) {
            self.problem = None;
        }
    }

    /// Saves the record after `change`. When the write fails, `change` is noted among what is
    /// not saved, and the notice counts all of it.
    fn save(&mut self, store: &mut impl Store, change: Change) {
        let Err(error) = self.write(store) else {
            return;
        };
        self.pending.note(change);
        // Unavailable storage has its own notice (saving is off). The other failures say what
        // is not saved, once the learner has done anything that is not: at each change of
        // theirs (again after a dismissal, with the new count), not at other tabs' events.
        // A notice offering a value that could not be read and has no copy stays: it is still
        // in the store only because nothing could be written, and is lost at the first write
        // that succeeds.
        let tell = match &self.problem {
            Some(Problem::Unreadable { backup: Err(_), .. })
            | Some(Problem::Damaged { backup: Err(_), .. }) => false,
            Some(Problem::NotSaved { .. }) => true,
            _ => change != Change::Nothing,
        };
        if tell && error != StoreError::Unavailable && self.pending != Pending::default() {
            self.problem = Some(Problem::NotSaved {
                error,
                unsaved: self.pending.summary(),
            });
        }
    }

    /// Writes the record, unless saving is off or the store already holds it. An error only
    /// when the store refused the write.
    fn write(&mut self, store: &mut impl Store) -> Result<(), StoreError> {
        if self.saving != Saving::On {
            return Ok(());
        }
        let text = format::encode(&self.progress);
        if self.seen.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        match store.set(KEY, &text) {
            Ok(()) => {
                self.seen = Some(text);
                self.forget_unsaved();
                Ok(())
            }
            Err(StoreError::Unavailable) => {
                self.saving = Saving::Off(NotSaving::Unavailable);
                self.problem = Some(Problem::Unavailable);
                Err(StoreError::Unavailable)
            }
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests;
