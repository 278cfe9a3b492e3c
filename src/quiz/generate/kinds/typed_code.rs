//! "Type the code number: <meaning or situation>": answered by typing, for codes and scenarios.

use crate::catalogue;
use crate::quiz::item::{self, studied_code, Item};
use crate::quiz::question::{Answer, Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    match item {
        Item::Code(n) => studied_code(n).is_some(),
        Item::Scenario(id) => item::scenario(id).is_some(),
        _ => false,
    }
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, _rng: &mut QuizRng) -> Option<Question> {
    let kind = Kind::TypedCode;
    match item {
        Item::Code(n) => {
            let code = catalogue::status_code(n)?;
            Some(Question {
                item,
                kind,
                prompt: format!("Type the code number: {}", code.meaning),
                exhibit: None,
                corrected: None,
                options: Vec::new(),
                answer: Answer::Code {
                    best: code.code,
                    also: &[],
                },
                explanation: code.explanation.to_string(),
                cite: code.cite,
                reference: item.reference_path(),
            })
        }
        Item::Scenario(id) => {
            let s = item::scenario(id)?;
            Some(Question {
                item,
                kind,
                prompt: format!("Type the code number: {}", s.situation),
                exhibit: None,
                corrected: None,
                options: Vec::new(),
                answer: Answer::Code {
                    best: s.best,
                    also: s.also,
                },
                explanation: s.why.to_string(),
                cite: s.cite,
                reference: item.reference_path(),
            })
        }
        _ => None,
    }
}
