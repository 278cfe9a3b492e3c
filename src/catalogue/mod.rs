//! The catalogue: every fact the app teaches, generated at build time from `data/*.toml`
//! (see CONTRIBUTING.md). Everything else reads facts from here, never from a copy.

mod lookup;
mod model;
mod search;

pub use lookup::{lookup_code, CodeLookup};
pub use model::*;
pub use search::{search, search_codes, ClassFilter, Found};

mod generated {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub use generated::{
    CLASSES, CONFUSABLE_GROUPS, METHODS, MISCONCEPTIONS, RANGE_RULE, SCENARIOS, STATUS_CODES,
    UNKNOWN_CODE_RULE,
};

/// The registered code with this number.
pub fn status_code(code: u16) -> Option<&'static StatusCode> {
    STATUS_CODES
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .map(|i| &STATUS_CODES[i])
}

/// The class with this first digit (1 to 5).
pub fn class(digit: u8) -> Option<&'static Class> {
    CLASSES.iter().find(|c| c.class == digit)
}

/// The method with this name, in any letter case ("patch" finds PATCH).
pub fn method(name: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.name.eq_ignore_ascii_case(name))
}

/// The confusable groups a code or method ("401", "PATCH") belongs to.
pub fn groups_with(member: &str) -> impl Iterator<Item = &'static ConfusableGroup> + '_ {
    CONFUSABLE_GROUPS
        .iter()
        .filter(move |g| g.tell(member).is_some())
}

/// The codes learners confuse with `code`: the other members of every group it is in, in order.
pub fn confusable_neighbours(code: u16) -> Vec<u16> {
    let mut out: Vec<u16> = groups_with(&code.to_string())
        .flat_map(|g| g.codes.iter().copied())
        .filter(|&c| c != code)
        .collect();
    crate::sort::ascending(&mut out);
    out.dedup();
    out
}

/// The scenarios in which `code` is the best answer or a defensible one.
pub fn scenarios_using(code: u16) -> impl Iterator<Item = &'static Scenario> {
    SCENARIOS
        .iter()
        .filter(move |s| s.best == code || s.also.contains(&code))
}

/// The misconceptions about `code`.
pub fn misconceptions_about(code: u16) -> impl Iterator<Item = &'static Misconception> {
    MISCONCEPTIONS
        .iter()
        .filter(move |m| m.codes.contains(&code))
}

/// The misconceptions about a method.
pub fn misconceptions_about_method(
    name: &'static str,
) -> impl Iterator<Item = &'static Misconception> {
    MISCONCEPTIONS
        .iter()
        .filter(move |m| m.methods.contains(&name))
}

#[cfg(test)]
mod tests;
