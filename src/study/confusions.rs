//! The codes a learner mixes up: counted from their wrong answers that named another code, and
//! drilled in pairs.

use chrono::{DateTime, Utc};

use crate::catalogue::SCENARIOS;
use crate::progress::Progress;
use crate::quiz::Item;

/// One pair the learner mixed up: they answered `chose` where `right` was right, `times` times
/// (most recently at `last`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Confusion {
    pub right: u16,
    pub chose: u16,
    pub times: u32,
    pub last: DateTime<Utc>,
}

/// How many pairs a confusion drill takes.
pub const DRILL_PAIRS: usize = 5;
/// How many items "my weakest" drills.
pub const WEAKEST: usize = 10;

/// The code an item asks for: a code's own, a scenario's best.
fn right_code(item: &Item) -> Option<u16> {
    match item {
        Item::Code(n) => Some(*n),
        Item::Scenario(id) => SCENARIOS.iter().find(|s| s.id == *id).map(|s| s.best),
        _ => None,
    }
}

/// The pairs the learner mixed up in their recent answers (those not yet folded into day
/// totals, about the last two weeks), most often first, then most recent. Each answer counts
/// once, however many tabs and imports it came through: answers are kept by their ids.
pub fn confusions(p: &Progress) -> Vec<Confusion> {
    let mut found: Vec<Confusion> = Vec::new();
    for answer in p.history() {
        // Most answers name no other code: only those that do have their item looked up.
        let Some(chose) = answer.chose() else {
            continue;
        };
        let Some(right) = Item::from_key(answer.item()).as_ref().and_then(right_code) else {
            continue;
        };
        if chose == right {
            continue;
        }
        match found
            .iter_mut()
            .find(|c| c.right == right && c.chose == chose)
        {
            Some(c) => {
                c.times += 1;
                c.last = c.last.max(answer.at());
            }
            None => found.push(Confusion {
                right,
                chose,
                times: 1,
                last: answer.at(),
            }),
        }
    }
    crate::sort::by(&mut found, |a, b| {
        (b.times, b.last, a.right, a.chose).cmp(&(a.times, a.last, b.right, b.chose))
    });
    found
}

/// The pairs of a drill on the codes mixed up most: the first [`DRILL_PAIRS`] pairs, as
/// `(right, chose)`, each shown on one card side by side. Pairs whose codes are not both
/// studied codes of the catalogue are left out.
pub fn confusion_drill(p: &Progress) -> Vec<(u16, u16)> {
    confusions(p)
        .into_iter()
        .filter(|c| {
            [c.right, c.chose]
                .iter()
                .all(|code| Item::from_key(&format!("code:{code}")).is_some())
        })
        .take(DRILL_PAIRS)
        .map(|c| (c.right, c.chose))
        .collect()
}

/// The items of "my weakest ten": the learner's least well remembered items at `now`.
pub fn weakest_drill(p: &Progress, now: DateTime<Utc>) -> Vec<Item> {
    super::weakest::weakest(p, now, WEAKEST)
        .into_iter()
        .map(|w| w.item)
        .collect()
}
