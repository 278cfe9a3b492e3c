//! The order of one study session: items due first, then new ones, with FSRS's short-term
//! learning steps inside the session (an item graded Again comes back minutes later).

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};

/// An item graded now comes back in this session when FSRS schedules it within this horizon.
pub const LEARNING_HORIZON_MINUTES: i64 = 60;

/// What a study session serves next. Generic over the item type so that it knows nothing of
/// what is studied.
#[derive(Clone, Debug)]
pub struct StudySession<T> {
    queue: VecDeque<T>,
    learning: Vec<(T, DateTime<Utc>)>,
}

impl<T: Clone + PartialEq> StudySession<T> {
    /// A session over `due` items (most overdue first) followed by `new` ones.
    pub fn new(due: Vec<T>, new: Vec<T>) -> Self {
        StudySession {
            queue: due.into_iter().chain(new).collect(),
            learning: Vec::new(),
        }
    }

    /// The item to show at `now`: a learning step that has come due, else the next queued item,
    /// else the earliest learning step (waiting would only stall the session). `None` when done.
    pub fn current(&self, now: DateTime<Utc>) -> Option<T> {
        let earliest = self
            .learning
            .iter()
            .min_by_key(|(_, due)| *due)
            .map(|(item, due)| (item.clone(), *due));
        match earliest {
            Some((item, due)) if due <= now => Some(item),
            _ => self
                .queue
                .front()
                .cloned()
                .or_else(|| earliest.map(|(item, _)| item)),
        }
    }

    /// Records that `item` was answered at `now` and is next due at `next_due`: it leaves the
    /// session, or comes back later in it when that is within the learning horizon.
    pub fn answered(&mut self, item: &T, next_due: DateTime<Utc>, now: DateTime<Utc>) {
        self.remove(item);
        if next_due - now <= Duration::minutes(LEARNING_HORIZON_MINUTES) {
            self.learning.push((item.clone(), next_due));
        }
    }

    /// Puts `item` back at the front (after an undo).
    pub fn put_back(&mut self, item: T) {
        self.remove(&item);
        self.queue.push_front(item);
    }

    /// How many items are still to be shown, learning steps included.
    pub fn remaining(&self) -> usize {
        self.queue.len() + self.learning.len()
    }

    fn remove(&mut self, item: &T) {
        self.queue.retain(|i| i != item);
        self.learning.retain(|(i, _)| i != item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Grade, Scheduler};
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
    }

    #[test]
    fn due_items_come_before_new_ones() {
        let s = StudySession::new(vec!["due"], vec!["new"]);
        assert_eq!(s.current(t0()), Some("due"));
        assert_eq!(s.remaining(), 2);
    }

    #[test]
    fn again_brings_an_item_back_within_the_session() {
        let scheduler = Scheduler::default();
        let now = t0();
        let mut session = StudySession::new(vec![], vec!["a", "b", "c"]);
        let card = Scheduler::new_card(now);

        let item = session.current(now).unwrap();
        assert_eq!(item, "a");
        let after = scheduler.grade(&card, Grade::Again, now);
        session.answered(&item, after.due, now);
        assert_eq!(session.remaining(), 3, "a is still in the session");

        // b and c are shown while a waits for its learning step; then a returns.
        let mut seen = Vec::new();
        let mut clock = now + Duration::seconds(10);
        while let Some(item) = session.current(clock) {
            seen.push(item);
            session.answered(&item, clock + Duration::days(3), clock);
            clock += Duration::seconds(10);
        }
        assert_eq!(seen, ["b", "c", "a"]);
    }

    #[test]
    fn a_learning_step_that_comes_due_goes_before_the_queue() {
        let now = t0();
        let mut session = StudySession::new(vec![], vec!["a", "b", "c"]);
        session.answered(&"a", now + Duration::minutes(1), now);
        assert_eq!(session.current(now), Some("b"));
        assert_eq!(session.current(now + Duration::minutes(2)), Some("a"));
    }

    #[test]
    fn an_item_scheduled_for_days_leaves_the_session() {
        let now = t0();
        let mut session = StudySession::new(vec!["a"], vec![]);
        session.answered(&"a", now + Duration::days(2), now);
        assert_eq!(session.current(now), None);
        assert_eq!(session.remaining(), 0);
    }

    #[test]
    fn an_undone_item_is_shown_again_first() {
        let now = t0();
        let mut session = StudySession::new(vec!["a", "b"], vec![]);
        session.answered(&"a", now + Duration::days(2), now);
        session.put_back("a");
        assert_eq!(session.current(now), Some("a"));
        assert_eq!(session.remaining(), 2);
    }
}
