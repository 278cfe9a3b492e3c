//! "Which code means: …?": options are code numbers.

use super::super::choices::{multiple_choice, number_choice, pick_codes, without_stop};
use super::super::OPTIONS;
use crate::catalogue::{self, StatusCode};
use crate::quiz::item::{studied_code, Item};
use crate::quiz::question::{Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    match item {
        Item::Code(n) => studied_code(n).is_some_and(|code| {
            let _ = code;
            true
        }),
        _ => false,
    }
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let Item::Code(n) = item else {
        return None;
    };
    let code = catalogue::status_code(n)?;
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
