//! The learner's day, worked out once: what is due now and later today, what new items may
//! start and why, what was done today, the daily goal, the streak, a welcome back after a
//! break, the next step, and the ways to keep going once the day's study is done.
//!
//! [`plan`] is the one place these figures and sentences come from: Home, Study and Progress
//! show what it returns, so they can never disagree. Like every rule it reads no clock: the
//! [`Moment`] is passed in. `stats` holds the Progress page's charts, built on the same rules.

pub mod stats;

use std::fmt;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::clock::{self, Moment};
use crate::progress::Progress;
use crate::quiz::{Deck, Item, QuizSpec};
use crate::routes::Page;
use crate::schedule::format_interval;
use crate::study::{self, minutes_words, Reviews};

/// How many new items "Learn more" offers beyond the day's limit.
pub const MORE_NEW: usize = 5;
/// The length of the quiz "Practise what you know" offers.
pub const PRACTICE_LENGTH: usize = 10;

/// The new items of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewToday {
    /// How many may still start today.
    pub available: usize,
    /// The learner's daily limit.
    pub limit: u32,
    /// How many started today.
    pub started: u32,
    /// Items of what the learner is learning never started, whatever the day.
    pub unstarted: usize,
    /// What the learner is learning.
    pub goal: Deck,
}

impl NewToday {
    /// Why this many new items are available, in one sentence: "10 new items today (your
    /// limit is 10 a day)."
    pub fn line(&self) -> String {
        let goal = self.goal.label();
        if self.unstarted == 0 {
            format!("Every item of the {goal} is started: no new items are left in it.")
        } else if self.limit == 0 {
            "New items are off (0 a day, in the settings on Progress).".to_string()
        } else if self.available == 0 {
            format!(
                "Today's {} new {} started; more come tomorrow.",
                self.started,
                if self.started == 1 {
                    "item is"
                } else {
                    "items are"
                }
            )
        } else if self.started == 0 {
            format!(
                "{} new {} today (your limit is {} a day).",
                self.available,
                plural_word(self.available as u64, "item", "items"),
                self.limit
            )
        } else {
            format!(
                "{} more new {} today ({} started, your limit is {} a day).",
                self.available,
                plural_word(self.available as u64, "item", "items"),
                self.started,
                self.limit
            )
        }
    }
}

/// What the learner did today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DoneToday {
    pub answers: u32,
    pub right: u32,
    /// Items met for the first time today.
    pub new: u32,
    /// Time spent, worked out from when the answers were given ([`study::spent_seconds`]).
    pub seconds: u32,
}

impl DoneToday {
    /// The share of right answers in whole percents, if any answer was given.
    pub fn right_percent(&self) -> Option<u32> {
        (self.answers > 0).then(|| (self.right * 100 + self.answers / 2) / self.answers)
    }

    /// "24 answers today, 20 right (83 %), in 6 min." / "Nothing answered yet today."
    pub fn line(&self) -> String {
        match self.right_percent() {
            None => "Nothing answered yet today.".to_string(),
            Some(pct) => format!(
                "{} today, {} right ({pct} %), in {}.",
                plural(self.answers.into(), "answer", "answers"),
                self.right,
                minutes_words(self.seconds)
            ),
        }
    }
}

/// The daily goal, in minutes, and how far along today is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Goal {
    pub minutes: u32,
    pub seconds_done: u32,
}

impl Goal {
    pub fn met(&self) -> bool {
        self.seconds_done >= self.minutes * 60
    }

    /// Whole minutes done, at most the goal (for a progress bar).
    pub fn minutes_done(&self) -> u32 {
        (self.seconds_done / 60).min(self.minutes)
    }

    /// "4 of 10 minutes today." / "Daily goal reached: 12 minutes today (goal 10)."
    pub fn line(&self) -> String {
        let done = self.seconds_done / 60;
        if self.met() {
            format!(
                "Daily goal reached: {} today (goal {}).",
                plural(done.into(), "minute", "minutes"),
                self.minutes
            )
        } else {
            format!("{done} of {} minutes today.", self.minutes)
        }
    }
}

/// Days in a row with study, and how the last run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Streak {
    /// Days in a row with at least one answer, ending today (or yesterday, while today has
    /// no answer yet).
    pub days: u32,
    /// Whether today already counts.
    pub today: bool,
    /// When the streak is 0 and there was one before: its last day and its length.
    pub ended: Option<(NaiveDate, u32)>,
}

