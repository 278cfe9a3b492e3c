use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn at(minutes: i64) -> Moment {
    Moment::utc(t0() + Duration::minutes(minutes))
}

/// One page's answers: records with its own origin's ids.
struct Page(Writer);

impl Page {
    fn new(origin: u64) -> Page {
        Page(Writer::new(origin))
    }

    fn answer(&mut self, p: &mut Progress, item: &str, grade: Grade, at: Moment) -> Undo {
        p.record(item, grade, at, self.0.next_id())
            .expect("a catalogue key")
    }
}

#[test]
fn an_answer_schedules_the_item_and_is_kept_in_the_history() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut p, "code:404", Grade::Good, at(0));
    assert!(p.card("code:404").unwrap().due() > t0());
    assert_eq!(p.history().len(), 1);
    assert!(p.history()[0].first());
    page.answer(&mut p, "code:404", Grade::Good, at(60));
    assert!(!p.history()[1].first());
    assert_eq!(p.day_totals(day()).answers(), 2);
    assert_eq!(p.new_introduced(day()), 1);
}

#[test]
fn the_daily_new_item_limit_counts_first_answers_of_that_day_only() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    p.update_settings(|s| s.set_new_per_day(3));
    page.answer(&mut p, "code:404", Grade::Good, at(0));
    page.answer(&mut p, "code:404", Grade::Good, at(1));
    page.answer(&mut p, "code:200", Grade::Good, at(2));
    assert_eq!(p.new_left(day()), 1);
    assert_eq!(p.new_left(day().succ_opt().unwrap()), 3);
}

#[test]
fn undo_restores_the_card_and_removes_exactly_that_answer() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut p, "code:404", Grade::Good, at(0));
    let card_before = p.card("code:404").cloned();
    let undo = page.answer(&mut p, "code:404", Grade::Again, at(60 * 24));
    p.undo(&undo).unwrap();
    assert_eq!(p.card("code:404").cloned(), card_before);
    assert_eq!(p.history().len(), 1);
    assert_eq!(
        p.undo(&undo),
        Err(UndoError::Gone),
        "an answer is undone once"
    );

    let undo = page.answer(&mut p, "code:500", Grade::Good, at(5));
    p.undo(&undo).unwrap();
    assert!(p.card("code:500").is_none(), "a new item is new again");
    assert_eq!(p.day_totals(day()).answers(), 1);
}

#[test]
fn undo_in_one_tab_leaves_the_other_tabs_answer_given_since_alone() {
    // Fault 3: undo once restored the history by length and took another tab's answer too.
    let mut a = Progress::default();
    let (mut tab_a, mut tab_b) = (Page::new(1), Page::new(2));
    let undo = tab_a.answer(&mut a, "code:404", Grade::Good, at(0));
    let mut b = a.clone();
    tab_b.answer(&mut b, "code:200", Grade::Good, at(1));
    a.merge(&b);
    a.undo(&undo).unwrap();
    let items: Vec<&str> = a.history().iter().map(Answer::item).collect();
    assert_eq!(items, ["code:200"]);
    assert!(a.card("code:200").is_some());
    assert!(a.card("code:404").is_none());
    // Tab B still holds the undone answer; merging either way does not bring it back.
    b.merge(&a);
    a.merge(&b);
    assert_eq!(a, b);
    assert_eq!(a.day_totals(day()).answers(), 1);
    assert!(
        a.card("code:404").is_none(),
        "the card made by the undone answer is gone too"
    );
}

#[test]
fn undo_after_another_tab_reviewed_the_same_item_keeps_that_review() {
    let mut a = Progress::default();
    let (mut tab_a, mut tab_b) = (Page::new(1), Page::new(2));
    let undo = tab_a.answer(&mut a, "code:404", Grade::Good, at(0));
    let mut b = a.clone();
    tab_b.answer(&mut b, "code:404", Grade::Easy, at(30));
    a.merge(&b);
    let reviewed_in_b = a.card("code:404").cloned();
    a.undo(&undo).unwrap();
    assert_eq!(a.card("code:404").cloned(), reviewed_in_b);
    assert_eq!(a.day_totals(day()).answers(), 1);
}

#[test]
fn a_year_of_daily_study_stays_small_and_every_answer_is_still_counted() {
    let mut p = Progress::default();
    for d in 0..365 {
        let mut page = Page::new(1000 + d as u64);
        let morning = t0() + Duration::days(d);
        for i in 0..60 {
            let item = format!("code:{}", 100 + (d * 7 + i) % 400);
            let grade = if i % 5 == 0 {
                Grade::Again
            } else {
                Grade::Good
            };
            if let Some(id) = Some(page.0.next_id()) {
                p.record(
                    &item,
                    grade,
                    Moment::utc(morning + Duration::minutes(i)),
                    id,
                );
            }
        }
        p.compact(morning.date_naive());
    }
    assert!(
        p.history().len() <= 15 * 60,
        "{} answers kept in full",
        p.history().len()
    );
    assert_eq!(p.answer_count(), 365 * 60, "no answer is lost, only folded");
    let bytes = format::encode(&p).len();
    assert!(bytes < 1_000_000, "{bytes} bytes after a year");
    assert_eq!(p.streak((t0() + Duration::days(364)).date_naive()), 365);
}

