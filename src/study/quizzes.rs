//! Quizzes and the schedule: what a quiz asks about for one learner, how much of a deck is new
//! to them, and what each answer records.

use std::fmt;

use crate::progress::{Progress, Source};
use crate::quiz::{generate_quiz_over, Deck, Item, Question, QuizSpec, Response};
use crate::schedule::Grade;

/// The items a quiz of `spec` draws from for the learner of `p`: the deck's, or with
/// `studied`, those of them the learner has started.
pub fn quiz_items(spec: &QuizSpec, p: &Progress) -> Vec<Item> {
    let items = spec.deck.items();
    if spec.studied {
        items
            .into_iter()
            .filter(|item| p.card(&item.key()).is_some())
            .collect()
    } else {
        items
    }
}

/// The questions of the quiz `spec` names, for the learner of `p` (empty when `studied` and
/// they have started nothing of the deck).
pub fn quiz_questions(spec: &QuizSpec, p: &Progress) -> Vec<Question> {
    generate_quiz_over(quiz_items(spec, p), spec.deck, spec.length, spec.seed)
}

/// The fewest started items of the learner's goal for a quiz on what they have studied to be
/// offered ("practise what you know"): fewer make a quiz that repeats the same few items.
pub const PRACTICE_MIN_ITEMS: usize = 4;

/// The quiz the Quiz page offers first: on what the learner has studied once there is enough of
/// it, otherwise on the whole deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstQuiz {
    /// The learner's goal once they have started anything of it; the Beginner set before.
    pub deck: Deck,
    /// Only the items they have started ([`PRACTICE_MIN_ITEMS`] or more of the goal).
    pub studied: bool,
}

/// The quiz offered first to the learner of `p`.
pub fn first_quiz(p: &Progress) -> FirstQuiz {
    let goal = p.settings().goal();
    let (started, _) = super::goal_progress(p);
    FirstQuiz {
        deck: if started > 0 { goal } else { Deck::Beginner },
        studied: started >= PRACTICE_MIN_ITEMS,
    }
}

/// How much of a deck is new to a learner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeckNewness {
    pub deck: Deck,
    pub total: usize,
    /// Items the learner has never started.
    pub unstarted: usize,
}

/// How much of `deck` is new to the learner of `p`.
pub fn deck_newness(p: &Progress, deck: Deck) -> DeckNewness {
    let items = deck.items();
    let unstarted = items
        .iter()
        .filter(|item| p.card(&item.key()).is_none())
        .count();
    DeckNewness {
        deck,
        total: items.len(),
        unstarted,
    }
}

impl DeckNewness {
    /// Items of the deck the learner has started.
    pub fn started(&self) -> usize {
        self.total - self.unstarted
    }
}

impl fmt::Display for DeckNewness {
    /// "All 97 items of the Beginner set are new to you: a quiz on them tests what you have not
    /// been taught yet." / "12 of 97 items of the Beginner set are new to you." / "You have
    /// started every item of the Beginner set."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.deck.label();
        match (self.unstarted, self.total) {
            (0, _) => write!(f, "You have started every item of the {name}."),
            (n, t) if n == t => write!(
                f,
                "All {t} items of the {name} are new to you: a quiz on them asks what you have not been taught yet."
            ),
            (1, t) => write!(f, "1 of {t} items of the {name} is new to you."),
            (n, t) => write!(f, "{n} of {t} items of the {name} are new to you."),
        }
    }
}

/// Why a quiz is being played, which decides what its answers record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizMode {
    /// An ordinary quiz, answered for the first time.
    Quiz,
    /// The placement check, answered for the first time.
    Placement,
    /// Questions answered again in the same page: "Review the missed ones" or "Retake this
    /// quiz", with the answers just shown.
    Retake,
}

/// What one quiz answer records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recording {
    pub source: Source,
    pub grade: Grade,
    /// For a wrong answer, the code taken for the right one.
    pub chose: Option<u16>,
}

/// What the answer `response` to `question` (right when `correct`) records in `mode`:
/// - a quiz answer records a right answer as Good and anything else as Again, with the code
///   taken for the right one (the schedule then follows only for items already started);
/// - the placement check records only what is known: a right answer starts the item with an
///   Easy first review; a wrong one and "I don't know" record nothing (the item stays new);
/// - a retake records the answer as a retake, which counts and never changes a schedule.
pub fn quiz_record(
    mode: QuizMode,
    question: &Question,
    response: &Response,
    correct: bool,
) -> Option<Recording> {
    let chose = question.confused_with(response);
    match mode {
        QuizMode::Quiz => Some(Recording {
            source: Source::Quiz,
            grade: Grade::from_quiz(correct),
            chose,
        }),
        QuizMode::Placement => correct.then_some(Recording {
            source: Source::Placement,
            grade: Grade::Easy,
            chose: None,
        }),
        QuizMode::Retake => Some(Recording {
            source: Source::Retake,
            grade: Grade::from_quiz(correct),
            chose,
        }),
    }
}
