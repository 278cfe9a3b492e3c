//! The Reference page's search: codes by number, class, name (current or former), meaning and
//! explanation; methods by name, property and description.

use super::{Cacheability, Method, StatusCode, CLASSES, METHODS, STATUS_CODES};

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

    /// The filter's value in a URL and in the class picker: "all", or the class digit.
    pub fn id(self) -> String {
        match self {
            ClassFilter::All => "all".to_string(),
            ClassFilter::Only(d) => d.to_string(),
        }
    }

    /// Inverse of [`ClassFilter::id`]; anything else (a class the catalogue lacks) is `All`.
    pub fn from_id(id: &str) -> ClassFilter {
        id.parse::<u8>()
            .ok()
            .filter(|d| CLASSES.iter().any(|c| c.class == *d))
            .map_or(ClassFilter::All, ClassFilter::Only)
    }
}

/// What a search found: codes and methods, best matches first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub codes: Vec<&'static StatusCode>,
    pub methods: Vec<&'static Method>,
}

/// How well a code or a method matches: lower is better.
type Score = u32;

/// Where a query word was found, best place first. A code's score is the sum over the query's
/// words of the best place each was found in.
const IN_NAME: Score = 0;
const IN_FORMER_NAME: Score = 1;
const IN_CLASS: Score = 2;
const IN_MEANING: Score = 3;
const IN_EXPLANATION: Score = 5;

/// The lower-case words of `text` (letters and digits; everything else separates).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Whether a word of `text` starts with `word` ("redirect" is found in "Redirection").
fn has(text: &str, word: &str) -> bool {
    words(text).any(|w| w.starts_with(word))
}

/// The codes and methods that match `query`, codes within `filter`, best first.
///
/// - Nothing typed: every code, no method.
/// - Digits: codes whose number starts with them, the exact number first ("41" finds 410 to
///   418; "404" finds 404).
/// - A class ("4xx"): that class's codes.
/// - Words: every word must start a word of the code's name, a former name, its class's name,
///   its meaning or its explanation ("redirect" finds the 3xx codes, the ones about
///   redirecting first); a whole-name match comes first, then names, then the rest; ties in
///   numeric order. Methods match by name, by the property they have ("idempotent",
///   "safe", "cacheable") or by the words of their description.
pub fn search(query: &str, filter: ClassFilter) -> Found {
    let query = query.trim().to_ascii_lowercase();
    let candidates = STATUS_CODES.iter().filter(|c| filter.admits(c));
    if query.is_empty() {
        return Found {
            codes: candidates.collect(),
            methods: Vec::new(),
        };
    }
    if query.bytes().all(|b| b.is_ascii_digit()) {
        let mut codes: Vec<&StatusCode> = candidates
            .filter(|c| c.code.to_string().starts_with(&query))
            .collect();
        crate::sort::by_key(&mut codes, |c| (c.code.to_string() != query, c.code));
        return Found {
            codes,
            methods: Vec::new(),
        };
    }
    if let Some(digit) = query
        .strip_suffix("xx")
        .filter(|d| d.len() == 1)
        .and_then(|d| d.parse::<u8>().ok())
    {
        return Found {
            codes: candidates.filter(|c| c.class() == digit).collect(),
            methods: Vec::new(),
        };
    }
    let terms: Vec<String> = words(&query).collect();
    if terms.is_empty() {
        return Found::default();
    }
    let mut codes: Vec<(Score, &'static StatusCode)> = candidates
        .filter_map(|c| code_score(c, &query, &terms).map(|s| (s, c)))
        .collect();
    crate::sort::by_key(&mut codes, |(score, c)| (*score, c.code));
    let mut methods: Vec<(Score, usize, &'static Method)> = METHODS
        .iter()
        .enumerate()
        .filter_map(|(i, m)| method_score(m, &query, &terms).map(|s| (s, i, m)))
        .collect();
    crate::sort::by_key(&mut methods, |(score, i, _)| (*score, *i));
    Found {
        codes: codes.into_iter().map(|(_, c)| c).collect(),
        methods: methods.into_iter().map(|(_, _, m)| m).collect(),
    }
}

/// The codes that match `query` within `filter`, best first (see [`search`]).
pub fn search_codes(query: &str, filter: ClassFilter) -> Vec<&'static StatusCode> {
    search(query, filter).codes
}

fn code_score(code: &StatusCode, query: &str, terms: &[String]) -> Option<Score> {
    if code.name.eq_ignore_ascii_case(query) {
        return Some(0);
    }
    let class = CLASSES
        .iter()
        .find(|k| k.class == code.class())
        .map_or("", |k| k.name);
    let mut total = 1;
    for term in terms {
        let place = if has(code.name, term) {
            IN_NAME
        } else if code.former_names.iter().any(|n| has(n, term)) {
            IN_FORMER_NAME
        } else if has(class, term) {
            IN_CLASS
        } else if has(code.meaning, term) {
            IN_MEANING
        } else if has(code.explanation, term) {
            IN_EXPLANATION
        } else {
            return None;
        };
        total += place;
    }
    Some(total)
}

fn method_score(method: &Method, query: &str, terms: &[String]) -> Option<Score> {
    if method.name.eq_ignore_ascii_case(query) {
        return Some(0);
    }
    let cacheable = !matches!(method.cacheable, Cacheability::No);
    let mut total = 1;
    for term in terms {
        // A property's word ("idem", "safe") matches the methods that have the property, and
        // only those (a description saying "POST is not idempotent" is no match).
        let names = |word: &str| term.len() >= 4 && word.starts_with(term.as_str());
        let property = [
            ("safe", method.safe),
            ("idempotent", method.idempotent),
            ("cacheable", cacheable),
        ]
        .into_iter()
        .find(|(word, _)| names(word));
        let place = if has(method.name, term) {
            IN_NAME
        } else if let Some((_, holds)) = property {
            if !holds {
                return None;
            }
            IN_FORMER_NAME
        } else if term == "method" || term == "methods" {
            IN_FORMER_NAME
        } else if has(method.summary, term) {
            IN_MEANING
        } else if has(method.explanation, term) {
            IN_EXPLANATION
        } else {
            return None;
        };
        total += place;
    }
    Some(total)
}
