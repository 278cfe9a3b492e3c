//! The placement check: for a learner who already knows the basics, a few minutes of
//! questions on the first tier's codes. What they answer right starts as known; the rest stay
//! new cards.

use crate::quiz::{question_of_kind, Deck, Item, Kind, Question, QuizRng};
use crate::schedule::Grade;

/// One question per code of the Beginner set, in number order, alternating "what is 404?" and
/// "which code means: …?": a couple of minutes.
pub fn placement_quiz(seed: u64) -> Vec<Question> {
    let mut rng = QuizRng::new(seed);
    Deck::Beginner
        .items()
        .into_iter()
        .filter(|item| matches!(item, Item::Code(_)))
        .enumerate()
        .filter_map(|(i, item)| {
            let kind = if i % 2 == 0 {
                Kind::CodeToName
            } else {
                Kind::MeaningToCode
            };
            question_of_kind(item, kind, &mut rng)
        })
        .collect()
}

/// What a placement answer records: a right answer starts the item as known, with an Easy
/// first review (given as a quiz answer, so that it uses none of the day's new cards); a
/// wrong one records nothing, and the item stays a new card.
pub fn placement_grade(correct: bool) -> Option<Grade> {
    correct.then_some(Grade::Easy)
}
