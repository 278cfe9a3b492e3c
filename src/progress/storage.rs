//! Keeps progress in the browser's localStorage. The one place that touches storage.
//!
//! Decoding is plain Rust (tested natively); reading and writing need a browser. Nothing here
//! ever overwrites a stored value it could not read: that value is first copied to a backup key.

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Progress, APP_ID, SCHEMA_VERSION};

/// Where progress is kept.
pub const KEY: &str = "http-study/progress";
/// Where an unreadable value is copied before anything else is written.
pub const BACKUP_KEY: &str = "http-study/progress-backup";

/// Why a text is not progress this app can use: the words say which check failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not an HTTP Study progress record.
    OtherApp,
    /// Written by a newer version of the app, whose format this one does not know.
    TooNew(u32),
    /// A progress record of the wrong shape.
    WrongShape(String),
    /// The shape is right but a value is impossible.
    Impossible(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotJson(e) => write!(f, "it is not JSON ({e})"),
            Refusal::OtherApp => write!(f, "it is not HTTP Study progress (it may come from another app)"),
            Refusal::TooNew(v) => write!(
                f,
                "it was written by a newer version of HTTP Study (format {v}; this page knows up to {SCHEMA_VERSION}); reload the page to get the newer version"
            ),
            Refusal::WrongShape(e) => write!(f, "its contents are not laid out as HTTP Study writes them ({e})"),
            Refusal::Impossible(e) => write!(f, "it holds an impossible value: {e}"),
        }
    }
}

/// Why stored progress could not be used or kept, in words a learner can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives no storage (private mode, disabled storage, a security setting).
    Unavailable,
    /// The stored value could not be used.
    Unreadable(Refusal),
    /// The browser refused the write because storage is full.
    Full,
    /// Any other refused write.
    WriteFailed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(
                f,
                "This browser is not letting the app store data (private browsing or a privacy setting can do this). \
                 You can study, but your progress will not be kept when you close the page."
            ),
            StorageError::Unreadable(why) => write!(f, "Your saved progress could not be read: {why}."),
            StorageError::Full => write!(
                f,
                "Your browser's storage for this site is full, so the latest answer was not saved. \
                 Your earlier progress is still there."
            ),
            StorageError::WriteFailed(why) => write!(f, "Your latest answer could not be saved ({why})."),
        }
    }
}

/// Reads text as progress: checks that it is this app's, of a format this app knows (older
/// formats are migrated), and that its values are possible.
pub fn decode(raw: &str) -> Result<Progress, Refusal> {
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| match e.classify() {
        // JSON, but not an object: not a record of ours.
        serde_json::error::Category::Data => Refusal::OtherApp,
        _ => Refusal::NotJson(e.to_string()),
    })?;
    let app = envelope.app.map(|v| v.get().trim_matches('"'));
    match app {
        Some(APP_ID) => {}
        // Format 1 had no `app` field; its `cards` and `history` identify it.
        None if envelope.cards.is_some() && envelope.history.is_some() => {}
        _ => return Err(Refusal::OtherApp),
    }
    let version = envelope
        .version
        .and_then(|v| v.get().parse::<u64>().ok())
        .ok_or_else(|| Refusal::WrongShape("it has no format version".into()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Refusal::TooNew(version.min(u64::from(u32::MAX)) as u32));
    }
    // Format 1 to 2: the daily totals, daily goal and theme are new and take their defaults.
    let mut progress: Progress =
        serde_json::from_str(raw).map_err(|e| Refusal::WrongShape(e.to_string()))?;
    progress.version = SCHEMA_VERSION;
    progress.app = APP_ID.to_string();
    check_values(&progress).map_err(Refusal::Impossible)?;
    Ok(progress)
}

/// The fields that say whose record a text is and in which format, read before the rest (kept
/// as raw JSON text: reading them as a generic JSON tree would cost the app a second parser).
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    app: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cards: Option<&'a RawValue>,
    #[serde(borrow, default)]
    history: Option<&'a RawValue>,
}

/// The values a record can hold but this app never writes.
fn check_values(p: &Progress) -> Result<(), String> {
    let s = &p.settings;
    if !(0.7..=0.99).contains(&s.desired_retention) {
        return Err(format!(
            "a desired retention of {} (it must be 0.7 to 0.99)",
            s.desired_retention
        ));
    }
    if s.new_per_day > 1000 {
        return Err(format!("{} new items a day (at most 1000)", s.new_per_day));
    }
    if s.daily_goal == 0 || s.daily_goal > 10_000 {
        return Err(format!(
            "a daily goal of {} answers (it must be 1 to 10000)",
            s.daily_goal
        ));
    }
    for (key, card) in &p.cards {
        let sane = card.stability.is_finite()
            && card.stability >= 0.0
            && card.difficulty.is_finite()
            && (0.0..=10.0).contains(&card.difficulty)
            && card.reps >= 0
            && card.lapses >= 0
            && card.lapses <= card.reps;
        if !sane {
            return Err(format!(
                "the card for \"{key}\" has a stability, difficulty or count no review can give"
            ));
        }
    }
    Ok(())
}

/// Writes progress as stored text.
pub fn encode(progress: &Progress) -> String {
    serde_json::to_string(progress).unwrap_or_default()
}

/// What loading found.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub progress: Progress,
    /// Whether saving can work at all.
    pub persistent: bool,
    /// Something the learner should be told.
    pub problem: Option<StorageError>,
}

