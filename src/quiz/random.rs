//! The quiz's own random generator: SplitMix64, and the few ways the quiz draws from it.
//!
//! A quiz link (`/quiz?deck=beginner&n=10&seed=42`) promises the same quiz to everyone who opens
//! it, today and after the next release. `rand` does not promise that: its `StdRng` may switch
//! algorithm, and its sampling helpers (`random_range`, `shuffle`, ...) may draw differently,
//! between releases, so a `cargo update` could silently turn every shared link into another
//! quiz. Everything here is therefore ours, fixed, and a few lines long.

/// SplitMix64 (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014; the generator behind Java's `SplittableRandom`), with the operations quiz
/// generation needs, all written here so that their outputs never change.
///
/// The algorithm, all arithmetic modulo 2^64: the state starts as the seed; each draw adds
/// `0x9E3779B97F4A7C15` to the state, then returns the state mixed:
/// `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
/// z ^ (z >> 31)`.
///
/// **Changing anything here (the generator, or how [`below`](Self::below),
/// [`shuffle`](Self::shuffle), [`partial_shuffle`](Self::partial_shuffle),
/// [`one_in`](Self::one_in) or [`coin`](Self::coin) use its draws) changes every shared quiz.**
/// The golden test (`tests/quiz_golden.rs`) fails when that happens.
///
/// Not for anything secret: SplitMix64 is predictable from one output.
#[derive(Clone, Debug)]
pub struct QuizRng {
    state: u64,
}

