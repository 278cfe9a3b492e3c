//! One quiz being played: which question is showing, the answers given, and the score.

use std::fmt;

use super::{Deck, Feedback, Question, Response, TypedError};

/// Why an answer was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotTaken {
    /// The quiz is over, or this question was already answered.
    Answered,
    /// The typed text is not a code number: nothing is graded, the learner types again.
    Typed(TypedError),
}

impl fmt::Display for NotTaken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotTaken::Answered => write!(f, "This question has already been answered."),
            NotTaken::Typed(why) => write!(f, "{why}"),
        }
    }
}

/// A question answered wrongly, for the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Missed {
    pub question: Question,
    pub feedback: Feedback,
    /// What the learner answered, as they saw it: "401 Unauthorized", "I don't know".
    pub yours: String,
}

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

    /// Answers the current question. A second answer to the same question is not taken, and
    /// neither is typed text that is not a code number (nothing is graded: the learner is told
    /// why and types again).
    pub fn answer(&mut self, response: &Response) -> Result<Feedback, NotTaken> {
        let question = self.questions.get(self.index).ok_or(NotTaken::Answered)?;
        if self.results[self.index].is_some() {
            return Err(NotTaken::Answered);
        }
        question.gradable(response).map_err(NotTaken::Typed)?;
        let feedback = question.feedback(response);
        self.results[self.index] = Some((response.clone(), feedback.clone()));
        Ok(feedback)
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

    /// The questions answered wrongly, with their feedback and the learner's own answer.
    pub fn missed(&self) -> Vec<Missed> {
        self.questions
            .iter()
            .zip(&self.results)
            .filter_map(|(q, f)| match f {
                Some((response, f)) if !f.correct => Some(Missed {
                    yours: q.response_label(response),
                    question: q.clone(),
                    feedback: f.clone(),
                }),
                _ => None,
            })
            .collect()
    }
}

/// The quiz lengths a learner can choose.
pub const LENGTHS: [usize; 3] = [10, 20, 50];

/// What a quiz URL names: `/quiz?deck=beginner&n=10&seed=42`. The same URL gives the same quiz;
/// with `&only=studied` it asks only about the deck's items the learner has started (so the
/// same link gives each learner a quiz on what they know).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizSpec {
    pub deck: Deck,
    pub length: usize,
    pub seed: u64,
    /// Only the items the learner has started.
    pub studied: bool,
}

