//! "Which header must a 401 response carry?": options are header names.

use super::super::choices::multiple_choice;
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::{self, Requirement, StatusCode, STATUS_CODES};
use crate::quiz::item::{studied_code, Item};
use crate::quiz::question::{Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(|code| strong_headers(code).next().is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    companion_header(item, code, rng)
}

/// The headers a code's specification asks for with MUST or SHOULD.
fn strong_headers(
    code: &'static StatusCode,
) -> impl Iterator<Item = &'static catalogue::HeaderRule> {
    code.headers
        .iter()
        .filter(|h| matches!(h.level, Requirement::Required | Requirement::Recommended))
}

fn companion_header(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let strong: Vec<_> = strong_headers(code).collect();
    let header = *strong.get(rng.below(strong.len().max(1)))?;
    let verb = if header.level == Requirement::Required {
        "must"
    } else {
        "should"
    };
    let listed = |name: &str| code.headers.iter().any(|h| h.name == name);
    // Date is never a wrong answer: an origin server with a clock sends it on every 2xx, 3xx
    // and 4xx response (RFC 9110 §6.6.1), whichever code the catalogue lists it with. It is
    // passed over after the shuffles, which thus draw as many numbers as ever: the quiz links
    // keep their questions.
    let wrong = |name: &&str| *name != "Date";
    let mut distractors: Vec<&'static str> = Vec::with_capacity(OPTIONS - 1);
    // Plausible first: the headers of the codes learners confuse with this one.
    let mut near: Vec<&'static str> = Vec::new();
    for n in catalogue::confusable_neighbours(code.code) {
        if let Some(c) = studied_code(n) {
            for h in c.headers {
                if !listed(h.name) && !near.contains(&h.name) {
                    near.push(h.name);
                }
            }
        }
    }
    rng.shuffle(&mut near);
    distractors.extend(near.into_iter().filter(wrong).take(OPTIONS - 1));
    if distractors.len() < OPTIONS - 1 {
        let mut rest: Vec<&'static str> = Vec::with_capacity(32);
        for h in STATUS_CODES.iter().flat_map(|c| c.headers) {
            if !listed(h.name) && !distractors.contains(&h.name) && !rest.contains(&h.name) {
                rest.push(h.name);
            }
        }
        rng.shuffle(&mut rest);
        let missing = OPTIONS - 1 - distractors.len();
        distractors.extend(rest.into_iter().filter(wrong).take(missing));
    }
    let header_choice = |name: &'static str| Choice {
        label: name.to_string(),
        value: Value::Header(name),
    };
    Some(multiple_choice(
        item,
        Kind::CompanionHeader,
        format!("Which header {verb} a {} response carry?", code.code),
        header_choice(header.name),
        distractors.into_iter().map(header_choice),
        format!(
            "{} is {} on a {} response. {}",
            header.name,
            header.level.label(),
            code.code,
            header.note
        ),
        header.cite,
        rng,
    ))
}
