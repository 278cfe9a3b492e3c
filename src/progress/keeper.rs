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

use std::collections::BTreeMap;
use std::fmt;

use super::format::{self, Damage, Refusal};
use super::{Absorbed, AnswerId, Progress, Source, Undo, UndoError, Writer};
use crate::clock::Moment;
use crate::schedule::Grade;

/// Where progress is kept.
pub const KEY: &str = "http-study/progress";
/// Backups are kept under this prefix, then a number and the time they were made.
pub const BACKUP_PREFIX: &str = "http-study/backup/";
/// Where version 2 of the app kept its one backup (still listed, never written).
pub const OLD_BACKUP_KEY: &str = "http-study/progress-backup";
/// How many characters (keys and values, as browsers count a site's storage) all backups
/// together may use: a fifth of the about 5 million a browser gives a site, so that backups
/// never take the room the record needs. Beyond it the oldest backups are deleted, once the new
/// one is written; the newest is kept even when it alone is larger (a damaged record is never
/// too large to back up while the browser takes it).
pub const BACKUP_BUDGET: usize = 1_000_000;

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
    /// Its length in characters (what the browser counts against the site's storage).
    pub size: usize,
}

impl Backup {
    /// The backup a store key names, of `size` characters; `None` for a key that is no
    /// backup's.
    fn from_key(key: &str, size: usize) -> Option<Backup> {
        if key == OLD_BACKUP_KEY {
            return Some(Backup {
                key: key.to_string(),
                number: 0,
                made: String::new(),
                size,
            });
        }
        let rest = key.strip_prefix(BACKUP_PREFIX)?;
        let (number, made) = rest.split_once(' ')?;
        Some(Backup {
            key: key.to_string(),
            number: number.parse().ok()?,
            made: made.to_string(),
            size,
        })
    }

    /// A file name for downloading it.
    pub fn file_name(&self) -> String {
        format!("http-study-unreadable-progress-{}.txt", self.number)
    }

    /// Its size for the learner: "under 1 KB", "12 KB", "1.1 MB" (1 KB: 1,000 characters,
    /// about as many bytes in the downloaded file). Integers only: float formatting would add
    /// its tables to the download.
    pub fn size_text(&self) -> String {
        let kb = (self.size + 500) / 1000;
        if self.size < 1000 {
            "under 1 KB".to_string()
        } else if kb < 1000 {
            format!("{kb} KB")
        } else {
            let tenths = (self.size + 50_000) / 100_000;
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }

    /// What it takes in the store: its key and its text.
    fn footprint(&self) -> usize {
        self.key.chars().count() + self.size
    }
}

/// Every backup in the store, newest first, each with its size.
pub fn backups(store: &impl Store) -> Vec<Backup> {
    let mut found: Vec<Backup> = store
        .keys()
        .unwrap_or_default()
        .iter()
        .filter(|k| Backup::from_key(k, 0).is_some())
        .filter_map(|k| {
            let size = store.get(k).ok().flatten()?.chars().count();
            Backup::from_key(k, size)
        })
        .collect();
    crate::sort::by_key(&mut found, |b| std::cmp::Reverse(b.number));
    found
}

/// Deletes a backup (the learner chose to, on the Progress page). Only a backup's key is ever
/// deleted this way, never the record: for any other key nothing happens.
pub fn delete_backup(store: &mut impl Store, backup: &Backup) -> Result<(), StoreError> {
    if Backup::from_key(&backup.key, 0).is_none() {
        return Ok(());
    }
    store.remove(&backup.key)
}

/// Keeps a copy of `raw` under a new backup key. Only once it is written (a failed write
/// deletes nothing) are the oldest backups deleted, as many as [`BACKUP_BUDGET`] requires; the
/// new one always stays.
fn back_up(store: &mut impl Store, raw: &str, at: Moment) -> Result<Backup, StoreError> {
    let existing = backups(store);
    let number = existing.iter().map(|b| b.number).max().unwrap_or(0) + 1;
    let made = crate::clock::stamp(at.at());
    let key = format!("{BACKUP_PREFIX}{number:06} {made}");
    store.set(&key, raw)?;
    let backup = Backup {
        key,
        number,
        made,
        size: raw.chars().count(),
    };
    // Newest first: once the budget is spent, every older backup goes.
    let mut used = backup.footprint();
    for old in &existing {
        used = used.saturating_add(old.footprint());
        if used > BACKUP_BUDGET {
            let _ = store.remove(&old.key);
        }
    }
    Ok(backup)
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
}

/// What this tab holds that the store lacks, since a write first failed (see
/// [`Problem::NotSaved`]): all of it is saved at once by the next write that succeeds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unsaved {
    /// Answers given and not saved (and not undone since).
    pub answers: u32,
    /// Answers undone (that had been saved), the undoing not saved.
    pub undone: u32,
    /// A change to the settings, not saved.
    pub settings: bool,
    /// A reset, not saved.
    pub reset: bool,
}