impl QuizSpec {
    /// Reads a quiz from URL parameters. `Ok(None)` when there is no seed (show the set-up
    /// form); `Err` with a sentence for the learner when a parameter is not understood.
    pub fn from_query(
        deck: Option<&str>,
        length: Option<&str>,
        seed: Option<&str>,
        only: Option<&str>,
    ) -> Result<Option<QuizSpec>, String> {
        let Some(seed) = seed else {
            return Ok(None);
        };
        let seed = seed
            .trim()
            .parse::<u64>()
            .map_err(|_| format!("The quiz link's seed \"{seed}\" is not a whole number, so the quiz could not be rebuilt."))?;
        let deck = match deck {
            None => Deck::Everything,
            Some(id) => Deck::from_id(id).ok_or_else(|| {
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
        let studied = match only {
            None => false,
            Some("studied") => true,
            Some(other) => {
                return Err(format!(
                    "The quiz link asks only for \"{other}\"; the one choice is \"studied\" (what you have started)."
                ))
            }
        };
        Ok(Some(QuizSpec {
            deck,
            length,
            seed,
            studied,
        }))
    }

    /// A new quiz's seed from 64 random bits: their top 32, so the link stays short (ten digits
    /// at most, as seeds have always been) and still names one of four billion quizzes for
    /// each deck and length.
    pub fn seed_from_entropy(bits: u64) -> u64 {
        bits >> 32
    }

    /// The URL of this quiz.
    pub fn path(&self) -> String {
        format!(
            "{}?deck={}&n={}&seed={}{}",
            crate::routes::Page::Quiz.path(),
            self.deck.id(),
            self.length,
            self.seed,
            if self.studied { "&only=studied" } else { "" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{generate_quiz, Answer};

    fn right_response(q: &Question) -> Response {
        match &q.answer {
            Answer::Option(i) => Response::Option(*i),
            Answer::Code { best, .. } => Response::Typed(best.to_string()),
        }
    }

    fn wrong_response(q: &Question) -> Response {
        match &q.answer {
            Answer::Option(i) => Response::Option((i + 1) % q.options.len()),
            Answer::Code { .. } => Response::DontKnow,
        }
    }

    #[test]
    fn a_played_quiz_counts_right_answers_and_lists_the_missed_ones() {
        let mut run = QuizRun::new(generate_quiz(Deck::Beginner, 10, 3));
        assert_eq!(run.position(), (1, 10));
        let mut wrong_prompts = Vec::new();
        let mut i = 0;
        while let Some(q) = run.current().cloned() {
            let response = if i % 3 == 0 {
                wrong_prompts.push(q.prompt.clone());
                wrong_response(&q)
            } else {
                right_response(&q)
            };
            assert!(run.answer(&response).is_ok());
            assert!(run.advance());
            i += 1;
        }
        assert!(run.finished());
        assert_eq!(run.score(), (6, 10));
        let missed = run.missed();
        let prompts: Vec<String> = missed.iter().map(|m| m.question.prompt.clone()).collect();
        assert_eq!(prompts, wrong_prompts);
        for m in &missed {
            assert_ne!(
                m.yours, m.feedback.correct_answer,
                "the learner's own answer is kept"
            );
            assert!(!m.yours.is_empty());
        }
    }

    #[test]
    fn a_question_is_answered_once_and_cannot_be_skipped() {
        let mut run = QuizRun::new(generate_quiz(Deck::Methods, 10, 1));
        assert!(!run.advance(), "no moving on before answering");
        let q = run.current().unwrap().clone();
        let first = run.answer(&right_response(&q)).unwrap();
        assert!(first.correct);
        assert_eq!(
            run.answer(&wrong_response(&q)),
            Err(NotTaken::Answered),
            "a second answer is not taken"
        );
        assert_eq!(run.response(), Some(&right_response(&q)));
        assert!(run.feedback().unwrap().correct);
    }

    #[test]
    fn typed_text_that_is_not_a_code_is_explained_and_not_graded() {
        // Fault: "abc", "4O4" and "" once counted as wrong answers (and an Again grade).
        let typed = generate_quiz(Deck::Everything, 50, 3)
            .into_iter()
            .find(|q| matches!(q.answer, Answer::Code { .. }))
            .expect("a typed question");
        let mut run = QuizRun::new(vec![typed.clone()]);
        for (text, says) in [
            ("", "Type a code number"),
            ("abc", "not a code number"),
            ("4O4", "Did you mean 404?"),
            ("1000", "has 4 digits"),
            ("-1", "no sign"),
            ("600", "from 100 to 599"),
        ] {
            let refused = run.answer(&Response::Typed(text.into())).unwrap_err();
            assert!(refused.to_string().contains(says), "{text:?}: {refused}");
            assert_eq!(run.feedback(), None, "{text:?} was not graded");
        }
        let Answer::Code { best, .. } = typed.answer else {
            unreachable!()
        };
        let feedback = run.answer(&Response::Typed(format!(" {best} "))).unwrap();
        assert!(
            feedback.correct,
            "spaces around the right code are forgiven"
        );
        assert_eq!(run.score(), (1, 1));
    }

    #[test]
    fn i_dont_know_shows_the_answer_and_counts_as_wrong() {
        let q = generate_quiz(Deck::Beginner, 10, 5).remove(0);
        let mut run = QuizRun::new(vec![q]);
        let feedback = run.answer(&Response::DontKnow).unwrap();
        assert!(!feedback.correct);
        assert!(!feedback.correct_answer.is_empty());
        assert!(feedback
            .chosen_note
            .unwrap()
            .contains("I don\u{2019}t know"));
        assert_eq!(run.score(), (0, 1));
    }

    #[test]
    fn a_quiz_url_round_trips_and_bad_parameters_are_explained() {
        let spec = QuizSpec {
            deck: Deck::Class(4),
            length: 20,
            seed: 42,
            studied: false,
        };
        assert_eq!(spec.path(), "/quiz?deck=4xx&n=20&seed=42");
        assert_eq!(
            QuizSpec::from_query(Some("4xx"), Some("20"), Some("42"), None),
            Ok(Some(spec))
        );
        let studied = QuizSpec {
            studied: true,
            ..spec
        };
        assert_eq!(studied.path(), "/quiz?deck=4xx&n=20&seed=42&only=studied");
        assert_eq!(
            QuizSpec::from_query(Some("4xx"), Some("20"), Some("42"), Some("studied")),
            Ok(Some(studied))
        );
        assert!(
            QuizSpec::from_query(Some("4xx"), Some("20"), Some("42"), Some("new"))
                .unwrap_err()
                .contains("\"new\"")
        );
        assert_eq!(QuizSpec::from_query(None, None, None, None), Ok(None));
        let defaults = QuizSpec::from_query(None, None, Some("7"), None)
            .unwrap()
            .unwrap();
        assert_eq!((defaults.deck, defaults.length), (Deck::Everything, 10));
        assert!(QuizSpec::from_query(None, None, Some("x"), None)
            .unwrap_err()
            .contains("\"x\""));
        assert!(QuizSpec::from_query(Some("6xx"), None, Some("1"), None)
            .unwrap_err()
            .contains("6xx"));
        assert!(QuizSpec::from_query(None, Some("7"), Some("1"), None)
            .unwrap_err()
            .contains("10, 20 or 50"));
    }

    #[test]
    fn a_new_quiz_link_has_a_short_seed_that_reads_back() {
        for bits in [0, 1 << 32, 0x0123_4567_89AB_CDEF, u64::MAX] {
            let seed = QuizSpec::seed_from_entropy(bits);
            assert!(seed.to_string().len() <= 10, "{seed}");
            let spec = QuizSpec {
                deck: Deck::Beginner,
                length: 10,
                seed,
                studied: false,
            };
            let query = spec.path();
            let read =
                QuizSpec::from_query(Some("beginner"), Some("10"), query.rsplit('=').next(), None);
            assert_eq!(read, Ok(Some(spec)), "{query}");
        }
        assert_eq!(QuizSpec::seed_from_entropy(u64::MAX), 4_294_967_295);
        assert_ne!(
            QuizSpec::seed_from_entropy(1 << 32),
            QuizSpec::seed_from_entropy(2 << 32),
            "the random bits reach the seed"
        );
    }
}
