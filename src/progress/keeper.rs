//! Keeps a record in a key-value store shared with other tabs: every rule about when to read,
//! merge, write and back up lives here, written against the small [`Store`] trait, so that the
//! same code runs in the browser (`storage::LocalStore`) and in native tests ([`MemoryStore`]).
//!
//! - Before every change the stored record is read and taken in ([`Progress::absorb`]), so a
//!   change always lands on the newest record, even when another tab's `storage` event was
//!   missed: a reset or a replace made elsewhere is respected, never undone.
//! - A stored value that cannot be read is never written over until a copy of it is kept
//!   under a backup key (the last [`BACKUPS_KEPT`], dated, never overwritten); if no copy can
//!   be kept, the keeper stops saving and says so.
//! - A record from a newer version of the app is never written over.

use std::collections::BTreeMap;
use std::fmt;

use super::format::{self, Damage, Refusal};
use super::{Progress, Source, Undo, UndoError, Writer};
use crate::clock::Moment;
use crate::schedule::Grade;

/// Where progress is kept.
pub const KEY: &str = "http-study/progress";
/// Backups are kept under this prefix, then a number and the time they were made.
pub const BACKUP_PREFIX: &str = "http-study/backup/";
/// Where version 2 of the app kept its one backup (still listed, never written).
pub const OLD_BACKUP_KEY: &str = "http-study/progress-backup";
/// How many backups are kept: the oldest goes when a new one is written beyond this.
pub const BACKUPS_KEPT: usize = 5;

/// Why the store refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser gives no storage (private mode, disabled storage, a security setting).
    Unavailable,
    /// Storage is full.
    Full,
    /// Any other refusal, with the browser's name for it.
    Refused(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => write!(f, "the browser gives this page no storage"),
            StoreError::Full => write!(f, "the browser's storage for this site is full"),
            StoreError::Refused(name) => write!(f, "the browser refused it ({name})"),
        }
    }
}

/// A key-value store of text, such as the browser's localStorage.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory, with an optional size limit (in characters, as browsers count), for
/// tests.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// When set, a write that would make the total length of keys and values exceed it fails
    /// with [`StoreError::Full`].
    pub quota: Option<usize>,
    /// When true, every call fails with [`StoreError::Unavailable`].
    pub blocked: bool,
}

impl MemoryStore {
    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        let size = key.chars().count() + value.chars().count();
        if self
            .quota
            .is_some_and(|q| self.used_without(key) + size > q)
        {
            return Err(StoreError::Full);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.blocked {
            return Err(StoreError::Unavailable);
        }
        Ok(self.entries.keys().cloned().collect())
    }
}

/// A backup of a stored value that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The store key it is kept under.
    pub key: String,
    /// 1, 2, 3, … in the order they were made (0 for version 2's backup).
    pub number: u64,
    /// When it was made, as "2026-11-22 13:45 UTC" (empty for version 2's backup).
    pub made: String,
}

impl Backup {
    fn from_key(key: &str) -> Option<Backup> {
        if key == OLD_BACKUP_KEY {
            return Some(Backup {
                key: key.to_string(),
                number: 0,
                made: String::new(),
            });
        }
        let rest = key.strip_prefix(BACKUP_PREFIX)?;
        let (number, made) = rest.split_once(' ')?;
        Some(Backup {
            key: key.to_string(),
            number: number.parse().ok()?,
            made: made.to_string(),
        })
    }

    /// A file name for downloading it.
    pub fn file_name(&self) -> String {
        format!("http-study-unreadable-progress-{}.txt", self.number)
    }
}

/// Every backup in the store, newest first.
pub fn backups(store: &impl Store) -> Vec<Backup> {
    let mut found: Vec<Backup> = store
        .keys()
        .unwrap_or_default()
        .iter()
        .filter_map(|k| Backup::from_key(k))
        .collect();
    crate::sort::by_key(&mut found, |b| std::cmp::Reverse(b.number));
    found
}

/// Keeps a copy of `raw` under a new backup key, then lets the oldest go beyond
/// [`BACKUPS_KEPT`] (only once the new copy is safe).
fn back_up(store: &mut impl Store, raw: &str, at: Moment) -> Result<Backup, StoreError> {
    let existing = backups(store);
    let number = existing.iter().map(|b| b.number).max().unwrap_or(0) + 1;
    let made = crate::clock::stamp(at.at());
    let key = format!("{BACKUP_PREFIX}{number:06} {made}");
    store.set(&key, raw)?;
    for old in existing
        .iter()
        .filter(|b| b.number > 0)
        .skip(BACKUPS_KEPT - 1)
    {
        let _ = store.remove(&old.key);
    }
    Ok(Backup { key, number, made })
}

/// Whether changes are being saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    On,
    /// Not saving, and why.
    Off(NotSaving),
}

