//! The learner's forecast on the Progress page: how many codes and methods they are likely to
//! remember in 30 days at their recent pace, and when the whole Beginner set would be known.
//!
//! The same memory model as the simulation (FSRS's forgetting curve and the app's own
//! scheduler), applied to the learner's own cards: each coming day, at the learner's recent
//! pace, the cards due are reviewed (most overdue first) and new items of their goal start up
//! to the day's limit, as the Study page would serve them. It assumes every review is recalled
//! (at the desired retention nine in ten are), so it leans to the hopeful side; it says so.
//! Deterministic and cheap: no random draws, one pass over at most a few hundred cards a day.

use std::fmt;

use chrono::{Duration, NaiveDate};

use crate::clock::Moment;
use crate::day::stats::answers_per_day;
use crate::progress::Progress;
use crate::quiz::{Deck, Item};
use crate::schedule::{Grade, Memory, Phase};
use crate::study::{introduction_order, scheduled_cards};

/// Days ahead the forecast of what is remembered looks.
pub const FORECAST_DAYS: i64 = 30;
/// The learner's pace is their answers a day over this many days (fewer if they started
/// more recently).
pub const PACE_DAYS: i64 = 14;
/// How far ahead the Beginner set's date is looked for.
pub const HORIZON_DAYS: i64 = 180;
/// Answers a new item takes on its first day: Good, then Good again after the ten-minute
/// learning step.
const NEW_ITEM_ANSWERS: u32 = 2;
/// The learning step between those two answers, in minutes (rs-fsrs's for a first Good).
const LEARNING_STEP_MINUTES: i64 = 10;

/// When the whole Beginner set would be known (every item of it past its learning steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BeginnerSet {
    /// It already is.
    Already,
    /// On this day (the learner's local date).
    By(NaiveDate),
    /// Not within [`HORIZON_DAYS`] at this pace (or not at all: the learner's goal does not
    /// introduce it).
    NotAtThisPace,
}

/// What the forecast says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forecast {
    /// Answers a day, recently.
    pub pace: u32,
    /// Status codes and method facts (a method's safety, idempotence or cacheability) likely
    /// remembered now: the sum of their chances of recall, rounded.
    pub codes_now: u32,
    pub methods_now: u32,
    /// The same in [`FORECAST_DAYS`] days.
    pub codes: u32,
    pub methods: u32,
    /// How many of each the catalogue teaches.
    pub codes_total: u32,
    pub methods_total: u32,
    pub beginner: BeginnerSet,
}

/// Why there is no forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoForecast {
    /// Nothing has been answered yet.
    NoAnswers,
}

impl fmt::Display for NoForecast {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoForecast::NoAnswers => write!(
                f,
                "No forecast yet: answer a few flashcards or quiz questions, and an estimate of \
                 what you will remember appears here."
            ),
        }
    }
}

/// The learner's answers a day over the last [`PACE_DAYS`] days up to `today`, counted from
/// their first answer in that window if it is more recent; 0 when there is none.
pub fn recent_pace(p: &Progress, today: NaiveDate) -> u32 {
    let days: Vec<u32> = answers_per_day(p, today, PACE_DAYS as u32)
        .into_iter()
        .map(|(_, t)| t.answers())
        .collect();
    let Some(first) = days.iter().position(|&n| n > 0) else {
        return 0;
    };
    let span = (days.len() - first) as u64;
    let total: u64 = days.iter().map(|&n| u64::from(n)).sum();
    u32::try_from((total + span / 2) / span).unwrap_or(u32::MAX)
}

/// One card the forecast follows.
struct Followed {
    item: Item,
    card: Memory,
    beginner: bool,
}

/// Sums the chance of recall at `now` of the codes and of the method facts.
fn remembered(cards: &[Followed], now: chrono::DateTime<chrono::Utc>) -> (u32, u32) {
    let (mut codes, mut methods) = (0.0, 0.0);
    for f in cards {
        match f.item {
            Item::Code(_) => codes += f.card.retrievability(now),
            Item::MethodProperty { .. } => methods += f.card.retrievability(now),
            Item::Scenario(_) | Item::Misconception(_) => {}
        }
    }
    (codes.round() as u32, methods.round() as u32)
}

