use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::{mount_app_at, settle, texts, wait_until};

#[path = "../golden/quizzes.rs"]
mod golden;

fn first(container: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    container
        .query_selector(selector)
        .expect("query")
        .map(|e| e.unchecked_into())
}

fn stored_history_len() -> usize {
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("http-study/progress")
        .unwrap()
        .unwrap_or_default();
    serde_json::from_str::<serde_json::Value>(&raw)
        .ok()
        .and_then(|v| v.get("history").and_then(|h| h.as_array()).map(Vec::len))
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn a_seeded_quiz_shows_a_question_and_cited_feedback_after_an_answer() {
    let container = mount_app_at("/quiz?deck=beginner&n=10&seed=7").await;
    assert_eq!(texts(&container, ".quiz-position"), ["Question 1 of 10"]);
    let prompt = texts(&container, "[data-testid=question]");
    assert_eq!(prompt.len(), 1);
    assert!(!prompt[0].is_empty());
    let before = stored_history_len();

    if let Some(option) = first(&container, "[data-testid=option]") {
        option.click();
    } else {
        super::type_into(&container, "[data-testid=answer-input]", "404").await;
        first(&container, "[data-testid=submit]").unwrap().click();
    }
    assert!(wait_until(|| first(&container, "[data-testid=feedback]").is_some()).await);
    let feedback = texts(&container, "[data-testid=feedback]")[0].clone();
    assert!(
        feedback.contains("Correct") || feedback.contains("Incorrect"),
        "{feedback}"
    );
    assert!(
        feedback.contains('§'),
        "the feedback cites a section: {feedback}"
    );
    assert_eq!(stored_history_len(), before + 1, "the answer is saved");

    // Options cannot be answered twice.
    if let Some(option) = first(&container, "[data-testid=option]") {
        assert!(option.has_attribute("disabled"));
    }
    first(&container, "[data-testid=next]").unwrap().click();
    settle().await;
    assert_eq!(texts(&container, ".quiz-position"), ["Question 2 of 10"]);
    assert!(first(&container, "[data-testid=feedback]").is_none());
}

/// Presses `key` on `target` as a browser does: a keydown that bubbles up to the window.
fn press(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a keyboard event");
    target.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn enter_moves_on_even_while_the_answered_input_or_option_holds_the_focus() {
    // Question after question, the answer is given and Enter is pressed on the control that was
    // just answered (now disabled): the quiz must move on every time, typed questions included.
    let container = mount_app_at("/quiz?deck=beginner&n=10&seed=42").await;
    for n in 1..=4 {
        assert_eq!(
            texts(&container, ".quiz-position"),
            [format!("Question {n} of 10")]
        );
        let control = if let Some(option) = first(&container, "[data-testid=option]") {
            option.click();
            option
        } else {
            super::type_into(&container, "[data-testid=answer-input]", "404").await;
            first(&container, "[data-testid=submit]").unwrap().click();
            first(&container, "[data-testid=answer-input]").unwrap()
        };
        assert!(wait_until(|| first(&container, "[data-testid=feedback]").is_some()).await);
        assert!(
            control.has_attribute("disabled"),
            "the answered control is disabled"
        );
        press(&control, "Enter");
        settle().await;
        assert!(
            first(&container, "[data-testid=feedback]").is_none(),
            "Enter moved on from question {n}"
        );
    }
    assert_eq!(texts(&container, ".quiz-position"), ["Question 5 of 10"]);
}

#[wasm_bindgen_test]
async fn enter_on_a_link_inside_the_feedback_moves_on_too() {
    let container = mount_app_at("/quiz?deck=methods&n=10&seed=3").await;
    first(&container, "[data-testid=option]").unwrap().click();
    assert!(wait_until(|| first(&container, "[data-testid=feedback]").is_some()).await);
    let link = first(&container, "[data-testid=feedback] a").expect("a link in the feedback");
    link.focus().unwrap();
    press(&link, "Enter");
    settle().await;
    assert_eq!(texts(&container, ".quiz-position"), ["Question 2 of 10"]);
}

#[wasm_bindgen_test]
async fn a_quiz_link_with_an_unknown_deck_explains_itself() {
    let container = mount_app_at("/quiz?deck=6xx&seed=1").await;
    let alert = texts(&container, "[role=alert]");
    assert_eq!(alert.len(), 1);
    assert!(alert[0].contains("\"6xx\""), "{alert:?}");
    assert!(first(&container, "[data-testid=start]").is_some());
}

#[wasm_bindgen_test]
async fn a_flashcard_flips_and_its_grade_buttons_show_intervals() {
    let container = mount_app_at("/study").await;
    assert!(first(&container, "[data-testid=card-back]").is_none());
    first(&container, "[data-testid=flip]")
        .expect("flip button")
        .click();
    settle().await;
    assert!(first(&container, "[data-testid=card-back]").is_some());
    let good = texts(&container, "[data-testid=grade-good]");
    assert!(good[0].starts_with("Good (3)"), "{good:?}");
    assert!(
        ["min", " h", " d", "mo", " y"]
            .iter()
            .any(|u| good[0].contains(u)),
        "{good:?}"
    );
    let before = stored_history_len();
    first(&container, "[data-testid=grade-good]")
        .unwrap()
        .click();
    settle().await;
    assert_eq!(stored_history_len(), before + 1);
    assert!(
        first(&container, "[data-testid=card-back]").is_none(),
        "the next card starts unflipped"
    );
    assert!(first(&container, "[data-testid=undo]").is_some());
}

/// The wasm build draws the quizzes the native golden test pinned, so a link opens the same
/// quiz in every browser as in `cargo test`.
#[wasm_bindgen_test]
fn the_browser_draws_the_pinned_golden_quizzes() {
    let pinned = include_str!("../fixtures/quiz-golden.txt");
    if let Some(problem) = golden::difference(pinned, &golden::render()) {
        panic!("{problem}");
    }
}

/// Start opens a quiz whose link carries a fresh seed from the browser's entropy source:
/// ten digits at most, and a new one each time.
#[wasm_bindgen_test]
async fn start_opens_a_quiz_whose_link_carries_a_fresh_short_seed() {
    let mut seeds = Vec::new();
    for _ in 0..2 {
        let container = mount_app_at("/quiz").await;
        first(&container, "[data-testid=start]")
            .expect("the Start button")
            .click();
        assert!(wait_until(|| first(&container, "[data-testid=question]").is_some()).await);
        let query = leptos::prelude::window()
            .location()
            .search()
            .expect("search");
        // A learner who has studied a few items is offered a quiz on them ("&only=studied").
        let seed = query
            .strip_prefix("?deck=beginner&n=10&seed=")
            .map(|rest| rest.trim_end_matches("&only=studied"))
            .unwrap_or_else(|| panic!("{query}"));
        assert!(
            (1..=10).contains(&seed.len()) && seed.bytes().all(|b| b.is_ascii_digit()),
            "{query}"
        );
        seeds.push(seed.to_string());
    }
    assert_ne!(seeds[0], seeds[1], "each Start draws a new seed");
}
