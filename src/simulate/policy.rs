//! The ways of studying the simulation compares, each run for one learner over the days of
//! study at a fixed number of minutes a day.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::memory::Memory;
use super::{Pace, Plan, Seconds};
use crate::clock::Moment;
use crate::progress::Undo;
use crate::progress::{Progress, Writer};
use crate::quiz::{generate_quiz, Answer, Deck, Item, Question, QuizRng, Response};
use crate::schedule::Grade;
use crate::study::{quiz_record, Face, QuizMode, ReviewOrder, Session, REVIEW_ORDER};

/// A way of studying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// HTTP Study's review alone: the app's own `study::Session` over a real `Progress` (due items
    /// first, then new items up to the day's limit, learning steps), flashcards.
    Review,
    /// Flashcards drawn at random from the same deck, as peer HTTP quizzes drill.
    RandomDrill,
    /// A five-box Leitner system over the same deck: box k is reviewed every 2^(k-1) days, a
    /// right answer moves the card up a box, a wrong one back to the first; new cards up to the
    /// same daily limit.
    Leitner,
    /// HTTP Study's quizzes alone: random seeded quizzes over the same deck, ten questions
    /// each.
    Quizzes,
    /// HTTP Study's review, then quizzes over the same deck for the rest of the minutes, their
    /// answers recorded into the same record as the Quiz page records them.
    ReviewThenQuizzes,
    /// HTTP Study's day as the app offers it ([`super::app_day`]): the review, then the done
    /// screen's ways to keep going, in the order the plan of the day offers them, until the
    /// daily minutes goal is spent.
    AppDay,
}

impl Policy {
    pub const ALL: [Policy; 6] = [
        Policy::AppDay,
        Policy::Review,
        Policy::RandomDrill,
        Policy::Leitner,
        Policy::Quizzes,
        Policy::ReviewThenQuizzes,
    ];

    /// The row label in the report.
    pub fn label(self) -> &'static str {
        match self {
            Policy::AppDay => "HTTP Study's day (review, then keep going)",
            Policy::Review => "HTTP Study review alone (FSRS)",
            Policy::RandomDrill => "Random drill",
            Policy::Leitner => "Leitner, five boxes",
            Policy::Quizzes => "HTTP Study quizzes only",
            Policy::ReviewThenQuizzes => "HTTP Study review, then quizzes",
        }
    }

    /// Its name on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Policy::AppDay => "app-day",
            Policy::Review => "review",
            Policy::RandomDrill => "random-drill",
            Policy::Leitner => "leitner",
            Policy::Quizzes => "quizzes",
            Policy::ReviewThenQuizzes => "review-then-quizzes",
        }
    }

    /// The policy named `id` on the command line.
    pub fn from_id(id: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The instant of the first day's study (a Monday, 18:00 UTC): the simulation's day 0.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 18, 0, 0)
        .single()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

/// The simulation's time in days since [`start`].
pub fn days_since_start(at: DateTime<Utc>) -> f64 {
    (at - start()).num_milliseconds() as f64 / 86_400_000.0
}

/// The moment `day` days and `seconds` seconds after [`start`].
pub fn moment_of(day: u32, seconds: Seconds) -> Moment {
    Moment::utc(start() + Duration::days(i64::from(day)) + Duration::seconds(i64::from(seconds)))
}

/// Where an item sits among every item (the memory's index).
pub fn index_of(items: &[Item], item: Item) -> usize {
    items
        .binary_search(&item)
        .expect("every studied item is in the catalogue's items")
}

/// The learner's record and the ids of its answers, as one page of the app keeps them (the
/// policies that follow the app's schedule study through it).
pub struct ReviewState {
    pub progress: Progress,
    writer: Writer,
}

impl ReviewState {
    /// A new learner's record with the plan's settings: new items a day, desired retention,
    /// goal, daily minutes and most reviews a day.
    pub fn new(plan: &Plan, seed: u64) -> ReviewState {
        let mut progress = Progress::default();
        progress.update_settings(|s| {
            s.set_new_per_day(plan.new_per_day);
            s.set_desired_retention(plan.retention);
            s.set_goal(plan.deck);
            s.set_daily_minutes(plan.minutes);
            s.set_max_reviews(plan.max_reviews);
        });
        ReviewState {
            progress,
            writer: Writer::new(seed | 1),
        }
    }

    /// Records a flashcard's grade as the Study page's store does ([`Progress::record`]), for
    /// a review session's `grade`.
    fn record(&mut self, key: &str, grade: Grade, at: Moment) -> Option<(Undo, DateTime<Utc>)> {
        let id = self.writer.next_id();
        let undo = self.progress.record(key, grade, at, id)?;
        Some((undo, self.progress.card(key)?.due()))
    }

