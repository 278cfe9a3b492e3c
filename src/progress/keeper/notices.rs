//! What the learner is told about their stored record, in words they can act on: whether
//! changes are saved and what is not ([`Unsaved`]), the problems a notice shows ([`Problem`])
//! with what it offers ([`Action`]), and what an import did or why it did not happen.

use std::fmt;

use super::backups::Backup;
use super::store::StoreError;
use crate::progress::format::{Damage, Refusal};
use crate::progress::id::AnswerId;
use crate::progress::SCHEMA_VERSION;

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
    /// Lab challenges solved, not saved.
    pub solved: u32,
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
        match self.solved {
            0 => {}
            1 => parts.push("the lab challenge you solved".to_string()),
            n => parts.push(format!("the {n} lab challenges you solved")),
        }
        if self.settings {
            parts.push("your change to the settings".to_string());
        }
        if self.reset {
            parts.push("the reset of your progress".to_string());
        }
        let many = parts.len() > 1 || self.answers > 1 || self.solved > 1;
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
pub(super) enum Change {
    Answer(AnswerId),
    Undo(AnswerId),
    /// A lab challenge solved.
    Solved,
    Settings,
    Reset,
    /// Nothing the learner did (another tab's record taken in, a damaged value set aside).
    Nothing,
}

/// What this tab holds that the store lacks, as the keeper tracks it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Pending {
    answers: Vec<AnswerId>,
    undone: u32,
    solved: u32,
    settings: bool,
    reset: bool,
}

impl Pending {
    pub(super) fn note(&mut self, change: Change) {
        match change {
            Change::Answer(id) => self.answers.push(id),
            Change::Undo(id) => match self.answers.iter().position(|a| *a == id) {
                // An unsaved answer undone: nothing of it is left to save.
                Some(i) => {
                    self.answers.remove(i);
                }
                None => self.undone += 1,
            },
            Change::Solved => self.solved = self.solved.saturating_add(1),
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

    pub(super) fn summary(&self) -> Unsaved {
        Unsaved {
            answers: u32::try_from(self.answers.len()).unwrap_or(u32::MAX),
            undone: self.undone,
            solved: self.solved,
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
                SCHEMA_VERSION
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
