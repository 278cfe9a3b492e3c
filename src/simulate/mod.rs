//! Simulated learners: does HTTP Study's scheduling teach more than the alternatives, for the
//! same minutes a day? And the learner's own forecast, from the same memory model.
//!
//! Each simulated learner has a true memory of every item ([`memory`]: the FSRS model with
//! default weights, their ability drawn as a spread around it), and studies the real catalogue
//! for some days at a fixed number of minutes a day under one [`Policy`], then stops. The
//! review policy drives the app's own study session, record and scheduler
//! ([`policy::review_day`]), and the app-day policy the whole day as the app offers it, through
//! the plan of the day ([`app_day`]), so the simulation cannot drift from the app. What is
//! measured is the memory, not the record: items known is the sum of every item's chance of
//! recall.
//!
//! Plain Rust, deterministic for a seed: every draw comes from [`crate::quiz::QuizRng`], one
//! generator per learner and policy. `examples/simulate.rs` is the command line over it.

pub mod app_day;
pub mod forecast;
pub mod memory;
pub mod policy;
mod report;

use crate::progress::settings::{
    DEFAULT_DAILY_MINUTES, DEFAULT_GOAL, DEFAULT_MAX_REVIEWS, DEFAULT_NEW_PER_DAY,
};
use crate::quiz::{all_items, Deck, Item, QuizRng};
use crate::schedule::DEFAULT_RETENTION;
use crate::study::introduction_order;

pub use app_day::Choices;
pub use forecast::{forecast, BeginnerSet, Forecast, NoForecast};
pub use memory::{Ability, Memory};
pub use policy::Policy;
pub use report::{cells_table, policy_table, tuning_table};

/// Seconds of study.
pub type Seconds = u32;

/// A flashcard: read the prompt, recall, turn the card, grade it. About 8 s (Anki's users
/// spend 6 to 10 s a card on short facts like these).
pub const FLASHCARD_SECONDS: Seconds = 8;
/// A multiple-choice question: read the prompt and four options, choose, read the feedback.
/// About 12 s: the reading of the options is what a flashcard does not have.
pub const MULTIPLE_CHOICE_SECONDS: Seconds = 12;
/// A typed question: read the prompt, type three digits, read the feedback. About 15 s.
pub const TYPED_SECONDS: Seconds = 15;

/// What an answer costs a learner: a flashcard, a multiple-choice question, a typed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    pub flashcard: Seconds,
    pub multiple_choice: Seconds,
    pub typed: Seconds,
}

impl Pace {
    /// A learner who takes `flashcard` seconds a card, and the question kinds in proportion
    /// to [`FLASHCARD_SECONDS`], [`MULTIPLE_CHOICE_SECONDS`] and [`TYPED_SECONDS`] (to the
    /// nearest second): 8 s gives 12 s and 15 s; 20 s, as a beginner by touch took, gives 30 s
    /// and 38 s.
    pub fn per_flashcard(flashcard: Seconds) -> Pace {
        let scale = |s: Seconds| (flashcard * s + FLASHCARD_SECONDS / 2) / FLASHCARD_SECONDS;
        Pace {
            flashcard,
            multiple_choice: scale(MULTIPLE_CHOICE_SECONDS),
            typed: scale(TYPED_SECONDS),
        }
    }
}

impl Default for Pace {
    fn default() -> Pace {
        Pace::per_flashcard(FLASHCARD_SECONDS)
    }
}

/// What one run simulates.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub learners: u32,
    /// Days of study, then days without any.
    pub study_days: u32,
    pub rest_days: u32,
    /// A break of this many days in the middle of the days of study (after the first half of
    /// them): a learner who comes back after a break meets the day's cap on reviews.
    pub gap_days: u32,
    /// Minutes of study a day (the app-day learner's daily goal in their settings).
    pub minutes: u32,
    pub seed: u64,
    /// The learner's settings in the app: new items a day, desired retention, most reviews a
    /// day (the Leitner policy takes the same new items a day).
    pub new_per_day: u32,
    pub retention: f64,
    pub max_reviews: u32,
    /// What the learner studies (the goal in the app's settings): every policy keeps to it.
    pub deck: Deck,
    /// What an answer costs.
    pub pace: Pace,
    /// The app-day learner's order of the ways to keep going and of the day's reviews.
    pub choices: Choices,
}

