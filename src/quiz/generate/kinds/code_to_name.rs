//! "What is 503?": options are code names.

use super::super::choices::{multiple_choice, name_choice, pick_codes};
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::{self, StatusCode};
use crate::quiz::item::Item;
use crate::quiz::question::{sentence, Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some()
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    Some(code_to_name(item, code, rng))
}

fn code_to_name(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Question {
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    multiple_choice(
        item,
        Kind::CodeToName,
        format!("What is {}?", code.code),
        name_choice(code),
        distractors
            .into_iter()
            .filter_map(catalogue::status_code)
            .map(name_choice),
        format!("{} {}", sentence(code.meaning), code.explanation),
        code.cite,
        rng,
    )
}
