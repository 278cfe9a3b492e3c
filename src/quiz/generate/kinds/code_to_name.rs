//! "What is 503?": options are code names.

use super::super::choices::{multiple_choice, name_choice, pick_codes};
use super::super::OPTIONS;
use crate::catalogue::{self, StatusCode};
use crate::quiz::item::{studied_code, Item};
use crate::quiz::question::{sentence, Kind, Question};
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
