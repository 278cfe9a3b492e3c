//! The older formats (1 and 2): their daily totals, and the origin their answers are given,
//! made from what the record counts, so that two devices' older records merged keep both.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::problems::{words, Damage};
use super::read::entries_map;

use crate::progress::{Answer, AnswerId, Card, DayTotals, Folded, Origin, Undone};

/// Files the answers a record holds under origin 0 under the record's own origin, made from
/// what they count ([`Origin::of_older_record`]). Origin 0 holds every answer of a format-1 or
/// 2 record as it is read, and the older answers of a record an earlier release migrated from
/// those formats (it filed every device's under that one origin, so that merging two devices'
/// records lost one). Both forms of one record get the same origin: the day totals and the last
/// answer's number are worked out from its folded totals and its recent answers together.
pub(super) fn give_older_answers_their_origin(
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

/// Format 2's totals per date become the folded totals of the old answers' origin (origin 0
/// until the record's own is known): they hold every old answer up to the first one still in
/// the history (format 2 folded the oldest).
pub(super) fn read_legacy_daily(
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
        let read = super::instants::parse_day(&day)
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
