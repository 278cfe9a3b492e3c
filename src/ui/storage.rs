//! The browser's localStorage as a [`Store`]: the one place that touches it. Every rule about
//! what to read and write is in `progress::keeper`; this only turns the browser's answers and exceptions
//! into values.

use crate::progress::keeper::{Store, StoreError};

/// The page's localStorage, looked up at each call (it holds nothing itself, so it can be
/// shared freely).
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// The browser's localStorage, or `None` where it is missing or blocked (reading the property
/// throws a SecurityError in some privacy modes; `local_storage` turns that into `Err`, which
/// is checked first because gloo's accessor would throw instead).
fn storage() -> Option<web_sys::Storage> {
    use gloo_storage::Storage;
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(gloo_storage::LocalStorage::raw())
}

/// The browser's error as a [`StoreError`]: a full quota is told apart from other refusals.
fn refusal(e: wasm_bindgen::JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" => StoreError::Unavailable,
        "" => StoreError::Refused("no reason given".into()),
        _ => StoreError::Refused(name),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()
            .ok_or(StoreError::Unavailable)?
            .get_item(key)
            .map_err(refusal)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()
            .ok_or(StoreError::Unavailable)?
            .set_item(key, value)
            .map_err(refusal)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()
            .ok_or(StoreError::Unavailable)?
            .remove_item(key)
            .map_err(refusal)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage().ok_or(StoreError::Unavailable)?;
        let n = s.length().map_err(refusal)?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}
