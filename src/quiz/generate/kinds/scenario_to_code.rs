//! "<situation> Which status code fits best?": options are code numbers.

use super::super::choices::{multiple_choice, number_choice, pick_codes};
use super::super::OPTIONS;
use crate::quiz::item::{self, Item};
use crate::quiz::question::{Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    matches!(item, Item::Scenario(id) if item::scenario(id).is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let Item::Scenario(id) = item else {
        return None;
    };
    let s = item::scenario(id)?;
    let distractors = pick_codes(s.best, s.also, OPTIONS - 1, rng);
    Some(multiple_choice(
        item,
        Kind::ScenarioToCode,
        format!("{} Which status code fits best?", s.situation),
        number_choice(s.best),
        distractors.into_iter().map(number_choice),
        s.why.to_string(),
        s.cite,
        rng,
    ))
}
