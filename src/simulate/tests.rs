use chrono::Duration;

use super::app_day::{self, Round};
use super::policy::{self, Clock, ReviewState};
use super::*;
use crate::clock::Moment;
use crate::day;
use crate::progress::{Progress, Writer};
use crate::schedule::Grade;
use crate::study::{due_items, new_items_today, Reviews, Session, REVIEW_ORDER};

/// A small plan, quick in a debug build.
fn small(learners: u32) -> Plan {
    Plan {
        learners,
        study_days: 20,
        rest_days: 10,
        ..Plan::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_results_and_another_seed_other_ones() {
    let plan = small(4);
    let a = compare(&plan, &Policy::ALL);
    let b = compare(&plan, &Policy::ALL);
    assert_eq!(a, b);
    let other = compare(
        &Plan {
            seed: plan.seed + 1,
            ..plan.clone()
        },
        &Policy::ALL,
    );
    assert_ne!(a, other);
}

#[test]
fn a_learner_who_never_studies_remembers_nothing() {
    let plan = Plan {
        minutes: 0,
        ..small(3)
    };
    for r in compare(&plan, &Policy::ALL) {
        assert_eq!(r.known_end_of_study.p90, 0.0, "{r:?}");
        assert_eq!(r.known_end.p90, 0.0, "{r:?}");
        assert_eq!(r.minutes_a_day, 0.0, "{r:?}");
    }
}

#[test]
fn studying_more_minutes_remembers_more() {
    // Monotone within noise: the same learners, more minutes a day, never fewer items known
    // (on the median, with a small allowance for the dice).
    for policy in Policy::ALL {
        let mut last = 0.0;
        for minutes in [2, 5, 10, 20] {
            let plan = Plan {
                minutes,
                ..small(6)
            };
            let r = &compare(&plan, &[policy])[0];
            let known = r.known_end_of_study.median;
            assert!(
                known >= last - 1.0,
                "{policy:?} at {minutes} min: {known} < {last}"
            );
            last = known;
        }
        assert!(last > 10.0, "{policy:?}: {last}");
    }
}

#[test]
fn the_review_policy_shows_what_the_study_page_would_show_for_the_same_record() {
    // The simulation and the app cannot drift apart: after days of simulated study, the
    // session the policy opens is the Study page's, due items and new items alike.
    let plan = small(1);
    let cat = Catalogue::for_deck(plan.deck);
    let mut state = ReviewState::new(&plan, 7);
    let mut memory = Memory::new(Ability::average(), cat.items.len(), 7);
    for day in 0..12 {
        let at = policy::moment_of(day, 0);
        let session = policy::review_session(&state.progress, at, REVIEW_ORDER);
        assert_eq!(session, Session::review(&state.progress, at), "day {day}");
        let due = due_items(&state.progress, at.at());
        let new = new_items_today(&state.progress, at.day());
        let c = session.counts();
        assert_eq!(c.review + c.new, due.len() + new.len(), "day {day}");
        if let Some(shown) = session.shown() {
            // The day's reviews in the app's order, within its cap, then the new items.
            let reviews: Vec<_> = Reviews::of(&state.progress, at).items().collect();
            assert!(reviews.len() <= due.len(), "day {day}");
            let first = reviews.first().or(new.first()).copied();
            assert_eq!(Some(shown.item), first, "day {day}");
        }
        if day > 2 {
            assert!(!due.is_empty(), "day {day}: reviews come due");
        }
        let mut clock = Clock::new(day, 600);
        let pace = Pace::default();
        policy::review_day(
            &mut state,
            &mut memory,
            &cat.items,
            &mut clock,
            &pace,
            REVIEW_ORDER,
        );
    }
    assert!(state.progress.answer_count() > 50);
}

#[test]
fn the_review_policy_beats_random_drill_per_hour_studied() {
    let r = compare(&small(6), &[Policy::Review, Policy::RandomDrill]);
    assert!(
        r[0].per_hour.median > r[1].per_hour.median,
        "{:?} vs {:?}",
        r[0].per_hour,
        r[1].per_hour
    );
}

#[test]
fn spreads_are_nearest_rank_percentiles() {
    let s = Spread::of((0..=100).map(f64::from));
    assert_eq!((s.p10, s.median, s.p90), (10.0, 50.0, 90.0));
    assert_eq!(Spread::of([]).median, 0.0);
}

#[test]
fn the_tables_carry_a_row_per_policy_and_per_setting() {
    let plan = small(2);
    let table = policy_table(&plan, &compare(&plan, &Policy::ALL));
    assert_eq!(table.lines().count(), 2 + Policy::ALL.len());
    assert!(table.contains("review, then quizzes"));
    assert!(table.contains("Random drill"));
    let grid = tune(&plan, &[5, 10], &[0.85, 0.9]);
    assert_eq!(tuning_table(&plan, &grid).lines().count(), 2 + 4);
}

// The forecast.

fn answer_days(p: &mut Progress, w: &mut Writer, days: u32, per_day: u32) -> Moment {
    // Studies `days` days, grading Good, `per_day` cards at most a day.
    let mut at = policy::moment_of(0, 0);
    for day in 0..days {
        at = policy::moment_of(day, 0);
        let mut s = Session::review(p, at);
        for n in 0..per_day {
            let when = at.plus(Duration::seconds(i64::from(n) * 8));
            if !s.flip(p, when) {
                break;
            }
            s.grade(Grade::Good, when, |key, g| {
                let undo = p.record(key, g, when, w.next_id())?;
                Some((undo, p.card(key)?.due()))
            });
        }
    }
    at
}

#[test]
fn no_answers_no_forecast_and_the_reason_says_what_to_do() {
    let err = forecast(&Progress::default(), policy::moment_of(0, 0)).unwrap_err();
    assert!(err.to_string().contains("answer a few"), "{err}");
}

#[test]
fn a_steady_learner_is_forecast_to_know_more_and_to_finish_the_beginner_set() {
    let mut p = Progress::default();
    let mut w = Writer::new(3);
    let at = answer_days(&mut p, &mut w, 2, 20);
    let f = forecast(&p, at.plus(Duration::hours(1))).unwrap();
    assert!(f.pace >= 15, "{f:?}");
    // The Beginner set's codes come first; its method facts follow in the coming days.
    assert!(
        f.codes <= f.codes_total && f.methods > f.methods_now,
        "{f:?}"
    );
    assert!(f.codes + f.methods > f.codes_now + f.methods_now, "{f:?}");
    assert!(f.methods <= f.methods_total, "{f:?}");
    match f.beginner {
        BeginnerSet::By(d) => {
            assert!(d > at.day() && d < at.day() + Duration::days(60), "{f:?}")
        }
        other => panic!("{other:?}"),
    }
    // The same record and moment, the same forecast.
    assert_eq!(forecast(&p, at.plus(Duration::hours(1))), Ok(f));
}

#[test]
fn a_learner_who_stopped_is_forecast_to_forget() {
    let mut p = Progress::default();
    let mut w = Writer::new(3);
    let at = answer_days(&mut p, &mut w, 3, 30);
    let f = forecast(&p, at.plus(Duration::days(20))).unwrap();
    assert_eq!(f.pace, 0);
    assert!(f.codes <= f.codes_now, "{f:?}");
    assert_eq!(f.beginner, BeginnerSet::NotAtThisPace);
}

#[test]
fn the_forecast_is_cheap() {
    // A learner with every item started: the forecast's work is bounded by the cards, not
    // by the pace.
    let mut p = Progress::default();
    p.update_settings(|s| {
        s.set_goal(crate::quiz::Deck::Everything);
        s.set_new_per_day(60);
    });
    let mut w = Writer::new(3);
    let at = answer_days(&mut p, &mut w, 6, 200);
    let started = std::time::Instant::now();
    let f = forecast(&p, at.plus(Duration::hours(2))).unwrap();
    let took = started.elapsed();
    assert!(f.pace > 50, "{f:?}");
    // Generous for a debug build; in release it is a few milliseconds (see the README).
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
}

// The app's day.

/// `days` days of the app-day policy for one average learner of `plan`, with what was done at
/// each look, and the seconds spent each day.
fn app_days(plan: &Plan, days: u32, seed: u64) -> (Vec<Round>, Vec<Seconds>, ReviewState) {
    let cat = Catalogue::for_deck(plan.deck);
    let mut state = ReviewState::new(plan, seed);
    let mut memory = Memory::new(Ability::average(), cat.items.len(), seed);
    let mut log = Vec::new();
    let mut spent = Vec::new();
    for day in 0..days {
        spent.push(app_day::app_day(
            &mut state,
            &mut memory,
            &cat.items,
            day,
            &plan.pace,
            &plan.choices,
            Some(&mut log),
        ));
    }
    (log, spent, state)
}

fn round_at(r: &Round) -> Moment {
    match r {
        Round::Review { at, .. } | Round::KeepGoing { at, .. } => *at,
    }
}

#[test]
fn the_app_day_policy_opens_the_study_pages_review_for_the_same_record() {
    // Each day begins with the main button's review: the Study page's session for the record
    // as it is, as later looks that find something due again do.
    let plan = Plan {
        pace: Pace::per_flashcard(12),
        ..small(1)
    };
    let (log, _, _) = app_days(&plan, 12, 5);
    let mut reviews = 0;
    for round in &log {
        if let Round::Review {
            at,
            record,
            session,
        } = round
        {
            assert_eq!(**session, Session::review(record, *at), "at {at:?}");
            assert!(session.shown().is_some(), "a review opens on a card");
            reviews += 1;
        }
    }
    for day in 0..12 {
        let first = log
            .iter()
            .find(|r| round_at(r).day() == policy::moment_of(day, 0).day())
            .expect("the learner studies every day");
        assert!(
            matches!(first, Round::Review { at, .. } if *at == policy::moment_of(day, 0)),
            "day {day} begins with the review"
        );
    }
    assert!(reviews >= 12, "{reviews}");
}

#[test]
fn the_app_day_policy_keeps_going_exactly_as_the_plan_of_the_day_offers() {
    let plan = Plan {
        pace: Pace::per_flashcard(8),
        minutes: 20,
        ..small(1)
    };
    let (log, _, _) = app_days(&plan, 10, 9);
    let mut seen: Vec<&str> = Vec::new();
    for (i, round) in log.iter().enumerate() {
        let Round::KeepGoing {
            at,
            record,
            offered,
            taken,
        } = round
        else {
            continue;
        };
        let p = day::plan(record, *at);
        assert!(matches!(p.next, day::NextStep::Done { .. }), "{at:?}");
        assert_eq!(*offered, p.keep_going, "at {at:?}: the plan's own list");
        assert!(
            offered.starts_with(taken),
            "at {at:?}: {taken:?} taken of {offered:?}"
        );
        // Every way offered is taken, in order, unless the minutes ran out in this look.
        let last_of_day = log
            .get(i + 1)
            .is_none_or(|next| round_at(next).day() != at.day());
        if !last_of_day {
            assert_eq!(taken, offered, "at {at:?}");
        }
        seen.extend(taken.iter().map(day::KeepGoing::id));
    }
    for id in ["learn-more", "practise-studied", "drill-weakest"] {
        assert!(seen.contains(&id), "{id} never taken: {seen:?}");
    }
}

#[test]
fn the_app_day_policy_never_studies_past_the_minutes_goal() {
    for (minutes, seconds) in [(1, 20), (3, 8), (10, 20), (15, 8)] {
        let plan = Plan {
            minutes,
            pace: Pace::per_flashcard(seconds),
            ..small(1)
        };
        let (_, spent, state) = app_days(&plan, 8, 3);
        for (day, s) in spent.iter().enumerate() {
            assert!(*s <= minutes * 60, "{minutes} min, day {day}: {s} s");
            // Nearly all of it is used: the day ends when the next answer does not fit.
            assert!(
                *s + 2 * plan.pace.typed > minutes * 60,
                "{minutes} min, day {day}: only {s} s"
            );
        }
        for a in state.progress.history() {
            let start = policy::moment_of(0, 0).at();
            let into_day = (a.at() - start).num_seconds() % 86_400;
            assert!(into_day <= i64::from(minutes) * 60, "{minutes} min: {a:?}");
        }
    }
}

#[test]
fn the_app_day_policy_is_deterministic_for_a_seed() {
    let plan = Plan {
        pace: Pace::per_flashcard(15),
        ..small(1)
    };
    let summary = |log: &[Round]| -> Vec<String> {
        log.iter()
            .map(|r| match r {
                Round::Review { at, session, .. } => {
                    format!("{at:?} review {:?}", session.counts())
                }
                Round::KeepGoing {
                    at, offered, taken, ..
                } => format!("{at:?} {offered:?} {taken:?}"),
            })
            .collect()
    };
    let (a, sa, pa) = app_days(&plan, 8, 11);
    let (b, sb, pb) = app_days(&plan, 8, 11);
    assert_eq!(summary(&a), summary(&b));
    assert_eq!(sa, sb);
    assert_eq!(pa.progress, pb.progress);
    let (c, _, _) = app_days(&plan, 8, 12);
    assert_ne!(summary(&a), summary(&c), "other dice, another history");
    let r = compare(&small(3), &[Policy::AppDay]);
    assert_eq!(r, compare(&small(3), &[Policy::AppDay]));
}

#[test]
fn every_policy_keeps_to_the_learners_deck() {
    // Like with like: quizzes are over the deck the learner studies, as drill is.
    let plan = Plan {
        minutes: 20,
        ..small(3)
    };
    let size = plan.deck.items().len() as f64;
    for r in compare(&plan, &Policy::ALL) {
        assert!(r.known_end_of_study.p90 <= size, "{r:?}");
    }
}

#[test]
fn a_break_halfway_leaves_days_without_study() {
    let plan = Plan {
        gap_days: 14,
        ..Plan::default()
    };
    let studied: Vec<u32> = (0..plan.end()).filter(|d| plan.studies_on(*d)).collect();
    assert_eq!(studied.len() as u32, plan.study_days);
    assert!(!plan.studies_on(15) && !plan.studies_on(28) && plan.studies_on(29));
    assert_eq!((plan.study_end(), plan.end()), (44, 74));
}

#[test]
fn a_pace_scales_the_questions_with_the_flashcard() {
    assert_eq!(
        Pace::default(),
        Pace {
            flashcard: 8,
            multiple_choice: 12,
            typed: 15
        }
    );
    assert_eq!(
        Pace::per_flashcard(20),
        Pace {
            flashcard: 20,
            multiple_choice: 30,
            typed: 38
        }
    );
}

#[test]
fn the_keep_going_links_are_read_back_as_the_pages_read_them() {
    use crate::quiz::{Deck, QuizSpec};
    use crate::study::Opening;
    use app_day::{follow, Link};
    assert_eq!(follow("/study?more=5"), Ok(Link::Study(Opening::More(5))));
    assert_eq!(
        follow("/study?drill=weakest"),
        Ok(Link::Study(Opening::Weakest))
    );
    assert_eq!(
        follow("/quiz?deck=beginner&n=10&seed=42&only=studied"),
        Ok(Link::Quiz(QuizSpec {
            deck: Deck::Beginner,
            length: 10,
            seed: 42,
            studied: true
        }))
    );
    assert!(follow("/reference/404").is_err());
}