    /// Records a quiz answer as the Quiz page does: what [`quiz_record`] says an ordinary
    /// quiz's answer records, through [`Progress::record_choice`].
    pub fn record_quiz(&mut self, q: &Question, response: &Response, correct: bool, at: Moment) {
        if let Some(r) = quiz_record(QuizMode::Quiz, q, response, correct) {
            let id = self.writer.next_id();
            self.progress
                .record_choice(r.source, &q.item.key(), r.grade, r.chose, at, id);
        }
    }
}

/// The time of one day's study: the seconds spent so far, within the day's budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub day: u32,
    pub spent: Seconds,
    pub budget: Seconds,
}

impl Clock {
    pub fn new(day: u32, budget: Seconds) -> Clock {
        Clock {
            day,
            spent: 0,
            budget,
        }
    }

    /// Now, in the simulation.
    pub fn now(&self) -> Moment {
        moment_of(self.day, self.spent)
    }

    /// Whether an answer costing `cost` still fits in the budget.
    pub fn fits(&self, cost: Seconds) -> bool {
        self.spent + cost <= self.budget
    }

    /// Spends `cost` on one answer, if it fits: the moment the answer is given.
    pub fn take(&mut self, cost: Seconds) -> Option<Moment> {
        self.fits(cost).then(|| {
            self.spent += cost;
            self.now()
        })
    }
}

/// The session the review policies study: the Study page's own (`Session::review`), or, to
/// compare orders, the same with the day's reviews taken in `order`.
pub fn review_session(p: &Progress, at: Moment, order: ReviewOrder) -> Session {
    if order == REVIEW_ORDER {
        Session::review(p, at)
    } else {
        Session::review_in_order(p, at, order)
    }
}

/// Studies `session` card by card as the Study page does: the card is turned over, the learner
/// recalls it (or not: the memory decides), and grades it Good or Again; a review records the
/// grade into the record with [`Progress::record`], the call the page's store makes, while a
/// drill records nothing (the memory still has the exposure). A pair card (two codes side by
/// side, to tell apart) costs a multiple-choice question's time, for the reading of two
/// meanings, and exercises the code it asks about (the other may lie outside the learner's
/// deck, which every policy keeps to). Stops when the session is over or the next card does
/// not fit in the budget. Returns the cards answered.
pub fn study_session(
    session: &mut Session,
    state: &mut ReviewState,
    memory: &mut Memory,
    items: &[Item],
    clock: &mut Clock,
    pace: &Pace,
) -> usize {
    let mut answered = 0;
    while let Some(shown) = session.shown() {
        let (item, face) = (shown.item, shown.face);
        let cost = match face {
            Face::Pair(_) => pace.multiple_choice,
            Face::Plain | Face::Exchange => pace.flashcard,
        };
        if !clock.fits(cost) {
            break;
        }
        session.flip(&state.progress, clock.now());
        let Some(at) = clock.take(cost) else {
            break;
        };
        let recalled = memory.answer(index_of(items, item), days_since_start(at.at()), 0.0);
        let graded = session.grade(Grade::from_quiz(recalled), at, |key, g| {
            state.record(key, g, at)
        });
        if graded.is_none() {
            break;
        }
        answered += 1;
    }
    answered
}

/// One day of HTTP Study's review alone: the Study page's session, card by card (see
/// [`study_session`]), until the session is over or the minutes are spent. Returns the
/// seconds spent.
pub fn review_day(
    state: &mut ReviewState,
    memory: &mut Memory,
    items: &[Item],
    clock: &mut Clock,
    pace: &Pace,
    order: ReviewOrder,
) -> Seconds {
    let start = clock.spent;
    let mut session = review_session(&state.progress, clock.now(), order);
    study_session(&mut session, state, memory, items, clock, pace);
    state.progress.compact(clock.now().day());
    clock.spent - start
}

/// One day of random drill over `deck`: flashcards drawn at random (never the same twice in
/// a row) for the whole budget.
pub fn random_drill_day(
    memory: &mut Memory,
    deck: &[usize],
    clock: &mut Clock,
    pace: &Pace,
) -> Seconds {
    let start = clock.spent;
    let mut last = usize::MAX;
    while !deck.is_empty() && clock.fits(pace.flashcard) {
        let mut pick = deck[memory.rng().below(deck.len())];
        if pick == last && deck.len() > 1 {
            pick = deck[memory.rng().below(deck.len())];
        }
        last = pick;
        let Some(at) = clock.take(pace.flashcard) else {
            break;
        };
        memory.answer(pick, days_since_start(at.at()), 0.0);
    }
    clock.spent - start
}

/// The days between reviews of each Leitner box.
pub const LEITNER_INTERVALS: [u32; 5] = [1, 2, 4, 8, 16];

