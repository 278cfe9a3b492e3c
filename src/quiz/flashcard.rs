//! Flashcards: one card per study item, front and back, read from the catalogue.

use super::generate::property_reason;
use super::item::{self, code_title, Item};
use super::question::{join_and, join_with};
use crate::catalogue::{self, Citation};

/// A flashcard for an item: front and back text, explanation and citation.
#[derive(Clone, Debug, PartialEq)]
pub struct Flashcard {
    /// What the card asks, above its front: "What does this code mean?".
    pub ask: &'static str,
    pub front: String,
    pub back: String,
    /// More to read once the back is shown.
    pub detail: String,
    /// A code's example exchange, shown on the back as HTTP text.
    pub exchange: Option<String>,
    pub cite: Citation,
    /// Reference path for "read more".
    pub reference: String,
}

/// The flashcard for `item`. `reverse` flips code → meaning into meaning → code (codes only;
/// other items ignore it). Method property cards: front "Is PATCH idempotent?", back "No."
/// plus the reason.
///
/// # Panics
/// If the item names nothing in the catalogue; items from [`all_items`](super::all_items),
/// [`Deck::items`](super::Deck::items) and [`Item::from_key`] always do.
pub fn flashcard(item: Item, reverse: bool) -> Flashcard {
    let reference = item.reference_path();
    match item {
        Item::Code(n) => {
            let code = catalogue::status_code(n).unwrap_or_else(|| missing(item));
            let title = code_title(n);
            let (ask, front, back) = if reverse {
                (
                    "Which status code means this?",
                    code.meaning.to_string(),
                    title,
                )
            } else {
                (
                    "What does this code mean?",
                    n.to_string(),
                    format!("{title}: {}", code.meaning),
                )
            };
            let mut detail = code.explanation.to_string();
            if !code.former_names.is_empty() {
                let former: Vec<String> = code.former_names.iter().map(|s| s.to_string()).collect();
                detail.push_str(&format!(" Older name: {}.", join_with(&former, "or")));
            }
            Flashcard {
                ask,
                front,
                back,
                detail,
                exchange: code
                    .example
                    .map(|x| format!("{}\n\n{}", x.request, x.response)),
                cite: code.cite,
                reference,
            }
        }
        Item::MethodProperty { method, property } => {
            let m = item::method(method).unwrap_or_else(|| missing(item));
            // The reason starts with the answer ("Yes.", "No.", "Only in a narrow case").
            let (back, cite) = property_reason(m, property);
            Flashcard {
                ask: "Yes or no, and why?",
                front: format!("Is {method} {}?", property.word()),
                back,
                detail: m.summary.to_string(),
                exchange: None,
                cite,
                reference,
            }
        }
        Item::Scenario(id) => {
            let s = item::scenario(id).unwrap_or_else(|| missing(item));
            let mut back = code_title(s.best);
            if !s.also.is_empty() {
                let also: Vec<String> = s.also.iter().map(|&c| code_title(c)).collect();
                back.push_str(&format!(" (also defensible: {})", join_and(&also)));
            }
            Flashcard {
                ask: "Which status code fits best?",
                front: s.situation.to_string(),
                back,
                detail: s.why.to_string(),
                exchange: None,
                cite: s.cite,
                reference,
            }
        }
        Item::Misconception(id) => {
            let m = item::misconception(id).unwrap_or_else(|| missing(item));
            let about: Vec<String> = m
                .codes
                .iter()
                .map(|&c| code_title(c))
                .chain(m.methods.iter().map(|s| s.to_string()))
                .collect();
            Flashcard {
                ask: "True or false?",
                front: m.claim.to_string(),
                back: format!("False. {}", m.truth),
                detail: if about.is_empty() {
                    String::new()
                } else {
                    format!("About {}.", join_and(&about))
                },
                exchange: None,
                cite: m.cite,
                reference,
            }
        }
    }
}

fn missing<T>(item: Item) -> T {
    panic!("{item:?} is not in the catalogue, so it has no flashcard")
}
