//! Questions, the learner's responses, and the feedback on them.

use std::fmt;

use super::item::{code_title, studied_codes, Item};
use crate::catalogue::{self, lookup_code, Citation, CodeLookup, CONFUSABLE_GROUPS};

/// The kinds of question the engine asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// "What is 503?", options are code names.
    CodeToName,
    /// "Which code means: …?", options are code numbers.
    MeaningToCode,
    /// "<situation> Which status code fits best?", options are code numbers.
    ScenarioToCode,
    /// "Is PATCH idempotent?", options Yes / No (and "Only under conditions" for Cacheable).
    MethodProperty,
    /// "Which class does 429 belong to?", options are classes.
    ClassOfCode,
    /// "Which code means: <what a confusable group says this code signals>?", options are the
    /// group's codes.
    ConfusablePair,
    /// "True or false, about <topic>: <claim or truth>".
    Misconception,
    /// "Which header must a 401 response carry?", options are header names.
    CompanionHeader,
    /// "Type the code number: <meaning or situation>", answered by typing.
    TypedCode,
    /// An example exchange with its status code hidden: "Which status code does the server
    /// send here?", options are code numbers.
    ReadExchange,
    /// An example exchange: "What does the client do next?", options are actions.
    ClientNext,
    /// An exchange that breaks one rule, or none: "What is wrong?", options are faults.
    SpotFault,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 12] = [
        Kind::CodeToName,
        Kind::MeaningToCode,
        Kind::ScenarioToCode,
        Kind::MethodProperty,
        Kind::ClassOfCode,
        Kind::ConfusablePair,
        Kind::Misconception,
        Kind::CompanionHeader,
        Kind::TypedCode,
        Kind::ReadExchange,
        Kind::ClientNext,
        Kind::SpotFault,
    ];
}

/// What an option stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Code(u16),
    /// The name of that code.
    Name(u16),
    Header(&'static str),
    Class(u8),
    Bool(bool),
    /// "Only under conditions": the third answer to "Is POST cacheable?", for methods whose
    /// cacheability the catalogue gives as qualified.
    Qualified,
    /// What a client does next.
    Action(catalogue::ClientAction),
    /// What is wrong with an exchange.
    Fault(super::faults::Fault),
}

/// One option of a multiple-choice question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: String,
    pub value: Value,
}

/// The right answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// The index of the correct choice.
    Option(usize),
    /// A typed code: `best`, or one of the defensible `also` codes.
    Code { best: u16, also: &'static [u16] },
}

/// One quiz question, generated from the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub item: Item,
    pub kind: Kind,
    pub prompt: String,
    /// What the question asks the learner to read, shown as HTTP text under the prompt (an
    /// example exchange with its status code hidden), if anything.
    pub exhibit: Option<String>,
    /// For "Spot the fault": the exchange as it should be, shown with the feedback.
    pub corrected: Option<String>,
    /// Empty for [`Kind::TypedCode`].
    pub options: Vec<Choice>,
    pub answer: Answer,
    /// From the catalogue: why the answer is right.
    pub explanation: String,
    pub cite: Citation,
    /// Reference path for "read more".
    pub reference: String,
}

/// What the learner did.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// The index of the chosen option.
    Option(usize),
    /// The text typed, as typed.
    Typed(String),
    /// "I don't know": shows the answer, and counts as not known.
    DontKnow,
}

/// What a response was: right, wrong, or "I don't know" (not known yet, which is no wrong
/// answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    Wrong,
    NotKnownYet,
}

impl Verdict {
    /// As the feedback shows it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Right => "\u{2713} Correct",
            Verdict::Wrong => "\u{2717} Incorrect",
            Verdict::NotKnownYet => "Not known yet",
        }
    }
}

/// The verdict on a response, with everything needed to learn from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// Right (for the score and the schedule); "I don't know" is not right.
    pub correct: bool,
    pub verdict: Verdict,
    /// e.g. "403 Forbidden", "No", "WWW-Authenticate".
    pub correct_answer: String,
    pub explanation: String,
    pub cite: Citation,
    pub reference: String,
    /// When wrong: what the chosen option means and what tells it apart from the right one,
    /// from the catalogue. When a typed answer is one of the scenario's `also` codes, it counts
    /// as correct and this note says it is defensible but not the best. `None` when correct
    /// otherwise, and for a wrong Yes/No on a method property (the explanation says it all).
    pub chosen_note: Option<String>,
    /// The exchange as it should be, beside the faulty one (for "Spot the fault").
    pub corrected: Option<String>,
}