mod browser {
    use gloo_storage::{LocalStorage, Storage};

    use super::*;

    /// The browser's localStorage, or `None` where it is missing or blocked (a SecurityError).
    fn storage() -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        // Accessing the property throws in some blocked modes; `local_storage` turns that into Err.
        window.local_storage().ok().flatten()?;
        Some(LocalStorage::raw())
    }

    /// Loads progress. Never fails: problems come back in `Loaded::problem`, and an unreadable
    /// value is first copied to [`BACKUP_KEY`].
    pub fn load() -> Loaded {
        let Some(storage) = storage() else {
            return Loaded {
                progress: Progress::default(),
                persistent: false,
                problem: Some(StorageError::Unavailable),
            };
        };
        let raw = match storage.get_item(KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                return Loaded {
                    progress: Progress::default(),
                    persistent: true,
                    problem: None,
                }
            }
            Err(_) => {
                return Loaded {
                    progress: Progress::default(),
                    persistent: false,
                    problem: Some(StorageError::Unavailable),
                }
            }
        };
        match decode(&raw) {
            Ok(progress) => Loaded {
                progress,
                persistent: true,
                problem: None,
            },
            Err(refusal) => {
                let problem = StorageError::Unreadable(refusal);
                // Keep the unreadable value; if the backup cannot be written, do not save over it.
                let kept = storage.set_item(BACKUP_KEY, &raw).is_ok();
                Loaded {
                    progress: Progress::default(),
                    // A newer app's record is left alone: that app is still using it.
                    persistent: kept
                        && !matches!(problem, StorageError::Unreadable(Refusal::TooNew(_))),
                    problem: Some(problem),
                }
            }
        }
    }

    /// The unreadable value kept under [`BACKUP_KEY`], if any, for the learner to download.
    pub fn read_backup() -> Option<String> {
        storage()?.get_item(BACKUP_KEY).ok().flatten()
    }

    /// Saves progress, replacing the stored record whole (one `setItem`), or leaves it untouched.
    pub fn save(progress: &Progress) -> Result<(), StorageError> {
        let storage = storage().ok_or(StorageError::Unavailable)?;
        storage.set_item(KEY, &encode(progress)).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StorageError::Full
            } else {
                StorageError::WriteFailed(if name.is_empty() {
                    "the browser refused it".into()
                } else {
                    name
                })
            }
        })
    }
}

pub use browser::{load, read_backup, save};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Settings;
    use crate::schedule::Grade;

    #[test]
    fn what_is_encoded_decodes_to_the_same_progress() {
        let mut p = Progress::default();
        let now = chrono::Utc::now();
        p.record("code:404", Grade::Good, now, now.date_naive());
        assert_eq!(decode(&encode(&p)).unwrap(), p);
    }

    #[test]
    fn a_record_of_format_1_is_migrated_with_nothing_dropped() {
        let fixture = include_str!("../../tests/fixtures/progress-v1.json");
        let p = decode(fixture).expect("format 1 is read");
        assert_eq!(p.version, SCHEMA_VERSION);
        assert_eq!(p.cards.len(), 2);
        assert_eq!(p.history.len(), 3);
        assert_eq!(p.settings.new_per_day, 15, "old settings are kept");
        assert_eq!(
            p.settings.daily_goal,
            Settings::default().daily_goal,
            "new settings get defaults"
        );
        assert!(p.daily.is_empty());
        assert_eq!(p.cards["code:404"].reps, 2);
    }

    #[test]
    fn text_that_is_not_json_is_refused_and_says_so() {
        let e = decode("{not json").unwrap_err();
        assert!(matches!(e, Refusal::NotJson(_)));
        assert!(e.to_string().starts_with("it is not JSON"), "{e}");
    }

    #[test]
    fn json_from_another_app_is_refused() {
        assert_eq!(decode("[1,2,3]"), Err(Refusal::OtherApp));
        assert_eq!(
            decode(r#"{"app":"anki","version":1,"cards":{}}"#),
            Err(Refusal::OtherApp)
        );
        assert_eq!(decode(r#"{"name":"my settings"}"#), Err(Refusal::OtherApp));
    }

    #[test]
    fn a_record_of_the_wrong_shape_is_refused() {
        let e =
            decode(r#"{"app":"http-study","version":2,"cards":"oops","history":[]}"#).unwrap_err();
        assert!(matches!(e, Refusal::WrongShape(_)), "{e:?}");
    }

    #[test]
    fn impossible_values_are_refused_and_named() {
        let mut p = Progress::default();
        p.settings.desired_retention = 3.0;
        let e = decode(&encode(&p)).unwrap_err();
        assert!(e.to_string().contains("desired retention of 3"), "{e}");

        let mut p = Progress::default();
        let now = chrono::Utc::now();
        p.record("code:404", Grade::Good, now, now.date_naive());
        p.cards.get_mut("code:404").unwrap().difficulty = 42.0;
        let e = decode(&encode(&p)).unwrap_err();
        assert!(e.to_string().contains("code:404"), "{e}");
    }

    #[test]
    fn a_newer_format_is_refused_with_its_version() {
        let text = encode(&Progress::default())
            .replace(&format!("\"version\":{SCHEMA_VERSION}"), "\"version\":99");
        assert_eq!(decode(&text), Err(Refusal::TooNew(99)));
        assert!(Refusal::TooNew(99).to_string().contains("newer version"));
    }
}
