//! Flashcards: one card per study item, front and back, read from the catalogue.

use super::generate::{hidden_exchange, property_reason};
use super::item::{self, code_title, Item};
use super::question::{join_and, join_with};
use crate::catalogue::{self, Citation};

/// A flashcard for an item: front and back text, explanation and citation.
#[derive(Clone, Debug, PartialEq)]
pub struct Flashcard {
    /// What the card asks, above its front: "What does this code mean?".
    pub ask: &'static str,
    pub front: String,
    /// An exchange to read on the front (the Exchanges deck's cards), as HTTP text.
    pub exhibit: Option<String>,
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
                exhibit: None,
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
                exhibit: None,
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
                exhibit: None,
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
                front: format!("About {}: {}", m.topic, m.claim),
                exhibit: None,
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

/// A code asked through its example exchange, status line hidden (when the exchange does not
/// give the code away; otherwise the whole exchange, asking what the code means): the card
/// of the Exchanges deck.
pub fn exchange_card(item: Item) -> Flashcard {
    let mut card = flashcard(item, false);
    let Item::Code(n) = item else {
        return card;
    };
    let Some(code) = catalogue::status_code(n) else {
        return card;
    };
    match hidden_exchange(code) {
        Some(hidden) => {
            card.ask = "Read the exchange: which status code does the server send?";
            card.front = String::new();
            card.exhibit = Some(hidden);
        }
        None => card.exhibit = card.exchange.clone(),
    }
    card
}

/// Two codes a learner mixed up (`right`, and `other`, the one they chose instead), on one
/// card to tell apart: the front names both; the back says what each means and what tells them
/// apart (from the confusable groups when both are in one, else from their meanings).
pub fn pair_card(right: u16, other: u16) -> Flashcard {
    let name = |n: u16| code_title(n);
    let meaning = |n: u16| {
        catalogue::status_code(n)
            .map(|c| super::question::sentence(c.meaning))
            .unwrap_or_default()
    };
    let group = catalogue::CONFUSABLE_GROUPS
        .iter()
        .find(|g| g.codes.contains(&right) && g.codes.contains(&other));
    let tell = |n: u16| {
        group
            .and_then(|g| g.tell(&n.to_string()))
            .map(super::question::sentence)
            .unwrap_or_else(|| meaning(n))
    };
    let cite = catalogue::status_code(right)
        .map(|c| c.cite)
        .unwrap_or_else(|| flashcard(Item::Code(right), false).cite);
    Flashcard {
        ask: "You mixed these two up. What tells them apart?",
        front: format!("{} or {}?", name(right), name(other)),
        exhibit: None,
        back: format!("{}: {} {}: {}", right, tell(right), other, tell(other)),
        detail: group
            .map(|g| super::question::sentence(g.distinction))
            .unwrap_or_else(|| format!("{right}: {} {other}: {}", meaning(right), meaning(other))),
        exchange: None,
        cite,
        reference: Item::Code(right).reference_path(),
    }
}

fn missing<T>(item: Item) -> T {
    panic!("{item:?} is not in the catalogue, so it has no flashcard")
}