/// `text` with a full stop added unless it already ends a sentence.
pub(crate) fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "You chose 401 Unauthorized: <meaning> 401: <tell> 403: <tell>", the tells when `chosen`
/// and `answer` share a confusable group.
pub(crate) fn code_note(verb: &str, chosen: u16, answer: u16) -> String {
    let mut note = match catalogue::status_code(chosen) {
        Some(c) => format!("{verb} {} {}: {}", c.code, c.name, sentence(c.meaning)),
        None => format!("{verb} {chosen}."),
    };
    let shared = CONFUSABLE_GROUPS
        .iter()
        .find(|g| g.codes.contains(&chosen) && g.codes.contains(&answer));
    if let Some(group) = shared {
        let (c, a) = (chosen.to_string(), answer.to_string());
        match (group.tell(&c), group.tell(&a)) {
            (Some(tc), Some(ta)) => {
                note.push_str(&format!(" {c}: {} {a}: {}", sentence(tc), sentence(ta)));
            }
            _ => {
                note.push(' ');
                note.push_str(&sentence(group.distinction));
            }
        }
    }
    note
}

/// Why typed text is not a code number. A quiz does not grade such text: it says what is
/// wrong, and the learner types again (or chooses "I don't know").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypedError {
    /// Nothing but spaces.
    Empty,
    /// Digits with the letter O among them: "4O4".
    LetterO { typed: String, meant: String },
    /// A sign before the digits: "-1", "+200".
    Signed(String),
    /// Not a number at all: "abc", "4 03".
    NotDigits(String),
    /// Digits, but not three of them: "1000", "40".
    Length(String),
    /// Three digits outside 100 to 599: "099", "600".
    OutOfRange(u16),
}

impl fmt::Display for TypedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypedError::Empty => write!(
                f,
                "Type a code number (three digits, like 404), or choose \u{201c}I don\u{2019}t know\u{201d}."
            ),
            TypedError::LetterO { typed, meant } => write!(
                f,
                "\u{201c}{typed}\u{201d} has the letter O in it, and codes are digits only. Did you mean {meant}?"
            ),
            TypedError::Signed(text) => write!(
                f,
                "\u{201c}{text}\u{201d} is not a status code: codes are three digits from 100 to 599, with no sign."
            ),
            TypedError::NotDigits(text) => write!(
                f,
                "\u{201c}{text}\u{201d} is not a code number: type three digits, like 404."
            ),
            TypedError::Length(text) => write!(
                f,
                "\u{201c}{text}\u{201d} has {} digits: a status code has three, from 100 to 599.",
                text.len()
            ),
            TypedError::OutOfRange(n) => write!(
                f,
                "{n:03} is not a status code: codes run from 100 to 599."
            ),
        }
    }
}

/// The code number in typed text, or why there is none. Spaces around it and one full stop
/// after it are forgiven; anything else must be three digits from 100 to 599.
pub fn parse_typed(text: &str) -> Result<u16, TypedError> {
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text).trim_end();
    if text.is_empty() {
        return Err(TypedError::Empty);
    }
    let digits_with_o = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'o' || b == b'O');
    if digits_with_o
        && text.bytes().any(|b| b.is_ascii_digit())
        && !text.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(TypedError::LetterO {
            typed: text.to_string(),
            meant: text.replace(['o', 'O'], "0"),
        });
    }
    if let Some(rest) = text.strip_prefix(['-', '+']) {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TypedError::Signed(text.to_string()));
        }
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TypedError::NotDigits(text.to_string()));
    }
    if text.len() != 3 {
        return Err(TypedError::Length(text.to_string()));
    }
    let n: u16 = text
        .parse()
        .map_err(|_| TypedError::NotDigits(text.to_string()))?;
    if !(100..=599).contains(&n) {
        return Err(TypedError::OutOfRange(n));
    }
    Ok(n)
}

