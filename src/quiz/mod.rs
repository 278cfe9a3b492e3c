//! The quiz engine: study items, decks, generated questions with feedback, and flashcards.
//!
//! Plain Rust with no DOM, tested natively. Every fact in a question, an explanation or a
//! flashcard is read from [`crate::catalogue`]; this module only words the questions. Codes the
//! registry marks Unused (306, 418) are never asked about or offered as options; the one
//! misconception about 418 is the exception.
//!
//! Generation is deterministic: every random choice comes from [`QuizRng`], our own fixed
//! generator (SplitMix64), seeded with the quiz's seed, so [`generate_quiz`] with the same
//! deck, length and seed always returns the same questions, across releases of the app and of
//! its dependencies. Editing the catalogue changes them (a new code, scenario or option).

mod deck;
pub mod faults;
mod flashcard;
mod generate;
mod item;
mod question;
mod random;
mod run;

pub use deck::Deck;
pub use flashcard::{exchange_card, flashcard, pair_card, Flashcard};
pub use generate::kinds::supports;
pub use generate::{generate_quiz, generate_quiz_over, kinds_for, question_for, question_of_kind};
pub use item::{all_items, Item, Property, Stage};
pub use question::{
    parse_typed, Answer, Choice, Feedback, Kind, Question, Response, TypedError, Value, Verdict,
};
pub use random::QuizRng;
pub use run::{Missed, NotTaken, QuizRun, QuizSpec, LENGTHS};

// Native only: the property tests use proptest, which does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