/// The forecast for the learner of `p` at `at`.
pub fn forecast(p: &Progress, at: Moment) -> Result<Forecast, NoForecast> {
    if !p.has_answers() {
        return Err(NoForecast::NoAnswers);
    }
    let beginner_items = {
        let mut v = Deck::Beginner.items();
        crate::sort::ascending(&mut v);
        v
    };
    let in_beginner = |i: &Item| beginner_items.binary_search(i).is_ok();
    let mut cards: Vec<Followed> = scheduled_cards(p)
        .map(|(item, card)| Followed {
            item,
            card: card.memory().clone(),
            beginner: in_beginner(&item),
        })
        .collect();
    let goal = {
        let mut v = p.settings().goal().items();
        crate::sort::ascending(&mut v);
        v
    };
    let mut queue = introduction_order()
        .into_iter()
        .filter(|i| goal.binary_search(i).is_ok() && p.card(&i.key()).is_none());
    let pace = recent_pace(p, at.day());
    let (codes_now, methods_now) = remembered(&cards, at.at());
    let beginner_known = |cards: &[Followed]| {
        cards
            .iter()
            .filter(|f| f.beginner && f.card.phase() == Phase::Review)
            .count()
            == beginner_items.len()
    };
    let mut beginner = beginner_known(&cards).then_some(BeginnerSet::Already);
    let mut later = (0, 0);
    let scheduler = p.scheduler();
    let per_day_new = p.settings().new_per_day();
    let mut exhausted = false;
    let mut due: Vec<(chrono::DateTime<chrono::Utc>, usize)> = Vec::with_capacity(cards.len());
    for k in 1..=HORIZON_DAYS {
        let day = at.plus(Duration::days(k));
        let now = day.at();
        let mut budget = pace;
        due.clear();
        due.extend(
            cards
                .iter()
                .enumerate()
                .filter(|(_, f)| f.card.due() <= now)
                .map(|(i, f)| (f.card.due(), i)),
        );
        crate::sort::ascending(&mut due);
        for &(_, i) in &due {
            if budget == 0 {
                break;
            }
            budget -= 1;
            cards[i].card = scheduler.grade(Some(&cards[i].card), Grade::Good, now);
        }
        let mut started = 0;
        while started < per_day_new && budget >= NEW_ITEM_ANSWERS {
            let Some(item) = queue.next() else {
                exhausted = true;
                break;
            };
            let first = scheduler.grade(None, Grade::Good, now);
            let step = now + Duration::minutes(LEARNING_STEP_MINUTES);
            let card = scheduler.grade(Some(&first), Grade::Good, step);
            cards.push(Followed {
                item,
                card,
                beginner: in_beginner(&item),
            });
            budget -= NEW_ITEM_ANSWERS;
            started += 1;
        }
        if k == FORECAST_DAYS {
            later = remembered(&cards, now);
        }
        if beginner.is_none() && beginner_known(&cards) {
            beginner = Some(BeginnerSet::By(day.day()));
        }
        // Nothing will change the answer: no pace, or no Beginner item left to introduce.
        let stuck = pace == 0
            || (exhausted && cards.iter().filter(|f| f.beginner).count() < beginner_items.len());
        if k >= FORECAST_DAYS && (beginner.is_some() || stuck) {
            break;
        }
    }
    let all = crate::quiz::all_items();
    let count = |code: bool| {
        all.iter()
            .filter(|i| match i {
                Item::Code(_) => code,
                Item::MethodProperty { .. } => !code,
                Item::Scenario(_) | Item::Misconception(_) => false,
            })
            .count() as u32
    };
    Ok(Forecast {
        pace,
        codes_now,
        methods_now,
        codes: later.0,
        methods: later.1,
        codes_total: count(true),
        methods_total: count(false),
        beginner: beginner.unwrap_or(BeginnerSet::NotAtThisPace),
    })
}
