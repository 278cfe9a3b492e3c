//! Random numbers for ids and seeds, from the browser's entropy source.

/// A random 64-bit number.
pub fn random_u64() -> u64 {
    rand::random()
}