/// Why changes are not being saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotSaving {
    /// The browser gives no storage.
    Unavailable,
    /// The stored record is from a newer version of the app, which must not be written over.
    NewerVersion,
    /// An unreadable stored value could not be backed up, so it must not be written over
    /// until the learner says so.
    NotBackedUp,
}

/// What the learner should be told about their stored progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No storage: progress lives only as long as the page.
    Unavailable,
    /// The stored record is from a newer version.
    NewerVersion(u64),
    /// The stored value is not a record this app can read at all.
    Unreadable {
        why: Refusal,
        backup: Result<Backup, StoreError>,
    },
    /// Parts of the stored record could not be read; the rest loaded.
    Damaged {
        damage: Vec<Damage>,
        backup: Result<Backup, StoreError>,
    },
    /// The latest change could not be written.
    NotSaved(StoreError),
}

/// What the learner can do about a [`Problem`], as the notice offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Download the value that could not be read.
    Download,
    /// Save again, over the unreadable value (after downloading it).
    GoOnWithout,
    /// Reload the page (to get a newer version of the app).
    Reload,
    /// Hide the notice.
    Dismiss,
}

/// How many damaged pieces a notice names before "and N more".
const DAMAGE_NAMED: usize = 5;

impl Problem {
    /// What the notice offers.
    pub fn actions(&self) -> Vec<Action> {
        match self {
            Problem::Unavailable | Problem::NotSaved(_) => vec![Action::Dismiss],
            Problem::NewerVersion(_) => vec![Action::Reload],
            Problem::Unreadable { backup, .. } | Problem::Damaged { backup, .. } => match backup {
                Ok(_) => vec![Action::Download, Action::Dismiss],
                Err(_) => vec![Action::Download, Action::GoOnWithout],
            },
        }
    }
}

fn list_damage(damage: &[Damage]) -> String {
    let mut named: Vec<String> = damage
        .iter()
        .take(DAMAGE_NAMED)
        .map(|d| d.to_string())
        .collect();
    if damage.len() > DAMAGE_NAMED {
        named.push(format!("and {} more", damage.len() - DAMAGE_NAMED));
    }
    named.join("; ")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOT_KEPT: &str = "so that nothing of it is lost, this page will not save over it: \
            answers you give now will not be kept until you download it and choose to go on \
            without it.";
        match self {
            Problem::Unavailable => write!(
                f,
                "This browser is not letting the app store data (private browsing or a privacy \
                 setting can do this). You can study, but your progress will not be kept when \
                 you close the page."
            ),
            Problem::NewerVersion(v) => write!(
                f,
                "Your progress was saved by a newer version of HTTP Study (format {v}; this page \
                 reads up to {}). This older page will not change it, so answers you give here \
                 will not be kept. Reload the page to get the newer version; to keep what you do \
                 here meanwhile, export it from the Progress page.",
                super::SCHEMA_VERSION
            ),
            Problem::Unreadable { why, backup } => match backup {
                Ok(b) => write!(
                    f,
                    "Your saved progress could not be read: {why}. It has been set aside in a \
                     backup ({}), not deleted, and you are starting fresh. You can download it \
                     here or on the Progress page.",
                    b.made
                ),
                Err(e) => write!(
                    f,
                    "Your saved progress could not be read: {why}. No copy of it could be kept \
                     ({e}), so {NOT_KEPT}"
                ),
            },
            Problem::Damaged { damage, backup } => match backup {
                Ok(b) => write!(
                    f,
                    "Part of your saved progress could not be read, and everything else loaded. \
                     The unreadable part has been set aside in a backup ({}), not deleted: {}.",
                    b.made,
                    list_damage(damage)
                ),
                Err(e) => write!(
                    f,
                    "Part of your saved progress could not be read, and everything else loaded. \
                     Unreadable: {}. No copy of it could be kept ({e}), so {NOT_KEPT}",
                    list_damage(damage)
                ),
            },
            Problem::NotSaved(StoreError::Full) => write!(
                f,
                "Your browser's storage for this site is full, so your latest answer was not \
                 saved. Your earlier progress is still there."
            ),
            Problem::NotSaved(e) => write!(f, "Your latest change could not be saved ({e})."),
        }
    }
}

/// How an imported file joins the progress already here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Answers are united; per item the more recently reviewed card wins.
    Merge,
    /// The file's progress takes the place of this browser's.
    Replace,
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError(pub Refusal);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "This file was not imported: {}. Your progress is unchanged.",
            self.0
        )
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub mode: ImportMode,
    /// Pieces of the file that could not be read and were left out.
    pub skipped: Vec<Damage>,
}

