//! Decks: the named sets of items a learner can study or be quizzed on.

use std::sync::OnceLock;

use super::generate::kinds::supports;
use super::item::{all_items, method_items, studied_codes, Item, Stage};
use super::question::Kind;
use crate::catalogue::{self, MISCONCEPTIONS, SCENARIOS};

/// A named set of study items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deck {
    Everything,
    /// The codes of one class (1 to 5) and the scenarios whose best code is in it.
    Class(u8),
    Methods,
    Scenarios,
    Misconceptions,
    /// The first tier: the codes and methods the catalogue marks `importance = 1` (what every
    /// web developer meets in the first month), and the scenarios and misconceptions about
    /// them only ([`Stage::FIRST`]).
    Beginner,
    /// The codes with an example exchange, asked only through it: read the exchange, what the
    /// client does next, spot the fault.
    Exchanges,
}

impl Deck {
    /// Every deck, in the order a deck picker lists them.
    pub const ALL: [Deck; 11] = [
        Deck::Everything,
        Deck::Beginner,
        Deck::Class(1),
        Deck::Class(2),
        Deck::Class(3),
        Deck::Class(4),
        Deck::Class(5),
        Deck::Methods,
        Deck::Scenarios,
        Deck::Misconceptions,
        Deck::Exchanges,
    ];

    /// A stable id for URLs and storage: "all", "beginner", "1xx".."5xx", "methods",
    /// "scenarios", "misconceptions".
    pub fn id(&self) -> String {
        match self {
            Deck::Everything => "all".to_string(),
            Deck::Beginner => "beginner".to_string(),
            Deck::Class(d) => format!("{d}xx"),
            Deck::Methods => "methods".to_string(),
            Deck::Scenarios => "scenarios".to_string(),
            Deck::Misconceptions => "misconceptions".to_string(),
            Deck::Exchanges => "exchanges".to_string(),
        }
    }

    /// Inverse of [`Deck::id`]; `None` for anything else, including a class the catalogue
    /// does not have.
    pub fn from_id(id: &str) -> Option<Deck> {
        match id {
            "all" => Some(Deck::Everything),
            "beginner" => Some(Deck::Beginner),
            "methods" => Some(Deck::Methods),
            "scenarios" => Some(Deck::Scenarios),
            "misconceptions" => Some(Deck::Misconceptions),
            "exchanges" => Some(Deck::Exchanges),
            _ => {
                let digit = id.strip_suffix("xx")?;
                if digit.len() != 1 {
                    return None;
                }
                let d: u8 = digit.parse().ok()?;
                catalogue::class(d).map(|_| Deck::Class(d))
            }
        }
    }

    /// "Everything", "Beginner set", "4xx Client Error" (the class name from the catalogue),
    /// "Methods", "Scenarios", "Misconceptions".
    pub fn label(&self) -> String {
        match self {
            Deck::Everything => "Everything".to_string(),
            Deck::Beginner => "Beginner set".to_string(),
            Deck::Class(d) => match catalogue::class(*d) {
                Some(c) => format!("{} {}", c.label(), c.name),
                None => format!("{d}xx"),
            },
            Deck::Methods => "Methods".to_string(),
            Deck::Scenarios => "Scenarios".to_string(),
            Deck::Misconceptions => "Misconceptions".to_string(),
            Deck::Exchanges => "Exchanges (real HTTP messages)".to_string(),
        }
    }

    /// Whether a quiz of this deck asks questions of `kind`: a class deck never asks "which
    /// class?" (the deck gives it away), and the Exchanges deck asks only about exchanges.
    pub fn asks(&self, kind: Kind) -> bool {
        match self {
            Deck::Class(_) => kind != Kind::ClassOfCode,
            Deck::Exchanges => matches!(
                kind,
                Kind::ReadExchange | Kind::ClientNext | Kind::SpotFault
            ),
            _ => true,
        }
    }

    /// The deck's items, in the order of [`all_items`].
    pub fn items(&self) -> Vec<Item> {
        match self {
            Deck::Everything => all_items(),
            Deck::Class(d) => {
                let in_class = |code: u16| code / 100 == u16::from(*d);
                studied_codes()
                    .filter(|c| in_class(c.code))
                    .map(|c| Item::Code(c.code))
                    .chain(
                        SCENARIOS
                            .iter()
                            .filter(|s| in_class(s.best))
                            .map(|s| Item::Scenario(s.id)),
                    )
                    .collect()
            }
            Deck::Methods => method_items().collect(),
            Deck::Scenarios => SCENARIOS.iter().map(|s| Item::Scenario(s.id)).collect(),
            Deck::Misconceptions => MISCONCEPTIONS
                .iter()
                .map(|m| Item::Misconception(m.id))
                .collect(),
            Deck::Exchanges => studied_codes()
                .map(|c| Item::Code(c.code))
                .filter(|&item| {
                    Kind::ALL
                        .into_iter()
                        .any(|k| self.asks(k) && supports(item, k))
                })
                .collect(),
            Deck::Beginner => {
                // Worked out once: every plan of the day asks for the default goal's items.
                static BEGINNER: OnceLock<Vec<Item>> = OnceLock::new();
                BEGINNER
                    .get_or_init(|| {
                        all_items()
                            .into_iter()
                            .filter(|item| item.stage() == Stage::FIRST)
                            .collect()
                    })
                    .clone()
            }
        }
    }
}
