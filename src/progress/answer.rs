//! Answers: what the learner answered, when, on which day, and where it came from. Their
//! identity (origins, ids, the page's writer) is in [`super::id`].

use chrono::{DateTime, NaiveDate, Utc};

use super::card::Card;
use super::id::{AnswerId, Origin};
use crate::clock;
use crate::schedule::Grade;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::id::Writer;
    use chrono::TimeZone;

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