impl Streak {
    /// "3 days in a row." / "Your 5-day streak ended on Sun 22 Nov; study today to start a new
    /// one." / "2 days in a row: study today to keep it."
    pub fn line(&self) -> String {
        match (self.days, self.ended) {
            (0, Some((last, length))) => format!(
                "Your {} streak ended on {}; study today to start a new one.",
                plural_hyphen(length, "day"),
                clock::day_name(last)
            ),
            (0, None) => "No streak yet: study today to start one.".to_string(),
            (n, _) if self.today => format!("{} in a row.", plural(n.into(), "day", "days")),
            (n, _) => format!(
                "{} in a row: study today to keep it.",
                plural(n.into(), "day", "days")
            ),
        }
    }

    /// "3 days", for a figure.
    pub fn figure(&self) -> String {
        plural(self.days.into(), "day", "days")
    }
}

/// A learner back after at least one day without study.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Away {
    /// The last day they studied.
    pub last: NaiveDate,
    /// Whole days without study since.
    pub missed: u32,
}

/// The learner's next step, as the main button names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// Study: `reviews` due now (within the day's cap) and `new` items that may start.
    /// `first`: the learner has never studied; `codes`: every new item is a status code.
    Study {
        reviews: usize,
        new: usize,
        first: bool,
        codes: bool,
    },
    /// Nothing is due and today's new items are done; the next review is due this long from
    /// now (`None` when no card is scheduled at all).
    Done { next_in: Option<Duration> },
}

impl fmt::Display for NextStep {
    /// "Learn your first 10 codes", "Review 8 · learn 10 new", "Review 1 card", "Learn 5 more
    /// codes", "All done — next review in 9 min".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            NextStep::Study {
                reviews,
                new,
                first,
                codes,
            } => {
                let what = |n: usize| match (codes, n) {
                    (true, 1) => "code",
                    (true, _) => "codes",
                    (false, 1) => "card",
                    (false, _) => "cards",
                };
                match (reviews, new) {
                    (0, n) if first => write!(f, "Learn your first {n} {}", what(n)),
                    (0, n) => write!(f, "Learn {n} new {}", what(n)),
                    (r, 0) => write!(f, "Review {r} {}", if r == 1 { "card" } else { "cards" }),
                    (r, n) => write!(f, "Review {r} \u{b7} learn {n} new"),
                }
            }
            NextStep::Done {
                next_in: Some(wait),
            } if wait > Duration::zero() => {
                write!(
                    f,
                    "All done \u{2014} next review in {}",
                    format_interval(wait)
                )
            }
            NextStep::Done { .. } => write!(f, "All done for today"),
        }
    }
}

/// A way to go on learning once the day's study is done, as the done screen and Home offer
/// it, one tap away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepGoing {
    /// Learn `count` more new items beyond the day's limit (the next in importance order).
    LearnMore { count: usize },
    /// A quiz on the items of `deck` the learner has started (`items` of them).
    PractiseStudied { deck: Deck, items: usize },
    /// Flashcards of the learner's ten weakest items.
    DrillWeakest { count: usize },
    /// The pairs of codes the learner mixes up, side by side.
    DrillConfusions { pairs: usize },
}

/// The order the keep-going choices are offered in, most teaching first (chosen with the
/// simulation: README, "Does it teach?"): drilling the weakest first knew the most at day 60
/// of the six orders compared, at 8 s and at 20 s a card, though by under half an item.
pub const KEEP_GOING_ORDER: [&str; 4] = [
    "drill-weakest",
    "learn-more",
    "practise-studied",
    "drill-confusions",
];

impl KeepGoing {
    /// The button's words.
    pub fn label(&self) -> String {
        match *self {
            KeepGoing::LearnMore { count } => format!(
                "Learn {count} more new {}",
                plural_word(count as u64, "item", "items")
            ),
            KeepGoing::PractiseStudied { .. } => "Practise what you know (quiz)".to_string(),
            KeepGoing::DrillWeakest { count } => format!("Drill your weakest {count}"),
            KeepGoing::DrillConfusions { pairs } => format!(
                "Drill the {} you mix up",
                plural(pairs as u64, "pair", "pairs")
            ),
        }
    }

    /// One line under the button: what it does.
    pub fn note(&self) -> String {
        match *self {
            KeepGoing::LearnMore { .. } => {
                "Beyond today's limit, the next in importance order. They come back for review like any other.".to_string()
            }
            KeepGoing::PractiseStudied { deck, items } => format!(
                "{PRACTICE_LENGTH} questions only on the {} of the {} you have started; they keep your schedule fresh.",
                plural(items as u64, "item", "items"),
                deck.label()
            ),
            KeepGoing::DrillWeakest { .. } => {
                "Flashcards of what you are most likely to forget by tomorrow; your schedule is not changed.".to_string()
            }
            KeepGoing::DrillConfusions { .. } => {
                "Each pair on one card, to tell the two apart; your schedule is not changed.".to_string()
            }
        }
    }

