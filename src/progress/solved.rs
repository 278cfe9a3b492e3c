//! The lab challenges a learner has solved: one entry per challenge, with the moment it was
//! first solved. Merged like answers: the union of every copy's entries, one per challenge, the
//! earliest solving kept, so that the result is the same whichever side merges into which.
//!
//! The record knows challenges only by id. An id the lab no longer has (a challenge renamed or
//! retired) is kept, as item keys that name nothing are, and never shown.

use chrono::{DateTime, Utc};

use crate::clock;

/// The longest challenge id a record may hold (the lab's are far shorter).
pub const MAX_ID_CHARS: usize = 64;

/// One challenge solved, and when it was first solved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solved {
    id: String,
    at: DateTime<Utc>,
}

impl Solved {
    /// Checks and builds an entry, or says what no entry can be: the one check for what is
    /// loaded and what is recorded. An id is what the lab writes: lowercase letters, digits and
    /// hyphens, at most [`MAX_ID_CHARS`].
    pub fn new(id: &str, at: DateTime<Utc>) -> Result<Solved, String> {
        let well_formed = !id.is_empty()
            && id.len() <= MAX_ID_CHARS
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            return Err("its challenge id is not one the lab writes".into());
        }
        if !clock::in_range(at) {
            return Err(format!(
                "it was solved on {}, outside the years a record may hold",
                at.date_naive()
            ));
        }
        Ok(Solved {
            id: id.to_string(),
            at,
        })
    }

    /// The challenge's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// When it was first solved.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// Notes `entry` in `list` (in id order, one entry per id): a challenge already there keeps the
/// earlier of the two moments. Returns whether `list` changed.
pub(super) fn note(list: &mut Vec<Solved>, entry: Solved) -> bool {
    match list.binary_search_by(|s| s.id.as_str().cmp(&entry.id)) {
        Ok(i) if entry.at < list[i].at => {
            list[i].at = entry.at;
            true
        }
        Ok(_) => false,
        Err(i) => {
            list.insert(i, entry);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap()
    }

    #[test]
    fn an_entry_holds_an_id_the_lab_writes_and_a_time_a_record_may_hold() {
        assert!(Solved::new("not-modified", at(9)).is_ok());
        for bad in ["", "Not-Modified", "not modified", "<b>", &"x".repeat(65)] {
            assert!(Solved::new(bad, at(9)).is_err(), "{bad:?}");
        }
        let far = Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).unwrap();
        assert!(Solved::new("gone", far).is_err());
    }

    #[test]
    fn notes_keep_one_entry_per_challenge_in_id_order_and_the_earliest_moment() {
        let mut list = Vec::new();
        assert!(note(&mut list, Solved::new("gone", at(10)).unwrap()));
        assert!(note(&mut list, Solved::new("echo", at(11)).unwrap()));
        assert!(!note(&mut list, Solved::new("gone", at(12)).unwrap()));
        assert!(note(&mut list, Solved::new("gone", at(9)).unwrap()));
        let ids: Vec<_> = list.iter().map(Solved::id).collect();
        assert_eq!(ids, ["echo", "gone"]);
        assert_eq!(list[1].at(), at(9));
        assert_eq!(list[0].at(), at(10) + Duration::hours(1));
    }
}
