//! The plan of the day, figure by figure and sentence by sentence, as a learner's days go by.

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::progress::{Source, Writer};
use crate::quiz::{generate_quiz, Answer as Right, Response};
use crate::schedule::Grade;
use crate::study::{quiz_record, QuizMode, Session};

/// Monday 2 March 2026, 09:00 in the learner's zone (UTC+1).
fn morning() -> Moment {
    Moment::new(Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap(), 60)
}

/// Studies a whole review session at `at`, a card every 15 s, grading each `grade`; returns
/// the moment it ended.
fn study_session(p: &mut Progress, w: &mut Writer, at: Moment, grade: Grade) -> Moment {
    let mut s = Session::review(p, at);
    let mut now = at;
    while s.shown().is_some() {
        now = now.plus(Duration::seconds(15));
        assert!(s.flip(p, now));
        s.grade(grade, now, |key, g| {
            let undo = p.record(key, g, now, w.next_id())?;
            Some((undo, p.card(key)?.due()))
        })
        .unwrap();
    }
    now
}

#[test]
fn a_first_visit_offers_the_first_codes_and_explains_itself() {
    let p = Progress::default();
    let plan = plan(&p, morning());
    assert!(plan.first_visit && plan.explains_grades && plan.offers_placement);
    assert_eq!(plan.button(), "Learn your first 10 codes");
    assert_eq!(
        plan.new.line(),
        "10 new items today (your limit is 10 a day)."
    );
    assert_eq!(
        plan.due_line(),
        "Nothing is due for review now or later today."
    );
    assert_eq!(plan.done.line(), "Nothing answered yet today.");
    assert_eq!(plan.goal.line(), "0 of 10 minutes today.");
    assert_eq!(
        plan.streak.line(),
        "No streak yet: study today to start one."
    );
    assert_eq!(plan.welcome(), None);
    assert_eq!(plan.started_line(), "Started 0 of 97 in Beginner set.");
    let ids: Vec<&str> = plan.keep_going.iter().map(KeepGoing::id).collect();
    assert_eq!(
        ids,
        ["learn-more"],
        "nothing studied to practise or drill yet"
    );
}

#[test]
fn after_the_first_session_the_day_is_done_and_says_how_to_keep_going() {
    // Fault: the end of the first session was a dead end ("Nothing is due right now…").
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let end = study_session(&mut p, &mut w, morning(), Grade::Good);
    let plan = plan(&p, end);
    assert_eq!(
        plan.done.answers, 20,
        "ten new cards, each twice (the learning step)"
    );
    assert_eq!(plan.done.new, 10);
    assert_eq!(plan.new.available, 0);
    assert_eq!(
        plan.new.line(),
        "Today's 10 new items are started; more come tomorrow."
    );
    assert!(matches!(plan.next, NextStep::Done { .. }));
    assert!(plan
        .button()
        .starts_with("All done \u{2014} next review in "));
    let ids: Vec<&str> = plan.keep_going.iter().map(KeepGoing::id).collect();
    // In KEEP_GOING_ORDER (the simulation's choice): the weakest first, then more new items.
    assert_eq!(ids, ["drill-weakest", "learn-more", "practise-studied"]);
    assert_eq!(plan.keep_going[0].path(0), "/study?drill=weakest");
    assert_eq!(plan.keep_going[1].label(), "Learn 5 more new items");
    assert_eq!(plan.keep_going[1].path(0), "/study?more=5");
    assert_eq!(
        plan.keep_going[2].path(42),
        "/quiz?deck=beginner&n=10&seed=42&only=studied"
    );
    assert_eq!(plan.streak.line(), "1 day in a row.");
    assert_eq!(plan.started_line(), "Started 10 of 97 in Beginner set.");
    assert!(
        plan.done
            .line()
            .starts_with("20 answers today, 20 right (100 %), in "),
        "{}",
        plan.done.line()
    );
}