    /// Where it leads. A quiz's link takes `seed` (random, drawn by the page).
    pub fn path(&self, seed: u64) -> String {
        match *self {
            KeepGoing::LearnMore { count } => format!("{}?more={count}", Page::Study.path()),
            KeepGoing::PractiseStudied { deck, .. } => QuizSpec {
                deck,
                length: PRACTICE_LENGTH,
                seed,
                studied: true,
            }
            .path(),
            KeepGoing::DrillWeakest { .. } => format!("{}?drill=weakest", Page::Study.path()),
            KeepGoing::DrillConfusions { .. } => {
                format!("{}?drill=confusions", Page::Study.path())
            }
        }
    }

    /// A stable id, for tests and test ids.
    pub fn id(&self) -> &'static str {
        match self {
            KeepGoing::LearnMore { .. } => "learn-more",
            KeepGoing::PractiseStudied { .. } => "practise-studied",
            KeepGoing::DrillWeakest { .. } => "drill-weakest",
            KeepGoing::DrillConfusions { .. } => "drill-confusions",
        }
    }
}

/// The ways to keep going for the learner of `p` at `now`, in [`KEEP_GOING_ORDER`]; each
/// only when it has something to offer.
pub fn keep_going(p: &Progress, now: DateTime<Utc>) -> Vec<KeepGoing> {
    let mut offers = Vec::new();
    let more = study::unstarted_in_goal(p, MORE_NEW).len();
    if more > 0 {
        offers.push(KeepGoing::LearnMore { count: more });
    }
    let goal = p.settings().goal();
    let (started, _) = study::goal_progress(p);
    if started >= study::PRACTICE_MIN_ITEMS {
        offers.push(KeepGoing::PractiseStudied {
            deck: goal,
            items: started,
        });
    }
    let weak = study::weakest_drill(p, now).len();
    if weak >= 2 {
        offers.push(KeepGoing::DrillWeakest { count: weak });
    }
    let pairs = study::confusion_drill(p).len();
    if pairs > 0 {
        offers.push(KeepGoing::DrillConfusions { pairs });
    }
    let rank = |k: &KeepGoing| KEEP_GOING_ORDER.iter().position(|id| *id == k.id());
    crate::sort::by_key(&mut offers, |k| rank(k));
    offers
}

/// The learner's day at one moment: every figure and sentence Home, Study and Progress show
/// about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The learner's local date.
    pub day: NaiveDate,
    /// What is due and what the day takes of it.
    pub reviews: Reviews,
    pub new: NewToday,
    pub done: DoneToday,
    pub goal: Goal,
    pub streak: Streak,
    /// Set when the learner comes back after at least one day without study and has not
    /// answered anything yet today.
    pub away: Option<Away>,
    pub next: NextStep,
    /// Nothing at all answered yet: a first visit.
    pub first_visit: bool,
    /// The grade buttons explain themselves ([`study::explains_grades`]).
    pub explains_grades: bool,
    /// The placement check is offered ([`study::offers_placement`]).
    pub offers_placement: bool,
    /// Items started of what the learner is learning, and how many it holds.
    pub started: (usize, usize),
    /// Ways to keep going beyond the day's study (Home offers them once it is done, the done
    /// screen always).
    pub keep_going: Vec<KeepGoing>,
}

/// The plan of the day for the learner of `p` at `at`.
pub fn plan(p: &Progress, at: Moment) -> Plan {
    let day = at.day();
    let reviews = Reviews::of(p, at);
    let totals = p.today_totals(day);
    let new_items = study::new_items_today(p, day);
    let (started, goal_size) = study::goal_progress(p);
    let new = NewToday {
        available: new_items.len(),
        limit: p.settings().new_per_day(),
        started: totals.new_items(),
        unstarted: goal_size - started,
        goal: p.settings().goal(),
    };
    let done = DoneToday {
        answers: totals.answers(),
        right: totals.correct(),
        new: totals.new_items(),
        seconds: study::spent_seconds(
            p.history()
                .iter()
                .filter(|a| a.day() >= day)
                .map(|a| a.at()),
        ),
    };
    let goal = Goal {
        minutes: p.settings().daily_minutes(),
        seconds_done: done.seconds,
    };
    let active = p.active_days_as_of(day);
    let streak = streak(&active, day);
    let away = if done.answers > 0 {
        None
    } else {
        active.iter().rev().find(|d| **d < day).and_then(|last| {
            let missed = (day - *last).num_days() - 1;
            (missed >= 1).then(|| Away {
                last: *last,
                missed: u32::try_from(missed).unwrap_or(u32::MAX),
            })
        })
    };
    let next = if reviews.due_now() > 0 || !new_items.is_empty() {
        NextStep::Study {
            reviews: reviews.due_now(),
            new: new_items.len(),
            first: !p.has_answers(),
            codes: new_items.iter().all(|i| matches!(i, Item::Code(_))),
        }
    } else {
        NextStep::Done {
            next_in: study::next_due(p).map(|d| d - at.at()),
        }
    };
    let keep_going = keep_going(p, at.at());
    Plan {
        day,
        reviews,
        new,
        done,
        goal,
        streak,
        away,
        next,
        first_visit: !p.has_answers(),
        explains_grades: study::explains_grades(p),
        offers_placement: study::offers_placement(p),
        started: (started, goal_size),
        keep_going,
    }
}

