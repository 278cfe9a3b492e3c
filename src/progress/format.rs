//! The stored form of a record, and reading it back.
//!
//! What is stored is our own layout (format 4), written by [`encode`]. [`decode`] reads formats
//! 1 to 4; older ones are migrated as they are read. Reading is piece by piece: a card, an
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
//!
//! The answers of a format-1 or 2 record are read under an origin of their own, made from what
//! the record counts (`give_older_answers_their_origin`), so that two devices' older records
//! merged keep both; a format-3 record an earlier release migrated (its older answers under
//! origin 0) gets the same origin as its original when read. Nothing in the stored form changed
//! for it.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use instants::{Day, Instant};

use super::{
    Answer, AnswerId, Card, CardFields, Contribution, DayTotals, Folded, Generation, Origin, Phase,
    Progress, Settings, Source, StoredSettings, Theme, Undone, APP_ID, SCHEMA_VERSION,
};
use crate::quiz::{Deck, Item};
use crate::schedule::Grade;

/// Why a text is not a record this app can use at all: the words say which check failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not an HTTP Study progress record.
    OtherApp,
    /// Written by a newer version of the app, whose format this one does not know.
    TooNew(u64),
    /// An HTTP Study record without a format number.
    NoVersion,
    /// An HTTP Study record whose format number is not one the app writes: the number as
    /// written in the file (shortened when long), and what is wrong with it.
    OddVersion(String, OddVersion),
}

/// What is wrong with a format number that is there but cannot be read as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OddVersion {
    /// Not a number at all (text, `null`, a list, …).
    NotANumber,
    /// Below 1: formats are numbered from 1.
    BelowOne,
    /// A fraction, such as 2.5.
    NotWhole,
    /// A whole number this page reads, written otherwise than the app writes it (`3.0`, `3e0`
    /// for 3): kept apart from a damaged record, and not guessed at, because the app never writes
    /// it so.
    WrittenOddly(u64),
    /// A whole number beyond the formats this page reads, written otherwise than as plain
    /// digits (`4.0`, `1e20`) or too large for any format (`99999999999999999999`): unlike a
    /// plain `4`, nothing says a newer version of the app wrote it.
    Beyond,
}

/// The longest a format number is quoted in a refusal.
const VERSION_QUOTED: usize = 24;

/// Reads a record's format number from its raw JSON: `Ok` with a whole number of at least 1
/// written as plain digits, otherwise what is wrong with it. A plain whole number beyond
/// [`SCHEMA_VERSION`] is returned too (the caller refuses it as [`Refusal::TooNew`]).
fn read_version(raw: &str) -> Result<u64, Refusal> {
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

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotJson(e) => write!(f, "it is not JSON ({e})"),
            Refusal::OtherApp => write!(
                f,
                "it is not HTTP Study progress (it may come from another app)"
            ),
            Refusal::TooNew(v) => write!(
                f,
                "it was written by a newer version of HTTP Study (format {v}; this page knows up to {SCHEMA_VERSION})"
            ),
            Refusal::NoVersion => write!(f, "it has no format number"),
            Refusal::OddVersion(written, why) => match why {
                OddVersion::NotANumber => {
                    write!(f, "its format number, {written}, is not a number")
                }
                OddVersion::BelowOne => write!(
                    f,
                    "its format number, {written}, is not a format (they start at 1)"
                ),
                OddVersion::NotWhole => {
                    write!(f, "its format number, {written}, is not a whole number")
                }
                OddVersion::WrittenOddly(v) => write!(
                    f,
                    "its format number is written {written} instead of {v}, as HTTP Study \
                     writes it (the file may have been changed by another program; with {v} \
                     there, it can be read)"
                ),
                OddVersion::Beyond => write!(
                    f,
                    "its format number, {written}, is beyond the formats this page reads (1 to \
                     {SCHEMA_VERSION}), and no version of HTTP Study writes it that way"
                ),
            },
        }
    }
}

/// A piece of a record that could not be read, set aside while the rest loads.
#[derive(Clone, Debug, PartialEq)]
pub enum Damage {
    /// A whole part of the record (all cards, all answers, …).
    Part { part: &'static str, why: String },
    /// One item's card.
    Card { item: String, why: String },
    /// One answer.
    Answer { what: String, why: String },
    /// One session's folded totals.
    Totals { why: String },
    /// A note of an undone answer.
    Undone { why: String },
    /// One setting, which takes its default.
    Setting { name: &'static str, why: String },
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Part { part, why } => write!(f, "{part} ({why})"),
            Damage::Card { item, why } => {
                write!(f, "the schedule of \u{201c}{item}\u{201d} ({why})")
            }
            Damage::Answer { what, why } => write!(f, "{what} ({why})"),
            Damage::Totals { why } => write!(f, "the totals of some older answers ({why})"),
            Damage::Undone { why } => write!(f, "a note of an undone answer ({why})"),
            Damage::Setting { name, why } => {
                write!(
                    f,
                    "your setting for {name} ({why}; it is back to its default)"
                )
            }
        }
    }
}

