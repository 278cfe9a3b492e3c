//! The stored form of a record, and reading it back.
//!
//! What is stored is our own layout (format 5), written by [`encode`]. [`decode`] reads formats
//! 1 to 5; older ones are migrated as they are read. Reading is piece by piece: a card, an
//! answer, a day's totals or a setting that cannot be read is set aside and named in the
//! returned [`Damage`] list, and the rest of the record loads. Only a text that is not a record
//! of ours at all, or one from a newer format, is refused whole ([`Refusal`]).
//!
//! Format history:
//! - 1: `cards` (rs-fsrs's card fields), `history`, `settings` (new items a day, retention).
//! - 2: adds `app`, the folded `daily` totals (one per date), the daily goal and the theme.
//! - 3: answers have ids, folded totals are kept per origin with the numbers they hold, undone
//!   answers are noted, cards are our own type with the id of the answer that made them, the
//!   record has a generation, settings a revision. Later, within format 3, settings gained
//!   `goal` (the id of the deck new cards come from): a record without it takes the Beginner
//!   set, and a page that does not know it passes it by; and answers gained `chose` (the code
//!   a wrong answer named instead of the right one), likewise optional.
//! - 4: answers say where they were given (`source`: "quiz", "placement", "retake"; none for a
//!   flashcard), and settings hold the daily goal in minutes (`daily_minutes`, replacing the
//!   goal in answers, which older formats' records drop) and the most reviews a day
//!   (`max_reviews`). An older page refuses a format-4 record rather than dropping them.
//! - 5: the record lists the lab challenges solved (`solved`: `[{"id": "not-modified", "at":
//!   "2026-12-07T10:00:00Z"}]`, in id order, each with the moment it was first solved; older
//!   formats have none, and are read as having solved none). A page from before the lab
//!   refuses a format-5 record rather than dropping them.
//!
//! The answers of a format-1 or 2 record are read under an origin of their own, made from what
//! the record counts (`give_older_answers_their_origin`), so that two devices' older records
//! merged keep both; a format-3 record an earlier release migrated (its older answers under
//! origin 0) gets the same origin as its original when read. Nothing in the stored form changed
//! for it.

mod instants;
mod older;
mod problems;
mod read;
mod stored;

use serde::Deserialize;
use serde_json::value::RawValue;

pub use problems::{Damage, OddVersion, Refusal};
pub use stored::encode;

use super::{Generation, Origin, Progress, APP_ID, SCHEMA_VERSION};
use older::{give_older_answers_their_origin, read_legacy_daily};
use problems::words;
use read::{
    read_cards, read_folded, read_history, read_settings, read_solved, read_undone, read_version,
};
use stored::StoredGeneration;

/// A record read from text, with what of it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub progress: Progress,
    /// Pieces set aside, each named for the learner. Empty for a record the app wrote.
    pub damage: Vec<Damage>,
    /// The format the text was in.
    pub version: u64,
}

/// The top-level fields of any format, kept as raw JSON text until each is read on its own.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    app: Option<&'a RawValue>,
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    generation: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cards: Option<&'a RawValue>,
    #[serde(borrow, default)]
    history: Option<&'a RawValue>,
    #[serde(borrow, default)]
    daily: Option<&'a RawValue>,
    #[serde(borrow, default)]
    folded: Option<&'a RawValue>,
    #[serde(borrow, default)]
    undone: Option<&'a RawValue>,
    #[serde(borrow, default)]
    solved: Option<&'a RawValue>,
    #[serde(borrow, default)]
    settings: Option<&'a RawValue>,
}

/// Reads `raw` as a record of any format this app knows. Pieces that cannot be read are set
/// aside and listed in [`Decoded::damage`]; the text is refused whole only when it is not a
/// record of ours at all or comes from a newer format.
pub fn decode(raw: &str) -> Result<Decoded, Refusal> {
    let envelope: Envelope = serde_json::from_str(raw).map_err(|e| match e.classify() {
        // JSON, but not an object: not a record of ours.
        serde_json::error::Category::Data => Refusal::OtherApp,
        _ => Refusal::NotJson(words(&e)),
    })?;
    match envelope.app.map(|v| v.get()) {
        Some(app) if app == format!("\"{APP_ID}\"") => {}
        // Format 1 had no `app` field; its `cards` and `history` identify it.
        None if envelope.cards.is_some() && envelope.history.is_some() => {}
        _ => return Err(Refusal::OtherApp),
    }
    let version = read_version(envelope.version.ok_or(Refusal::NoVersion)?.get())?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(Refusal::TooNew(version));
    }
    let mut damage = Vec::new();
    let legacy = version < 3;

    let generation = match envelope.generation.filter(|_| !legacy) {
        None => Generation::default(),
        Some(raw) => match serde_json::from_str::<StoredGeneration>(raw.get()) {
            Ok(g) => match Origin::from_hex(&g.id) {
                Some(id) => Generation {
                    number: g.number,
                    id: id.0,
                },
                None => {
                    damage.push(Damage::Part {
                        part: "the record's reset count",
                        why: "its id is not one the app writes".into(),
                    });
                    Generation::default()
                }
            },
            Err(e) => {
                damage.push(Damage::Part {
                    part: "the record's reset count",
                    why: words(&e),
                });
                Generation::default()
            }
        },
    };

    let mut cards = read_cards(envelope.cards, &mut damage);
    let mut history = read_history(envelope.history, legacy, &mut damage);
    let mut folded = if legacy {
        read_legacy_daily(envelope.daily, &history, &mut damage)
    } else {
        read_folded(envelope.folded, &mut damage)
    };
    folded.retain(|_, f| f.upto() > 0 || !f.days().is_empty());
    let mut undone = if legacy {
        Vec::new()
    } else {
        read_undone(envelope.undone, &mut damage)
    };
    give_older_answers_their_origin(&mut cards, &mut history, &mut folded, &mut undone);
    let settings = read_settings(envelope.settings, version, &mut damage);
    let mut progress = Progress::from_parts(generation, cards, history, folded, undone, settings);
    if version >= 5 {
        for entry in read_solved(envelope.solved, &mut damage) {
            progress.note_solved(entry);
        }
    }
    Ok(Decoded {
        progress,
        damage,
        version,
    })
}

#[cfg(test)]
mod tests;
