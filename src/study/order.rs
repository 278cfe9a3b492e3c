//! The order in which new items are introduced: what matters most first, and nothing before
//! what it is about.

use std::sync::OnceLock;

use crate::quiz::{all_items, Item};

/// Within a stage: codes, then method properties, then scenarios, then misconceptions.
fn kind_rank(item: &Item) -> u8 {
    match item {
        Item::Code(_) => 0,
        Item::MethodProperty { .. } => 1,
        Item::Scenario(_) => 2,
        Item::Misconception(_) => 3,
    }
}

/// Every study item in the order a learner meets them as new cards. Stage by stage
/// ([`crate::quiz::Stage`]: the first month's codes and methods, then what API work adds, then
/// the rare; interim, temporary and retired codes at the very end); within a stage the codes
/// by number, then each method's properties (safe, idempotent, cacheable), then the scenarios
/// and the misconceptions, in catalogue order. A scenario, a misconception or a property has
/// the latest stage of the codes and methods it is about, so it always comes after them.
pub fn introduction_order() -> Vec<Item> {
    // The catalogue never changes while the app runs: the order is worked out once (every
    // plan of the day and every session asks for it).
    static ORDER: OnceLock<Vec<Item>> = OnceLock::new();
    ORDER
        .get_or_init(|| {
            let mut items = all_items();
            // Stable: within a stage and a kind, the catalogue's order stays. Each item's
            // stage is worked out once (it looks its codes and methods up).
            crate::sort::by_cached_key(&mut items, |item| (item.stage(), kind_rank(item)));
            items
        })
        .clone()
}
