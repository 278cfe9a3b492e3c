//! Reading a record piece by piece: its format number, then each part's entries, every one
//! that cannot be read set aside as [`Damage`] while the rest loads.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::instants::Day;
use super::problems::{item_name, words, Damage, OddVersion, Refusal, VERSION_QUOTED};
use super::stored::{
    AnswerHints, StoredAnswer, StoredCard, StoredFolded, StoredSolved, StoredUndone,
};

use crate::progress::{
    Answer, AnswerId, Card, Contribution, DayTotals, Folded, Origin, Settings, Solved, Source,
    StoredSettings, Theme, Undone, SCHEMA_VERSION,
};
use crate::quiz::Deck;

/// Reads a record's format number from its raw JSON: `Ok` with a whole number of at least 1
/// written as plain digits, otherwise what is wrong with it. A plain whole number beyond
/// [`SCHEMA_VERSION`] is returned too (the caller refuses it as [`Refusal::TooNew`]).
pub(super) fn read_version(raw: &str) -> Result<u64, Refusal> {
    let odd = |why| {
        let mut quoted: String = raw.chars().take(VERSION_QUOTED).collect();
        if raw.chars().count() > VERSION_QUOTED {
            quoted.push('\u{2026}');
        }
        Refusal::OddVersion(quoted, why)
    };
    let plain = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
    if plain {
        return match raw.parse::<u64>() {
            Ok(0) => Err(odd(OddVersion::BelowOne)),
            Ok(v) => Ok(v),
            // More digits than any u64: no format will ever be numbered so.
            Err(_) => Err(odd(OddVersion::Beyond)),
        };
    }
    let number = raw.starts_with(|c: char| c == '-' || c.is_ascii_digit());
    if !number {
        return Err(odd(OddVersion::NotANumber));
    }
    // A JSON number in another form. serde_json refuses one too large for an f64 (1e400).
    let Ok(v) = serde_json::from_str::<f64>(raw) else {
        return Err(odd(if raw.starts_with('-') {
            OddVersion::BelowOne
        } else {
            OddVersion::Beyond
        }));
    };
    if v < 1.0 {
        Err(odd(OddVersion::BelowOne))
    } else if v.fract() != 0.0 {
        Err(odd(OddVersion::NotWhole))
    } else if v <= f64::from(SCHEMA_VERSION) {
        // Whole and at most SCHEMA_VERSION, so the cast is exact.
        Err(odd(OddVersion::WrittenOddly(v as u64)))
    } else {
        Err(odd(OddVersion::Beyond))
    }
}

/// A part's raw entries as a map, or the part named as damaged.
pub(super) fn entries_map<'a>(
    raw: Option<&'a RawValue>,
    part: &'static str,
    damage: &mut Vec<Damage>,
) -> BTreeMap<String, &'a RawValue> {
    let Some(raw) = raw else {
        return BTreeMap::new();
    };
    serde_json::from_str(raw.get()).unwrap_or_else(|e| {
        damage.push(Damage::Part {
            part,
            why: words(&e),
        });
        BTreeMap::new()
    })
}

/// A part's raw entries as a list, or the part named as damaged.
pub(super) fn entries_list<'a>(
    raw: Option<&'a RawValue>,
    part: &'static str,
    damage: &mut Vec<Damage>,
) -> Vec<&'a RawValue> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    serde_json::from_str(raw.get()).unwrap_or_else(|e| {
        damage.push(Damage::Part {
            part,
            why: words(&e),
        });
        Vec::new()
    })
}

pub(super) fn read_cards(
    raw: Option<&RawValue>,
    damage: &mut Vec<Damage>,
) -> BTreeMap<String, Card> {
    let mut cards = BTreeMap::new();
    for (key, raw) in entries_map(raw, "the schedule of every item", damage) {
        let card = crate::progress::answer::check_key(&key).and_then(|()| {
            serde_json::from_str::<StoredCard>(raw.get())
                .map_err(|e| words(&e))
                .and_then(StoredCard::card)
        });
        match card {
            Ok(card) => {
                cards.insert(key, card);
            }
            Err(why) => damage.push(Damage::Card {
                item: item_name(&key),
                why,
            }),
        }
    }
    cards
}

