//! The store a record is kept in: a small key-value trait with the browser's localStorage
//! (`ui::storage::LocalStore`) and an in-memory store for native tests ([`MemoryStore`]) behind
//! it, and how it refuses.

use std::collections::BTreeMap;
use std::fmt;

/// Where progress is kept.
pub const KEY: &str = "http-study/progress";
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
    pub(super) fn used_without(&self, key: &str) -> usize {
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