impl Default for Plan {
    /// The comparison: 300 learners, 30 days of 10 minutes then 30 days without, the
    /// app's default settings, 8 s a flashcard.
    fn default() -> Plan {
        Plan {
            learners: 300,
            study_days: 30,
            rest_days: 30,
            gap_days: 0,
            minutes: DEFAULT_DAILY_MINUTES,
            seed: 14,
            new_per_day: DEFAULT_NEW_PER_DAY,
            retention: DEFAULT_RETENTION,
            max_reviews: DEFAULT_MAX_REVIEWS,
            deck: DEFAULT_GOAL,
            pace: Pace::default(),
            choices: Choices::default(),
        }
    }
}

impl Plan {
    /// The day after the last day of study (the break included).
    pub fn study_end(&self) -> u32 {
        self.study_days + self.gap_days
    }

    /// The last day of the simulation: the study, then the rest.
    pub fn end(&self) -> u32 {
        self.study_end() + self.rest_days
    }

    /// Whether the learner studies on `day` (days of the break are not).
    pub fn studies_on(&self, day: u32) -> bool {
        let half = self.study_days / 2;
        day < self.study_end() && !(half..half + self.gap_days).contains(&day)
    }
}

/// What one learner ended with under one policy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Items known the day after the last day of study, and at the end of the rest.
    pub known_end_of_study: f64,
    pub known_end: f64,
    /// Minutes actually studied (a policy may finish a day early).
    pub minutes: f64,
}

impl Outcome {
    /// Items known the day after the study, per hour studied (0 when nothing was studied).
    pub fn per_hour(&self) -> f64 {
        if self.minutes > 0.0 {
            self.known_end_of_study / (self.minutes / 60.0)
        } else {
            0.0
        }
    }
}

/// One learner's seed for one policy: every learner has the same ability under every policy
/// (drawn from `learner_seed`), and their own dice per policy.
fn learner_seed(plan_seed: u64, learner: u32) -> u64 {
    QuizRng::new(plan_seed ^ u64::from(learner).wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}

/// The items in index order, and a deck's items as indices in introduction order.
pub struct Catalogue {
    pub items: Vec<Item>,
    /// The plan's deck, in the order new cards are introduced.
    pub deck: Vec<usize>,
}

impl Catalogue {
    pub fn for_deck(deck: Deck) -> Catalogue {
        let mut items = all_items();
        crate::sort::ascending(&mut items);
        let members = deck.items();
        let deck = introduction_order()
            .into_iter()
            .filter(|i| members.contains(i))
            .map(|i| policy::index_of(&items, i))
            .collect();
        Catalogue { items, deck }
    }
}

/// Simulates learner number `learner` of `plan` under `policy`.
pub fn simulate_learner(plan: &Plan, cat: &Catalogue, policy: Policy, learner: u32) -> Outcome {
    let seed = learner_seed(plan.seed, learner);
    let ability = Ability::draw(&mut QuizRng::new(seed));
    let dice = seed ^ (policy as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut memory = Memory::new(ability, cat.items.len(), dice);
    let budget = plan.minutes * 60;
    let mut state = policy::ReviewState::new(plan, seed);
    let mut boxes = policy::Boxes::new(cat.deck.len());
    let (pace, order) = (&plan.pace, plan.choices.review_order);
    let mut seconds: u64 = 0;
    // A learner with no minutes a day never opens the app.
    for day in (0..plan.study_end()).filter(|d| plan.studies_on(*d) && budget > 0) {
        let mut clock = policy::Clock::new(day, budget);
        let (s, m, items) = (&mut state, &mut memory, &cat.items[..]);
        let spent = match policy {
            Policy::AppDay => app_day::app_day(s, m, items, day, pace, &plan.choices, None),
            Policy::Review => policy::review_day(s, m, items, &mut clock, pace, order),
            Policy::RandomDrill => policy::random_drill_day(m, &cat.deck, &mut clock, pace),
            Policy::Leitner => {
                policy::leitner_day(&mut boxes, m, &cat.deck, plan.new_per_day, &mut clock, pace)
            }
            Policy::Quizzes => policy::quizzes_day(m, items, plan.deck, None, &mut clock, pace),
            Policy::ReviewThenQuizzes => {
                policy::review_day(s, m, items, &mut clock, pace, order)
                    + policy::quizzes_day(m, items, plan.deck, Some(s), &mut clock, pace)
            }
        };
        seconds += u64::from(spent);
    }
    let at = |day: u32| policy::days_since_start(policy::moment_of(day, 0).at());
    Outcome {
        known_end_of_study: memory.known(at(plan.study_end())),
        known_end: memory.known(at(plan.end())),
        minutes: seconds as f64 / 60.0,
    }
}

/// Every learner of `plan` under `policy`, in learner order, on as many threads as the
/// machine offers (the result does not depend on how many).
pub fn simulate(plan: &Plan, cat: &Catalogue, policy: Policy) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(plan.learners.max(1) as usize);
    let learners: Vec<u32> = (0..plan.learners).collect();
    let chunk = learners.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = learners
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|&l| simulate_learner(plan, cat, policy, l))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a simulated learner never panics"))
            .collect()
    })
}

