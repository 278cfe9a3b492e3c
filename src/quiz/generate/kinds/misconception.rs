//! "True or false, about <topic>: <claim or one sentence of the truth>".

use super::super::choices::{bool_choice, fixed_choice};
use crate::quiz::item::{self, Item};
use crate::quiz::question::{Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    matches!(item, Item::Misconception(id) if item::misconception(id).is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let Item::Misconception(id) = item else {
        return None;
    };
    let kind = Kind::Misconception;
    let m = item::misconception(id)?;
    // A truth that opens by pointing back at the claim ("They can, …", "Both are …")
    // does not stand alone as a statement, so it is only ever shown after the claim.
    let states_claim = rng.coin() || !stands_alone(m.truth);
    // The statement is one sentence, never the whole correction (which would give the
    // answer away); the explanation then says the rest, once.
    let (prompt, explanation) = if states_claim {
        (
            format!("True or false, about {}: {}", m.topic, m.claim),
            m.truth.to_string(),
        )
    } else {
        let (statement, rest) = first_sentence(m.truth);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!("{rest} ")
        };
        (
            format!("True or false, about {}: {statement}", m.topic),
            format!("{rest}The misconception it corrects: “{}”", m.claim),
        )
    };
    Some(fixed_choice(
        item,
        kind,
        prompt,
        vec![bool_choice("True", true), bool_choice("False", false)],
        Value::Bool(!states_claim),
        explanation,
        m.cite,
    ))
}

/// The first sentence of `text`, and the rest (empty when there is one sentence). A sentence
/// ends at a full stop followed by a space and a capital letter.
fn first_sentence(text: &str) -> (&str, &str) {
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'.'
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            return (&text[..=i], text[i + 2..].trim());
        }
    }
    (text.trim(), "")
}

/// Whether `text` reads as a statement on its own, rather than opening with a word that
/// points back at something said before it.
fn stands_alone(text: &str) -> bool {
    const POINTING_BACK: [&str; 9] = [
        "They", "Both", "It", "Its", "This", "These", "That", "Those", "Neither",
    ];
    let first = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    !POINTING_BACK.contains(&first)
}
