//! The identity of answers. Every answer has an id, so that it is counted once whether it is
//! still in the recent history or folded into day totals, across merges, imports and tabs.
//!
//! An id is the answer's *origin* (one per page load: a random number the page draws when it
//! opens) and its *sequence* number within that origin (1, 2, 3, …). A page answers one
//! question at a time, so an origin's answers form a sequence with no gaps but undone ones, and
//! any copy of the record knows a prefix of each origin's sequence. That is what lets folded
//! totals say exactly which answers they hold: "origin X, up to number 57".

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Where answers come from: one page load. Stored as 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin(pub u64);

impl Origin {
    /// Origin 0, no page's ([`Writer`] never hands it out) and no record's: ids that are never
    /// recorded (the scheduler's previews, the forecast) use it. Reading a record, answers are
    /// filed under it only until the record's own origin is known ([`Origin::of_older_record`]);
    /// records an earlier release migrated from formats 1 and 2 hold their older answers under
    /// it, and are given their own origin when read.
    pub const UNRECORDED: Origin = Origin(0);

    /// The origin of the answers of a record kept before answers had ids (formats 1 and 2, on
    /// one device), made from what that record counts: each day's totals (answers, right
    /// ones, new items) of its folded totals and its recent answers together (`days`, in date
    /// order), and the number of its last
    /// answer (`last`, see [`AnswerId::older`]). Both stay the same when recent answers are
    /// folded, so the same record gets the same origin however often and in whatever form it
    /// is read (as the older version wrote it, or as a later release migrated it, before or
    /// after folding), and merging it twice counts it once; the records of two devices get two
    /// origins, and a merge keeps both.
    ///
    /// Two records holding exactly the same day totals and the same last answer (which would
    /// take two devices answering at the same millisecond, or two records with no recent
    /// answer and the same totals on every day) cannot be told from two copies of one record:
    /// they count once.
    pub fn of_older_record(days: &[(NaiveDate, [u32; 3])], last: u64) -> Origin {
        let numbers = days
            .iter()
            .flat_map(|(d, [answers, correct, new_items])| {
                [
                    i64::from(d.num_days_from_ce()) as u64,
                    u64::from(*answers),
                    u64::from(*correct),
                    u64::from(*new_items),
                ]
            })
            .chain([last]);
        let hash = numbers.fold(FNV_OFFSET, |h, n| {
            n.to_le_bytes().iter().fold(h, |h, b| fnv_step(h, *b))
        });
        // Never origin 0, which is no record's.
        Origin(mix(hash).max(1))
    }

    /// "00ff00ff00ff00ff".
    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }

    /// Inverse of [`Origin::hex`].
    pub fn from_hex(text: &str) -> Option<Origin> {
        (text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u64::from_str_radix(text, 16).ok().map(Origin))
            .flatten()
    }
}

/// One answer's identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerId {
    pub origin: Origin,
    /// 1 for the origin's first answer, then one more for each.
    pub seq: u64,
}

impl fmt::Display for AnswerId {
    /// "00ff00ff00ff00ff-12", as stored.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.origin.hex(), self.seq)
    }
}

impl AnswerId {
    /// Inverse of the `Display` form.
    pub fn parse(text: &str) -> Option<AnswerId> {
        let (origin, seq) = text.split_once('-')?;
        let seq = seq
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| seq.parse().ok())
            .flatten()?;
        Some(AnswerId {
            origin: Origin::from_hex(origin)?,
            seq,
        })
    }

    /// The id an answer recorded before ids existed gets, in the record of `origin`
    /// ([`Origin::of_older_record`]): its number is made from what identified the answer then
    /// (its item and instant), so that two copies of one old record give it the same number,
    /// and is ordered by time, as a sequence must be.
    pub fn older(origin: Origin, item: &str, at: DateTime<Utc>) -> AnswerId {
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        let hash = item.bytes().fold(FNV_OFFSET, fnv_step);
        AnswerId {
            origin,
            seq: millis.saturating_mul(1024).saturating_add(hash % 1024),
        }
    }
}

/// FNV-1a's starting value. FNV-1a is a fixed, documented hash: ids made from it must not
/// change between releases, as std's hasher may.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a.
fn fnv_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Hands out the ids of one page's answers.
///
/// A page's origin is renewed whenever the record's generation changes (a reset or a replace,
/// here or in another tab): the numbers of one origin must all belong to one generation, or
/// folded totals of the new generation ("up to 57") would claim answers of the old one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    base: u64,
    generation: Generation,
    origin: Origin,
    next: u64,
}

