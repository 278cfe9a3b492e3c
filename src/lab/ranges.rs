//! Range requests (RFC 9110 §14): which bytes of a representation a GET asks for, after the
//! preconditions, with If-Range deciding whether the Range still applies (§13.1.5).

use chrono::{DateTime, Utc};

use super::conditional::Current;
use super::parse::Request;
use super::response::{rfc9110, Reply};
use super::Note;
use crate::clock::{http_date, parse_http_date};

/// The most ranges one request may ask for before the server ignores them all (§14.2 lets a
/// server ignore many small ranges: they look like an attack).
const MOST_RANGES: usize = 8;

/// What to send of a representation of `len` bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// All of it (200), with the reasons Range did not apply, if it was sent.
    Whole(Vec<Note>),
    /// Bytes `first..=last` (206).
    Range {
        first: u64,
        last: u64,
        notes: Vec<Note>,
    },
}

/// The part of a `len`-byte representation the request asks for, or the 416 when no range it
/// asks for exists.
pub(super) fn part(
    req: &Request,
    len: u64,
    current: &Current,
    now: DateTime<Utc>,
) -> Result<Part, Reply> {
    let Some(range) = req.header("Range") else {
        return Ok(Part::Whole(Vec::new()));
    };
    let whole = |text: String, section: &'static str| {
        Ok(Part::Whole(vec![Note {
            text,
            cite: rfc9110(section),
        }]))
    };
    if req.method != "GET" {
        return whole(
            format!(
                "Range applies only to GET, so the server ignores it on a {}.",
                req.method
            ),
            "14.2",
        );
    }
    if let Some(validator) = req.header("If-Range") {
        let holds = if validator.starts_with('"') || validator.starts_with("W/") {
            Some(validator) == current.etag.as_deref()
        } else {
            parse_http_date(validator, now).is_some()
                && parse_http_date(validator, now) == current.modified
        };
        if !holds {
            let now_is = match (&current.etag, current.modified) {
                (Some(etag), _) => format!("its ETag is now {etag}"),
                (None, Some(m)) => format!("it last changed at {}", http_date(m)),
                _ => "it has no validator".to_string(),
            };
            return whole(
                format!("Your If-Range ({validator}) no longer matches: {now_is}. The part you have belongs to an older version, so the server ignores Range and sends the whole current one: 200."),
                "13.1.5",
            );
        }
    }
    let Some(set) = range
        .split_once('=')
        .filter(|(unit, _)| unit.trim().eq_ignore_ascii_case("bytes"))
        .map(|(_, set)| set)
    else {
        return whole(
            format!("Range: {range} does not ask for bytes (it reads like bytes=0-99), and bytes are the only unit the lab knows, so it ignores Range and sends everything: 200."),
            "14.2",
        );
    };
    let mut wanted: Vec<(u64, u64)> = Vec::new();
    let specs: Vec<&str> = set
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if specs.is_empty() || specs.len() > MOST_RANGES {
        let why = if specs.is_empty() {
            "names no range".to_string()
        } else {
            format!(
                "asks for {} ranges, more than the lab serves at once",
                specs.len()
            )
        };
        return whole(
            format!("Your Range {why}, so the server ignores it and sends everything: 200."),
            "14.2",
        );
    }
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().unwrap_or(u64::MAX))
    };
    for spec in &specs {
        let Some((a, b)) = spec.split_once('-') else {
            return whole(format!("{spec} is not a byte range: write first-last (0-99), first- (100-) or -count (-100). The server ignores Range and sends everything: 200."), "14.1.2");
        };
        let range = match (number(a), number(b), a.is_empty()) {
            // -count: the last count bytes.
            (None, Some(count), true) => {
                (count > 0 && len > 0).then(|| (len - count.min(len), len - 1))
            }
            (Some(first), None, false) if b.is_empty() => (first < len).then(|| (first, len - 1)),
            (Some(first), Some(last), false) if first <= last => {
                (first < len).then(|| (first, last.min(len - 1)))
            }
            _ => {
                return whole(format!("{spec} is not a byte range: write first-last with first no larger than last (0-99), first- (100-) or -count (-100). The server ignores Range and sends everything: 200."), "14.1.2");
            }
        };
        if let Some(r) = range {
            wanted.push(r);
        }
    }
    let Some(&(first, last)) = wanted.first() else {
        return Err(Reply::text(416, format!("No such range: the file is {len} bytes."))
            .header("Content-Range", format!("bytes */{len}"))
            .because(
                format!("The representation is {len} bytes long, numbered from 0 to {}, and no range you asked for ({set}) starts inside it: #416. Content-Range: bytes */{len} tells the real length.", len.saturating_sub(1)),
                rfc9110("15.5.17"),
            ));
    };
    let mut notes = vec![Note {
        text: format!("You asked for {set}: that is bytes {first} to {last} of {len} (bytes are numbered from 0), so the server sends just those: #206, with Content-Range saying which they are."),
        cite: rfc9110("14.1.2"),
    }];
    if specs.len() > 1 {
        notes.push(Note {
            text: "You asked for several ranges; the lab sends the first one it can, and a client asks again for the rest (a server need not send every range at once).".into(),
            cite: rfc9110("14.2"),
        });
    }
    Ok(Part::Range { first, last, notes })
}
