//! One quiz being played: which question is showing, the answers given, and the score.

use crate::quiz::{Feedback, Question, Response};

/// A quiz in progress. Each question is answered once; feedback stays until the learner moves on.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizRun {
    questions: Vec<Question>,
    index: usize,
    results: Vec<Option<(Response, Feedback)>>,
}

impl QuizRun {
    pub fn new(questions: Vec<Question>) -> Self {
        let results = vec![None; questions.len()];
        QuizRun {
            questions,
            index: 0,
            results,
        }
    }

    /// The question showing, or `None` once the quiz is over.
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// 1-based position of the current question, and the number of questions.
    pub fn position(&self) -> (usize, usize) {
        (
            (self.index + 1).min(self.questions.len()),
            self.questions.len(),
        )
    }

    /// The feedback for the current question, once it has been answered.
    pub fn feedback(&self) -> Option<&Feedback> {
        self.results
            .get(self.index)
            .and_then(Option::as_ref)
            .map(|(_, f)| f)
    }

    /// What the learner answered to the current question, once answered.
    pub fn response(&self) -> Option<&Response> {
        self.results
            .get(self.index)
            .and_then(Option::as_ref)
            .map(|(r, _)| r)
    }

    /// Answers the current question. A second answer to the same question is ignored (`None`).
    pub fn answer(&mut self, response: &Response) -> Option<Feedback> {
        let question = self.questions.get(self.index)?;
        if self.results[self.index].is_some() {
            return None;
        }
        let feedback = question.feedback(response);
        self.results[self.index] = Some((response.clone(), feedback.clone()));
        Some(feedback)
    }

    /// Moves on after an answered question. False when there was nothing to move on from.
    pub fn advance(&mut self) -> bool {
        if self.feedback().is_none() {
            return false;
        }
        self.index += 1;
        true
    }

    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// (right answers, questions).
    pub fn score(&self) -> (usize, usize) {
        let right = self
            .results
            .iter()
            .flatten()
            .filter(|(_, f)| f.correct)
            .count();
        (right, self.questions.len())
    }

    /// The questions answered wrongly, with their feedback.
    pub fn missed(&self) -> Vec<(Question, Feedback)> {
        self.questions
            .iter()
            .zip(&self.results)
            .filter_map(|(q, f)| match f {
                Some((_, f)) if !f.correct => Some((q.clone(), f.clone())),
                _ => None,
            })
            .collect()
    }
}

/// The quiz lengths a learner can choose.
pub const LENGTHS: [usize; 3] = [10, 20, 50];

/// What a quiz URL names: `/quiz?deck=beginner&n=10&seed=42`. The same URL gives the same quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizSpec {
    pub deck: crate::quiz::Deck,
    pub length: usize,
    pub seed: u64,
}

impl QuizSpec {
    /// Reads a quiz from URL parameters. `Ok(None)` when there is no seed (show the set-up
    /// form); `Err` with a sentence for the learner when a parameter is not understood.
    pub fn from_query(
        deck: Option<&str>,
        length: Option<&str>,
        seed: Option<&str>,
    ) -> Result<Option<QuizSpec>, String> {
        let Some(seed) = seed else {
            return Ok(None);
        };
        let seed = seed
            .trim()
            .parse::<u64>()
            .map_err(|_| format!("The quiz link's seed \"{seed}\" is not a whole number, so the quiz could not be rebuilt."))?;
        let deck = match deck {
            None => crate::quiz::Deck::Everything,
            Some(id) => crate::quiz::Deck::from_id(id).ok_or_else(|| {
                format!("The quiz link names a deck \"{id}\" that this app does not have.")
            })?,
        };
        let length = match length {
            None => LENGTHS[0],
            Some(n) => n
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| LENGTHS.contains(n))
                .ok_or_else(|| {
                    format!("The quiz link asks for \"{n}\" questions; a quiz has 10, 20 or 50.")
                })?,
        };
        Ok(Some(QuizSpec { deck, length, seed }))
    }

    /// The URL of this quiz.
    pub fn path(&self) -> String {
        format!(
            "{}?deck={}&n={}&seed={}",
            crate::routes::Page::Quiz.path(),
            self.deck.id(),
            self.length,
            self.seed
        )
    }
}