impl Question {
    /// Whether `response` can be graded: typed text must be a code number
    /// ([`parse_typed`]); everything else can.
    pub fn gradable(&self, response: &Response) -> Result<(), TypedError> {
        match (&self.answer, response) {
            (Answer::Code { .. }, Response::Typed(text)) => parse_typed(text).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// For a wrong response that names a code (an option that is a code or a code's name, or
    /// a typed code): that code, which the learner took for the right one. `None` for a right
    /// answer, "I don't know", and options that are no code (a header, yes or no, a class).
    pub fn confused_with(&self, response: &Response) -> Option<u16> {
        if self.is_correct(response) {
            return None;
        }
        match (&self.answer, response) {
            (Answer::Option(_), Response::Option(i)) => match self.options.get(*i)?.value {
                Value::Code(n) | Value::Name(n) => Some(n),
                _ => None,
            },
            (Answer::Code { .. }, Response::Typed(text)) => parse_typed(text).ok(),
            _ => None,
        }
    }

    /// Whether `response` answers the question; a typed `also` code counts.
    pub fn is_correct(&self, response: &Response) -> bool {
        match (&self.answer, response) {
            (Answer::Option(i), Response::Option(j)) => i == j && *j < self.options.len(),
            (Answer::Code { best, also }, Response::Typed(text)) => {
                parse_typed(text).is_ok_and(|n| n == *best || also.contains(&n))
            }
            _ => false,
        }
    }

    /// A response as the learner gave it: the chosen option's label, the typed text, or
    /// "I don't know".
    pub fn response_label(&self, response: &Response) -> String {
        match response {
            Response::Option(i) => self
                .options
                .get(*i)
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            Response::Typed(text) => text.trim().to_string(),
            Response::DontKnow => "I don\u{2019}t know".to_string(),
        }
    }

    /// The right answer as a learner reads it: "403 Forbidden", "No", "WWW-Authenticate".
    pub fn correct_answer(&self) -> String {
        match &self.answer {
            Answer::Code { best, .. } => code_title(*best),
            Answer::Option(i) => match self.options.get(*i) {
                Some(Choice {
                    value: Value::Code(n) | Value::Name(n),
                    ..
                }) => code_title(*n),
                Some(choice) => choice.label.clone(),
                None => String::new(),
            },
        }
    }

    /// The verdict on `response`: right or wrong, the right answer, why, and (when wrong) what
    /// the chosen answer means instead. Typed answers are trimmed and must be digits; anything
    /// else is simply incorrect.
    pub fn feedback(&self, response: &Response) -> Feedback {
        let (correct, chosen_note) = self.judge(response);
        let verdict = match (correct, response) {
            (true, _) => Verdict::Right,
            (false, Response::DontKnow) => Verdict::NotKnownYet,
            (false, _) => Verdict::Wrong,
        };
        Feedback {
            correct,
            verdict,
            correct_answer: self.correct_answer(),
            explanation: self.explanation.clone(),
            cite: self.cite,
            reference: self.reference.clone(),
            chosen_note,
            corrected: self.corrected.clone(),
        }
    }

    fn judge(&self, response: &Response) -> (bool, Option<String>) {
        match (&self.answer, response) {
            (_, Response::DontKnow) => (
                false,
                Some("You chose \u{201c}I don\u{2019}t know\u{201d}: here is the answer, and it will come back soon.".to_string()),
            ),
            (Answer::Option(right), Response::Option(chosen)) => {
                if right == chosen {
                    return (true, None);
                }
                match (self.options.get(*chosen), self.options.get(*right)) {
                    (Some(chosen), Some(right)) => (false, self.wrong_choice_note(chosen, right)),
                    _ => (false, Some("That is not one of the options.".to_string())),
                }
            }
            (Answer::Option(_), Response::Typed(_)) => (
                false,
                Some("This question is answered by choosing an option.".to_string()),
            ),
            (Answer::Code { .. }, Response::Option(_)) => (
                false,
                Some("This question is answered by typing a code number.".to_string()),
            ),
            (Answer::Code { best, also }, Response::Typed(text)) => {
                let typed = match parse_typed(text) {
                    Ok(n) => n,
                    Err(why) => return (false, Some(why.to_string())),
                };
                if typed == *best {
                    (true, None)
                } else if also.contains(&typed) {
                    (
                        true,
                        Some(format!(
                            "{} is defensible here, but {} fits best.",
                            code_title(typed),
                            code_title(*best)
                        )),
                    )
                } else {
                    (false, Some(typed_note(text, typed, *best)))
                }
            }
        }
    }

    fn wrong_choice_note(&self, chosen: &Choice, right: &Choice) -> Option<String> {
        match (chosen.value, right.value) {
            (Value::Code(c) | Value::Name(c), Value::Code(a) | Value::Name(a)) => {
                Some(code_note("You chose", c, a))
            }
            (Value::Header(h), _) => {
                let owners: Vec<String> = studied_codes()
                    .filter(|c| c.headers.iter().any(|r| r.name == h))
                    .map(|c| c.code.to_string())
                    .collect();
                let of = match self.item {
                    Item::Code(n) => n.to_string(),
                    _ => "this code".to_string(),
                };
                Some(if owners.is_empty() {
                    format!("You chose {h}, which is not listed for {of}.")
                } else {
                    format!(
                        "You chose {h}, which goes with {} rather than {of}.",
                        join_and(&owners)
                    )
                })
            }
            (Value::Class(d), _) => Some(match catalogue::class(d) {
                Some(class) => format!(
                    "You chose {} {}: {}",
                    class.label(),
                    class.name,
                    sentence(class.meaning)
                ),
                None => format!("You chose {}.", chosen.label),
            }),
            (_, _) if self.kind == Kind::Misconception => {
                Some(if right.value == Value::Bool(false) {
                    format!(
                        "You chose {}, but this claim is a misconception.",
                        chosen.label
                    )
                } else {
                    format!("You chose {}, but the statement is correct.", chosen.label)
                })
            }
            _ => None,
        }
    }
}

/// The note for a wrong typed code.
fn typed_note(text: &str, typed: u16, best: u16) -> String {
    match lookup_code(text) {
        CodeLookup::Registered(c) => code_note("You typed", c.code, best),
        CodeLookup::Unassigned { code, .. } => {
            format!("You typed {code}, which is not a registered status code.")
        }
        CodeLookup::OutOfRange(_) | CodeLookup::NotANumber(_) => {
            format!("You typed {typed}, which is not a status code.")
        }
    }
}

/// "a, b and c"
pub(crate) fn join_and(parts: &[String]) -> String {
    join_with(parts, "and")
}

/// "a, b or c" for `join_with(parts, "or")`.
pub(crate) fn join_with(parts: &[String], conjunction: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}
