//! The Study page and the settings form in the browser: what a learner sees around the card.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::{mount_app_at, settle, texts, wait_until};

fn first(container: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    container
        .query_selector(selector)
        .expect("query")
        .map(|e| e.unchecked_into())
}

/// Sets a form control's value and fires `event` on it, as a choice or an edit by the learner.
fn set_value(control: &HtmlElement, value: &str, event: &str) {
    js_sys::Reflect::set(control, &"value".into(), &value.into()).expect("value");
    control
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict(event, &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .expect("event"),
        )
        .expect("dispatch");
}

fn press_on_focus(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a keyboard event");
    let target = document()
        .active_element()
        .unwrap_or_else(|| document().body().expect("body").into());
    target.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn the_study_page_shows_no_empty_error_box_and_an_undo_without_a_key_on_its_face() {
    // Fault: an empty red-bordered box sat under the card on every Study screen.
    let container = mount_app_at("/study").await;
    assert!(first(&container, ".error").is_none(), "no error, no box");
    first(&container, "[data-testid=flip]")
        .expect("a card")
        .click();
    settle().await;
    first(&container, "[data-testid=grade-good]")
        .expect("grades")
        .click();
    settle().await;
    let undo = first(&container, "[data-testid=undo]").expect("undo");
    // "(U)" is a key hint (hidden on touch screens), not part of the button's words.
    let hint = first(&undo, ".key-hint").expect("the key is a hint");
    assert_eq!(hint.text_content().as_deref(), Some(" (U)"));
    assert!(first(&container, "[data-testid=undo-failed]").is_none());
}

#[wasm_bindgen_test]
async fn space_flips_the_card_after_a_practice_deck_is_chosen() {
    // Fault: Space did not flip the card while the focus stayed on the deck picker.
    let container = mount_app_at("/study").await;
    let picker = first(&container, "[data-testid=practice-deck]").expect("deck picker");
    picker.focus().expect("focus");
    set_value(&picker, "methods", "change");
    assert!(
        wait_until(
            || texts(&container, "[data-testid=session-info]")[0].starts_with("Practice (Methods)")
        )
        .await
    );
    settle().await;
    press_on_focus(" ");
    assert!(
        wait_until(|| first(&container, "[data-testid=card-back]").is_some()).await,
        "Space flipped the card"
    );
    let hints = texts(&container, ".grade-interval");
    assert_eq!(
        hints[0], "again after 3 cards",
        "practice grades say what they do"
    );
    assert_eq!(hints[2], "next card");
}

#[wasm_bindgen_test]
async fn a_link_to_a_drill_the_app_does_not_have_starts_nothing() {
    let container = mount_app_at("/study?drill=Weakest").await;
    let refused = texts(&container, "[data-testid=study-refused]");
    assert!(
        refused[0].contains("\u{201c}Weakest\u{201d}"),
        "{refused:?}"
    );
    assert!(
        first(&container, "[data-testid=flashcard]").is_none(),
        "no card shown"
    );
}

#[wasm_bindgen_test]
async fn a_typed_setting_out_of_range_or_not_whole_is_not_saved_and_says_why() {
    // Fault: -5, 2.5 or an empty field were taken silently (the saved value stayed different),
    // and 5000 or 0 were clamped without a word.
    let container = mount_app_at("/progress").await;
    let field = first(&container, "[data-testid=new-per-day]").expect("field");
    let saved = || {
        js_sys::Reflect::get(&field, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let before = saved();
    for (typed, says) in [
        ("-5", "-5 is below 0"),
        ("2.5", "is not a whole number"),
        ("", "It is empty"),
        ("5000", "5000 is more than 100"),
    ] {
        set_value(&field, typed, "change");
        settle().await;
        let error = texts(&container, "[data-testid=new-per-day-error]");
        assert!(error[0].contains(says), "{typed:?}: {error:?}");
        assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    }
    set_value(&field, "12", "change");
    settle().await;
    assert_eq!(texts(&container, "[data-testid=new-per-day-error]"), [""]);
    assert_eq!(
        field.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("http-study/progress")
        .unwrap()
        .unwrap_or_default();
    assert!(stored.contains("\"new_per_day\":12"), "saved: {stored}");
    // Back to what it was, for the other tests.
    set_value(&field, &before, "change");
    settle().await;
}

#[wasm_bindgen_test]
async fn i_dont_know_is_not_known_yet_rather_than_wrong() {
    let container = mount_app_at("/quiz?deck=beginner&n=10&seed=42").await;
    first(&container, "[data-testid=dont-know]")
        .expect("I don't know")
        .click();
    assert!(wait_until(|| first(&container, "[data-testid=feedback]").is_some()).await);
    let verdict = texts(&container, ".verdict")[0].clone();
    assert!(verdict.starts_with("Not known yet"), "{verdict}");
    assert!(!verdict.contains("Incorrect"), "{verdict}");
}