/// A record read from text, with what of it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub progress: Progress,
    /// Pieces set aside, each named for the learner. Empty for a record the app wrote.
    pub damage: Vec<Damage>,
    /// The format the text was in.
    pub version: u64,
}

/// How an item is named to the learner: its label, or its key when it names no item.
fn item_name(key: &str) -> String {
    Item::from_key(key).map_or_else(|| key.to_string(), |i| i.label())
}

/// Short words for a serde error, without its line and column.
fn words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

// ---------------------------------------------------------------------------------------------
// The stored layout (format 3). Cards and answers of formats 1 and 2 read into the same
// structs: their extra fields are ignored and their missing ones are optional.

#[derive(Serialize, Deserialize)]
struct StoredCard {
    due: Instant,
    last_review: Instant,
    stability: f64,
    difficulty: f64,
    scheduled_days: i64,
    reps: i64,
    lapses: i64,
    state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<String>,
}

impl StoredCard {
    fn of(card: &Card) -> StoredCard {
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

    fn card(self) -> Result<Card, String> {
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
struct StoredAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    item: String,
    at: Instant,
    day: Day,
    grade: Grade,
    first: bool,
    /// The code chosen instead, for a wrong answer that named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    chose: Option<u16>,
    /// Where it was given (format 4): "quiz", "placement" or "retake"; none for a flashcard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

/// What can be told of an answer that could not be read, to name it.
#[derive(Deserialize)]
struct AnswerHints {
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    day: Option<String>,
}

/// One origin's folded totals. Days are `[date, answers, right, new items]` and answers left
/// out are `[number, date, right, first]`, in lists rather than maps: every kind of map costs
/// the wasm code, and lists keep their order.
#[derive(Serialize, Deserialize)]
struct StoredFolded {
    origin: String,
    upto: u64,
    days: Vec<(Day, u64, u64, u64)>,
    #[serde(default)]
    excluded: Vec<(u64, Day, bool, bool)>,
}

#[derive(Serialize, Deserialize)]
struct StoredUndone {
    id: String,
    item: String,
    at: Instant,
    day: Day,
    correct: bool,
    first: bool,
    restore: Option<StoredCard>,
}

#[derive(Serialize, Deserialize)]
struct StoredGeneration {
    number: u64,
    id: String,
}

#[derive(Serialize)]
struct SavedSettings {
    revision: u64,
    new_per_day: u32,
    desired_retention: f64,
    daily_minutes: u32,
    max_reviews: u32,
    theme: &'static str,
    goal: String,
}

/// The cards as a JSON object keyed by item, written straight from the record's map.
struct Cards<'a>(&'a BTreeMap<String, Card>);

impl Serialize for Cards<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, c)| (k, StoredCard::of(c))))
    }
}

#[derive(Serialize)]
struct StoredRecord<'a> {
    app: &'static str,
    version: u32,
    generation: StoredGeneration,
    cards: Cards<'a>,
    history: Vec<StoredAnswer>,
    folded: Vec<StoredFolded>,
    undone: Vec<StoredUndone>,
    settings: SavedSettings,
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
    Ok(Decoded {
        progress: Progress::from_parts(generation, cards, history, folded, undone, settings),
        damage,
        version,
    })
}

/// Files the answers a record holds under origin 0 under the record's own origin, made from
/// what they count ([`Origin::of_older_record`]). Origin 0 holds every answer of a format-1 or
/// 2 record as it is read, and the older answers of a record an earlier release migrated from
/// those formats (it filed every device's under that one origin, so that merging two devices'
/// records lost one). Both forms of one record get the same origin: the day totals and the last
/// answer's number are worked out from its folded totals and its recent answers together.
fn give_older_answers_their_origin(
    cards: &mut BTreeMap<String, Card>,
    history: &mut [Answer],
    folded: &mut BTreeMap<Origin, Folded>,
    undone: &mut [Undone],
) {
    let zero = Origin::UNRECORDED;
    let older = folded.remove(&zero);
    let recent = || history.iter().filter(|a| a.id().origin == zero);
    if older.is_none() && recent().next().is_none() {
        return;
    }
    let mut days: Vec<(chrono::NaiveDate, DayTotals)> = older
        .as_ref()
        .map(|f| f.days().to_vec())
        .unwrap_or_default();
    let mut last = older.as_ref().map_or(0, Folded::upto);
    for a in recent() {
        last = last.max(a.id().seq);
        let i = match days.binary_search_by(|(d, _)| d.cmp(&a.day())) {
            Ok(i) => i,
            Err(i) => {
                days.insert(i, (a.day(), DayTotals::default()));
                i
            }
        };
        days[i].1.add(&a.contribution());
    }
    let counted: Vec<_> = days
        .iter()
        .map(|(d, t)| (*d, [t.answers(), t.correct(), t.new_items()]))
        .collect();
    let origin = Origin::of_older_record(&counted, last);
    let rekey = |id: AnswerId| {
        if id.origin == zero {
            AnswerId { origin, ..id }
        } else {
            id
        }
    };
    for a in history.iter_mut().filter(|a| a.id().origin == zero) {
        *a = a.clone().with_origin(origin);
    }
    if let Some(f) = older {
        // A record holding the same older answers under both origins (read by this release and
        // an earlier one in two tabs): the totals that hold more of them hold all the other's.
        match folded.get(&origin) {
            Some(mine)
                if (mine.upto(), mine.excluded().len()) >= (f.upto(), f.excluded().len()) => {}
            _ => {
                folded.insert(origin, f);
            }
        }
    }
    for u in undone.iter_mut() {
        u.id = rekey(u.id);
        u.restore = u
            .restore
            .take()
            .map(|c| c.with_answer(c.answer().map(rekey)));
    }
    for card in cards.values_mut() {
        if card.answer().is_some_and(|id| id.origin == zero) {
            *card = card.with_answer(card.answer().map(rekey));
        }
    }
}

