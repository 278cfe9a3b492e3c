//! Golden quizzes: the questions a few quiz links show are pinned in
//! `tests/fixtures/quiz-golden.txt`, so a change to how quizzes are drawn cannot slip through
//! unnoticed (it would change every shared link's quiz).
//!
//! After an intended catalogue change, regenerate the fixture and commit it:
//! `UPDATE_GOLDEN=1 cargo test --test quiz_golden`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "golden/quizzes.rs"]
mod quizzes;

use std::path::PathBuf;

use http_study::quiz::Kind;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quiz-golden.txt")
}

#[test]
fn golden_quiz_links_still_show_their_pinned_quizzes() {
    let now = quizzes::render();
    if std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1") {
        std::fs::write(fixture(), &now).expect("write the golden fixture");
        eprintln!("wrote {}", fixture().display());
        return;
    }
    let pinned = std::fs::read_to_string(fixture()).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}. Write it with UPDATE_GOLDEN=1 cargo test --test quiz_golden",
            fixture().display()
        )
    });
    if let Some(problem) = quizzes::difference(&pinned, &now) {
        panic!("{problem}");
    }
}

/// The pinned links between them ask every kind of question, so a change in how any kind
/// draws its options shows in the fixture.
#[test]
fn golden_quiz_links_ask_every_kind_of_question() {
    let asked: Vec<Kind> = quizzes::pinned_quizzes()
        .iter()
        .flat_map(|(_, quiz)| quiz.iter().map(|q| q.kind))
        .collect();
    for kind in Kind::ALL {
        assert!(
            asked.contains(&kind),
            "no pinned link asks a {kind:?} question"
        );
    }
}

#[test]
fn a_golden_difference_names_the_link_and_says_what_it_means() {
    let pinned = quizzes::render();
    assert_eq!(quizzes::difference(&pinned, &pinned), None);
    let changed = pinned.replacen("   <- right", "", 1);
    let message = quizzes::difference(&pinned, &changed).expect("a difference");
    assert!(
        message.contains("/quiz?deck=beginner&n=10&seed=42"),
        "{message}"
    );
    assert!(message.contains("question 1. "), "{message}");
    assert!(message.contains("every shared quiz link now shows a different quiz"));
    assert!(message.contains("UPDATE_GOLDEN=1 cargo test --test quiz_golden"));
}
