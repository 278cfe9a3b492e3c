//! Study items: the units the scheduler keeps one card for, and their storage keys.

use crate::catalogue::{
    self, Importance, Method, Misconception, RegistryStatus, Scenario, StatusCode, METHODS,
    MISCONCEPTIONS, SCENARIOS, STATUS_CODES,
};
use crate::routes;

/// A study item: the unit the FSRS scheduler keeps one card for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// A status code (never one the registry marks Unused).
    Code(u16),
    /// One property of one method: "Is PATCH idempotent?".
    MethodProperty {
        method: &'static str,
        property: Property,
    },
    /// A scenario, by id.
    Scenario(&'static str),
    /// A misconception, by id.
    Misconception(&'static str),
}

/// The three method properties RFC 9110 §9.2 defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Property {
    Safe,
    Idempotent,
    Cacheable,
}

impl Property {
    /// Every property, in the order items and questions use.
    pub const ALL: [Property; 3] = [Property::Safe, Property::Idempotent, Property::Cacheable];

    /// The adjective, which is also its part of a storage key: "safe", "idempotent", "cacheable".
    pub fn word(self) -> &'static str {
        match self {
            Property::Safe => "safe",
            Property::Idempotent => "idempotent",
            Property::Cacheable => "cacheable",
        }
    }

    /// Inverse of [`Property::word`].
    pub fn from_word(word: &str) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.word() == word)
    }
}

/// The codes that are study items: every code in the catalogue except the Unused ones.
pub(crate) fn studied_codes() -> impl Iterator<Item = &'static StatusCode> {
    STATUS_CODES
        .iter()
        .filter(|c| c.status != RegistryStatus::Unused)
}

/// The code with this number if it may be studied (it exists and is not Unused).
pub(crate) fn studied_code(code: u16) -> Option<&'static StatusCode> {
    catalogue::status_code(code).filter(|c| c.status != RegistryStatus::Unused)
}

pub(crate) fn scenario(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

pub(crate) fn misconception(id: &str) -> Option<&'static Misconception> {
    MISCONCEPTIONS.iter().find(|m| m.id == id)
}

/// The catalogue's method with exactly this name.
pub(crate) fn method(name: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.name == name)
}

/// "409 Conflict", or just the number for a code the catalogue does not have.
pub(crate) fn code_title(code: u16) -> String {
    match catalogue::status_code(code) {
        Some(c) => format!("{} {}", c.code, c.name),
        None => code.to_string(),
    }
}

/// The first words of `text`, cut at a word boundary near `max` characters, with "…" when cut.
pub(crate) fn first_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let extra = word.chars().count() + usize::from(!out.is_empty());
        if !out.is_empty() && out.chars().count() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches([',', '.', ';', ':']).len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// When in a learner's course an item may be introduced: its importance, and whether it is
/// one of the codes that come after everything else of that importance (interim 1xx codes,
/// and codes the registry marks temporary, deprecated or obsoleted). Ordered: earlier stages
/// first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stage {
    pub importance: Importance,
    pub last: bool,
}

impl Stage {
    /// The first stage: what the Beginner set holds.
    pub const FIRST: Stage = Stage {
        importance: Importance::FirstMonth,
        last: false,
    };

    /// A code's own stage.
    pub(crate) fn of_code(c: &StatusCode) -> Stage {
        Stage {
            importance: c.importance,
            last: c.class() == 1 || c.status != RegistryStatus::Registered,
        }
    }

    /// A method's own stage.
    pub(crate) fn of_method(m: &Method) -> Stage {
        Stage {
            importance: m.importance,
            last: false,
        }
    }

    /// The stage of a code by number; a number the catalogue lacks counts as the latest.
    fn of_code_number(code: u16) -> Stage {
        catalogue::status_code(code).map_or(Stage::LATEST, Stage::of_code)
    }

    fn of_method_name(name: &str) -> Stage {
        method(name).map_or(Stage::LATEST, Stage::of_method)
    }

    const LATEST: Stage = Stage {
        importance: Importance::Rare,
        last: true,
    };
}

/// How many characters of a scenario or a claim an item label shows.
const LABEL_CHARS: usize = 48;

impl Item {
    /// Stable storage key: "code:409", "method:PATCH:idempotent", "scenario:<id>", "misconception:<id>".
    pub fn key(&self) -> String {
        match self {
            Item::Code(n) => format!("code:{n}"),
            Item::MethodProperty { method, property } => {
                format!("method:{method}:{}", property.word())
            }
            Item::Scenario(id) => format!("scenario:{id}"),
            Item::Misconception(id) => format!("misconception:{id}"),
        }
    }

