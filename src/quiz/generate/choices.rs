//! What every kind builds its options with: choices, their order, and the codes offered as
//! wrong answers.

use super::OPTIONS;
use crate::catalogue::{self, Citation, StatusCode};
use crate::quiz::item::{studied_code, studied_codes, Item};
use crate::quiz::question::{Answer, Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Up to `want` codes to offer as wrong answers to a question whose answer is `answer`: its
/// confusable neighbours first, then codes of the same class, then the nearest codes; never
/// `answer`, one of `exclude`, an Unused code, a duplicate, or a code sharing a name with one
/// already picked.
pub(crate) fn pick_codes(answer: u16, exclude: &[u16], want: usize, rng: &mut QuizRng) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(want);
    let name_of = |n: u16| studied_code(n).map(|c| c.name);
    let answer_name = name_of(answer);
    let offer = |tier: &[u16], out: &mut Vec<u16>| {
        for &n in tier {
            if out.len() == want {
                return;
            }
            let Some(name) = name_of(n) else { continue };
            if n == answer
                || exclude.contains(&n)
                || out.contains(&n)
                || Some(name) == answer_name
                || out.iter().any(|&o| name_of(o) == Some(name))
            {
                continue;
            }
            out.push(n);
        }
    };
    let mut tier = catalogue::confusable_neighbours(answer);
    rng.shuffle(&mut tier);
    offer(&tier, &mut out);
    if out.len() < want {
        tier.clear();
        let class = answer / 100;
        tier.extend(
            studied_codes()
                .map(|c| c.code)
                .filter(|&c| c / 100 == class),
        );
        rng.shuffle(&mut tier);
        offer(&tier, &mut out);
    }
    if out.len() < want {
        tier.clear();
        tier.extend(studied_codes().map(|c| c.code));
        crate::sort::by_key(&mut tier, |&c| (c.abs_diff(answer), c));
        offer(&tier, &mut out);
    }
    out
}

pub(super) fn number_choice(code: u16) -> Choice {
    Choice {
        label: code.to_string(),
        value: Value::Code(code),
    }
}

pub(super) fn name_choice(code: &'static StatusCode) -> Choice {
    Choice {
        label: code.name.to_string(),
        value: Value::Name(code.code),
    }
}

pub(super) fn bool_choice(label: &str, value: bool) -> Choice {
    Choice {
        label: label.to_string(),
        value: Value::Bool(value),
    }
}

/// `text` without its closing full stop, to sit inside a question.
pub(super) fn without_stop(text: &str) -> &str {
    text.strip_suffix('.').unwrap_or(text)
}

/// A multiple-choice question with the options shuffled.
#[allow(clippy::too_many_arguments)]
pub(super) fn multiple_choice(
    item: Item,
    kind: Kind,
    prompt: String,
    correct: Choice,
    distractors: impl Iterator<Item = Choice>,
    explanation: String,
    cite: Citation,
    rng: &mut QuizRng,
) -> Question {
    let right = correct.value;
    let mut options = Vec::with_capacity(OPTIONS);
    options.push(correct);
    for choice in distractors {
        if !options
            .iter()
            .any(|o: &Choice| o.label == choice.label || o.value == choice.value)
        {
            options.push(choice);
        }
    }
    rng.shuffle(&mut options);
    fixed_choice(item, kind, prompt, options, right, explanation, cite)
}

/// A question whose options keep the order given (Yes before No, True before False).
pub(super) fn fixed_choice(
    item: Item,
    kind: Kind,
    prompt: String,
    options: Vec<Choice>,
    right: Value,
    explanation: String,
    cite: Citation,
) -> Question {
    let index = options
        .iter()
        .position(|o| o.value == right)
        .expect("the right answer is among the options");
    Question {
        item,
        kind,
        prompt,
        exhibit: None,
        corrected: None,
        options,
        answer: Answer::Option(index),
        explanation,
        cite,
        reference: item.reference_path(),
    }
}