#[test]
fn minutes_today_come_from_when_the_answers_were_given_and_fill_the_goal() {
    let mut p = Progress::default();
    p.update_settings(|s| s.set_daily_minutes(2));
    let mut w = Writer::new(1);
    // Twelve answers 15 s apart: 20 s for the first, then 11 × 15 s = 185 s.
    let mut at = morning();
    for code in [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 200, 201] {
        p.record(&format!("code:{code}"), Grade::Good, at, w.next_id());
        at = at.plus(Duration::seconds(15));
    }
    let plan = plan(&p, at);
    assert_eq!(plan.done.seconds, 185);
    assert!(plan.goal.met());
    assert_eq!(plan.goal.minutes_done(), 2);
    assert_eq!(
        plan.goal.line(),
        "Daily goal reached: 3 minutes today (goal 2)."
    );
    assert_eq!(plan.goal_figure(), "2 / 2 min");
}

#[test]
fn a_quiz_on_untaught_items_makes_no_review_due_but_counts_as_answers() {
    // Fault: a new learner's 20-question Beginner quiz made "20 reviews due" 15 minutes later,
    // and "Started 30 of 97" after studying 10.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let end = study_session(&mut p, &mut w, morning(), Grade::Good);
    let mut at = end;
    let quiz = generate_quiz(Deck::Beginner, 20, 7);
    for q in &quiz {
        at = at.plus(Duration::seconds(12));
        let wrong = match q.answer {
            Right::Option(i) => Response::Option((i + 1) % q.options.len()),
            Right::Code { .. } => Response::DontKnow,
        };
        let r = quiz_record(QuizMode::Quiz, q, &wrong, false).unwrap();
        p.record_choice(r.source, &q.item.key(), r.grade, r.chose, at, w.next_id());
    }
    let later = plan(&p, at.plus(Duration::minutes(15)));
    let taught_in_quiz = quiz
        .iter()
        .filter(|q| {
            later.reviews.learning.contains(&q.item) || later.reviews.reviews.contains(&q.item)
        })
        .count();
    assert_eq!(
        later.started_line(),
        "Started 10 of 97 in Beginner set.",
        "the quiz started nothing"
    );
    assert!(
        later.reviews.due_now() <= 10,
        "only items studied can come due: {}",
        later.reviews.due_now()
    );
    assert!(taught_in_quiz <= 10);
    assert_eq!(later.done.answers, 40, "the quiz's 20 answers count");
}

#[test]
fn the_next_day_the_button_names_reviews_and_new_items_together() {
    // Fault: the next day's button said "8 reviews due" and did not mention the new cards.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    study_session(&mut p, &mut w, morning(), Grade::Good);
    // The day the first of them comes due.
    let first_due = p.cards().values().map(|c| c.due()).min().unwrap();
    let when = Moment::new(first_due, morning().offset_minutes());
    assert!(when.day() > morning().day());
    let next = plan(&p, when);
    let reviews = next.reviews.due_now();
    assert!(reviews > 0, "the first studied cards are due");
    assert_eq!(next.new.available, 10);
    assert_eq!(
        next.button(),
        format!("Review {reviews} \u{b7} learn 10 new")
    );
    if when.day() == morning().day().succ_opt().unwrap() {
        assert_eq!(
            next.streak.line(),
            "1 day in a row: study today to keep it."
        );
        assert_eq!(next.away, None, "yesterday was a study day");
    }
}

#[test]
fn coming_back_after_two_weeks_is_welcomed_capped_and_says_when_the_streak_ended() {
    // Fault: "40 reviews due", the streak silently 0, no welcome back, no cap on the day.
    let mut p = Progress::default();
    p.update_settings(|s| s.set_max_reviews(15));
    let mut w = Writer::new(1);
    let mut at = morning();
    for _ in 0..4 {
        study_session(&mut p, &mut w, at, Grade::Good);
        at = at.plus(Duration::days(1));
    }
    let last = at.plus(Duration::days(-1)).day();
    let back = at.plus(Duration::days(14));
    let plan = plan(&p, back);
    let away = plan.away.expect("welcomed back");
    assert_eq!((away.last, away.missed), (last, 14));
    assert_eq!(plan.streak.days, 0);
    assert_eq!(plan.streak.ended, Some((last, 4)));
    assert_eq!(
        plan.streak.line(),
        format!(
            "Your 4-day streak ended on {}; study today to start a new one.",
            clock::day_name(last)
        )
    );
    let r = &plan.reviews;
    assert_eq!(r.due_now(), 15, "the day's cap");
    assert!(r.waiting > 0);
    let welcome = plan.welcome().unwrap();
    assert!(
        welcome.starts_with(&format!(
            "Welcome back! Your last study was on {}, 15 days ago.",
            clock::day_name(last)
        )),
        "{welcome}"
    );
    assert!(welcome.contains(&format!(
        "{} reviews are waiting: 15 today, and the rest over the next days",
        15 + r.waiting
    )));
    assert!(plan
        .due_line()
        .contains("wait for the following days (your limit is 15 reviews a day)"));
    assert!(plan.button().starts_with("Review 15 \u{b7} learn "));
}

