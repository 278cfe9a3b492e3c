//! One module per kind of question, each with the one definition of which items it can ask
//! about (`fits`, gathered in [`supports`]) beside the builder that asks it (`build`).

mod class_of_code;
mod client_next;
mod code_to_name;
mod companion_header;
mod confusable_pair;
mod meaning_to_code;
mod method_property;
mod misconception;
mod read_exchange;
mod scenario_to_code;
mod spot_fault;
mod typed_code;

pub(crate) use method_property::property_reason;
pub(crate) use read_exchange::hidden_exchange;

use crate::catalogue::StatusCode;
use crate::quiz::item::{studied_code, Item};
use crate::quiz::question::{Kind, Question};
use crate::quiz::random::QuizRng;

/// The code `item` names when it is a studied code: what every kind about codes asks about.
fn studied(item: Item) -> Option<&'static StatusCode> {
    match item {
        Item::Code(n) => studied_code(n),
        _ => None,
    }
}

/// Whether a question of `kind` can be asked about `item` (the kind's own definition).
pub fn supports(item: Item, kind: Kind) -> bool {
    match kind {
        Kind::CodeToName => code_to_name::fits(item),
        Kind::MeaningToCode => meaning_to_code::fits(item),
        Kind::ScenarioToCode => scenario_to_code::fits(item),
        Kind::MethodProperty => method_property::fits(item),
        Kind::ClassOfCode => class_of_code::fits(item),
        Kind::ConfusablePair => confusable_pair::fits(item),
        Kind::Misconception => misconception::fits(item),
        Kind::CompanionHeader => companion_header::fits(item),
        Kind::TypedCode => typed_code::fits(item),
        Kind::ReadExchange => read_exchange::fits(item),
        Kind::ClientNext => client_next::fits(item),
        Kind::SpotFault => spot_fault::fits(item),
    }
}

/// The question of `kind` about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, kind: Kind, rng: &mut QuizRng) -> Option<Question> {
    match kind {
        Kind::CodeToName => code_to_name::build(item, rng),
        Kind::MeaningToCode => meaning_to_code::build(item, rng),
        Kind::ScenarioToCode => scenario_to_code::build(item, rng),
        Kind::MethodProperty => method_property::build(item, rng),
        Kind::ClassOfCode => class_of_code::build(item, rng),
        Kind::ConfusablePair => confusable_pair::build(item, rng),
        Kind::Misconception => misconception::build(item, rng),
        Kind::CompanionHeader => companion_header::build(item, rng),
        Kind::TypedCode => typed_code::build(item, rng),
        Kind::ReadExchange => read_exchange::build(item, rng),
        Kind::ClientNext => client_next::build(item, rng),
        Kind::SpotFault => spot_fault::build(item, rng),
    }
}
