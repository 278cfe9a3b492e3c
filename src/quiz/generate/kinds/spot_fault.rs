//! Spot the fault: a code's example changed to break one of the catalogue's rules (or none, when
//! only the reason phrase differs); options are faults in plain words.

use super::super::choices::multiple_choice;
use super::super::OPTIONS;
use super::studied;
use crate::quiz::faults::{asked_about, examples_showing, variants, Fault, Variant};
use crate::quiz::item::Item;
use crate::quiz::question::{Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// A multiple of every number of versions one kind of fault has in an example (a missing
/// header: one version per required header), so that weights stay whole numbers.
const VERSIONS: usize = 60;

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
    // Weighted so that each kind of fault this example can show is as likely as the others,
    // and a kind few examples can show (only a 304 can answer a POST) weighted up by how rare
    // it is: across a quiz the kinds then come up about equally often, instead of "a code
    // outside 100 to 599", which every example can show, in most questions. One draw, as
    // before, so that the questions after this one stay as they were.
    let showing = examples_showing();
    let most = showing.iter().copied().max().unwrap_or(1).max(1) as usize;
    let weight = |v: &Variant| {
        let versions = all.iter().filter(|w| w.fault == v.fault).count();
        VERSIONS * most / (showing[v.fault as usize].max(1) as usize) / versions.max(1)
    };
    let mut pick = rng.below(all.iter().map(weight).sum::<usize>().max(1));
    let mut chosen = all.first()?;
    for v in &all {
        if pick < weight(v) {
            chosen = v;
            break;
        }
        pick -= weight(v);
    }
    let variant = chosen.clone();
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