impl QuizRng {
    /// The generator a quiz with this `seed` draws from.
    pub const fn new(seed: u64) -> QuizRng {
        QuizRng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n`, every one equally likely.
    ///
    /// # Panics
    /// If `n` is 0 (there is nothing to choose from).
    pub fn below(&mut self, n: usize) -> usize {
        // Computed in u64 whatever the platform, so wasm32 and native draw the same numbers.
        usize::try_from(self.below_u64(n as u64)).expect("a draw below n fits where n does")
    }

    /// Lemire's multiply-and-reject ("Fast Random Integer Generation in an Interval", 2019):
    /// the high 64 bits of `x * n` are in `0..n`; draws whose low 64 bits fall below
    /// `2^64 mod n` are rejected, which removes the bias exactly. Most draws need no division.
    fn below_u64(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0): nothing to choose from");
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
            }
        }
        (m >> 64) as u64
    }

    /// Puts `items` in a random order, every order equally likely: the Fisher–Yates shuffle
    /// (Durstenfeld's form), front to back, as [`partial_shuffle`](Self::partial_shuffle) of
    /// every item.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        self.partial_shuffle(items, items.len());
    }

    /// Draws `k` of `items` without replacement: afterwards the first `k` (or all, if there
    /// are fewer) are a uniformly random choice in a uniformly random order, and the rest hold
    /// the others. Returns the drawn ones.
    ///
    /// Position by position from the front, each takes one of the items not yet drawn
    /// (`i + below(len - i)`); the last position of a full shuffle is left as it is, since only
    /// one item remains for it, and takes no draw.
    pub fn partial_shuffle<'a, T>(&mut self, items: &'a mut [T], k: usize) -> &'a mut [T] {
        let k = k.min(items.len());
        for i in 0..k.min(items.len().saturating_sub(1)) {
            let j = i + self.below(items.len() - i);
            items.swap(i, j);
        }
        &mut items[..k]
    }

    /// True one time in `n` (`n` at least 1).
    pub fn one_in(&mut self, n: u32) -> bool {
        self.below(n as usize) == 0
    }

    /// True or false, equally likely: the top bit of one draw.
    pub fn coin(&mut self) -> bool {
        self.next_u64() >> 63 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::QuizRng;

    /// Pearson's chi-square statistic of `counts` against equal expected counts.
    fn chi_square(counts: &[u64]) -> f64 {
        let total: u64 = counts.iter().sum();
        let expected = total as f64 / counts.len() as f64;
        counts
            .iter()
            .map(|&c| (c as f64 - expected).powi(2) / expected)
            .sum()
    }

    #[test]
    fn the_first_outputs_are_splitmix64s_published_values() {
        // Seed 1234567: the values Rosetta Code's "Pseudo-random numbers/Splitmix64" task
        // publishes. Every list here was also computed by a separate Python implementation of
        // the reference algorithm and by Java 17's java.util.SplittableRandom(seed).nextLong()
        // (read as unsigned), and all three agree.
        let cases: [(u64, [u64; 5]); 3] = [
            (
                1_234_567,
                [
                    6_457_827_717_110_365_317,
                    3_203_168_211_198_807_973,
                    9_817_491_932_198_370_423,
                    4_593_380_528_125_082_431,
                    16_408_922_859_458_223_821,
                ],
            ),
            (
                0,
                [
                    16_294_208_416_658_607_535,
                    7_960_286_522_194_355_700,
                    487_617_019_471_545_679,
                    17_909_611_376_780_542_444,
                    1_961_750_202_426_094_747,
                ],
            ),
            (
                42,
                [
                    13_679_457_532_755_275_413,
                    2_949_826_092_126_892_291,
                    5_139_283_748_462_763_858,
                    6_349_198_060_258_255_764,
                    701_532_786_141_963_250,
                ],
            ),
        ];
        for (seed, want) in cases {
            let mut rng = QuizRng::new(seed);
            let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
            assert_eq!(got, want, "seed {seed}");
        }
    }

    #[test]
    fn below_stays_in_range_and_is_uniform_for_small_n() {
        let mut rng = QuizRng::new(7);
        for n in [1, 2, 3, 7, 10, 100] {
            for _ in 0..1_000 {
                assert!(rng.below(n) < n, "below({n})");
            }
        }
        // 60,000 draws over 6 values: chi-square with 5 degrees of freedom is above 20.5 with
        // probability 0.001 for a uniform source.
        let mut counts = [0u64; 6];
        for _ in 0..60_000 {
            counts[rng.below(6)] += 1;
        }
        let chi = chi_square(&counts);
        assert!(chi < 20.5, "{counts:?}: chi-square {chi}");
    }

    /// For an `n` near 2^64 a biased method shows at once. With `n` = 3 · 2^62: plain `x % n`
    /// gives the lowest third of `0..n` twice the weight of each other third, and
    /// multiply-shift without the rejection step maps two draws to every result that is a
    /// multiple of 3 and one to the others, so results ≡ 0 (mod 3) get half of all draws.
    #[test]
    fn below_has_no_modulo_or_multiply_bias_for_large_n() {
        let n = 3 << 62;
        let mut rng = QuizRng::new(2024);
        let (mut thirds, mut mod3) = ([0u64; 3], [0u64; 3]);
        for _ in 0..30_000 {
            let x = rng.below_u64(n);
            assert!(x < n);
            thirds[(x / (1 << 62)) as usize] += 1;
            mod3[(x % 3) as usize] += 1;
        }
        // Two degrees of freedom: above 13.8 with probability 0.001 for a uniform source. The
        // biased methods score above 3,500.
        let (t, m) = (chi_square(&thirds), chi_square(&mod3));
        assert!(t < 13.8, "thirds of 0..n {thirds:?}: chi-square {t}");
        assert!(m < 13.8, "remainders mod 3 {mod3:?}: chi-square {m}");
    }

    #[test]
    #[should_panic(expected = "below(0)")]
    fn below_zero_is_refused() {
        QuizRng::new(1).below(0);
    }

    #[test]
    fn a_shuffle_is_a_permutation_and_the_same_seed_gives_the_same_order() {
        let original: Vec<u32> = (0..50).collect();
        let shuffled = |seed| {
            let mut v = original.clone();
            QuizRng::new(seed).shuffle(&mut v);
            v
        };
        let a = shuffled(42);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, original, "every item once");
        assert_ne!(a, original, "the order changed");
        assert_eq!(shuffled(42), a, "same seed, same order");
        assert_ne!(shuffled(43), a, "another seed, another order");
        let mut empty: [u32; 0] = [];
        QuizRng::new(1).shuffle(&mut empty);
        let mut one = [9];
        QuizRng::new(1).shuffle(&mut one);
        assert_eq!(one, [9]);
    }

    /// Each of the six orders of three items comes up equally often. The classic mistake
    /// (swapping with any position, `below(len)`, instead of a later one) favours three of them.
    #[test]
    fn every_order_of_three_is_equally_likely() {
        let mut rng = QuizRng::new(3);
        let orders = [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ];
        let mut counts = [0u64; 6];
        for _ in 0..60_000 {
            let mut v = [0, 1, 2];
            rng.shuffle(&mut v);
            counts[orders.iter().position(|o| *o == v).unwrap()] += 1;
        }
        let chi = chi_square(&counts);
        assert!(chi < 20.5, "{counts:?}: chi-square {chi}");
    }

    #[test]
    fn a_partial_shuffle_draws_distinct_items_and_keeps_the_rest() {
        let mut rng = QuizRng::new(11);
        let mut first = [0u64; 10];
        for _ in 0..20_000 {
            let mut v: Vec<u32> = (0..10).collect();
            let drawn = rng.partial_shuffle(&mut v, 4).to_vec();
            assert_eq!(drawn.len(), 4);
            assert_eq!(&v[..4], &drawn[..]);
            let mut all = v.clone();
            all.sort_unstable();
            assert_eq!(all, (0..10).collect::<Vec<_>>(), "nothing lost or doubled");
            first[drawn[0] as usize] += 1;
        }
        // Every item is as likely to be drawn first: 9 degrees of freedom, 27.9 at p = 0.001.
        let chi = chi_square(&first);
        assert!(chi < 27.9, "{first:?}: chi-square {chi}");
        // Asking for more than there is draws everything.
        let mut v = [1, 2, 3];
        assert_eq!(rng.partial_shuffle(&mut v, 10).len(), 3);
    }

    #[test]
    fn one_in_and_coin_come_up_as_often_as_they_say() {
        let mut rng = QuizRng::new(5);
        let hits = (0..80_000).filter(|_| rng.one_in(8)).count();
        assert!(
            (9_500..10_500).contains(&hits),
            "one_in(8): {hits} of 80,000"
        );
        assert!((0..100).all(|_| rng.one_in(1)));
        let heads = (0..20_000).filter(|_| rng.coin()).count();
        assert!((9_700..10_300).contains(&heads), "coin: {heads} of 20,000");
    }
}
