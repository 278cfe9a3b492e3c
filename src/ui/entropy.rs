//! Fresh random numbers, for what must differ every time: a new quiz's seed, ids.
//!
//! They come from the platform's entropy source through `rand`'s `SysRng` (getrandom: in the
//! browser `crypto.getRandomValues`, by getrandom's `wasm_js` backend). No seeded generator is
//! kept: each call asks the source for eight bytes, which is all the app needs and adds no
//! generator code to the wasm. Quizzes themselves never draw from here; they draw from their
//! seed ([`crate::quiz::QuizRng`]).

use rand::rngs::SysRng;
use rand::TryRng;

/// 64 random bits from the platform's entropy source.
///
/// Should the source fail (no browser that runs WebAssembly lacks `crypto.getRandomValues`),
/// the bits come from `Math.random` instead, so this never panics.
pub fn random_u64() -> u64 {
    SysRng.try_next_u64().unwrap_or_else(|_| fallback())
}

#[cfg(target_arch = "wasm32")]
fn fallback() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// Native builds run only the tests; the clock's nanoseconds stand in there.
#[cfg(not(target_arch = "wasm32"))]
fn fallback() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

#[cfg(test)]
mod tests {
    use super::random_u64;

    /// Every draw is new and every one of the 64 bits varies (a 32-bit source, like the
    /// `Math.random() * 2^32` seeds before, would leave the top half zero).
    #[test]
    fn draws_differ_and_use_all_64_bits() {
        let draws: Vec<u64> = (0..200).map(|_| random_u64()).collect();
        let mut distinct = draws.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), draws.len(), "a draw repeated");
        let (any, all) = draws
            .iter()
            .fold((0u64, u64::MAX), |(any, all), &d| (any | d, all & d));
        assert_eq!(any, u64::MAX, "some bit is never 1");
        assert_eq!(all, 0, "some bit is always 1");
    }
}
