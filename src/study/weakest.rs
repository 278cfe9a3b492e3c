//! The learner's weakest items: those they are most likely to have forgotten by tomorrow.

use chrono::{DateTime, Duration, Utc};

use super::scheduled_cards;
use crate::progress::Progress;
use crate::quiz::Item;

/// Weakness is judged by the chance of recall this far ahead: right after a session every
/// item is remembered (100 % now), so "now" cannot tell a fragile memory from a solid one.
pub const WEAK_HORIZON_HOURS: i64 = 24;

/// An item the learner is most likely to forget.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakItem {
    pub item: Item,
    /// FSRS's estimate of the chance of recalling it now, 0 to 1.
    pub recall_now: f64,
    /// The same, [`WEAK_HORIZON_HOURS`] from now: what it is ranked by.
    pub recall_tomorrow: f64,
    /// Times it was forgotten after having been learnt.
    pub lapses: u32,
}

/// The `n` answered items least likely to be recalled tomorrow (at `now` plus
/// [`WEAK_HORIZON_HOURS`]): lowest chance first; on a tie, more lapses first, then the lower
/// stability (the faster to fade), then the item. Cards of keys that no longer name an item are
/// skipped.
pub fn weakest(p: &Progress, now: DateTime<Utc>, n: usize) -> Vec<WeakItem> {
    let later = now + Duration::hours(WEAK_HORIZON_HOURS);
    let mut items: Vec<(WeakItem, f64)> = scheduled_cards(p)
        .map(|(item, card)| {
            let weak = WeakItem {
                item,
                recall_now: card.retrievability(now),
                recall_tomorrow: card.retrievability(later),
                lapses: card.lapses(),
            };
            (weak, card.stability())
        })
        .collect();
    crate::sort::by(&mut items, |(a, sa), (b, sb)| {
        a.recall_tomorrow
            .total_cmp(&b.recall_tomorrow)
            .then(b.lapses.cmp(&a.lapses))
            .then(sa.total_cmp(sb))
            .then(a.item.cmp(&b.item))
    });
    items.into_iter().take(n).map(|(w, _)| w).collect()
}
