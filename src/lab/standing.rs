//! Where a learner stands with the challenges, as the lab and the Progress page show it: one
//! function, so that the two pages say the same.

use chrono::{DateTime, Utc};

use super::challenges::{challenges, Challenge};
use crate::progress::Progress;

/// One challenge and whether the learner's record holds it solved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChallengeStanding {
    pub challenge: &'static Challenge,
    /// When it was first solved; `None` while it is not.
    pub solved: Option<DateTime<Utc>>,
}

/// Every challenge, in the lab's order, with whether it is solved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub challenges: Vec<ChallengeStanding>,
    /// How many of them are solved.
    pub solved: usize,
}

impl Standing {
    /// "Lab: 7 of 43 challenges solved".
    pub fn line(&self) -> String {
        format!(
            "Lab: {} of {} challenges solved",
            self.solved,
            self.challenges.len()
        )
    }

    /// The solved challenges, in the lab's order.
    pub fn solved(&self) -> impl Iterator<Item = &ChallengeStanding> {
        self.challenges.iter().filter(|c| c.solved.is_some())
    }

    /// The standing of the challenge `id`, if the lab has one so named.
    pub fn of(&self, id: &str) -> Option<&ChallengeStanding> {
        self.challenges.iter().find(|c| c.challenge.id == id)
    }
}

/// Where the learner whose record is `progress` stands with every challenge. A record's ids
/// that name no challenge of this lab are kept in the record and not shown.
pub fn standing(progress: &Progress) -> Standing {
    let challenges: Vec<ChallengeStanding> = challenges()
        .iter()
        .map(|c| ChallengeStanding {
            challenge: c,
            solved: progress.solved_at(c.id),
        })
        .collect();
    let solved = challenges.iter().filter(|c| c.solved.is_some()).count();
    Standing { challenges, solved }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_standing_lists_every_challenge_and_counts_those_solved_not_retired_ones() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap();
        let mut p = Progress::default();
        p.solve("not-found", at).unwrap();
        p.solve("echo", at).unwrap();
        p.solve("retired-long-ago", at).unwrap();
        let s = standing(&p);
        assert_eq!(s.challenges.len(), challenges().len());
        assert_eq!(s.solved, 2);
        assert_eq!(
            s.line(),
            format!("Lab: 2 of {} challenges solved", challenges().len())
        );
        assert_eq!(s.of("echo").and_then(|c| c.solved), Some(at));
        assert_eq!(s.of("gone").and_then(|c| c.solved), None);
        let order: Vec<&str> = s.solved().map(|c| c.challenge.id).collect();
        let lab_order: Vec<&str> = challenges()
            .iter()
            .map(|c| c.id)
            .filter(|id| ["not-found", "echo"].contains(id))
            .collect();
        assert_eq!(order, lab_order, "in the lab's order");
    }
}
