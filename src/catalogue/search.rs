//! The Reference page's search: by number, by name (current or former) and by words of the meaning.

use super::{StatusCode, STATUS_CODES};

/// Which classes the Reference list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClassFilter {
    #[default]
    All,
    /// Only the class with this first digit.
    Only(u8),
}

impl ClassFilter {
    fn admits(self, code: &StatusCode) -> bool {
        match self {
            ClassFilter::All => true,
            ClassFilter::Only(digit) => code.class() == digit,
        }
    }
}

/// The codes that match `query` within `filter`, best matches first.
///
/// A query of digits matches codes whose number starts with it ("41" finds 410 to 418).
/// Otherwise every word of the query must appear in the code's name, a former name or its
/// meaning; codes whose name matches come before codes whose meaning does. An empty query
/// matches every code. Within a rank, codes keep their numeric order.
pub fn search_codes(query: &str, filter: ClassFilter) -> Vec<&'static StatusCode> {
    let query = query.trim().to_lowercase();
    let candidates = STATUS_CODES.iter().filter(|c| filter.admits(c));
    if query.is_empty() {
        return candidates.collect();
    }
    if query.chars().all(|c| c.is_ascii_digit()) {
        return candidates
            .filter(|c| c.code.to_string().starts_with(&query))
            .collect();
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut ranked: Vec<(u8, &'static StatusCode)> = candidates
        .filter_map(|c| rank(c, &words).map(|r| (r, c)))
        .collect();
    ranked.sort_unstable_by_key(|(rank, c)| (*rank, c.code));
    ranked.into_iter().map(|(_, c)| c).collect()
}

/// 0 when every word is in a name, 1 when every word is somewhere in name or meaning.
fn rank(code: &StatusCode, words: &[&str]) -> Option<u8> {
    let names = std::iter::once(code.name)
        .chain(code.former_names.iter().copied())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    let text = format!("{names} {}", code.meaning.to_lowercase());
    if words.iter().all(|w| names.contains(w)) {
        Some(0)
    } else if words.iter().all(|w| text.contains(w)) {
        Some(1)
    } else {
        None
    }
}