/// A Leitner learner's boxes: per deck card, its box (0 to 4) and the day it was last seen.
#[derive(Clone, Debug)]
pub struct Boxes {
    cards: Vec<Option<(usize, u32)>>,
}

impl Boxes {
    pub fn new(deck_len: usize) -> Boxes {
        Boxes {
            cards: vec![None; deck_len],
        }
    }
}

/// One day of Leitner over `deck` (in introduction order): the boxes due today, lowest box
/// first, then new cards up to `new_per_day`, until done or the minutes are spent.
pub fn leitner_day(
    boxes: &mut Boxes,
    memory: &mut Memory,
    deck: &[usize],
    new_per_day: u32,
    clock: &mut Clock,
    pace: &Pace,
) -> Seconds {
    let day = clock.day;
    let mut due: Vec<(usize, usize)> = boxes
        .cards
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            c.filter(|(b, last)| day - last >= LEITNER_INTERVALS[*b])
                .map(|(b, _)| (b, k))
        })
        .collect();
    crate::sort::ascending(&mut due);
    let new = boxes
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_none())
        .map(|(k, _)| k)
        .take(new_per_day as usize);
    let order: Vec<usize> = due.into_iter().map(|(_, k)| k).chain(new).collect();
    let start = clock.spent;
    for k in order {
        let Some(at) = clock.take(pace.flashcard) else {
            break;
        };
        let right = memory.answer(deck[k], days_since_start(at.at()), 0.0);
        let b = boxes.cards[k].map_or(0, |(b, _)| b);
        let b = if right {
            (b + 1).min(LEITNER_INTERVALS.len() - 1)
        } else {
            0
        };
        boxes.cards[k] = Some((b, day));
    }
    clock.spent - start
}

/// Questions in each simulated quiz.
pub const QUIZ_LENGTH: usize = 10;

/// The learner answers `q`: they recall its item or not (the memory decides), and on
/// multiple choice may guess right (1 in the options). A right answer is the right response;
/// a wrong one is one of the wrong options, drawn at random (so that it names the code taken
/// for the right one, as a learner's does), or "I don't know" for a typed question. Returns
/// the response, whether it is right, and the moment it was given; `None` when it does not fit
/// in the budget.
pub fn answer_question(
    q: &Question,
    memory: &mut Memory,
    items: &[Item],
    clock: &mut Clock,
    pace: &Pace,
) -> Option<(Response, bool, Moment)> {
    let (cost, guess) = match q.answer {
        Answer::Code { .. } => (pace.typed, 0.0),
        Answer::Option(_) => (pace.multiple_choice, 1.0 / q.options.len().max(1) as f64),
    };
    let at = clock.take(cost)?;
    let right = memory.answer(index_of(items, q.item), days_since_start(at.at()), guess);
    let response = match (&q.answer, right) {
        (Answer::Option(i), true) => Response::Option(*i),
        (Answer::Code { best, .. }, true) => Response::Typed(best.to_string()),
        (Answer::Option(i), false) => {
            Response::Option(wrong_option(memory.rng(), *i, q.options.len()))
        }
        (Answer::Code { .. }, false) => Response::DontKnow,
    };
    let correct = q.is_correct(&response);
    Some((response, correct, at))
}

/// One of the `n` options other than `right`, at random (`right` itself when it is the only
/// one).
fn wrong_option(rng: &mut QuizRng, right: usize, n: usize) -> usize {
    if n < 2 {
        return right;
    }
    let k = rng.below(n - 1);
    if k >= right {
        k + 1
    } else {
        k
    }
}

/// One day of quizzes: seeded quizzes of [`QUIZ_LENGTH`] questions over `deck`, one after
/// another, each question costing its kind's time, until the budget is spent. With a record,
/// each answer is recorded into it as the Quiz page records it ([`ReviewState`]).
pub fn quizzes_day(
    memory: &mut Memory,
    items: &[Item],
    deck: Deck,
    mut record: Option<&mut ReviewState>,
    clock: &mut Clock,
    pace: &Pace,
) -> Seconds {
    let start = clock.spent;
    'quizzes: loop {
        let seed = memory.rng().next_u64();
        let questions = generate_quiz(deck, QUIZ_LENGTH, seed);
        if questions.is_empty() {
            break;
        }
        for q in questions {
            let Some((response, correct, at)) = answer_question(&q, memory, items, clock, pace)
            else {
                break 'quizzes;
            };
            if let Some(state) = record.as_deref_mut() {
                state.record_quiz(&q, &response, correct, at);
            }
        }
    }
    if let Some(state) = record {
        state.progress.compact(clock.now().day());
    }
    clock.spent - start
}