#[test]
fn the_cap_counts_todays_reviews_and_never_holds_back_a_learning_step() {
    let mut p = Progress::default();
    p.update_settings(|s| s.set_max_reviews(3));
    let mut w = Writer::new(1);
    study_session(&mut p, &mut w, morning(), Grade::Good);
    // Two weeks later: everything is due; review three, one of them Again.
    let mut at = morning().plus(Duration::days(14));
    let mut s = Session::review(&p, at);
    assert_eq!(s.counts().review, 3);
    for grade in [Grade::Again, Grade::Good, Grade::Good] {
        at = at.plus(Duration::seconds(15));
        s.flip(&p, at);
        s.grade(grade, at, |key, g| {
            let undo = p.record(key, g, at, w.next_id())?;
            Some((undo, p.card(key)?.due()))
        })
        .unwrap();
    }
    let later = plan(&p, at.plus(Duration::minutes(30)));
    assert_eq!(later.reviews.done, 3);
    assert_eq!(later.reviews.reviews, [], "today's three reviews are done");
    assert_eq!(
        later.reviews.learning.len(),
        1,
        "the Again card comes back today"
    );
    assert_eq!(later.reviews.waiting, 7);
    let c = Session::review(&p, at.plus(Duration::minutes(30))).counts();
    assert_eq!(
        (c.review, c.new),
        (1, 10),
        "the Again card (as a review), then new items"
    );
}

#[test]
fn a_learner_with_no_study_today_keeps_yesterdays_streak_until_the_day_is_over() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    study_session(&mut p, &mut w, morning(), Grade::Good);
    let late = Moment::new(Utc.with_ymd_and_hms(2026, 3, 3, 22, 30, 0).unwrap(), 60);
    let plan = plan(&p, late);
    assert_eq!((plan.streak.days, plan.streak.today), (1, false));
    let next_day = plan_at(&p, late.plus(Duration::hours(2)));
    assert_eq!(next_day.streak.days, 0);
    assert!(next_day.away.is_some(), "a whole day was missed");
}

fn plan_at(p: &Progress, at: Moment) -> Plan {
    plan(p, at)
}

#[test]
fn new_items_say_why_there_are_this_many() {
    let mut p = Progress::default();
    p.update_settings(|s| s.set_new_per_day(0));
    assert_eq!(
        plan(&p, morning()).new.line(),
        "New items are off (0 a day, in the settings on Progress)."
    );
    p.update_settings(|s| {
        s.set_new_per_day(4);
        s.set_goal(Deck::Class(1));
    });
    let mut w = Writer::new(1);
    p.record("code:100", Grade::Good, morning(), w.next_id());
    assert_eq!(
        plan(&p, morning()).new.line(),
        "3 more new items today (1 started, your limit is 4 a day)."
    );
    for item in Deck::Class(1).items() {
        p.record(&item.key(), Grade::Good, morning(), w.next_id());
    }
    assert_eq!(
        plan(&p, morning()).new.line(),
        format!(
            "Every item of the {} is started: no new items are left in it.",
            Deck::Class(1).label()
        )
    );
}

#[test]
fn the_plan_moves_on_with_the_clock_alone() {
    // Fault: "Due now" did not move on while a page stayed open. The plan reads only its
    // moment: the same record later shows the learning step come due.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    p.record("code:404", Grade::Again, morning(), w.next_id());
    let now = plan(&p, morning());
    assert_eq!(now.reviews.due_now(), 0);
    assert_eq!(now.reviews.later_today, 1);
    let soon = plan(&p, morning().plus(Duration::minutes(10)));
    assert_eq!(soon.reviews.due_now(), 1);
    assert_eq!(soon.due_line(), "1 review due now.");
}