impl Unsaved {
    /// Whether everything is saved.
    pub fn is_empty(&self) -> bool {
        *self == Unsaved::default()
    }

    /// "your last 4 answers and your change to the settings", and whether that is more than
    /// one thing (for the verb).
    fn words(&self) -> (String, bool) {
        let mut parts = Vec::new();
        match self.answers {
            0 => {}
            1 => parts.push("your last answer".to_string()),
            n => parts.push(format!("your last {n} answers")),
        }
        match self.undone {
            0 => {}
            1 => parts.push("the undoing of an answer".to_string()),
            n => parts.push(format!("the undoing of {n} answers")),
        }
        if self.settings {
            parts.push("your change to the settings".to_string());
        }
        if self.reset {
            parts.push("the reset of your progress".to_string());
        }
        let many = parts.len() > 1 || self.answers > 1;
        let text = match parts.len() {
            0 => "your latest change".to_string(),
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{} and {last}", parts.join(", "))
            }
        };
        (text, many)
    }
}

/// What a change was, to count it when it cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    Answer(AnswerId),
    Undo(AnswerId),
    Settings,
    Reset,
    /// Nothing the learner did (another tab's record taken in, a damaged value set aside).
    Nothing,
}

/// What this tab holds that the store lacks, as the keeper tracks it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Pending {
    answers: Vec<AnswerId>,
    undone: u32,
    settings: bool,
    reset: bool,
}

impl Pending {
    fn note(&mut self, change: Change) {
        match change {
            Change::Answer(id) => self.answers.push(id),
            Change::Undo(id) => match self.answers.iter().position(|a| *a == id) {
                // An unsaved answer undone: nothing of it is left to save.
                Some(i) => {
                    self.answers.remove(i);
                }
                None => self.undone += 1,
            },
            Change::Settings => self.settings = true,
            // A reset takes everything before it away, settings included.
            Change::Reset => {
                *self = Pending {
                    reset: true,
                    ..Pending::default()
                }
            }
            Change::Nothing => {}
        }
    }

    fn summary(&self) -> Unsaved {
        Unsaved {
            answers: u32::try_from(self.answers.len()).unwrap_or(u32::MAX),
            undone: self.undone,
            settings: self.settings,
            reset: self.reset,
        }
    }
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
    /// Writes have failed since `unsaved` began: all of it lives only in this page.
    NotSaved { error: StoreError, unsaved: Unsaved },
}