/// SplitMix64's finaliser: spreads the bits of `x`, so that derived origins look random.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Writer {
    /// A writer for a new page load; `base` must be random (two pages must not share one).
    pub fn new(base: u64) -> Writer {
        Writer {
            base,
            generation: Generation::default(),
            origin: Writer::origin_for(base, Generation::default()),
            next: 1,
        }
    }

    fn origin_for(base: u64, generation: Generation) -> Origin {
        let origin = if generation == Generation::default() {
            base
        } else {
            mix(base ^ mix(generation.number ^ mix(generation.id)))
        };
        // Origin 0 is no page's (see `Origin::UNRECORDED`).
        Origin(origin.max(1))
    }

    /// The origin of the answers written in the default generation.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The next answer's id, for a record of `generation`.
    pub fn next_id_in(&mut self, generation: Generation) -> AnswerId {
        if generation != self.generation {
            self.generation = generation;
            self.origin = Writer::origin_for(self.base, generation);
            self.next = 1;
        }
        let id = AnswerId {
            origin: self.origin,
            seq: self.next,
        };
        self.next = self.next.saturating_add(1);
        id
    }

    /// The next answer's id, for a record never reset.
    pub fn next_id(&mut self) -> AnswerId {
        self.next_id_in(Generation::default())
    }
}

/// Which run of the record this is. Reset and Replace start a new generation; a tab holding an
/// older one adopts the newer record instead of merging its old answers back in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Generation {
    /// 0 for a record never reset, then one more at each reset or replace.
    pub number: u64,
    /// Random: tells apart two resets made at once in two tabs (the larger wins).
    pub id: u64,
}

impl Generation {
    /// The generation after this one.
    pub fn next(self, id: u64) -> Generation {
        Generation {
            number: self.number.saturating_add(1),
            id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_read_back_from_their_stored_form() {
        let id = AnswerId {
            origin: Origin(0xab),
            seq: 12,
        };
        assert_eq!(id.to_string(), "00000000000000ab-12");
        assert_eq!(AnswerId::parse(&id.to_string()), Some(id));
        for bad in [
            "",
            "ab-12",
            "00000000000000ab-",
            "00000000000000ab-+3",
            "zz00000000000000-1",
        ] {
            assert_eq!(AnswerId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_writer_numbers_its_answers_from_one_and_never_uses_origin_0() {
        let mut w = Writer::new(0);
        assert_ne!(w.origin(), Origin::UNRECORDED);
        assert_eq!(w.next_id().seq, 1);
        assert_eq!(w.next_id().seq, 2);
    }

    #[test]
    fn a_new_generation_gets_a_new_origin_numbered_from_one() {
        let mut w = Writer::new(42);
        let first = w.next_id();
        let reset = Generation::default().next(7);
        let after = w.next_id_in(reset);
        assert_ne!(after.origin, first.origin);
        assert_eq!(after.seq, 1);
        assert_eq!(w.next_id_in(reset).seq, 2);
        assert_ne!(Writer::new(43).next_id_in(reset).origin, after.origin);
    }

    #[test]
    fn old_answers_get_the_same_id_in_every_copy_in_time_order() {
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let o = Origin(5);
        let a = AnswerId::older(o, "code:404", t);
        assert_eq!(a, AnswerId::older(o, "code:404", t));
        assert_ne!(a, AnswerId::older(o, "code:200", t));
        assert!(AnswerId::older(o, "code:200", t + chrono::Duration::seconds(1)) > a);
    }

    #[test]
    fn an_older_records_origin_comes_from_what_it_counts() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let totals = |n: u32| [n, n, 0];
        let x = [(day(1), totals(10)), (day(20), totals(4))];
        let origin = Origin::of_older_record(&x, 99);
        assert_eq!(
            origin,
            Origin::of_older_record(&x, 99),
            "the same each time"
        );
        assert_ne!(origin, Origin::UNRECORDED);
        assert_ne!(origin, Origin::of_older_record(&x, 98));
        assert_ne!(origin, Origin::of_older_record(&x[..1], 99));
        let y = [(day(1), totals(10)), (day(20), totals(5))];
        assert_ne!(origin, Origin::of_older_record(&y, 99));
    }
}