#[test]
fn placement_answers_start_only_what_is_known_and_stop_the_offer() {
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let q = crate::study::placement_quiz(1).remove(0);
    let right = match q.answer {
        Right::Option(i) => Response::Option(i),
        Right::Code { best, .. } => Response::Typed(best.to_string()),
    };
    assert_eq!(
        quiz_record(QuizMode::Placement, &q, &Response::DontKnow, false),
        None
    );
    let r = quiz_record(QuizMode::Placement, &q, &right, true).unwrap();
    assert_eq!((r.source, r.grade), (Source::Placement, Grade::Easy));
    p.record_choice(
        r.source,
        &q.item.key(),
        r.grade,
        r.chose,
        morning(),
        w.next_id(),
    );
    assert!(
        p.card(&q.item.key()).is_some(),
        "a right first answer starts it as known"
    );
    let plan = plan(&p, morning());
    assert!(!plan.offers_placement, "taken");
    assert_eq!(plan.new.started, 0, "it used none of the day's new items");
}

#[test]
fn a_retake_counts_as_an_answer_and_never_starts_or_reviews_an_item() {
    // Fault: after "Review the missed ones", answering with the answers just shown started
    // those items as known with an Easy first review.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let q = crate::study::placement_quiz(1).remove(0);
    let right = match q.answer {
        Right::Option(i) => Response::Option(i),
        Right::Code { best, .. } => Response::Typed(best.to_string()),
    };
    let r = quiz_record(QuizMode::Retake, &q, &right, true).unwrap();
    assert_eq!((r.source, r.grade), (Source::Retake, Grade::Good));
    p.record_choice(
        r.source,
        &q.item.key(),
        r.grade,
        r.chose,
        morning(),
        w.next_id(),
    );
    assert!(
        p.card(&q.item.key()).is_none(),
        "the retake started nothing"
    );
    assert_eq!(plan(&p, morning()).done.answers, 1);
    // An item already started: a retake leaves its card as it was.
    p.record("code:404", Grade::Good, morning(), w.next_id());
    let card = p.card("code:404").cloned();
    p.record_from(
        Source::Retake,
        "code:404",
        Grade::Again,
        morning().plus(Duration::minutes(1)),
        w.next_id(),
    );
    assert_eq!(p.card("code:404").cloned(), card);
}

#[test]
fn a_trip_west_keeps_the_days_study_and_opens_no_second_allowance() {
    // Fault 4 of issue 19: five cards studied at UTC+14, then the app opened an hour later at
    // UTC−12: streak 0, no answers today, the answers on no chart, and 10 more new cards.
    let mut p = Progress::default();
    let mut w = Writer::new(1);
    let east = Moment::new(Utc.with_ymd_and_hms(2026, 3, 2, 20, 0, 0).unwrap(), 14 * 60);
    let mut at = east;
    let mut s = Session::review(&p, at);
    for _ in 0..5 {
        at = at.plus(Duration::seconds(15));
        s.flip(&p, at);
        s.grade(Grade::Easy, at, |key, g| {
            let undo = p.record(key, g, at, w.next_id())?;
            Some((undo, p.card(key)?.due()))
        })
        .unwrap();
    }
    let west = Moment::new(at.at() + Duration::hours(1), -12 * 60);
    assert!(west.day() < east.day(), "the date went back two days");
    let plan = plan(&p, west);
    assert_eq!(
        plan.done.answers, 5,
        "today's answers include those dated later"
    );
    assert_eq!(plan.streak.days, 1);
    assert!(plan.streak.today);
    assert_eq!(plan.new.started, 5);
    assert_eq!(
        plan.new.available, 5,
        "the day's allowance is not opened again"
    );
    let o = stats::overview(&p, &plan, west);
    assert_eq!(
        o.answers.last().map(|(_, t)| t.answers()),
        Some(5),
        "on the chart, today"
    );
    let total: u32 = o.calendar.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 5, "on the calendar");
    // Back east the next morning: a new day, with its own allowance.
    let back = Moment::new(at.at() + Duration::hours(20), 14 * 60);
    assert!(back.day() > east.day());
    assert_eq!(super::plan(&p, back).new.available, 10);
}
