//! "Is PATCH idempotent?": Yes or No (and "Only under conditions" for cacheability), with the
//! catalogue's reason for that method and that property.

use super::super::choices::{bool_choice, fixed_choice};
use crate::catalogue::{Cacheability, Citation, Method};
use crate::quiz::item::{self, Item, Property};
use crate::quiz::question::{Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    matches!(item, Item::MethodProperty { method, .. } if item::method(method).is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, _rng: &mut QuizRng) -> Option<Question> {
    let Item::MethodProperty { method, property } = item else {
        return None;
    };
    Some(method_property(item, item::method(method)?, property))
}

/// The answer to a method-property question as the catalogue has it.
pub(crate) enum PropertyAnswer {
    Yes,
    No,
    /// Cacheable only under conditions (the reason says which).
    Qualified,
}

pub(crate) fn property_answer(m: &Method, property: Property) -> PropertyAnswer {
    let yes_no = |b: bool| {
        if b {
            PropertyAnswer::Yes
        } else {
            PropertyAnswer::No
        }
    };
    match property {
        Property::Safe => yes_no(m.safe),
        Property::Idempotent => yes_no(m.idempotent),
        Property::Cacheable => match m.cacheable {
            Cacheability::Yes => PropertyAnswer::Yes,
            Cacheability::No => PropertyAnswer::No,
            Cacheability::Qualified(_) => PropertyAnswer::Qualified,
        },
    }
}

/// Why `m` has, or lacks, `property`, in the catalogue's words (the text starts with the
/// answer: "Yes.", "No." or "Only in a narrow case"), with the section that settles it.
pub(crate) fn property_reason(m: &'static Method, property: Property) -> (String, Citation) {
    let reason = match property {
        Property::Safe => m.why.safe,
        Property::Idempotent => m.why.idempotent,
        Property::Cacheable => m.why.cacheable,
    };
    (reason.text.to_string(), reason.cite)
}

/// The label of the third answer to a cacheability question.
pub(crate) const ONLY_UNDER_CONDITIONS: &str = "Only under conditions";

fn method_property(item: Item, m: &'static Method, property: Property) -> Question {
    let answer = property_answer(m, property);
    let (reason, cite) = property_reason(m, property);
    let mut options = vec![bool_choice("Yes", true), bool_choice("No", false)];
    if property == Property::Cacheable {
        options.push(Choice {
            label: ONLY_UNDER_CONDITIONS.to_string(),
            value: Value::Qualified,
        });
    }
    let right = match answer {
        PropertyAnswer::Yes => Value::Bool(true),
        PropertyAnswer::No => Value::Bool(false),
        PropertyAnswer::Qualified => Value::Qualified,
    };
    let explanation = reason;
    fixed_choice(
        item,
        Kind::MethodProperty,
        format!("Is {} {}?", m.name, property.word()),
        options,
        right,
        explanation,
        cite,
    )
}
