//! Answers and their identity. Every answer has an id, so that it is counted once whether it
//! is still in the recent history or folded into day totals, across merges, imports and tabs.
//!
//! An id is the answer's *origin* (one per page load: a random number the page draws when it
//! opens) and its *sequence* number within that origin (1, 2, 3, …). A page answers one
//! question at a time, so an origin's answers form a sequence with no gaps but undone ones, and
//! any copy of the record knows a prefix of each origin's sequence. That is what lets folded
//! totals say exactly which answers they hold: "origin X, up to number 57".

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::card::Card;
use super::totals::DayTotals;
use crate::clock;
use crate::schedule::Grade;

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
    /// one device), made from what that record counts: each day's totals, its folded totals
    /// and its recent answers together (`days`, in date order), and the number of its last
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
    pub fn of_older_record(days: &[(NaiveDate, DayTotals)], last: u64) -> Origin {
        let numbers = days
            .iter()
            .flat_map(|(d, t)| {
                [
                    i64::from(d.num_days_from_ce()) as u64,
                    u64::from(t.answers()),
                    u64::from(t.correct()),
                    u64::from(t.new_items()),
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

/// What one answer adds to its day's totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub day: NaiveDate,
    /// Graded Hard, Good or Easy (a right quiz answer counts as Good).
    pub correct: bool,
    /// The item's first answer ever: a new item.
    pub first: bool,
}

/// Where an answer was given. It decides what the answer may do to the item's schedule
/// ([`crate::progress::Progress::record_choice`]) and is kept with the answer, so that a day's
/// figures can tell the reviews of a study session from quiz answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Source {
    /// A flashcard in a study session: the only way a new item starts (and uses up one of the
    /// day's new items).
    #[default]
    Study,
    /// A quiz question: it reviews an item already started, and only counts for one never
    /// started.
    Quiz,
    /// The placement check's own first answer: a right one starts an item as known.
    Placement,
    /// A question answered again right after its answer was shown (a quiz's "review the
    /// missed ones" or "retake"): it counts as an answer and never changes a schedule.
    Retake,
}

impl Source {
    /// The word stored for it (`None` for a study answer, which stores none).
    pub fn word(self) -> Option<&'static str> {
        match self {
            Source::Study => None,
            Source::Quiz => Some("quiz"),
            Source::Placement => Some("placement"),
            Source::Retake => Some("retake"),
        }
    }

    /// Inverse of [`Source::word`].
    pub fn from_word(word: &str) -> Option<Source> {
        [Source::Quiz, Source::Placement, Source::Retake]
            .into_iter()
            .find(|s| s.word() == Some(word))
    }
}

/// One answer, from a flashcard or a quiz.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    id: AnswerId,
    item: String,
    at: DateTime<Utc>,
    day: NaiveDate,
    grade: Grade,
    first: bool,
    source: Source,
    /// For a wrong answer that named another code: that code (the learner took it for the
    /// right one). What the confusions on Progress are counted from.
    chose: Option<u16>,
}

/// The longest item key a record may hold (the catalogue's are far shorter).
pub const MAX_KEY_CHARS: usize = 200;

/// Checks an item key read from storage: not empty, not absurdly long, no control characters.
pub fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS || key.chars().any(char::is_control) {
        return Err("its item name is not one the app writes".into());
    }
    Ok(())
}

impl Answer {
    /// Checks and builds an answer, or says what no answer can be.
    pub fn new(
        id: AnswerId,
        item: &str,
        at: DateTime<Utc>,
        day: NaiveDate,
        grade: Grade,
        first: bool,
    ) -> Result<Answer, String> {
        check_key(item)?;
        if !clock::in_range(at) {
            return Err(format!(
                "it was given on {}, outside the years a record may hold",
                at.date_naive()
            ));
        }
        if !clock::day_fits(at, day) {
            return Err(format!(
                "its date, {day}, is not the date of its time, {}",
                at.date_naive()
            ));
        }
        if id.seq == 0 {
            return Err("its number is 0".into());
        }
        Ok(Answer {
            id,
            item: item.to_string(),
            at,
            day,
            grade,
            first,
            source: Source::Study,
            chose: None,
        })
    }

    /// The same answer, given in `source`.
    pub fn with_source(mut self, source: Source) -> Answer {
        self.source = source;
        self
    }

    /// Where it was given.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The same answer, noting that the learner chose code `chose` instead of the right one
    /// (`None`: nothing to note). A code outside 100 to 599 is no code anyone chose.
    pub fn with_choice(mut self, chose: Option<u16>) -> Result<Answer, String> {
        if let Some(code) = chose.filter(|c| !(100..=599).contains(c)) {
            return Err(format!(
                "it names {code} as the code chosen, which no option offers"
            ));
        }
        self.chose = chose;
        Ok(self)
    }

    /// The same answer filed under `origin` (an older record's answers, once its origin is
    /// known).
    pub(crate) fn with_origin(mut self, origin: Origin) -> Answer {
        self.id.origin = origin;
        self
    }

    /// The code the learner chose instead of the right one, for a wrong answer that named one.
    pub fn chose(&self) -> Option<u16> {
        self.chose
    }

    pub fn id(&self) -> AnswerId {
        self.id
    }

    /// The item's key (see `quiz::Item::key`).
    pub fn item(&self) -> &str {
        &self.item
    }

    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The learner's local date when answering.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    pub fn grade(&self) -> Grade {
        self.grade
    }

    /// True when this was the item's first answer ever: it was a new item.
    pub fn first(&self) -> bool {
        self.first
    }

    /// What it adds to its day's totals.
    pub fn contribution(&self) -> Contribution {
        Contribution {
            day: self.day,
            correct: self.grade != Grade::Again,
            first: self.first,
        }
    }
}

/// A note that an answer was undone, kept so that no copy of the record that still holds the
/// answer (another tab, an export) brings it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undone {
    pub id: AnswerId,
    pub item: String,
    /// When the undone answer was given.
    pub at: DateTime<Utc>,
    pub contribution: Contribution,
    /// The item's card before the answer (`None`: the item was new), for copies whose card
    /// still comes from the undone answer.
    pub restore: Option<Card>,
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
        let totals = |n: u64| DayTotals::new(n, n, 0).unwrap();
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

    #[test]
    fn an_answer_with_impossible_values_is_refused() {
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let id = Writer::new(7).next_id();
        let day = t.date_naive();
        assert!(Answer::new(id, "code:404", t, day, Grade::Good, true).is_ok());
        let far = day + chrono::Duration::days(5);
        assert!(Answer::new(id, "code:404", t, far, Grade::Good, true).is_err());
        assert!(Answer::new(id, "", t, day, Grade::Good, true).is_err());
        let year_9999 = Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();
        assert!(Answer::new(
            id,
            "code:404",
            year_9999,
            year_9999.date_naive(),
            Grade::Good,
            true
        )
        .is_err());
    }
}