#[test]
fn day_totals_add_folded_and_recent_answers() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut p, "code:404", Grade::Good, at(0));
    page.answer(&mut p, "code:200", Grade::Again, at(1));
    let expected = DayTotals::new(2, 1, 2).unwrap();
    assert_eq!(p.day_totals(day()), expected);
    p.compact(day() + Duration::days(30));
    assert!(p.history().is_empty());
    assert_eq!(p.day_totals(day()), expected);
}

#[test]
fn beyond_the_cap_the_oldest_answers_are_folded_first() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    for i in 0..(FULL_HISTORY_MAX as i64 + 10) {
        page.answer(&mut p, "code:404", Grade::Good, at(i));
    }
    p.compact(day());
    assert_eq!(p.history().len(), FULL_HISTORY_MAX);
    assert_eq!(p.history()[0].id().seq, 11);
    assert_eq!(p.folded()[&page.0.origin()].upto(), 10);
    assert_eq!(p.answer_count(), FULL_HISTORY_MAX as u64 + 10);
}

#[test]
fn the_streak_counts_consecutive_days_and_survives_until_the_day_ends() {
    let mut p = Progress::default();
    let mut page = Page::new(1);
    for d in 0..3 {
        page.answer(&mut p, "code:404", Grade::Good, at(d * 24 * 60));
    }
    let last = day() + Duration::days(2);
    assert_eq!(p.streak(last), 3);
    assert_eq!(
        p.streak(last + Duration::days(1)),
        3,
        "today not studied yet"
    );
    assert_eq!(p.streak(last + Duration::days(2)), 0, "a day was missed");
}

#[test]
fn merging_keeps_the_newer_card_per_item_and_every_answer_once_either_way() {
    let mut tab_a = Progress::default();
    let (mut pa, mut pb) = (Page::new(1), Page::new(2));
    pa.answer(&mut tab_a, "code:404", Grade::Good, at(0));
    let mut tab_b = tab_a.clone();
    // Tab B reviews 404 later; tab A reviews 500.
    pb.answer(&mut tab_b, "code:404", Grade::Again, at(120));
    pa.answer(&mut tab_a, "code:500", Grade::Good, at(60));

    let mut merged = tab_a.clone();
    merged.merge(&tab_b);
    assert_eq!(
        merged.card("code:404"),
        tab_b.card("code:404"),
        "B's newer review wins"
    );
    assert_eq!(merged.card("code:500"), tab_a.card("code:500"));
    assert_eq!(merged.history().len(), 3);

    let mut other_way = tab_b.clone();
    other_way.merge(&tab_a);
    assert_eq!(other_way, merged, "merging is the same either way");
    let again = merged.clone();
    merged.merge(&again);
    assert_eq!(merged, again, "merging a copy with itself changes nothing");
}

#[test]
fn an_export_merged_after_its_answers_were_folded_counts_them_once() {
    // Fault 2: export on day 1, import with Merge on day 17.
    let mut here = Progress::default();
    let mut page = Page::new(1);
    for i in 0..5 {
        page.answer(&mut here, "code:404", Grade::Good, at(i));
    }
    let export = here.clone();
    here.compact(day() + Duration::days(17));
    assert!(here.history().is_empty());
    here.import_merge(&export);
    assert_eq!(here.day_totals(day()).answers(), 5);
    here.compact(day() + Duration::days(17));
    assert_eq!(here.day_totals(day()).answers(), 5);
    // And the other way round: the old copy takes in the folded one.
    let mut old = export.clone();
    old.merge(&here);
    assert_eq!(old.day_totals(day()).answers(), 5);
    assert!(
        old.history().is_empty(),
        "the folded totals account for them"
    );
}

#[test]
fn an_undone_answer_folded_elsewhere_before_the_undo_was_heard_of_is_taken_out() {
    let mut a = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut a, "code:200", Grade::Good, at(0));
    let undo = page.answer(&mut a, "code:404", Grade::Good, at(1));
    let mut b = a.clone();
    a.undo(&undo).unwrap();
    // B's clock runs a month ahead: it folds both answers before hearing of the undo.
    b.compact(day() + Duration::days(31));
    a.merge(&b);
    assert_eq!(a.day_totals(day()).answers(), 1);
    b.merge(&a);
    assert_eq!(b.day_totals(day()).answers(), 1);
    a.compact(day() + Duration::days(31));
    assert_eq!(a, b);
    assert!(a.card("code:404").is_none() && b.card("code:404").is_none());
    // Once 404 is reviewed again, the note of the undone answer can go: its card would lose.
    page.answer(&mut a, "code:404", Grade::Good, at(60 * 24 * 40));
    a.compact(day() + Duration::days(40));
    assert!(a.undone().is_empty());
    assert_eq!(a.day_totals(day()).answers(), 1);
}

