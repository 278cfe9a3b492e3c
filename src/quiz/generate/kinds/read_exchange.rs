//! Read the exchange: a code's example exchange with its status hidden; which code is it?

use super::super::choices::{multiple_choice, number_choice, pick_codes};
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::StatusCode;
use crate::quiz::item::Item;
use crate::quiz::question::{sentence, Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(|code| hidden_exchange(code).is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    read_exchange(item, code, rng)
}

/// The code's example exchange with the status line that carries the code hidden: the
/// request, a blank line, then the response. `None` when the code has no example, or when the
/// rest of the exchange still names the code or its name (a 208 reported inside a 207 body),
/// so that the question would give itself away.
pub(crate) fn hidden_exchange(code: &StatusCode) -> Option<String> {
    let example = code.example?;
    let status_line = format!("HTTP/1.1 {} ", code.code);
    let response: Vec<String> = example
        .response
        .lines()
        .map(|line| {
            if line.starts_with(&status_line) || line == status_line.trim_end() {
                "HTTP/1.1 ??? (hidden)".to_string()
            } else {
                line.to_string()
            }
        })
        .collect();
    let text = format!("{}\n\n{}", example.request, response.join("\n"));
    let lower = text.to_ascii_lowercase();
    let gives_away = !text.contains("??? (hidden)")
        || text
            .split(|c: char| !c.is_ascii_digit())
            .any(|w| w == code.code.to_string())
        || lower.contains(&code.name.to_ascii_lowercase());
    (!gives_away).then_some(text)
}

/// "Which status code does the server send here?" under an example exchange whose status is
/// hidden; options from the code's confusable neighbours, as for scenarios.
fn read_exchange(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let exhibit = hidden_exchange(code)?;
    let distractors = pick_codes(code.code, &[], OPTIONS - 1, rng);
    let mut q = multiple_choice(
        item,
        Kind::ReadExchange,
        "Read the exchange: which status code does the server send?".to_string(),
        number_choice(code.code),
        distractors.into_iter().map(number_choice),
        format!("{} {}", sentence(code.meaning), code.explanation),
        code.cite,
        rng,
    );
    q.exhibit = Some(exhibit);
    Some(q)
}