/// The median and the 10th and 90th percentiles of `values` (nearest rank).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub p10: f64,
    pub median: f64,
    pub p90: f64,
}

impl Spread {
    pub fn of(values: impl IntoIterator<Item = f64>) -> Spread {
        let mut v: Vec<f64> = values.into_iter().collect();
        if v.is_empty() {
            return Spread {
                p10: 0.0,
                median: 0.0,
                p90: 0.0,
            };
        }
        crate::sort::by(&mut v, f64::total_cmp);
        let at = |q: f64| v[((q * (v.len() - 1) as f64).round() as usize).min(v.len() - 1)];
        Spread {
            p10: at(0.1),
            median: at(0.5),
            p90: at(0.9),
        }
    }
}

/// One policy's results over every learner.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyResult {
    pub policy: Policy,
    pub known_end_of_study: Spread,
    pub known_end: Spread,
    pub per_hour: Spread,
    /// Mean minutes studied a day, over the days of study (the break's days not counted).
    pub minutes_a_day: f64,
}

impl PolicyResult {
    pub fn of(plan: &Plan, policy: Policy, outcomes: &[Outcome]) -> PolicyResult {
        let days = f64::from(plan.study_days.max(1));
        PolicyResult {
            policy,
            known_end_of_study: Spread::of(outcomes.iter().map(|o| o.known_end_of_study)),
            known_end: Spread::of(outcomes.iter().map(|o| o.known_end)),
            per_hour: Spread::of(outcomes.iter().map(Outcome::per_hour)),
            minutes_a_day: outcomes.iter().map(|o| o.minutes).sum::<f64>()
                / outcomes.len().max(1) as f64
                / days,
        }
    }
}

/// Every policy of the comparison, for `plan`.
pub fn compare(plan: &Plan, policies: &[Policy]) -> Vec<PolicyResult> {
    let cat = Catalogue::for_deck(plan.deck);
    policies
        .iter()
        .map(|&p| PolicyResult::of(plan, p, &simulate(plan, &cat, p)))
        .collect()
}

/// One cell of the tuning grid: the review policy with these settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuned {
    pub new_per_day: u32,
    pub retention: f64,
    pub result: PolicyResult,
}

/// The review policy over every pair of `new_per_day` and `retention`, otherwise as `plan`.
pub fn tune(plan: &Plan, new_per_day: &[u32], retention: &[f64]) -> Vec<Tuned> {
    let cat = Catalogue::for_deck(plan.deck);
    let mut cells = Vec::new();
    for &n in new_per_day {
        for &r in retention {
            let plan = Plan {
                new_per_day: n,
                retention: r,
                ..plan.clone()
            };
            let outcomes = simulate(&plan, &cat, Policy::Review);
            cells.push(Tuned {
                new_per_day: n,
                retention: r,
                result: PolicyResult::of(&plan, Policy::Review, &outcomes),
            });
        }
    }
    cells
}

/// One row of a comparison of settings: what was set, and the results.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub setting: Vec<String>,
    pub result: PolicyResult,
}

/// `policy` under each of `variants` (what each sets, and its plan), the same learners in
/// every one.
pub fn sweep(policy: Policy, variants: &[(Vec<String>, Plan)]) -> Vec<Cell> {
    variants
        .iter()
        .map(|(setting, plan)| {
            let cat = Catalogue::for_deck(plan.deck);
            Cell {
                setting: setting.clone(),
                result: PolicyResult::of(plan, policy, &simulate(plan, &cat, policy)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
