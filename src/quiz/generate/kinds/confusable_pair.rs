//! "Which code means: <what a confusable group says it signals>?": options are the group's codes.

use super::super::choices::{multiple_choice, number_choice, without_stop};
use super::super::OPTIONS;
use super::studied;
use crate::catalogue::{self, StatusCode, CONFUSABLE_GROUPS};
use crate::quiz::item::{studied_code, Item};
use crate::quiz::question::{Kind, Question};
use crate::quiz::random::QuizRng;

/// Whether this kind can ask about `item`.
pub(super) fn fits(item: Item) -> bool {
    studied(item).is_some_and(|code| code_groups(code.code).next().is_some())
}

/// The question about `item`; `None` when it does not fit.
pub(super) fn build(item: Item, rng: &mut QuizRng) -> Option<Question> {
    let code = studied(item)?;
    confusable_pair(item, code, rng)
}

/// The confusable groups that say what `code` signals, among other codes.
fn code_groups(code: u16) -> impl Iterator<Item = &'static catalogue::ConfusableGroup> {
    CONFUSABLE_GROUPS.iter().filter(move |g| {
        g.codes.len() >= 2
            && g.codes.contains(&code)
            && g.tells.iter().any(|(m, _)| m.parse() == Ok(code))
    })
}

fn confusable_pair(item: Item, code: &'static StatusCode, rng: &mut QuizRng) -> Option<Question> {
    let groups: Vec<_> = code_groups(code.code).collect();
    let group = *groups.get(rng.below(groups.len().max(1)))?;
    let tell = group.tell(&code.code.to_string())?;
    let mut others: Vec<u16> = group
        .codes
        .iter()
        .copied()
        .filter(|&c| c != code.code && studied_code(c).is_some())
        .collect();
    rng.shuffle(&mut others);
    Some(multiple_choice(
        item,
        Kind::ConfusablePair,
        format!("Which code means: {}?", without_stop(tell)),
        number_choice(code.code),
        others.into_iter().take(OPTIONS - 1).map(number_choice),
        group.distinction.to_string(),
        code.cite,
        rng,
    ))
}
