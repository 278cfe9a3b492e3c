//! The stored form of a record (our own layout, format 4) and writing it: [`encode`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instants::{Day, Instant};
use crate::progress::{
    AnswerId, Card, CardFields, Origin, Phase, Progress, APP_ID, SCHEMA_VERSION,
};
use crate::schedule::Grade;

// The stored layout (format 3 and later). Cards and answers of formats 1 and 2 read into the same
// structs: their extra fields are ignored and their missing ones are optional.

#[derive(Serialize, Deserialize)]
pub(super) struct StoredCard {
    pub(super) due: Instant,
    pub(super) last_review: Instant,
    pub(super) stability: f64,
    pub(super) difficulty: f64,
    pub(super) scheduled_days: i64,
    pub(super) reps: i64,
    pub(super) lapses: i64,
    pub(super) state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) answer: Option<String>,
}

impl StoredCard {
    pub(super) fn of(card: &Card) -> StoredCard {
        let f = card.fields();
        StoredCard {
            due: Instant(f.due),
            last_review: Instant(f.last_review),
            stability: f.stability,
            difficulty: f.difficulty,
            scheduled_days: f.scheduled_days,
            reps: f.reps,
            lapses: f.lapses,
            state: f.phase.word().to_string(),
            answer: f.answer.map(|id| id.to_string()),
        }
    }

    pub(super) fn card(self) -> Result<Card, String> {
        let phase = Phase::from_word(&self.state).ok_or_else(|| {
            format!(
                "its state \u{201c}{}\u{201d} is not one a review gives",
                self.state
            )
        })?;
        let answer = match self.answer {
            None => None,
            Some(text) => {
                Some(AnswerId::parse(&text).ok_or("its answer id is not one the app writes")?)
            }
        };
        Card::new(CardFields {
            due: self.due.0,
            last_review: self.last_review.0,
            stability: self.stability,
            difficulty: self.difficulty,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            phase,
            answer,
        })
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<String>,
    pub(super) item: String,
    pub(super) at: Instant,
    pub(super) day: Day,
    pub(super) grade: Grade,
    pub(super) first: bool,
    /// The code chosen instead, for a wrong answer that named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) chose: Option<u16>,
    /// Where it was given (format 4): "quiz", "placement" or "retake"; none for a flashcard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<String>,
}

/// What can be told of an answer that could not be read, to name it.
#[derive(Deserialize)]
pub(super) struct AnswerHints {
    #[serde(default)]
    pub(super) item: Option<String>,
    #[serde(default)]
    pub(super) day: Option<String>,
}

/// One origin's folded totals. Days are `[date, answers, right, new items]` and answers left
/// out are `[number, date, right, first]`, in lists rather than maps: every kind of map costs
/// the wasm code, and lists keep their order.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredFolded {
    pub(super) origin: String,
    pub(super) upto: u64,
    pub(super) days: Vec<(Day, u64, u64, u64)>,
    #[serde(default)]
    pub(super) excluded: Vec<(u64, Day, bool, bool)>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredUndone {
    pub(super) id: String,
    pub(super) item: String,
    pub(super) at: Instant,
    pub(super) day: Day,
    pub(super) correct: bool,
    pub(super) first: bool,
    pub(super) restore: Option<StoredCard>,
}

/// One lab challenge solved (format 5).
#[derive(Serialize, Deserialize)]
pub(super) struct StoredSolved {
    pub(super) id: String,
    pub(super) at: Instant,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredGeneration {
    pub(super) number: u64,
    pub(super) id: String,
}

#[derive(Serialize)]
pub(super) struct SavedSettings {
    pub(super) revision: u64,
    pub(super) new_per_day: u32,
    pub(super) desired_retention: f64,
    pub(super) daily_minutes: u32,
    pub(super) max_reviews: u32,
    pub(super) theme: &'static str,
    pub(super) goal: String,
}

/// The cards as a JSON object keyed by item, written straight from the record's map.
pub(super) struct Cards<'a>(&'a BTreeMap<String, Card>);

impl Serialize for Cards<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, c)| (k, StoredCard::of(c))))
    }
}

#[derive(Serialize)]
pub(super) struct StoredRecord<'a> {
    pub(super) app: &'static str,
    pub(super) version: u32,
    pub(super) generation: StoredGeneration,
    pub(super) cards: Cards<'a>,
    pub(super) history: Vec<StoredAnswer>,
    pub(super) folded: Vec<StoredFolded>,
    pub(super) undone: Vec<StoredUndone>,
    pub(super) solved: Vec<StoredSolved>,
    pub(super) settings: SavedSettings,
}

/// Writes a record as stored text (format 4). [`decode`] reads it back equal, with no damage.
pub fn encode(p: &Progress) -> String {
    let s = p.settings();
    let record = StoredRecord {
        app: APP_ID,
        version: SCHEMA_VERSION,
        generation: StoredGeneration {
            number: p.generation().number,
            id: Origin(p.generation().id).hex(),
        },
        cards: Cards(p.cards()),
        history: p
            .history()
            .iter()
            .map(|a| StoredAnswer {
                id: Some(a.id().to_string()),
                item: a.item().to_string(),
                at: Instant(a.at()),
                day: Day(a.day()),
                grade: a.grade(),
                first: a.first(),
                chose: a.chose(),
                source: a.source().word().map(str::to_string),
            })
            .collect(),
        folded: p
            .folded()
            .iter()
            .map(|(origin, f)| StoredFolded {
                origin: origin.hex(),
                upto: f.upto(),
                days: f
                    .days()
                    .iter()
                    .map(|(d, t)| {
                        (
                            Day(*d),
                            u64::from(t.answers()),
                            u64::from(t.correct()),
                            u64::from(t.new_items()),
                        )
                    })
                    .collect(),
                excluded: f
                    .excluded()
                    .iter()
                    .map(|(seq, c)| (*seq, Day(c.day), c.correct, c.first))
                    .collect(),
            })
            .collect(),
        undone: p
            .undone()
            .iter()
            .map(|u| StoredUndone {
                id: u.id.to_string(),
                item: u.item.clone(),
                at: Instant(u.at),
                day: Day(u.contribution.day),
                correct: u.contribution.correct,
                first: u.contribution.first,
                restore: u.restore.as_ref().map(StoredCard::of),
            })
            .collect(),
        solved: p
            .solved()
            .iter()
            .map(|s| StoredSolved {
                id: s.id().to_string(),
                at: Instant(s.at()),
            })
            .collect(),
        settings: SavedSettings {
            revision: s.revision(),
            new_per_day: s.new_per_day(),
            desired_retention: s.desired_retention(),
            daily_minutes: s.daily_minutes(),
            max_reviews: s.max_reviews(),
            theme: s.theme().word(),
            goal: s.goal().id(),
        },
    };
    // Serializing these plain structs cannot fail (string keys, finite numbers).
    serde_json::to_string(&record).unwrap_or_default()
}
