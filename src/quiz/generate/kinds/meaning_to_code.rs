//! "Which code means: …?": options are code numbers.

use super::super::choices::{multiple_choice, number_choice, pick_codes, without_stop};
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::StatusCode;
use crate::quiz::item::Item;
use crate::quiz::question::{Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some()
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    Some(meaning_to_code(item, code, rng))
}

fn meaning_to_code(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Question {
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    multiple_choice(
        item,
        Kind::MeaningToCode,
        format!("Which code means: {}?", without_stop(code.meaning)),
        number_choice(code.code),
        distractors.into_iter().map(number_choice),
        code.explanation.to_string(),
        code.cite,
        rng,
    )
}
