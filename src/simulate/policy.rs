//! The ways of studying the simulation compares, each run for one learner over the days of
//! study at a fixed number of minutes a day.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::memory::Memory;
use super::{Plan, Seconds, FLASHCARD_SECONDS, MULTIPLE_CHOICE_SECONDS, TYPED_SECONDS};
use crate::clock::Moment;
use crate::progress::{Progress, Source, Writer};
use crate::quiz::{generate_quiz, Deck, Item, Kind};
use crate::schedule::Grade;
use crate::study::Session;

/// A way of studying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// HTTP Study's review: the app's own `study::Session` over a real `Progress` (due items
    /// first, then new items up to the day's limit, learning steps), flashcards.
    Review,
    /// Flashcards drawn at random from the same deck, as peer HTTP quizzes drill.
    RandomDrill,
    /// A five-box Leitner system over the same deck: box k is reviewed every 2^(k-1) days, a
    /// right answer moves the card up a box, a wrong one back to the first; new cards up to the
    /// same daily limit.
    Leitner,
    /// HTTP Study's quizzes alone: random seeded quizzes over Everything, ten questions each.
    Quizzes,
    /// HTTP Study's review, then quizzes for the rest of the minutes, their answers recorded
    /// into the same record as the Quiz page records them.
    ReviewThenQuizzes,
}

impl Policy {
    pub const ALL: [Policy; 5] = [
        Policy::Review,
        Policy::RandomDrill,
        Policy::Leitner,
        Policy::Quizzes,
        Policy::ReviewThenQuizzes,
    ];

    /// The row label in the report.
    pub fn label(self) -> &'static str {
        match self {
            Policy::Review => "HTTP Study review (FSRS)",
            Policy::RandomDrill => "Random drill",
            Policy::Leitner => "Leitner, five boxes",
            Policy::Quizzes => "HTTP Study quizzes only",
            Policy::ReviewThenQuizzes => "HTTP Study review, then quizzes",
        }
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

/// The review policy's state: the learner's record and the ids of its answers, as one page
/// of the app keeps them.
pub struct ReviewState {
    pub progress: Progress,
    writer: Writer,
}

impl ReviewState {
    /// A new learner's record with the plan's settings.
    pub fn new(plan: &Plan, seed: u64) -> ReviewState {
        let mut progress = Progress::default();
        progress.update_settings(|s| {
            s.set_new_per_day(plan.new_per_day);
            s.set_desired_retention(plan.retention);
            s.set_goal(plan.deck);
        });
        ReviewState {
            progress,
            writer: Writer::new(seed | 1),
        }
    }
}

/// The session the review policy studies on `day`: exactly the one the app's Study page opens
/// for the same record at the same moment.
pub fn review_session(p: &Progress, at: Moment) -> Session {
    Session::review(p, at)
}

/// One day of HTTP Study's review: the Study page's session, card by card, flipped and graded
/// as the page does (the grade recorded into the record with [`Progress::record`], the domain
/// call the page's store makes), until the session is over or the minutes are spent. Returns
/// the seconds spent.
pub fn review_day(
    state: &mut ReviewState,
    memory: &mut Memory,
    items: &[Item],
    day: u32,
    budget: Seconds,
) -> Seconds {
    let mut spent: Seconds = 0;
    let mut session = review_session(&state.progress, moment_of(day, 0));
    while spent + FLASHCARD_SECONDS <= budget {
        let Some(shown) = session.shown() else {
            break;
        };
        let item = shown.item;
        session.flip(&state.progress, moment_of(day, spent));
        spent += FLASHCARD_SECONDS;
        let at = moment_of(day, spent);
        let recalled = memory.answer(index_of(items, item), days_since_start(at.at()), 0.0);
        let grade = Grade::from_quiz(recalled);
        let (p, w) = (&mut state.progress, &mut state.writer);
        let graded = session.grade(grade, at, |key, g| {
            let undo = p.record(key, g, at, w.next_id())?;
            Some((undo, p.card(key)?.due()))
        });
        if graded.is_none() {
            break;
        }
    }
    state.progress.compact(moment_of(day, spent).day());
    spent
}

/// One day of random drill over `deck`: flashcards drawn at random (never the same twice in
/// a row) for the whole budget.
pub fn random_drill_day(memory: &mut Memory, deck: &[usize], day: u32, budget: Seconds) -> Seconds {
    let mut spent: Seconds = 0;
    let mut last = usize::MAX;
    while spent + FLASHCARD_SECONDS <= budget && !deck.is_empty() {
        let mut pick = deck[memory.rng().below(deck.len())];
        if pick == last && deck.len() > 1 {
            pick = deck[memory.rng().below(deck.len())];
        }
        last = pick;
        spent += FLASHCARD_SECONDS;
        let t = days_since_start(moment_of(day, spent).at());
        memory.answer(pick, t, 0.0);
    }
    spent
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
    day: u32,
    budget: Seconds,
) -> Seconds {
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
    let mut spent: Seconds = 0;
    for k in order {
        if spent + FLASHCARD_SECONDS > budget {
            break;
        }
        spent += FLASHCARD_SECONDS;
        let t = days_since_start(moment_of(day, spent).at());
        let right = memory.answer(deck[k], t, 0.0);
        let b = boxes.cards[k].map_or(0, |(b, _)| b);
        let b = if right {
            (b + 1).min(LEITNER_INTERVALS.len() - 1)
        } else {
            0
        };
        boxes.cards[k] = Some((b, day));
    }
    spent
}

/// Questions in each simulated quiz.
pub const QUIZ_LENGTH: usize = 10;

/// One day of quizzes: seeded quizzes of [`QUIZ_LENGTH`] questions over Everything, one after
/// another, each question costing its kind's time, from `start` seconds into the day until
/// the budget is spent. With a record, each answer is recorded into it as the Quiz page
/// records it (right counts Good, wrong Again, and a quiz uses up no new items).
pub fn quizzes_day(
    memory: &mut Memory,
    items: &[Item],
    mut record: Option<&mut ReviewState>,
    day: u32,
    start: Seconds,
    budget: Seconds,
) -> Seconds {
    let mut spent: Seconds = start;
    'quizzes: loop {
        let seed = memory.rng().next_u64();
        for q in generate_quiz(Deck::Everything, QUIZ_LENGTH, seed) {
            let (cost, guess) = if q.kind == Kind::TypedCode {
                (TYPED_SECONDS, 0.0)
            } else {
                (MULTIPLE_CHOICE_SECONDS, 1.0 / q.options.len().max(1) as f64)
            };
            if spent + cost > budget {
                break 'quizzes;
            }
            spent += cost;
            let at = moment_of(day, spent);
            let right = memory.answer(index_of(items, q.item), days_since_start(at.at()), guess);
            if let Some(state) = record.as_deref_mut() {
                let id = state.writer.next_id();
                state.progress.record_from(
                    Source::Quiz,
                    &q.item.key(),
                    Grade::from_quiz(right),
                    at,
                    id,
                );
            }
        }
    }
    if let Some(state) = record {
        state.progress.compact(moment_of(day, spent).day());
    }
    spent - start
}
