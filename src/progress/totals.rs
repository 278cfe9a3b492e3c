//! Day totals, and answers folded into them once they are old, per origin.

use chrono::NaiveDate;

use super::answer::{Answer, Contribution};

/// More answers in one day than anyone gives (one a second is 86,400); totals stop here, so
/// that sums over any number of days stay far from overflowing.
pub const MAX_DAY_ANSWERS: u32 = 100_000;

/// A day's answers, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayTotals {
    answers: u32,
    correct: u32,
    new_items: u32,
}

impl DayTotals {
    /// Checks and builds a day's totals: right answers and new items are some of the answers,
    /// and no day holds more than [`MAX_DAY_ANSWERS`].
    pub fn new(answers: u64, correct: u64, new_items: u64) -> Result<DayTotals, String> {
        if answers > u64::from(MAX_DAY_ANSWERS) {
            return Err(format!(
                "{answers} answers in one day (at most {MAX_DAY_ANSWERS})"
            ));
        }
        if correct > answers || new_items > answers {
            return Err(format!(
                "{correct} right answers and {new_items} new items out of {answers} answers"
            ));
        }
        // Each fits: all are at most MAX_DAY_ANSWERS.
        Ok(DayTotals {
            answers: answers as u32,
            correct: correct as u32,
            new_items: new_items as u32,
        })
    }

    pub fn answers(&self) -> u32 {
        self.answers
    }

    /// Answers graded Hard, Good or Easy (a quiz answer that was right counts as Good).
    pub fn correct(&self) -> u32 {
        self.correct
    }

    /// Items answered for the first time.
    pub fn new_items(&self) -> u32 {
        self.new_items
    }

    /// Adds an answer (a full day stays full).
    pub fn add(&mut self, c: &Contribution) {
        if self.answers >= MAX_DAY_ANSWERS {
            return;
        }
        self.answers += 1;
        self.correct += u32::from(c.correct);
        self.new_items += u32::from(c.first);
    }

    /// Adds another total (for the same day), stopping at [`MAX_DAY_ANSWERS`].
    pub fn add_totals(&mut self, other: &DayTotals) {
        let room = MAX_DAY_ANSWERS - self.answers;
        let answers = other.answers.min(room);
        self.answers += answers;
        self.correct += other.correct.min(answers);
        self.new_items += other.new_items.min(answers);
    }

    /// Takes an answer back out (it was undone after being counted).
    pub fn remove(&mut self, c: &Contribution) {
        self.answers = self.answers.saturating_sub(1);
        self.correct = self
            .correct
            .saturating_sub(u32::from(c.correct))
            .min(self.answers);
        self.new_items = self
            .new_items
            .saturating_sub(u32::from(c.first))
            .min(self.answers);
    }

    pub fn is_empty(&self) -> bool {
        self.answers == 0
    }
}

/// One origin's answers folded into day totals: every answer numbered up to `upto`, except the
/// `excluded` ones (undone), is counted in `days` and nowhere else. Both lists are kept in order
/// (by date, by number), as sorted lists rather than maps: they are small, and each kind of map
/// costs the wasm several kilobytes of code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folded {
    pub(crate) upto: u64,
    pub(crate) days: Vec<(NaiveDate, DayTotals)>,
    pub(crate) excluded: Vec<(u64, Contribution)>,
}

impl Folded {
    /// Checks and builds folded totals read from storage (days and numbers in order).
    pub fn new(
        upto: u64,
        days: Vec<(NaiveDate, DayTotals)>,
        excluded: Vec<(u64, Contribution)>,
    ) -> Result<Folded, String> {
        if days.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err("its days are not in order".into());
        }
        if excluded.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err("its left-out answers are not in order".into());
        }
        if let Some((seq, _)) = excluded.iter().find(|(s, _)| *s > upto || *s == 0) {
            return Err(format!(
                "it leaves out answer number {seq}, which it does not hold"
            ));
        }
        Ok(Folded {
            upto,
            days: days.into_iter().filter(|(_, t)| !t.is_empty()).collect(),
            excluded,
        })
    }

    /// The last answer number folded.
    pub fn upto(&self) -> u64 {
        self.upto
    }

    /// The totals per day, in date order.
    pub fn days(&self) -> &[(NaiveDate, DayTotals)] {
        &self.days
    }

    /// The totals of one day, if any.
    pub fn day(&self, day: NaiveDate) -> Option<&DayTotals> {
        self.days
            .binary_search_by(|(d, _)| d.cmp(&day))
            .ok()
            .map(|i| &self.days[i].1)
    }

    /// The answers left out (undone), by number.
    pub fn excluded(&self) -> &[(u64, Contribution)] {
        &self.excluded
    }

    fn is_excluded(&self, seq: u64) -> bool {
        self.excluded.binary_search_by(|(s, _)| s.cmp(&seq)).is_ok()
    }

    /// Whether answer number `seq` of this origin is accounted for here (counted or left out).
    pub fn covers(&self, seq: u64) -> bool {
        seq <= self.upto
    }

    /// Folds `answer` (the origin's next answer in order) in.
    pub(crate) fn fold(&mut self, answer: &Answer) {
        let c = answer.contribution();
        match self.days.binary_search_by(|(d, _)| d.cmp(&c.day)) {
            Ok(i) => self.days[i].1.add(&c),
            Err(i) => {
                let mut t = DayTotals::default();
                t.add(&c);
                self.days.insert(i, (c.day, t));
            }
        }
        self.upto = self.upto.max(answer.id().seq);
    }

    /// Moves the mark to `seq`, for answers up to it that are gone (undone), leaving them out.
    pub(crate) fn leave_out(&mut self, seq: u64, c: Contribution) {
        self.upto = self.upto.max(seq);
        if let Err(i) = self.excluded.binary_search_by(|(s, _)| s.cmp(&seq)) {
            self.excluded.insert(i, (seq, c));
        }
    }

    /// Takes out an answer counted here that turns out to have been undone.
    pub(crate) fn take_out(&mut self, seq: u64, c: Contribution) {
        if !self.covers(seq) || self.is_excluded(seq) {
            return;
        }
        if let Ok(i) = self.days.binary_search_by(|(d, _)| d.cmp(&c.day)) {
            self.days[i].1.remove(&c);
            if self.days[i].1.is_empty() {
                self.days.remove(i);
            }
        }
        self.leave_out(seq, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    #[test]
    fn totals_that_cannot_happen_are_refused() {
        assert!(DayTotals::new(3, 2, 1).is_ok());
        assert!(DayTotals::new(u64::from(u32::MAX), 0, 0).is_err());
        assert!(DayTotals::new(2, 3, 0).is_err());
        assert!(DayTotals::new(2, 0, 3).is_err());
    }

    #[test]
    fn adding_and_removing_keep_right_answers_within_the_answers() {
        let right = Contribution {
            day: day(),
            correct: true,
            first: true,
        };
        let mut t = DayTotals::default();
        t.add(&right);
        t.remove(&right);
        t.remove(&right);
        assert_eq!(t, DayTotals::default());
        let mut full = DayTotals::new(u64::from(MAX_DAY_ANSWERS), 0, 0).unwrap();
        full.add(&right);
        full.add_totals(&DayTotals::new(5, 5, 5).unwrap());
        assert_eq!(full.answers(), MAX_DAY_ANSWERS);
        assert!(full.correct() <= full.answers());
    }
}
