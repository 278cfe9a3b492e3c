//! "Which class does 429 belong to?": options are the classes.

use super::super::choices::multiple_choice;
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::{self, StatusCode, CLASSES};
use crate::quiz::item::Item;
use crate::quiz::question::{Choice, Kind, Question, Value};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(|code| catalogue::class(code.class()).is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    class_of_code(item, code, rng)
}

fn class_of_code(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let class = catalogue::class(code.class())?;
    let class_choice = |c: &catalogue::Class| Choice {
        label: format!("{} {}", c.label(), c.name),
        value: Value::Class(c.class),
    };
    let mut others: Vec<&catalogue::Class> =
        CLASSES.iter().filter(|c| c.class != class.class).collect();
    rng.shuffle(&mut others);
    Some(multiple_choice(
        item,
        Kind::ClassOfCode,
        format!("Which class does {} belong to?", code.code),
        class_choice(class),
        others.into_iter().take(OPTIONS - 1).map(class_choice),
        format!(
            "{} {} is in {} {}: {}",
            code.code,
            code.name,
            class.label(),
            class.name,
            class.meaning
        ),
        class.cite,
        rng,
    ))
}