pub(super) fn read_history(
    raw: Option<&RawValue>,
    legacy: bool,
    damage: &mut Vec<Damage>,
) -> Vec<Answer> {
    let mut answers = Vec::new();
    for raw in entries_list(raw, "your recent answers", damage) {
        let answer = serde_json::from_str::<StoredAnswer>(raw.get())
            .map_err(|e| words(&e))
            .and_then(|a| {
                let id = match (&a.id, legacy) {
                    // Filed under origin 0 until the record's own origin is known.
                    (_, true) => AnswerId::older(Origin::UNRECORDED, &a.item, a.at.0),
                    (Some(text), false) => {
                        AnswerId::parse(text).ok_or("its id is not one the app writes")?
                    }
                    (None, false) => return Err("it has no id".into()),
                };
                let source = match a.source.as_deref() {
                    None => Source::Study,
                    Some(word) => Source::from_word(word).ok_or_else(|| {
                        format!("\u{201c}{word}\u{201d} is not a place the app takes answers")
                    })?,
                };
                Answer::new(id, &a.item, a.at.0, a.day.0, a.grade, a.first)
                    .and_then(|answer| answer.with_choice(a.chose))
                    .map(|answer| answer.with_source(source))
            });
        match answer {
            Ok(a) => answers.push(a),
            Err(why) => {
                let hints: Option<AnswerHints> = serde_json::from_str(raw.get()).ok();
                let item = hints
                    .as_ref()
                    .and_then(|h| h.item.as_deref())
                    .map(item_name);
                let day = hints.and_then(|h| h.day);
                let what = match (item, day) {
                    (Some(item), Some(day)) => {
                        format!("an answer to \u{201c}{item}\u{201d} on {day}")
                    }
                    (Some(item), None) => format!("an answer to \u{201c}{item}\u{201d}"),
                    _ => "an answer".to_string(),
                };
                damage.push(Damage::Answer { what, why });
            }
        }
    }
    answers
}

pub(super) fn read_folded(
    raw: Option<&RawValue>,
    damage: &mut Vec<Damage>,
) -> BTreeMap<Origin, Folded> {
    let mut folded = BTreeMap::new();
    for raw in entries_list(raw, "the totals of older answers", damage) {
        let read = serde_json::from_str::<StoredFolded>(raw.get())
            .map_err(|e| words(&e))
            .and_then(|f| {
                let origin = Origin::from_hex(&f.origin)
                    .ok_or("its session id is not one the app writes")?;
                let mut days = Vec::with_capacity(f.days.len());
                for (Day(d), answers, correct, new_items) in f.days {
                    let t = DayTotals::new(answers, correct, new_items)
                        .map_err(|e| format!("{d}: {e}"))?;
                    days.push((d, t));
                }
                let excluded = f
                    .excluded
                    .into_iter()
                    .map(|(seq, Day(day), correct, first)| {
                        (
                            seq,
                            Contribution {
                                day,
                                correct,
                                first,
                            },
                        )
                    })
                    .collect();
                Ok((origin, Folded::new(f.upto, days, excluded)?))
            });
        match read {
            Ok((origin, f)) if !folded.contains_key(&origin) => {
                folded.insert(origin, f);
            }
            Ok(_) => damage.push(Damage::Totals {
                why: "a session's totals are listed twice".into(),
            }),
            Err(why) => damage.push(Damage::Totals { why }),
        }
    }
    folded
}

pub(super) fn read_undone(raw: Option<&RawValue>, damage: &mut Vec<Damage>) -> Vec<Undone> {
    let mut undone = Vec::new();
    for raw in entries_list(raw, "the notes of undone answers", damage) {
        let read = serde_json::from_str::<StoredUndone>(raw.get())
            .map_err(|e| words(&e))
            .and_then(|u| {
                let id = AnswerId::parse(&u.id).ok_or("its id is not one the app writes")?;
                crate::progress::answer::check_key(&u.item)?;
                let restore = u.restore.map(StoredCard::card).transpose()?;
                Ok(Undone {
                    id,
                    item: u.item,
                    at: u.at.0,
                    contribution: Contribution {
                        day: u.day.0,
                        correct: u.correct,
                        first: u.first,
                    },
                    restore,
                })
            });
        match read {
            Ok(u) => undone.push(u),
            Err(why) => damage.push(Damage::Undone { why }),
        }
    }
    undone
}