/// The streak on `day`, from the days with answers (in order).
fn streak(active: &[NaiveDate], day: NaiveDate) -> Streak {
    let is_active = |d: NaiveDate| active.binary_search(&d).is_ok();
    let run_ending = |last: NaiveDate| {
        let mut n = 0u32;
        let mut d = Some(last);
        while let Some(x) = d.filter(|x| is_active(*x)) {
            n += 1;
            d = x.pred_opt();
        }
        n
    };
    let today = is_active(day);
    let yesterday = day.pred_opt().filter(|d| is_active(*d));
    let days = match (today, yesterday) {
        (true, _) => run_ending(day),
        (false, Some(y)) => run_ending(y),
        (false, None) => 0,
    };
    let ended = (days == 0)
        .then(|| active.iter().rev().find(|d| **d < day))
        .flatten()
        .map(|last| (*last, run_ending(*last)));
    Streak { days, today, ended }
}

impl Plan {
    /// The main button's words ([`NextStep`]).
    pub fn button(&self) -> String {
        self.next.to_string()
    }

    /// Where the main button leads: the Study page (which shows the done screen and its ways
    /// to keep going once the day is done).
    pub fn button_path(&self) -> &'static str {
        Page::Study.path()
    }

    /// What is due, in one sentence: "8 reviews due now, 3 more later today. 12 more are due
    /// but wait for the following days (your limit is 50 reviews a day)."
    pub fn due_line(&self) -> String {
        let r = &self.reviews;
        let mut s = match (r.due_now(), r.later_today) {
            (0, 0) => "Nothing is due for review now or later today.".to_string(),
            (0, later) => format!("Nothing is due now; {later} later today."),
            (now, 0) => format!("{} due now.", plural(now as u64, "review", "reviews")),
            (now, later) => format!(
                "{} due now, {later} more later today.",
                plural(now as u64, "review", "reviews")
            ),
        };
        if r.waiting > 0 {
            s.push_str(&format!(
                " {} more {} due but {} for the following days (your limit is {} reviews a day).",
                r.waiting,
                if r.waiting == 1 { "is" } else { "are" },
                if r.waiting == 1 { "waits" } else { "wait" },
                r.cap
            ));
        }
        s
    }

    /// The welcome back, when the learner returns after a break: "Welcome back! Your last
    /// study was on Mon 23 Nov, 13 days ago. 40 reviews are waiting: 30 today, the rest over
    /// the next days."
    pub fn welcome(&self) -> Option<String> {
        let away = self.away?;
        let ago = away.missed + 1;
        let mut s = format!(
            "Welcome back! Your last study was on {}, {} ago.",
            clock::day_name(away.last),
            plural(ago.into(), "day", "days")
        );
        let r = &self.reviews;
        let due = r.due_now() + r.waiting;
        if r.waiting > 0 {
            s.push_str(&format!(
                " {due} reviews are waiting: {} today, and the rest over the next days, so that no day is a wall.",
                r.due_now()
            ));
        } else if due > 0 {
            s.push_str(&format!(
                " {} waiting: a few minutes brings you back on track.",
                plural(due as u64, "review is", "reviews are")
            ));
        } else {
            s.push_str(" Nothing was forgotten on the way: carry on where you left off.");
        }
        Some(s)
    }

    /// The goal as "4 / 10 min", for a figure.
    pub fn goal_figure(&self) -> String {
        format!("{} / {} min", self.goal.minutes_done(), self.goal.minutes)
    }

    /// "Started 12 of 97 in Beginner set."
    pub fn started_line(&self) -> String {
        format!(
            "Started {} of {} in {}.",
            self.started.0,
            self.started.1,
            self.new.goal.label()
        )
    }
}

/// "1 answer", "3 answers".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", plural_word(n, one, many))
}

/// "answer" or "answers", as `n` asks.
pub fn plural_word<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "5-day", "1-day".
fn plural_hyphen(n: u32, unit: &str) -> String {
    format!("{n}-{unit}")
}

#[cfg(test)]
mod tests;