    /// Inverse of [`Item::key`]; `None` for keys naming nothing in the catalogue (e.g. removed
    /// data), and for the codes that are not study items (306 and 418, which are Unused).
    pub fn from_key(key: &str) -> Option<Item> {
        let (kind, rest) = key.split_once(':')?;
        match kind {
            "code" => {
                if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let n: u16 = rest.parse().ok()?;
                (n.to_string() == rest && studied_code(n).is_some()).then_some(Item::Code(n))
            }
            "method" => {
                let (name, word) = rest.split_once(':')?;
                Some(Item::MethodProperty {
                    method: method(name)?.name,
                    property: Property::from_word(word)?,
                })
            }
            "scenario" => scenario(rest).map(|s| Item::Scenario(s.id)),
            "misconception" => misconception(rest).map(|m| Item::Misconception(m.id)),
            _ => None,
        }
    }

    /// A short human label for lists: "409 Conflict", "Is PATCH idempotent?", the first words of
    /// a scenario's situation, "Myth: " and the first words of a misconception's claim.
    pub fn label(&self) -> String {
        match self {
            Item::Code(n) => code_title(*n),
            Item::MethodProperty { method, property } => {
                format!("Is {method} {}?", property.word())
            }
            Item::Scenario(id) => match scenario(id) {
                Some(s) => first_words(s.situation, LABEL_CHARS),
                None => id.to_string(),
            },
            Item::Misconception(id) => match misconception(id) {
                Some(m) => format!("Myth: {}", first_words(m.claim, LABEL_CHARS)),
                None => id.to_string(),
            },
        }
    }

    /// Path of the Reference page for it: the code's entry, the method's entry, for a scenario
    /// the entry of its best code, for a misconception that of its first code or method (or
    /// the Reference page itself).
    pub fn reference_path(&self) -> String {
        match self {
            Item::Code(n) => routes::code_path(*n),
            Item::MethodProperty { method, .. } => routes::method_path(method),
            Item::Scenario(id) => match scenario(id) {
                Some(s) => routes::code_path(s.best),
                None => routes::Page::Reference.path().to_string(),
            },
            Item::Misconception(id) => {
                let m = misconception(id);
                if let Some(&code) = m.and_then(|m| m.codes.first()) {
                    routes::code_path(code)
                } else if let Some(name) = m.and_then(|m| m.methods.first()) {
                    routes::method_path(name)
                } else {
                    routes::Page::Reference.path().to_string()
                }
            }
        }
    }

    /// The stage at which this item may be introduced: for a code or a method property, the
    /// code's or the method's own; for a scenario or a misconception, the latest stage of the
    /// codes and methods it is about, so that it never comes before them.
    pub fn stage(&self) -> Stage {
        match self {
            Item::Code(n) => Stage::of_code_number(*n),
            Item::MethodProperty { method, .. } => Stage::of_method_name(method),
            Item::Scenario(id) => match scenario(id) {
                Some(s) => {
                    let code = Stage::of_code_number(s.best);
                    s.method
                        .map_or(code, |m| code.max(Stage::of_method_name(m)))
                }
                None => Stage::LATEST,
            },
            Item::Misconception(id) => match misconception(id) {
                Some(m) => m
                    .codes
                    .iter()
                    .map(|c| Stage::of_code_number(*c))
                    .chain(m.methods.iter().map(|name| Stage::of_method_name(name)))
                    .max()
                    .unwrap_or(Stage::FIRST),
                None => Stage::LATEST,
            },
        }
    }

    /// Whether the catalogue has what this item names.
    pub fn exists(&self) -> bool {
        match self {
            Item::Code(n) => catalogue::status_code(*n).is_some(),
            Item::MethodProperty { method: name, .. } => method(name).is_some(),
            Item::Scenario(id) => scenario(id).is_some(),
            Item::Misconception(id) => misconception(id).is_some(),
        }
    }
}

/// Every study item in a stable order: codes (not Unused) in numeric order, then the method
/// properties (METHODS order × Safe, Idempotent, Cacheable), scenarios, misconceptions.
pub fn all_items() -> Vec<Item> {
    let mut items = Vec::with_capacity(
        STATUS_CODES.len() + METHODS.len() * 3 + SCENARIOS.len() + MISCONCEPTIONS.len(),
    );
    items.extend(studied_codes().map(|c| Item::Code(c.code)));
    items.extend(method_items());
    items.extend(SCENARIOS.iter().map(|s| Item::Scenario(s.id)));
    items.extend(MISCONCEPTIONS.iter().map(|m| Item::Misconception(m.id)));
    items
}

/// The method-property items, METHODS order × Safe, Idempotent, Cacheable.
pub(crate) fn method_items() -> impl Iterator<Item = Item> {
    METHODS.iter().flat_map(|m| {
        Property::ALL
            .into_iter()
            .map(move |property| Item::MethodProperty {
                method: m.name,
                property,
            })
    })
}
