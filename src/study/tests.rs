use chrono::{Duration, TimeZone};

use super::*;
use crate::clock::Moment;
use crate::progress::{Undo, Writer};
use crate::quiz::Deck;
use crate::schedule::Grade;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn at(seconds: i64) -> Moment {
    Moment::utc(t0() + Duration::seconds(seconds))
}

/// Flips the card on screen and grades it at `when`, recording into `p`.
fn flip_and_grade(
    s: &mut Session,
    p: &mut Progress,
    w: &mut Writer,
    grade: Grade,
    when: Moment,
) -> Graded {
    assert!(s.flip(p, when));
    s.grade(grade, when, |key, g| {
        let undo: Undo = p.record(key, g, when, w.next_id())?;
        Some((undo, p.card(key)?.due()))
    })
    .expect("a card was on screen, turned over")
}

#[test]
fn the_card_on_screen_is_the_one_graded_even_when_a_learning_step_falls_due_meanwhile() {
    // Fault 1: grade A "Again", look at B for a while; once A's step fell due, Space swapped
    // the card to A and the grade landed on A.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let mut s = Session::review(&p, at(0));
    let a = s.shown().unwrap().item;
    flip_and_grade(&mut s, &mut p, &mut w, Grade::Again, at(5));
    let b = s.shown().unwrap().item;
    assert_ne!(a, b);
    // Two minutes later A's one-minute step is due; B is still on screen.
    let later = at(125);
    assert!(p.card(&a.key()).unwrap().due() <= later.at());
    assert!(s.flip(&p, later));
    assert_eq!(
        s.shown().unwrap().item,
        b,
        "flipping does not change the card"
    );
    let graded = s
        .grade(Grade::Good, later, |key, g| {
            let undo = p.record(key, g, later, w.next_id())?;
            Some((undo, p.card(key)?.due()))
        })
        .unwrap();
    assert_eq!(
        graded.item, b,
        "the grade lands on the card that was on screen"
    );
    assert_eq!(p.history().last().unwrap().item(), b.key());
    assert_eq!(s.shown().unwrap().item, a, "then the due step comes first");
}

#[test]
fn a_grade_before_the_card_is_turned_over_does_nothing() {
    let p = Progress::default();
    let mut s = Session::review(&p, at(0));
    let shown = s.shown().cloned();
    let graded = s.grade(Grade::Good, at(1), |_, _| panic!("nothing may be recorded"));
    assert_eq!(graded, None);
    assert_eq!(s.shown().cloned(), shown);
}

#[test]
fn due_items_come_first_then_new_ones_up_to_the_days_limit() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    p.update_settings(|s| s.set_new_per_day(3));
    p.record("code:404", Grade::Again, at(0), w.next_id());
    let s = Session::review(&p, at(600));
    assert_eq!(
        s.shown().unwrap().item,
        Item::Code(404),
        "the due item first"
    );
    assert_eq!(
        s.remaining(),
        1 + 2,
        "then two more new items: three a day, one used"
    );
}

#[test]
fn keys_that_name_no_item_are_never_due() {
    // Fault 4: cards of keys naming no item counted as due for ever on Home and Progress.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    p.record("code:404", Grade::Again, at(0), w.next_id());
    p.record("code:299", Grade::Again, at(0), w.next_id());
    p.record("scenario:renamed-since", Grade::Again, at(0), w.next_id());
    let later = t0() + Duration::days(3);
    assert_eq!(due_items(&p, later), [Item::Code(404)]);
    assert_eq!(due_count(&p, later), 1);
    assert_eq!(unscheduled_count(&p), 2, "kept, not scheduled");
    let s = Session::review(&p, Moment::utc(later));
    assert_eq!(s.shown().unwrap().item, Item::Code(404));
}

#[test]
fn new_items_today_shrink_as_new_items_are_answered_and_reset_the_next_day() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let first = new_items_today(&p, t0().date_naive());
    assert_eq!(first.len(), 10);
    p.record(&first[0].key(), Grade::Good, at(0), w.next_id());
    let left = new_items_today(&p, t0().date_naive());
    assert_eq!(left.len(), 9);
    assert!(!left.contains(&first[0]));
    let tomorrow = (t0() + Duration::days(1)).date_naive();
    assert_eq!(new_items_today(&p, tomorrow).len(), 10);
}

#[test]
fn again_brings_an_item_back_in_the_same_session_after_the_others() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    p.update_settings(|s| s.set_new_per_day(3));
    let mut s = Session::review(&p, at(0));
    let mut seen = Vec::new();
    let mut clock = 0;
    let first = s.shown().unwrap().item;
    flip_and_grade(&mut s, &mut p, &mut w, Grade::Again, at(clock));
    while let Some(shown) = s.shown().cloned() {
        clock += 10;
        seen.push(shown.item);
        flip_and_grade(&mut s, &mut p, &mut w, Grade::Easy, at(clock));
        assert!(seen.len() < 10, "the session ends");
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(
        *seen.last().unwrap(),
        first,
        "the item graded Again comes back last"
    );
}

#[test]
fn undo_shows_the_card_again_as_it_was_and_the_next_card_waits() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let mut s = Session::review(&p, at(0));
    let before = s.shown().cloned().unwrap();
    let remaining = s.remaining();
    let graded = flip_and_grade(&mut s, &mut p, &mut w, Grade::Easy, at(1));
    let next = s.shown().unwrap().item;
    p.undo(graded.undo.as_ref().unwrap()).unwrap();
    s.put_back(&graded);
    let again = s.shown().unwrap();
    assert_eq!(
        (again.item, again.reverse, again.flipped),
        (before.item, before.reverse, false)
    );
    assert_eq!(s.remaining(), remaining);
    flip_and_grade(&mut s, &mut p, &mut w, Grade::Easy, at(2));
    assert_eq!(s.shown().unwrap().item, next);
}

#[test]
fn practice_goes_through_the_deck_and_records_nothing() {
    let p = Progress::default();
    let deck = Deck::Methods;
    let mut s = Session::practice(deck, at(0));
    assert_eq!(s.remaining(), deck.items().len());
    assert!(s.flip(&p, at(0)));
    assert_eq!(
        s.shown().unwrap().intervals,
        None,
        "practice shows no intervals"
    );
    let graded = s
        .grade(Grade::Good, at(1), |_, _| {
            panic!("practice records nothing")
        })
        .unwrap();
    assert_eq!(graded.undo, None);
    assert_eq!(s.remaining(), deck.items().len() - 1);
}

#[test]
fn codes_are_shown_both_ways_in_turn() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let mut s = Session::practice(Deck::Class(2), at(0));
    let mut directions = Vec::new();
    for i in 0..4 {
        directions.push(s.shown().unwrap().reverse);
        flip_and_grade(&mut s, &mut p, &mut w, Grade::Good, at(i));
    }
    assert_eq!(directions, [false, true, false, true]);
}