/// The lab challenges solved (format 5). An entry that cannot be read is set aside; one listed
/// twice counts once, with its earlier moment (as a merge would keep it).
pub(super) fn read_solved(raw: Option<&RawValue>, damage: &mut Vec<Damage>) -> Vec<Solved> {
    #[derive(serde::Deserialize)]
    struct IdHint {
        id: String,
    }
    let mut solved = Vec::new();
    for raw in entries_list(raw, "the lab challenges you solved", damage) {
        let read = serde_json::from_str::<StoredSolved>(raw.get())
            .map_err(|e| words(&e))
            .and_then(|s| Solved::new(&s.id, s.at.0));
        match read {
            Ok(entry) => solved.push(entry),
            Err(why) => {
                let id = serde_json::from_str::<IdHint>(raw.get()).ok().map(|h| {
                    h.id.chars()
                        .take(crate::progress::solved::MAX_ID_CHARS)
                        .collect()
                });
                damage.push(Damage::Solved { id, why });
            }
        }
    }
    solved
}

/// The settings; a record older than format 4 keeps its daily goal in answers, which has no
/// meaning in minutes and is passed by.
pub(super) fn read_settings(
    raw: Option<&RawValue>,
    version: u64,
    damage: &mut Vec<Damage>,
) -> Settings {
    let fields = entries_map(raw, "your settings", damage);
    let field = |key: &str| fields.get(key).copied();
    let number = |raw: Option<&RawValue>, name: &'static str, damage: &mut Vec<Damage>| {
        raw.and_then(|r| match serde_json::from_str::<u64>(r.get()) {
            Ok(n) => Some(n),
            Err(_) => {
                damage.push(Damage::Setting {
                    name,
                    why: format!("{} is not a whole number", r.get()),
                });
                None
            }
        })
    };
    let revision = field("revision").and_then(|r| serde_json::from_str(r.get()).ok());
    let new_per_day = number(field("new_per_day"), "new items a day", damage);
    let (daily_minutes, max_reviews) = if version >= 4 {
        (
            number(field("daily_minutes"), "daily goal", damage),
            number(field("max_reviews"), "most reviews a day", damage),
        )
    } else {
        (None, None)
    };
    let retention =
        field("desired_retention").and_then(|r| match serde_json::from_str::<f64>(r.get()) {
            Ok(v) => Some(v),
            Err(_) => {
                damage.push(Damage::Setting {
                    name: "desired retention",
                    why: format!("{} is not a number", r.get()),
                });
                None
            }
        });
    let theme = field("theme").and_then(|r| {
        match serde_json::from_str::<String>(r.get())
            .ok()
            .and_then(|w| Theme::from_word(&w))
        {
            Some(t) => Some(t),
            None => {
                damage.push(Damage::Setting {
                    name: "theme",
                    why: format!("{} is not a theme", r.get()),
                });
                None
            }
        }
    });
    let goal = field("goal").and_then(|r| {
        match serde_json::from_str::<String>(r.get())
            .ok()
            .and_then(|id| Deck::from_id(&id))
        {
            Some(d) => Some(d),
            None => {
                damage.push(Damage::Setting {
                    name: "what you are learning",
                    why: format!("{} is not one of the app's decks", r.get()),
                });
                None
            }
        }
    });
    let (settings, problems) = Settings::from_stored(StoredSettings {
        revision,
        new_per_day,
        desired_retention: retention,
        daily_minutes,
        max_reviews,
        theme,
        goal,
    });
    damage.extend(
        problems
            .into_iter()
            .map(|(name, why)| Damage::Setting { name, why }),
    );
    settings
}