/// What the learner can do about a [`Problem`], as the notice offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Download the value that could not be read.
    Download,
    /// Download all progress as an export file (what this page holds, unsaved changes too).
    Export,
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
            Problem::Unavailable => vec![Action::Dismiss],
            Problem::NotSaved { .. } => vec![Action::Export, Action::Dismiss],
            Problem::NewerVersion(_) => vec![Action::Reload],
            Problem::Unreadable { .. } | Problem::Damaged { .. } => {
                vec![Action::Download, Action::Dismiss]
            }
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
        // Saving new answers comes first: the unreadable value is written over by the next
        // change saved, so the learner is told to download it now.
        const NOT_KEPT: &str = "It stays where it is until your next answer or change is \
            saved over it, and this page holds it until you close it: download it now to keep \
            it.";
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
                    "Your saved progress could not be read: {why}, and you are starting fresh. \
                     No copy of it could be kept in this browser ({e}). {NOT_KEPT}"
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
                     Unreadable: {}. No copy of it could be kept in this browser ({e}). \
                     {NOT_KEPT}",
                    list_damage(damage)
                ),
            },
            Problem::NotSaved { error, unsaved } => {
                let (what, many) = unsaved.words();
                let (has, they) = if many {
                    ("have", "They are")
                } else {
                    ("has", "It is")
                };
                match error {
                    StoreError::Full => write!(
                        f,
                        "Your browser's storage for this site is full, so {what} {has} not been \
                         saved. "
                    )?,
                    e => write!(
                        f,
                        "Your progress could not be written ({e}), so {what} {has} \
                         not been saved. "
                    )?,
                }
                write!(
                    f,
                    "{they} kept on this page only, and will be lost when the page is closed \
                     or reloaded. The page saves everything at once at your next change if \
                     there is room: make room for this site (delete backups you no longer \
                     need, on the Progress page), or export your progress now to keep a copy."
                )
            }
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

/// Why a file was not imported. In every case nothing changed, here or in other tabs.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The file is not a record this app can read.
    Refused(Refusal),
    /// The file was read, but the progress with it could not be saved, so it was not made.
    NotSaved(StoreError),
    /// This page is not saving (no storage, or a newer version's record is stored): an import
    /// could not be kept.
    NotSaving(NotSaving),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "This file was not imported: ")?;
        match self {
            ImportError::Refused(why) => write!(f, "{why}. Your progress is unchanged."),
            ImportError::NotSaved(StoreError::Full) => write!(
                f,
                "your browser's storage for this site is full, so the progress with it could \
                 not be saved. Your progress here is unchanged. To import it, make room for \
                 this site (delete backups you no longer need, on the Progress page, or free \
                 space in the browser's settings), then import it again."
            ),
            ImportError::NotSaved(e) => write!(
                f,
                "the progress with it could not be saved ({e}). Your progress here is \
                 unchanged. Try again; if it fails again, reload the page and import it there."
            ),
            ImportError::NotSaving(NotSaving::Unavailable) => write!(
                f,
                "this browser is not letting the app store data (private browsing or a privacy \
                 setting can do this), so nothing imported could be kept. Your progress here is \
                 unchanged."
            ),
            ImportError::NotSaving(NotSaving::NewerVersion) => write!(
                f,
                "your progress here was saved by a newer version of HTTP Study, which this page \
                 does not write over. Your progress is unchanged. Reload the page to get the \
                 newer version, then import the file there."
            ),
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub mode: ImportMode,
    /// Pieces of the file that could not be read and were left out.
    pub skipped: Vec<Damage>,
    /// How many of the file's cards were reviewed after the import's moment (the clock of the
    /// device that wrote it ran ahead): they count as reviewed then ([`Progress::settle_future`]),
    /// and in a merge this browser's own card of the item is kept over them.
    pub future: usize,
}

impl fmt::Display for Imported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mode {
            ImportMode::Merge => write!(f, "Imported. Your progress now includes the file's.")?,
            ImportMode::Replace => {
                write!(f, "Imported. The file's progress replaced this browser's.")?
            }
        }
        if self.future > 0 {
            let (reviews, are, they_count) = if self.future == 1 {
                ("1 review".to_string(), "is", "it counts")
            } else {
                (format!("{} reviews", self.future), "are", "they count")
            };
            write!(
                f,
                " {reviews} in the file {are} dated in the future (the clock of the device \
                 that wrote it was probably wrong): {they_count} as made now, so no item waits \
                 longer than its interval from today"
            )?;
            match self.mode {
                ImportMode::Merge => write!(
                    f,
                    ", and where this browser had reviewed the item itself, its own review \
                     was kept."
                )?,
                ImportMode::Replace => write!(f, ".")?,
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
