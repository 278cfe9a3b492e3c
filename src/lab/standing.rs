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