impl fmt::Display for Imported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mode {
            ImportMode::Merge => write!(f, "Imported. Your progress now includes the file's.")?,
            ImportMode::Replace => {
                write!(f, "Imported. The file's progress replaced this browser's.")?
            }
        }
        if !self.skipped.is_empty() {
            write!(
                f,
                " Some of the file could not be read and was left out: {}.",
                list_damage(&self.skipped)
            )?;
        }
        Ok(())
    }
}

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
        self.write(store);
        Some(undo)
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
        self.write(store);
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
        self.write(store);
    }

    /// Imports an exported file. On refusal nothing changes, and the error says why.
    /// `generation_id` is random: a replace starts a new generation that other tabs adopt.
    pub fn import(
        &mut self,
        store: &mut impl Store,
        text: &str,
        mode: ImportMode,
        at: Moment,
        generation_id: u64,
    ) -> Result<Imported, ImportError> {
        let file = format::decode(text).map_err(ImportError)?;
        self.sync(store, at);
        match mode {
            ImportMode::Merge => self.progress.import_merge(&file.progress),
            ImportMode::Replace => self.progress.replace_with(&file.progress, generation_id),
        }
        self.compacted = None;
        self.compact(at);
        self.write(store);
        Ok(Imported {
            mode,
            skipped: file.damage,
        })
    }

    /// Forgets all progress and settings, as a new generation that other tabs adopt
    /// (`generation_id`: random).
    pub fn reset(&mut self, store: &mut impl Store, at: Moment, generation_id: u64) {
        self.sync(store, at);
        self.progress.reset(generation_id);
        self.write(store);
    }

    /// The learner chose to save again over a stored value that could not be kept in a backup.
    pub fn go_on_without(&mut self, store: &mut impl Store) {
        if self.saving == Saving::Off(NotSaving::NotBackedUp) {
            self.saving = Saving::On;
            self.problem = None;
            self.write(store);
        }
    }

    /// The whole record as the text of an export file: what the store holds now (other tabs'
    /// answers included) taken in first.
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
        self.write(store);
        (&self.progress, &self.problem, &self.saving) != (&before.0, &before.1, &before.2)
    }

    /// Takes in what the store holds now, if this tab has not seen it yet.
    fn sync(&mut self, store: &mut impl Store, at: Moment) {
        if self.saving != Saving::On {
            return;
        }
        match store.get(KEY) {
            Ok(Some(raw)) if self.seen.as_deref() != Some(raw.as_str()) => {
                self.take_in(store, raw, at, false);
            }
            // Removed elsewhere (site data cleared): this tab's record is written back.
            Ok(None) => self.seen = None,
            _ => {}
        }
    }

    /// Takes in a stored text: at start-up (`opening`) it becomes the record; later it is
    /// absorbed into this tab's (a newer generation replaces it, an older one is ignored).
    /// Writes nothing but backups.
    fn take_in(&mut self, store: &mut impl Store, raw: String, at: Moment, opening: bool) {
        // Once a damaged value is safe in a backup, the record is written back at once, so that
        // the next load does not find (and back up) the same damage again.
        let mut set_aside = false;
        match format::decode(&raw) {
            Ok(decoded) => {
                if !decoded.damage.is_empty() {
                    let backup = back_up(store, &raw, at);
                    if backup.is_err() {
                        self.saving = Saving::Off(NotSaving::NotBackedUp);
                    }
                    set_aside = backup.is_ok();
                    self.unreadable = Some(raw.clone());
                    self.problem = Some(Problem::Damaged {
                        damage: decoded.damage,
                        backup,
                    });
                }
                if opening {
                    self.progress = decoded.progress;
                } else {
                    self.progress.absorb(&decoded.progress);
                }
            }
            Err(Refusal::TooNew(v)) => {
                // A newer version of the app, here or in another tab, wrote it: leave it alone.
                self.saving = Saving::Off(NotSaving::NewerVersion);
                self.problem = Some(Problem::NewerVersion(v));
            }
            Err(why) => {
                let backup = back_up(store, &raw, at);
                if backup.is_err() {
                    self.saving = Saving::Off(NotSaving::NotBackedUp);
                }
                set_aside = backup.is_ok();
                self.unreadable = Some(raw.clone());
                self.problem = Some(Problem::Unreadable { why, backup });
            }
        }
        self.seen = Some(raw);
        if set_aside {
            self.write(store);
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

    /// Saves the record, unless saving is off or the store already holds it.
    fn write(&mut self, store: &mut impl Store) {
        if self.saving != Saving::On {
            return;
        }
        let text = format::encode(&self.progress);
        if self.seen.as_deref() == Some(text.as_str()) {
            return;
        }
        match store.set(KEY, &text) {
            Ok(()) => {
                self.seen = Some(text);
                if matches!(self.problem, Some(Problem::NotSaved(_))) {
                    self.problem = None;
                }
            }
            Err(StoreError::Unavailable) => {
                self.saving = Saving::Off(NotSaving::Unavailable);
                self.problem = Some(Problem::Unavailable);
            }
            Err(e) => self.problem = Some(Problem::NotSaved(e)),
        }
    }
}

#[cfg(test)]
mod tests;
