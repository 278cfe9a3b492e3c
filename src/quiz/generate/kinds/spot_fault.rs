//! Spot the fault: a code's example changed to break one of the catalogue's rules (or none, when
//! only the reason phrase differs); options are faults in plain words.

use super::super::choices::multiple_choice;
use super::super::OPTIONS;
use super::studied;
use crate::quiz::faults::{asked_about, variants, Fault};
use crate::quiz::item::Item;
use crate::quiz::question::{Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`: a code with a final-response example.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(asked_about)
}

fn choice(fault: Fault) -> Choice {
    Choice {
        label: fault.label().to_string(),
        value: Value::Fault(fault),
    }
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    let example = code.example?;
    let all = variants(code);
    let variant = all.get(rng.below(all.len().max(1)))?.clone();
    // The variant breaks exactly its own rule, so every other fault is a wrong answer.
    let mut others: Vec<Fault> = Fault::ALL
        .into_iter()
        .filter(|f| *f != variant.fault)
        .collect();
    rng.shuffle(&mut others);
    let (rule, cite) = variant.fault.rule();
    let mut q = multiple_choice(
        item,
        Kind::SpotFault,
        format!(
            "Spot the fault: this should be a {} response. What is wrong?",
            code.code
        ),
        choice(variant.fault),
        others.into_iter().take(OPTIONS - 1).map(choice),
        rule.to_string(),
        cite,
        rng,
    );
    q.exhibit = Some(format!("{}\n\n{}", variant.request, variant.response));
    q.corrected = Some(format!("{}\n\n{}", example.request, example.response));
    Some(q)
}
