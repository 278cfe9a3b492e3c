//! The simulated learner's true memory: the FSRS model (rs-fsrs's forgetting curve and its
//! state updates, with the default weights), one trace per item, and the learner's ability as
//! a spread around the default weights.
//!
//! The scheduler in the app *estimates* this memory from the grades it is given; here the
//! memory is the truth the grades are drawn from. A learner whose ability differs from the
//! defaults is one the scheduler's estimate is wrong about, as with real people.

use rs_fsrs::{Parameters, Rating};

use crate::quiz::QuizRng;

/// The chance that a beginner recalls an item the first time it is shown, before any study:
/// some codes are known from browsing (404, 200, 500), most are not. Our guess, not measured;
/// the comparison between policies does not hinge on it (every policy meets the same items
/// for the first time).
pub const FIRST_RECALL: f64 = 0.3;

/// Spread of the learner's memory: the default initial stabilities are multiplied by
/// `exp(STABILITY_SPREAD * z)`, z standard normal (so a learner at -1 sd forgets about 30 %
/// faster, at +1 sd about 40 % slower).
pub const STABILITY_SPREAD: f64 = 0.35;

/// Spread of how hard the material is for the learner: added to the default initial
/// difficulty (1 to 10 in FSRS), times a standard normal draw.
pub const DIFFICULTY_SPREAD: f64 = 1.0;

/// A uniform draw in [0, 1) from 53 random bits.
pub fn uniform(rng: &mut QuizRng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// A standard normal draw, approximated by the sum of four uniforms (mean 2, variance 1/3),
/// centred and scaled: plenty for a spread of abilities, and with no tails beyond 3.5 sd.
pub fn normal(rng: &mut QuizRng) -> f64 {
    let sum: f64 = (0..4).map(|_| uniform(rng)).sum();
    (sum - 2.0) * 3f64.sqrt()
}

/// The chance of recalling an item `elapsed_days` after its last review, with stability
/// `stability`: FSRS's forgetting curve (rs-fsrs's own function).
pub fn recall_chance(elapsed_days: f64, stability: f64) -> f64 {
    Parameters::forgetting_curve(elapsed_days.max(0.0), stability.max(1e-3)).clamp(0.0, 1.0)
}

/// One learner's memory model: FSRS's default weights, their initial stabilities and
/// difficulty moved by the learner's ability.
#[derive(Clone, Debug)]
pub struct Ability {
    params: Parameters,
    /// What the initial stabilities were multiplied by.
    pub stability_factor: f64,
    /// What was added to the initial difficulty.
    pub difficulty_offset: f64,
}

impl Ability {
    /// The default learner: exactly FSRS's default weights.
    pub fn average() -> Ability {
        Ability::with(1.0, 0.0)
    }

    /// A learner drawn around the defaults.
    pub fn draw(rng: &mut QuizRng) -> Ability {
        let factor = (STABILITY_SPREAD * normal(rng)).exp();
        let offset = DIFFICULTY_SPREAD * normal(rng);
        Ability::with(factor, offset)
    }

    /// A learner whose initial stabilities are multiplied by `factor` and whose initial
    /// difficulty is moved by `offset`.
    pub fn with(factor: f64, offset: f64) -> Ability {
        let mut params = Parameters::default();
        for w in &mut params.w[0..4] {
            *w *= factor;
        }
        params.w[4] += offset;
        Ability {
            params,
            stability_factor: factor,
            difficulty_offset: offset,
        }
    }
}

/// What the learner's memory holds of one item.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trace {
    /// Days until the chance of recall falls to 90 %.
    pub stability: f64,
    /// 1 to 10.
    pub difficulty: f64,
    /// When it was last met, in days from the start of the simulation.
    pub last: f64,
}

impl Trace {
    /// The chance of recalling it at `t` (days from the start).
    pub fn recall_chance(&self, t: f64) -> f64 {
        recall_chance(t - self.last, self.stability)
    }
}

/// A learner's memory of every item (by index), and the dice their recall is drawn with.
#[derive(Clone, Debug)]
pub struct Memory {
    ability: Ability,
    traces: Vec<Option<Trace>>,
    rng: QuizRng,
}

impl Memory {
    /// A memory of `items` items, none yet met.
    pub fn new(ability: Ability, items: usize, seed: u64) -> Memory {
        Memory {
            ability,
            traces: vec![None; items],
            rng: QuizRng::new(seed),
        }
    }

    /// The trace of item `i`, if it has been met.
    pub fn trace(&self, i: usize) -> Option<&Trace> {
        self.traces[i].as_ref()
    }

    /// The learner's own dice (for the policies' random choices).
    pub fn rng(&mut self) -> &mut QuizRng {
        &mut self.rng
    }

    /// Items known at `t`: the sum of every item's chance of recall (an item never met counts
    /// nothing).
    pub fn known(&self, t: f64) -> f64 {
        self.traces
            .iter()
            .flatten()
            .map(|tr| tr.recall_chance(t))
            .sum()
    }

    /// The learner is asked item `i` at `t` (days from the start). Whether they recall it is
    /// drawn from its chance of recall (or [`FIRST_RECALL`] the first time); a multiple-choice
    /// question may also be guessed right with `guess` (1 / options; 0 for a flashcard, where
    /// the learner grades their own recall, and for a typed answer). Either way they then see
    /// the answer, and the memory is updated as FSRS updates a card: Good when recalled, Again
    /// when not (a lucky guess strengthens nothing). Returns whether the answer was right.
    pub fn answer(&mut self, i: usize, t: f64, guess: f64) -> bool {
        let p = &self.ability.params;
        let (recalled, trace) = match self.traces[i] {
            None => {
                let recalled = uniform(&mut self.rng) < FIRST_RECALL;
                let rating = rating(recalled);
                let trace = Trace {
                    stability: p.init_stability(rating),
                    difficulty: p.init_difficulty(rating),
                    last: t,
                };
                (recalled, trace)
            }
            Some(tr) => {
                let elapsed = (t - tr.last).max(0.0);
                let r = recall_chance(elapsed, tr.stability);
                let recalled = uniform(&mut self.rng) < r;
                let rating = rating(recalled);
                let stability = if elapsed < 1.0 {
                    // Within a day: FSRS's short-term update (learning steps).
                    p.short_term_stability(tr.stability, rating)
                } else if recalled {
                    p.next_recall_stability(tr.difficulty, tr.stability, r, rating)
                } else {
                    // Forgetting never makes a memory stronger than it was.
                    p.next_forget_stability(tr.difficulty, tr.stability, r)
                        .min(tr.stability)
                };
                let trace = Trace {
                    stability: if stability.is_finite() {
                        stability.clamp(0.01, 36_500.0)
                    } else {
                        tr.stability
                    },
                    difficulty: p.next_difficulty(tr.difficulty, rating),
                    last: t,
                };
                (recalled, trace)
            }
        };
        self.traces[i] = Some(trace);
        recalled || (guess > 0.0 && uniform(&mut self.rng) < guess)
    }
}

fn rating(recalled: bool) -> Rating {
    if recalled {
        Rating::Good
    } else {
        Rating::Again
    }
}
