//! The placement check: for a learner who already knows the basics, a few minutes of
//! questions on the first tier's codes. What they answer right starts as known; the rest stay
//! new cards.

use crate::progress::{Progress, Source};
use crate::quiz::{question_of_kind, Deck, Item, Kind, Question, QuizRng};

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

/// Whether the placement check is still offered (on Home, Study and Quiz): until the learner
/// has started every code of the Beginner set, and unless they have taken the check recently
/// (its answers are among their recent answers).
pub fn offers_placement(p: &Progress) -> bool {
    let taken = p.history().iter().any(|a| a.source() == Source::Placement);
    let tier_started = Deck::Beginner
        .items()
        .iter()
        .filter(|item| matches!(item, Item::Code(_)))
        .all(|item| p.card(&item.key()).is_some());
    !taken && !tier_started
}
