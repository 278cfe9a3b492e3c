//! What reading a record can find wrong, in words for the learner: a text refused whole
//! ([`Refusal`]), and a piece set aside while the rest loads ([`Damage`]).

use std::fmt;

use crate::progress::SCHEMA_VERSION;
use crate::quiz::Item;

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
pub(super) const VERSION_QUOTED: usize = 24;

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
    /// One lab challenge solved (its id, when it could be read).
    Solved { id: Option<String>, why: String },
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
            Damage::Solved { id: Some(id), why } => {
                write!(f, "the lab challenge \u{201c}{id}\u{201d} solved ({why})")
            }
            Damage::Solved { id: None, why } => write!(f, "a lab challenge solved ({why})"),
            Damage::Setting { name, why } => {
                write!(
                    f,
                    "your setting for {name} ({why}; it is back to its default)"
                )
            }
        }
    }
}

/// How an item is named to the learner: its label, or its key when it names no item.
pub(super) fn item_name(key: &str) -> String {
    Item::from_key(key).map_or_else(|| key.to_string(), |i| i.label())
}

/// Short words for a serde error, without its line and column.
pub(super) fn words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
