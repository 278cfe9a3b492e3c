//! The quizzes the golden fixture (`tests/fixtures/quiz-golden.txt`) pins, written out as a
//! learner meets them. Shared by the native golden test (`tests/quiz_golden.rs`, which can
//! also rewrite the fixture) and the browser check in `tests/web/quiz.rs` (the wasm build must
//! draw the same quizzes).

use std::fmt::Write;

use http_study::quiz::{generate_quiz, Answer, Deck, Question, QuizSpec};

/// The pinned quiz links: the beginner link the README and the end-to-end tests use, a long
/// mixed quiz, the methods deck, and a class deck (which never asks "which class?").
const LINKS: [QuizSpec; 4] = [
    QuizSpec {
        deck: Deck::Beginner,
        length: 10,
        seed: 42,
        studied: false,
    },
    QuizSpec {
        deck: Deck::Everything,
        length: 20,
        seed: 17,
        studied: false,
    },
    QuizSpec {
        deck: Deck::Methods,
        length: 10,
        seed: 7,
        studied: false,
    },
    QuizSpec {
        deck: Deck::Class(4),
        length: 10,
        seed: 123_456_789,
        studied: false,
    },
];

/// Each pinned link with the quiz it shows today.
pub fn pinned_quizzes() -> Vec<(QuizSpec, Vec<Question>)> {
    LINKS
        .iter()
        .map(|&spec| (spec, generate_quiz(spec.deck, spec.length, spec.seed)))
        .collect()
}

/// The text of the fixture: for each link, each question's item key, kind, prompt, options in
/// the order shown and the right answer.
pub fn render() -> String {
    let mut out = String::from(
        "# The quizzes these links show. A change here means every shared quiz link now shows a\n\
         # different quiz. Written by tests/quiz_golden.rs: do not edit by hand. After an\n\
         # intended catalogue change (data/*.toml), regenerate with\n\
         #     UPDATE_GOLDEN=1 cargo test --test quiz_golden\n",
    );
    for (spec, quiz) in pinned_quizzes() {
        let (deck, length, seed) = (spec.deck, spec.length, spec.seed);
        let _ = writeln!(
            out,
            "\n## {}  (generate_quiz({deck:?}, {length}, {seed}))",
            spec.path()
        );
        for (i, q) in quiz.iter().enumerate() {
            let _ = writeln!(out, "\n{}. {} {:?}", i + 1, q.item.key(), q.kind);
            let _ = writeln!(out, "   {}", q.prompt);
            match &q.answer {
                Answer::Option(right) => {
                    for (j, o) in q.options.iter().enumerate() {
                        let letter = char::from(b'A' + j as u8);
                        let mark = if j == *right { "   <- right" } else { "" };
                        let _ = writeln!(out, "   {letter}. {}{mark}", o.label);
                    }
                }
                Answer::Code { best, also: [] } => {
                    let _ = writeln!(out, "   typed: {best}");
                }
                Answer::Code { best, also } => {
                    let also: Vec<String> = also.iter().map(u16::to_string).collect();
                    let _ = writeln!(out, "   typed: {best} (also counts: {})", also.join(", "));
                }
            }
        }
    }
    out
}

/// `None` when `now` is the `pinned` text; otherwise what a maintainer needs to read: the
/// first line that differs, under which link, and what a change here means.
pub fn difference(pinned: &str, now: &str) -> Option<String> {
    if pinned == now {
        return None;
    }
    let (pinned_lines, now_lines): (Vec<&str>, Vec<&str>) =
        (pinned.lines().collect(), now.lines().collect());
    let at = (0..pinned_lines.len().max(now_lines.len()))
        .find(|&i| pinned_lines.get(i) != now_lines.get(i))
        .unwrap_or(0);
    let before = &now_lines[..at.min(now_lines.len())];
    let link = before
        .iter()
        .rev()
        .find(|l| l.starts_with("## "))
        .map_or("the header", |l| l.trim_start_matches("## "));
    // The question the line belongs to ("3. code:504 CodeToName"), if it is under one.
    let question = before
        .iter()
        .rev()
        .take_while(|l| !l.starts_with("## "))
        .find(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .map_or(String::new(), |l| format!(", question {l}"));
    let show = |line: Option<&&str>| line.map_or("(no line)".to_string(), |l| format!("{l:?}"));
    Some(format!(
        "The golden quizzes changed, first at line {} ({link}{question}):\n  pinned: {}\n  now:    {}\n\n\
         A change here means every shared quiz link now shows a different quiz.\n\
         If the catalogue (data/*.toml) was edited on purpose, regenerate the fixture with\n\
         \x20   UPDATE_GOLDEN=1 cargo test --test quiz_golden\n\
         and commit it with the catalogue change. Otherwise quiz generation changed behaviour\n\
         (src/quiz/random.rs or src/quiz/generate.rs): put it back.",
        at + 1,
        show(pinned_lines.get(at)),
        show(now_lines.get(at)),
    ))
}
