//! One sorting routine for the whole app.
//!
//! The standard library's sorts are generic: every element type and comparison sorted with them
//! gets its own copy of quicksort, driftsort, the small-sort networks and heapsort, 2 to 8 KB of
//! wasm each, and the app sorted fourteen different things (twiggy counted 61 KB of sorting code).
//! Here the comparison goes behind `dyn` and only positions are sorted, so there is one copy of
//! the sort in all; what stays generic per type is a small loop that puts the elements in place.
//! Every sort here is stable.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably (equal elements keep their order).
pub fn by<T>(v: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    place(v, order);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by `key`, stably, working each element's key out once.
pub fn by_cached_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    place(v, order);
}

/// Sorts `v` in ascending order.
pub fn ascending<T: Ord>(v: &mut Vec<T>) {
    by(v, T::cmp);
}

/// The positions `0..len` in the order `compare` puts the elements at them: the one place the
/// standard sort is instantiated.
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rebuilds `v` so that its `i`th element is the one that was at `order[i]`.
fn place<T>(v: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small generator, so that the tests need no crate: xorshift64.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does_for_any_length_and_many_ties() {
        for (seed, n) in (1..40u64).zip(
            [0, 1, 2, 3, 5, 8, 20, 33, 64, 100, 257, 1000]
                .iter()
                .cycle(),
        ) {
            // Pairs (key, original position): ties on the key show whether the sort is stable.
            let v: Vec<(u64, usize)> = numbers(seed, *n, 7).into_iter().zip(0..).collect();
            let mut ours = v.clone();
            by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std_sorted, "seed {seed}, {n} elements");

            let mut cached = v.clone();
            by_cached_key(&mut cached, |&(k, _)| std::cmp::Reverse(k));
            let mut std_cached = v.clone();
            std_cached.sort_by_cached_key(|&(k, _)| std::cmp::Reverse(k));
            assert_eq!(cached, std_cached, "seed {seed}, {n} elements, cached key");

            let mut plain: Vec<u64> = v.iter().map(|&(k, i)| k * 10_000 + i as u64 % 13).collect();
            let mut std_plain = plain.clone();
            ascending(&mut plain);
            std_plain.sort_unstable();
            assert_eq!(plain, std_plain, "seed {seed}, {n} elements, ascending");
        }
    }

    #[test]
    fn elements_that_own_memory_are_moved_not_lost_or_doubled() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"]
            .map(String::from)
            .to_vec();
        by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "kiwi", "fig", "fig", "apple"]);
    }
}
