//! What a status code number from a URL or a search box refers to.

use super::{class, status_code, Class, StatusCode};

/// The answer to "what is code N?" for any text a learner may type or put in a URL.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeLookup {
    /// A code in the registry.
    Registered(&'static StatusCode),
    /// A number in 100 to 599 that no specification defines: clients treat it as the x00 of
    /// its class (RFC 9110 §15).
    Unassigned { code: u16, class: &'static Class },
    /// A number outside 100 to 599, which is never a valid status code.
    OutOfRange(String),
    /// Not a number at all.
    NotANumber(String),
}

/// Looks up `text` ("409", " 404 ", "999", "abc") as a status code.
pub fn lookup_code(text: &str) -> CodeLookup {
    let text = text.trim();
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return CodeLookup::NotANumber(text.to_string());
    }
    let number = match text.parse::<u16>() {
        Ok(n) if (100..=599).contains(&n) => n,
        _ => return CodeLookup::OutOfRange(text.to_string()),
    };
    if let Some(code) = status_code(number) {
        return CodeLookup::Registered(code);
    }
    match class((number / 100) as u8) {
        Some(class) => CodeLookup::Unassigned {
            code: number,
            class,
        },
        // Unreachable while data/classes.toml has 1 to 5, which the build checks.
        None => CodeLookup::OutOfRange(text.to_string()),
    }
}
