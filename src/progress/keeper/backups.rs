//! Backups of stored values that could not be read: each kept under a key of its own, dated,
//! never overwritten, listed with its size, deletable by the learner, and all of them bounded
//! by size ([`BACKUP_BUDGET`]) so that they never take the room the record needs.

use super::store::{Store, StoreError};
use crate::clock::Moment;

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
pub(super) fn back_up(store: &mut impl Store, raw: &str, at: Moment) -> Result<Backup, StoreError> {
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
