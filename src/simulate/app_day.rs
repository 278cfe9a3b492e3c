//! HTTP Study's day as the app offers it, followed by a simulated learner: the review the main
//! button opens, then, while the daily minutes goal is not spent, the done screen's ways to
//! keep going, in the order the plan of the day ([`day::plan`]) offers them.
//!
//! Every choice comes from the domain the pages show: the plan of the day says whether
//! something is due (the main button) and which ways to keep going it offers; each way is
//! followed through the link its button carries ([`KeepGoing::path`]), read back as the Study
//! and Quiz pages read it ([`Opening::from_query`], [`QuizSpec::from_query`]), and the session
//! or quiz it opens is the one those pages open. So the simulation cannot drift from the app.
//!
//! A learner at the done screen goes down the list it shows, one way after another, and then
//! looks at the done screen again (a round); the day ends when the minutes goal is spent, or
//! when nothing is left to offer.

use super::memory::Memory;
use super::policy::{answer_question, review_session, study_session, Clock, ReviewState};
use super::{Pace, Seconds};
use crate::clock::Moment;
use crate::day::{self, KeepGoing, NextStep};
use crate::progress::Progress;
use crate::quiz::{Item, QuizSpec};
use crate::routes::Page;
use crate::study::{self, Opening, ReviewOrder, Session};

/// How the app-day learner chooses: the order of the ways to keep going (the app's is
/// [`day::KEEP_GOING_ORDER`]; the simulation compares others) and the order of the day's
/// reviews (the app's is [`study::REVIEW_ORDER`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choices {
    pub keep_going: [&'static str; 4],
    pub review_order: ReviewOrder,
}

impl Default for Choices {
    /// The app's.
    fn default() -> Choices {
        Choices {
            keep_going: day::KEEP_GOING_ORDER,
            review_order: study::REVIEW_ORDER,
        }
    }
}

/// What the learner did at one look at the app (for tests: the record as it was then).
#[derive(Clone, Debug)]
pub enum Round {
    /// Something was due: the main button's review, opened at `at` on `record`.
    Review {
        at: Moment,
        record: Progress,
        session: Box<Session>,
    },
    /// Nothing was due: the ways to keep going the plan `offered` at `at`, and those `taken`,
    /// in order (all of them, unless the minutes ran out).
    KeepGoing {
        at: Moment,
        record: Progress,
        offered: Vec<KeepGoing>,
        taken: Vec<KeepGoing>,
    },
}

/// Where a keep-going button leads, read back from its link as the pages read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Study(Opening),
    Quiz(QuizSpec),
}

/// Reads a link of the app (`/study?more=5`, `/quiz?deck=beginner&n=10&seed=4&only=studied`)
/// as the Study and Quiz pages read their URL.
pub fn follow(link: &str) -> Result<Link, String> {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    let params: Vec<(&str, &str)> = query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
        .collect();
    let get = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    if path == Page::Study.path() {
        Opening::from_query(get("drill"), get("more")).map(Link::Study)
    } else if path == Page::Quiz.path() {
        QuizSpec::from_query(get("deck"), get("n"), get("seed"), get("only"))?
            .map(Link::Quiz)
            .ok_or_else(|| format!("{link}: a quiz link without a seed"))
    } else {
        Err(format!("{link}: no page the simulation follows"))
    }
}

/// `offers` in the order `order` gives (the plan's own list when `order` is the app's).
fn in_order(mut offers: Vec<KeepGoing>, order: &[&str; 4]) -> Vec<KeepGoing> {
    crate::sort::by_key(&mut offers, |k| order.iter().position(|id| *id == k.id()));
    offers
}

/// One day of HTTP Study as the app offers it, for the learner of `state` with `memory`:
/// looks at the plan of the day, takes the main button's review when something is due, and
/// else the ways to keep going it offers, in order; until the daily minutes goal (the plan's
/// [`day::Goal`]) is spent. Returns the seconds spent; with `log`, what was done at each look.
pub fn app_day(
    state: &mut ReviewState,
    memory: &mut Memory,
    items: &[Item],
    day: u32,
    pace: &Pace,
    choices: &Choices,
    mut log: Option<&mut Vec<Round>>,
) -> Seconds {
    let start = super::policy::moment_of(day, 0);
    let mut plan = day::plan(&state.progress, start);
    let mut clock = Clock::new(day, plan.goal.minutes * 60);
    // Each look at the app does something, or the day is over: the minutes are spent (not even
    // a flashcard fits), or nothing is due or offered.
    while clock.fits(pace.flashcard) {
        let at = clock.now();
        let before = clock.spent;
        let mut done = false;
        match plan.next {
            NextStep::Study { .. } => {
                let mut session = review_session(&state.progress, at, choices.review_order);
                if let Some(log) = log.as_deref_mut() {
                    log.push(Round::Review {
                        at,
                        record: state.progress.clone(),
                        session: Box::new(session.clone()),
                    });
                }
                study_session(&mut session, state, memory, items, &mut clock, pace);
            }
            NextStep::Done { .. } => {
                let offered = in_order(plan.keep_going.clone(), &choices.keep_going);
                let record = log.is_some().then(|| state.progress.clone());
                let mut taken = Vec::new();
                for offer in &offered {
                    if keep_going(*offer, state, memory, items, &mut clock, pace) == 0 {
                        // Not even its first question or card fits: the goal is met.
                        done = true;
                        break;
                    }
                    taken.push(*offer);
                }
                if let (Some(log), Some(record)) = (log.as_deref_mut(), record) {
                    log.push(Round::KeepGoing {
                        at,
                        record,
                        offered,
                        taken,
                    });
                }
            }
        }
        if done || clock.spent == before {
            break;
        }
        plan = day::plan(&state.progress, clock.now());
    }
    state.progress.compact(clock.now().day());
    clock.spent
}

/// Follows one way to keep going: the session or quiz its link opens, studied as the page
/// would be. Returns the answers given (0 when nothing fitted in the minutes left).
fn keep_going(
    offer: KeepGoing,
    state: &mut ReviewState,
    memory: &mut Memory,
    items: &[Item],
    clock: &mut Clock,
    pace: &Pace,
) -> usize {
    // A quiz link carries a fresh seed, as the keep-going button draws one.
    let seed = QuizSpec::seed_from_entropy(memory.rng().next_u64());
    let link = follow(&offer.path(seed)).unwrap_or_else(|e| panic!("{offer:?}: {e}"));
    match link {
        Link::Study(opening) => {
            let mut session = opening.session(&state.progress, clock.now());
            study_session(&mut session, state, memory, items, clock, pace)
        }
        Link::Quiz(spec) => {
            // The questions are drawn once, when the quiz opens, as the Quiz page draws them.
            let questions = study::quiz_questions(&spec, &state.progress);
            let mut answered = 0;
            for q in &questions {
                let Some((response, correct, at)) = answer_question(q, memory, items, clock, pace)
                else {
                    break;
                };
                state.record_quiz(q, &response, correct, at);
                answered += 1;
            }
            answered
        }
    }
}
