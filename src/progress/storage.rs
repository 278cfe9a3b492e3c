//! Keeps progress in the browser's localStorage. The one place that touches storage.
//!
//! Decoding is plain Rust (tested natively); reading and writing need a browser. Nothing here
//! ever overwrites a stored value it could not read: that value is first copied to a backup key.

use std::fmt;

use super::{Progress, SCHEMA_VERSION};

/// Where progress is kept.
pub const KEY: &str = "http-study/progress";
/// Where an unreadable value is copied before anything else is written.
pub const BACKUP_KEY: &str = "http-study/progress-backup";

/// Why stored progress could not be used, in words a learner can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives no storage (private mode, disabled storage, a security setting).
    Unavailable,
    /// The stored value could not be read as progress.
    Unreadable(String),
    /// The stored value comes from a newer version of the app.
    TooNew(u32),
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
                 You can study, but your progress will be lost when you close the page."
            ),
            StorageError::Unreadable(why) => write!(f, "Your saved progress could not be read ({why})."),
            StorageError::TooNew(v) => write!(
                f,
                "Your saved progress was written by a newer version of HTTP Study (format {v}; this page knows {SCHEMA_VERSION}). \
                 Reload the page to get the newer version."
            ),
            StorageError::Full => write!(
                f,
                "Your browser's storage for this site is full, so the latest answer was not saved. \
                 Your earlier progress is still there."
            ),
            StorageError::WriteFailed(why) => write!(f, "Your latest answer could not be saved ({why})."),
        }
    }
}

/// Reads stored text as progress, checking its format version.
pub fn decode(raw: &str) -> Result<Progress, StorageError> {
    let value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| StorageError::Unreadable(format!("it is not valid JSON: {e}")))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| StorageError::Unreadable("it has no format version".into()))?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(StorageError::TooNew(version as u32));
    }
    let progress: Progress = serde_json::from_value(value).map_err(|e| {
        StorageError::Unreadable(format!("its shape is not what this app writes: {e}"))
    })?;
    let retention = progress.settings.desired_retention;
    if !(0.7..=0.99).contains(&retention) {
        return Err(StorageError::Unreadable(format!(
            "the desired retention {retention} is outside 0.7 to 0.99"
        )));
    }
    Ok(progress)
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
            Err(problem) => {
                // Keep the unreadable value; if the backup cannot be written, do not save over it.
                let kept = storage.set_item(BACKUP_KEY, &raw).is_ok();
                Loaded {
                    progress: Progress::default(),
                    persistent: kept && !matches!(problem, StorageError::TooNew(_)),
                    problem: Some(problem),
                }
            }
        }
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

pub use browser::{load, save};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_encoded_decodes_to_the_same_progress() {
        let p = Progress::default();
        assert_eq!(decode(&encode(&p)).unwrap(), p);
    }

    #[test]
    fn text_that_is_not_json_is_unreadable_and_says_so() {
        let e = decode("{not json").unwrap_err();
        assert!(matches!(e, StorageError::Unreadable(_)));
        assert!(e.to_string().contains("not valid JSON"), "{e}");
    }

    #[test]
    fn json_of_the_wrong_shape_is_unreadable() {
        assert!(matches!(
            decode("[1,2,3]"),
            Err(StorageError::Unreadable(_))
        ));
        let e = decode(r#"{"version":1,"cards":"oops"}"#).unwrap_err();
        assert!(e.to_string().contains("shape"), "{e}");
    }

    #[test]
    fn out_of_range_values_are_refused() {
        let mut p = Progress::default();
        p.settings.desired_retention = 3.0;
        let e = decode(&encode(&p)).unwrap_err();
        assert!(e.to_string().contains("retention"), "{e}");
    }

    #[test]
    fn a_newer_format_is_refused_with_its_version() {
        let text = encode(&Progress::default()).replace("\"version\":1", "\"version\":99");
        assert_eq!(decode(&text), Err(StorageError::TooNew(99)));
    }
}