/// A part's raw entries as a map, or the part named as damaged.
fn entries_map<'a>(
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
fn entries_list<'a>(
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

fn read_cards(raw: Option<&RawValue>, damage: &mut Vec<Damage>) -> BTreeMap<String, Card> {
    let mut cards = BTreeMap::new();
    for (key, raw) in entries_map(raw, "the schedule of every item", damage) {
        let card = super::answer::check_key(&key).and_then(|()| {
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

fn read_history(raw: Option<&RawValue>, legacy: bool, damage: &mut Vec<Damage>) -> Vec<Answer> {
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

fn read_folded(raw: Option<&RawValue>, damage: &mut Vec<Damage>) -> BTreeMap<Origin, Folded> {
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

/// Format 2's totals per date become the folded totals of the old answers' origin (origin 0
/// until the record's own is known): they hold every old answer up to the first one still in
/// the history (format 2 folded the oldest).
fn read_legacy_daily(
    raw: Option<&RawValue>,
    history: &[Answer],
    damage: &mut Vec<Damage>,
) -> BTreeMap<Origin, Folded> {
    #[derive(Deserialize)]
    struct LegacyTotals {
        answers: u64,
        correct: u64,
        new_items: u64,
    }
    // The map's entries come in key order, which for dates is date order.
    let mut days = Vec::new();
    for (day, raw) in entries_map(raw, "the totals of older answers", damage) {
        let read = instants::parse_day(&day)
            .ok_or_else(|| format!("\u{201c}{day}\u{201d} is not a date"))
            .and_then(|d| {
                let t: LegacyTotals = serde_json::from_str(raw.get()).map_err(|e| words(&e))?;
                DayTotals::new(t.answers, t.correct, t.new_items).map(|t| (d, t))
            });
        match read {
            Ok((d, t)) if !t.is_empty() => {
                days.push((d, t));
            }
            Ok(_) => {}
            Err(why) => damage.push(Damage::Totals {
                why: format!("{day}: {why}"),
            }),
        }
    }
    let Some(last_day) = days.last().map(|(d, _)| *d) else {
        return BTreeMap::new();
    };
    // Every answer dated on or before the last folded date was given before this instant.
    let after_last_day = last_day
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc() + Duration::days(2))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let by_date = AnswerId::older(Origin::UNRECORDED, "", after_last_day).seq;
    let first_kept = history
        .iter()
        .filter(|a| a.id().origin == Origin::UNRECORDED)
        .map(|a| a.id().seq)
        .min();
    let upto = first_kept.map_or(by_date, |s| s.saturating_sub(1).min(by_date));
    Folded::new(upto, days, Vec::new())
        .map(|f| BTreeMap::from([(Origin::UNRECORDED, f)]))
        .unwrap_or_default()
}

fn read_undone(raw: Option<&RawValue>, damage: &mut Vec<Damage>) -> Vec<Undone> {
    let mut undone = Vec::new();
    for raw in entries_list(raw, "the notes of undone answers", damage) {
        let read = serde_json::from_str::<StoredUndone>(raw.get())
            .map_err(|e| words(&e))
            .and_then(|u| {
                let id = AnswerId::parse(&u.id).ok_or("its id is not one the app writes")?;
                super::answer::check_key(&u.item)?;
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

/// The settings; a record older than format 4 keeps its daily goal in answers, which has no
/// meaning in minutes and is passed by.
fn read_settings(raw: Option<&RawValue>, version: u64, damage: &mut Vec<Damage>) -> Settings {
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

mod instants;
#[cfg(test)]
mod tests;