#[test]
fn a_newer_generation_is_adopted_and_an_older_one_ignored() {
    // Fault 6: reset in one tab, answer in another, and everything came back.
    let mut tab_a = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut tab_a, "code:404", Grade::Good, at(0));
    let mut tab_b = tab_a.clone();
    tab_a.reset(99);
    assert_eq!(tab_b.absorb(&tab_a), Absorbed::Adopted);
    assert!(!tab_b.has_answers());
    let stale = {
        let mut s = Progress::default();
        page.answer(&mut s, "code:200", Grade::Good, at(5));
        s
    };
    assert_eq!(tab_a.absorb(&stale), Absorbed::Older);
    assert!(!tab_a.has_answers());
}

#[test]
fn replace_starts_a_new_generation_with_the_files_progress() {
    let mut here = Progress::default();
    let mut page = Page::new(1);
    page.answer(&mut here, "code:404", Grade::Good, at(0));
    let mut file = Progress::default();
    page.answer(&mut file, "code:200", Grade::Good, at(1));
    let other_tab = here.clone();
    here.replace_with(&file, 7);
    assert!(here.card("code:404").is_none());
    assert!(here.card("code:200").is_some());
    assert!(here.generation() > other_tab.generation());
    let mut other_tab = other_tab;
    assert_eq!(other_tab.absorb(&here), Absorbed::Adopted);
    assert_eq!(other_tab, here);
}

#[test]
fn settings_merge_to_the_later_change_and_import_keeps_this_browsers() {
    let mut a = Progress::default();
    let mut b = a.clone();
    b.update_settings(|s| s.set_daily_minutes(50));
    a.merge(&b);
    assert_eq!(a.settings().daily_minutes(), 50);
    let mut file = Progress::default();
    file.update_settings(|s| {
        s.set_daily_minutes(5);
        s.set_daily_minutes(6);
    });
    a.import_merge(&file);
    assert_eq!(a.settings().daily_minutes(), 50);
}

#[test]
fn the_same_answer_twice_counts_once_wherever_the_copies_are() {
    // Fault 7 of issue 19: `normalize` only took copies next to each other in time as one.
    let mut p = Progress::default();
    let mut page = Page::new(1);
    for (i, item) in ["code:404", "code:200", "code:500"].iter().enumerate() {
        page.answer(&mut p, item, Grade::Good, at(i as i64));
    }
    let first = p.history()[0].clone();
    let copy = Answer::new(
        first.id(),
        first.item(),
        first.at() + Duration::minutes(5),
        first.day(),
        first.grade(),
        first.first(),
    )
    .unwrap();
    let with_history = |history: Vec<Answer>| {
        Progress::from_parts(
            p.generation(),
            p.cards().clone(),
            history,
            p.folded().clone(),
            p.undone().to_vec(),
            p.settings().clone(),
        )
    };
    let mut history = p.history().to_vec();
    history.push(copy.clone());
    let edited = with_history(history);
    assert_eq!(edited.answer_count(), 3);
    assert_eq!(edited.history(), p.history(), "the earlier copy is kept");

    // A file holding only the later copy, merged either way.
    let file = with_history(vec![p.history()[1].clone(), copy]);
    let mut merged = p.clone();
    merged.merge(&file);
    assert_eq!(merged.answer_count(), 3);
    let mut other_way = file.clone();
    other_way.merge(&p);
    assert_eq!(other_way, merged, "the same whichever side merges");
}

#[test]
fn challenges_solved_in_two_copies_merge_the_same_either_way_and_a_merge_twice_counts_once() {
    let mut a = Progress::default();
    let mut b = Progress::default();
    a.solve("not-modified", t0() + Duration::hours(2)).unwrap();
    a.solve("echo", t0()).unwrap();
    b.solve("not-modified", t0() + Duration::hours(1)).unwrap();
    b.solve("gone", t0() + Duration::hours(3)).unwrap();
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "the same whichever side merges into which");
    let ids: Vec<&str> = ab.solved().iter().map(Solved::id).collect();
    assert_eq!(ids, ["echo", "gone", "not-modified"]);
    assert_eq!(
        ab.solved_at("not-modified"),
        Some(t0() + Duration::hours(1)),
        "the first solving is kept"
    );
    let once = ab.clone();
    ab.merge(&b);
    ab.import_merge(&a);
    assert_eq!(ab, once, "a merge twice changes nothing");
}

#[test]
fn a_challenge_solved_again_keeps_its_first_solving_and_a_bad_id_is_refused() {
    let mut p = Progress::default();
    assert_eq!(p.solve("gone", t0() + Duration::hours(1)), Ok(true));
    assert_eq!(p.solve("gone", t0() + Duration::hours(2)), Ok(false));
    assert_eq!(p.solved_at("gone"), Some(t0() + Duration::hours(1)));
    assert!(p.solve("Not a challenge", t0()).is_err());
    assert_eq!(p.solved().len(), 1);
    p.reset(7);
    assert!(
        p.solved().is_empty(),
        "a reset forgets them with everything else"
    );
}
