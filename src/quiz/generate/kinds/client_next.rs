//! What does the client do next?: a code's example exchange (up to the response it is
//! about), options are actions in plain words, the one the RFC names is right.

use super::super::choices::multiple_choice;
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::{ClientAction, StatusCode};
use crate::exchange::rules::split_head;
use crate::quiz::item::Item;
use crate::quiz::question::{sentence, Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`: a code whose RFC says what the client does next,
/// with an example exchange to show.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(|c| c.next.is_some() && c.example.is_some())
}

fn choice(action: ClientAction) -> Choice {
    Choice {
        label: action.label().to_string(),
        value: Value::Action(action),
    }
}

/// The exchange as the client has it when it decides: the request, and the response up to the
/// message with the code (for an interim response, nothing after it). Before a 100 Continue
/// the client has sent only the head of its request, so the body is not shown.
pub(crate) fn exhibit(code: &StatusCode) -> Option<String> {
    let example = code.example?;
    let request = if code.code == 100 {
        split_head(example.request).0
    } else {
        example.request
    };
    let response = if code.code < 200 {
        example
            .response
            .split("\n\n")
            .next()
            .unwrap_or(example.response)
    } else {
        example.response
    };
    Some(format!("{request}\n\n{response}"))
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    let next = code.next?;
    let shown = exhibit(code)?;
    let method = code.example?.request.split(' ').next().unwrap_or_default();
    // After a GET, following Location with GET is repeating the same method: offering both
    // would give the question two right answers.
    let same_thing = |a: ClientAction| {
        matches!(method, "GET" | "HEAD")
            && matches!(
                (next.action, a),
                (ClientAction::FollowWithGet, ClientAction::RepeatSameMethod)
                    | (ClientAction::RepeatSameMethod, ClientAction::FollowWithGet)
            )
    };
    let mut others: Vec<ClientAction> = ClientAction::ALL
        .into_iter()
        .filter(|&a| a != next.action && !same_thing(a))
        .collect();
    rng.shuffle(&mut others);
    let mut q = multiple_choice(
        item,
        Kind::ClientNext,
        "Read the exchange: what does the client do next?".to_string(),
        choice(next.action),
        others.into_iter().take(OPTIONS - 1).map(choice),
        format!(
            "{} {} {}",
            code.code,
            sentence(code.meaning),
            code.explanation
        ),
        next.cite,
        rng,
    );
    q.exhibit = Some(shown);
    Some(q)
}
