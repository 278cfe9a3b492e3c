use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::*;
use crate::clock::Moment;
use crate::progress::{test_id, FULL_HISTORY_DAYS};
use crate::progress::{Origin, Source, Theme};
use crate::schedule::Grade;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A record with some of everything: cards, recent answers, folded totals, an undone answer,
/// changed settings and a reset behind it.
fn rich_record() -> Progress {
    let mut p = Progress::default();
    p.reset(0xfeed);
    for (i, item) in [
        "code:404",
        "code:200",
        "method:PATCH:idempotent",
        "code:404",
    ]
    .iter()
    .enumerate()
    {
        let at = Moment::new(t0() + Duration::days(i as i64 * 10), 60);
        p.record(item, Grade::Good, at, test_id());
    }
    let undo = p
        .record(
            "code:500",
            Grade::Again,
            Moment::utc(t0() + Duration::days(31)),
            test_id(),
        )
        .unwrap();
    p.undo(&undo).unwrap();
    p.compact((t0() + Duration::days(31)).date_naive());
    p.update_settings(|s| {
        s.set_daily_minutes(35);
        s.set_max_reviews(70);
        s.set_theme(Theme::Dark);
        s.set_desired_retention(0.85);
    });
    p
}

#[test]
fn what_is_encoded_decodes_to_the_same_record_with_nothing_set_aside() {
    let p = rich_record();
    assert!(!p.folded().is_empty(), "the record has folded totals");
    assert!(!p.history().is_empty() && !p.undone().is_empty());
    let d = decode(&encode(&p)).unwrap();
    assert_eq!(d.damage, []);
    assert_eq!(d.version, 5);
    assert_eq!(d.progress, p);
    assert_eq!(encode(&d.progress), encode(&p), "the text is stable");
}

#[test]
fn a_record_of_format_1_is_migrated_with_nothing_dropped() {
    let d = decode(include_str!("../../../tests/fixtures/progress-v1.json")).unwrap();
    assert_eq!((d.version, d.damage.len()), (1, 0));
    let p = d.progress;
    assert_eq!(p.cards().len(), 2);
    assert_eq!(p.card("code:404").unwrap().reps(), 2);
    assert_eq!(p.history().len(), 3);
    let origin = p.history()[0].id().origin;
    assert_ne!(
        origin,
        Origin::UNRECORDED,
        "the record has an origin of its own"
    );
    assert!(p.history().iter().all(|a| a.id().origin == origin));
    assert_eq!(p.settings().new_per_day(), 15, "old settings are kept");
    assert_eq!(
        p.settings().daily_minutes(),
        crate::progress::DEFAULT_DAILY_MINUTES,
        "new settings get defaults"
    );
    assert_eq!(p.day_totals(date(2026, 11, 22)).answers(), 3);
    assert_eq!(
        decode(&encode(&p)).unwrap().progress,
        p,
        "and it is written as format 5"
    );
}

#[test]
fn a_record_of_format_2_is_migrated_with_its_totals_settings_and_answers() {
    let d = decode(include_str!("../../../tests/fixtures/progress-v2.json")).unwrap();
    assert_eq!((d.version, d.damage.len()), (2, 0));
    let p = d.progress;
    assert_eq!(p.cards().len(), 3);
    assert_eq!(p.card("method:PATCH:idempotent").unwrap().lapses(), 1);
    assert_eq!(p.history().len(), 4);
    let first = p.day_totals(date(2026, 10, 1));
    assert_eq!(
        (first.answers(), first.correct(), first.new_items()),
        (12, 9, 5)
    );
    assert_eq!(p.day_totals(date(2026, 10, 2)).answers(), 4);
    assert_eq!(p.day_totals(date(2026, 11, 22)).answers(), 4);
    assert_eq!(p.answer_count(), 20);
    let s = p.settings();
    assert_eq!(
        (s.new_per_day(), s.daily_minutes(), s.theme()),
        (15, crate::progress::DEFAULT_DAILY_MINUTES, Theme::Dark),
        "a goal in answers has no meaning in minutes"
    );
    assert_eq!(s.desired_retention(), 0.85);
    assert_eq!(decode(&encode(&p)).unwrap().progress, p);
}

#[test]
fn a_format_2_export_merged_after_its_answers_were_folded_counts_them_once() {
    let text = include_str!("../../../tests/fixtures/progress-v2.json");
    let mut here = decode(text).unwrap().progress;
    let file = here.clone();
    // Seventeen days later the recent answers of 22 November are folded here.
    here.compact(date(2026, 11, 22) + Duration::days(FULL_HISTORY_DAYS + 3));
    assert!(here.history().is_empty());
    here.import_merge(&file);
    assert_eq!(here.day_totals(date(2026, 11, 22)).answers(), 4);
    assert_eq!(here.answer_count(), 20);
}

#[test]
fn a_record_of_format_3_is_migrated_with_its_settings_and_answers() {
    let d = decode(include_str!("../../../tests/fixtures/progress-v3.json")).unwrap();
    assert_eq!((d.version, d.damage.len()), (3, 0));
    let p = d.progress;
    assert_eq!(p.generation().number, 1);
    assert_eq!(p.cards().len(), 2);
    assert_eq!(p.history().len(), 2);
    assert!(p.history().iter().all(|a| a.source() == Source::Study));
    assert_eq!(p.undone().len(), 1);
    assert_eq!(p.day_totals(date(2026, 11, 1)).answers(), 7);
    assert_eq!(p.day_totals(date(2026, 11, 22)).answers(), 2);
    assert_eq!(p.settings().revision(), 4);
    // Written before settings had a goal: it takes the Beginner set, and is written back with it.
    assert_eq!(p.settings().goal(), crate::quiz::Deck::Beginner);
    // A goal in answers (25) has no meaning in minutes: the default goal and cap.
    assert_eq!(
        (p.settings().daily_minutes(), p.settings().max_reviews()),
        (
            crate::progress::DEFAULT_DAILY_MINUTES,
            super::super::DEFAULT_MAX_REVIEWS
        )
    );
    assert_eq!(
        encode(&p),
        include_str!("../../../tests/fixtures/progress-v3.json")
            .trim()
            .replace(r#""version":3"#, r#""version":5"#)
            .replace(r#""settings":"#, r#""solved":[],"settings":"#)
            .replace(
                r#""daily_goal":25,"theme":"Light"}"#,
                r#""daily_minutes":10,"max_reviews":50,"theme":"Light","goal":"beginner"}"#
            )
    );
}

#[test]
fn a_record_of_format_4_is_migrated_with_no_challenge_solved() {
    let text = include_str!("../../../tests/fixtures/progress-v4.json").trim();
    let d = decode(text).unwrap();
    assert_eq!((d.version, d.damage.len()), (4, 0));
    let p = d.progress;
    assert!(p.solved().is_empty());
    assert_eq!(p.history().len(), 3);
    assert_eq!(
        encode(&p),
        text.replace(r#""version":4"#, r#""version":5"#)
            .replace(r#""settings":"#, r#""solved":[],"settings":"#)
    );
}

#[test]
fn a_format_4_record_that_names_challenges_solved_is_read_as_having_none() {
    // Format 4 never held them: a field of that name in one is not ours to read.
    let text = include_str!("../../../tests/fixtures/progress-v4.json")
        .trim()
        .replace(
            r#""settings":"#,
            r#""solved":[{"id":"gone","at":"2026-11-22T09:10:00Z"}],"settings":"#,
        );
    let d = decode(&text).unwrap();
    assert_eq!(d.damage.len(), 0);
    assert!(d.progress.solved().is_empty());
}

#[test]
fn a_record_of_the_current_format_is_read_from_its_fixture_and_written_back_the_same() {
    let text = include_str!("../../../tests/fixtures/progress-v5.json").trim();
    let d = decode(text).unwrap();
    assert_eq!((d.version, d.damage.len()), (5, 0));
    let solved: Vec<&str> = d.progress.solved().iter().map(|s| s.id()).collect();
    assert_eq!(
        solved,
        ["not-modified", "retired-challenge"],
        "a challenge the lab no longer has is kept"
    );
    let p = d.progress;
    let sources: Vec<Source> = p.history().iter().map(|a| a.source()).collect();
    assert_eq!(sources, [Source::Study, Source::Quiz, Source::Retake]);
    let s = p.settings();
    assert_eq!((s.daily_minutes(), s.max_reviews()), (15, 40));
    assert_eq!(encode(&p), text);
}

#[test]
fn an_answer_from_a_place_the_app_does_not_know_is_set_aside() {
    let text = include_str!("../../../tests/fixtures/progress-v5.json")
        .trim()
        .replace(r#""source":"retake""#, r#""source":"dream""#);
    let d = decode(&text).unwrap();
    assert_eq!(d.damage.len(), 1);
    assert!(
        d.damage[0].to_string().contains("\u{201c}dream\u{201d}"),
        "{}",
        d.damage[0]
    );
    assert_eq!(d.progress.history().len(), 2);
}

#[test]
fn text_that_is_not_json_is_refused_and_says_so() {
    let e = decode("{not json").unwrap_err();
    assert!(matches!(e, Refusal::NotJson(_)));
    assert!(e.to_string().starts_with("it is not JSON"), "{e}");
}

#[test]
fn json_from_another_app_is_refused() {
    assert_eq!(decode("[1,2,3]"), Err(Refusal::OtherApp));
    assert_eq!(
        decode(r#"{"app":"anki","version":1,"cards":{}}"#),
        Err(Refusal::OtherApp)
    );
    assert_eq!(decode(r#"{"name":"my settings"}"#), Err(Refusal::OtherApp));
}

#[test]
fn a_newer_format_is_refused_with_its_number() {
    let text = encode(&Progress::default()).replace("\"version\":5", "\"version\":99");
    assert_eq!(decode(&text), Err(Refusal::TooNew(99)));
    assert!(Refusal::TooNew(99).to_string().contains("newer version"));
}

#[test]
fn an_odd_format_number_is_refused_saying_what_is_wrong_with_it() {
    // Fault 10 of issue 19: "3.0" and "1e20" were refused as having "no format number".
    let with = |v: &str| {
        encode(&Progress::default()).replace("\"version\":5", &format!("\"version\":{v}"))
    };
    for (v, words) in [
        ("3.0", "written 3.0 instead of 3"),
        ("2e0", "written 2e0 instead of 2"),
        (
            "1e20",
            "1e20, is beyond the formats this page reads (1 to 5)",
        ),
        ("6.0", "6.0, is beyond the formats this page reads"),
        ("1e400", "1e400, is beyond the formats this page reads"),
        (
            "99999999999999999999",
            "is beyond the formats this page reads",
        ),
        ("2.5", "2.5, is not a whole number"),
        ("0", "0, is not a format (they start at 1)"),
        ("-3", "-3, is not a format (they start at 1)"),
        ("\"3\"", "\"3\", is not a number"),
        ("[3]", "[3], is not a number"),
    ] {
        let e = decode(&with(v)).expect_err(v);
        let words_said = e.to_string();
        assert!(words_said.contains(words), "{v}: {words_said}");
        assert!(
            !words_said.contains("no format number"),
            "{v}: {words_said}"
        );
    }
    let long = format!("\"{}\"", "x".repeat(500));
    let said = decode(&with(&long)).unwrap_err().to_string();
    assert!(said.len() < 200, "a long value is shortened: {said}");
    for none in [
        r#"{"app":"http-study","cards":{}}"#,
        r#"{"app":"http-study","version":null}"#,
    ] {
        assert_eq!(
            decode(none).map_err(|e| e.to_string()),
            Err("it has no format number".to_string())
        );
    }
}

/// Replaces the first `from` in `text` with `to`, insisting it is there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from} not in {text}");
    text.replacen(from, to, 1)
}

#[test]
fn one_bad_card_is_set_aside_by_name_and_everything_else_loads() {
    let p = rich_record();
    let text = encode(&p);
    let key = "\"code:200\":{\"due\"";
    let broken = edit(&text, key, "\"code:200\":{\"stability\":null,\"due\"");
    let d = decode(&broken).unwrap();
    assert_eq!(d.damage.len(), 1, "{:?}", d.damage);
    let words = d.damage[0].to_string();
    assert!(words.contains("200 OK"), "{words}");
    assert!(d.progress.card("code:200").is_none());
    assert_eq!(d.progress.cards().len(), p.cards().len() - 1);
    assert_eq!(d.progress.history(), p.history());
    assert_eq!(d.progress.answer_count(), p.answer_count());
}

#[test]
fn impossible_card_values_are_set_aside_each_with_its_reason() {
    let p = rich_record();
    let card = encode(&p);
    let stability = format!(
        "\"stability\":{}",
        serde_json::to_string(&p.card("code:404").unwrap().stability()).unwrap()
    );
    for (bad, why) in [
        ("\"stability\":-3.5", "stability is -3.5"),
        ("\"stability\":0", "stability is 0"),
        ("\"stability\":null", "invalid type"),
    ] {
        let d = decode(&edit(&card, &stability, bad)).unwrap();
        assert_eq!(d.damage.len(), 1, "{bad}: {:?}", d.damage);
        assert!(
            d.damage[0].to_string().contains(why),
            "{bad}: {}",
            d.damage[0]
        );
    }
    let reps = format!("\"reps\":{}", p.card("code:404").unwrap().reps());
    let d = decode(&edit(&card, &reps, "\"reps\":2147483647")).unwrap();
    assert!(
        d.damage[0].to_string().contains("2147483647 reviews"),
        "{:?}",
        d.damage
    );
    let d = decode(&edit(&card, "\"due\":\"2026", "\"due\":\"9999")).unwrap();
    assert!(
        d.damage[0].to_string().contains("due on 9999"),
        "{:?}",
        d.damage
    );
}

#[test]
fn a_bad_answer_or_day_total_is_set_aside_and_the_rest_counts() {
    let p = rich_record();
    let text = encode(&p);
    let broken = edit(&text, "\"grade\":\"Good\"", "\"grade\":\"Brilliant\"");
    let d = decode(&broken).unwrap();
    assert_eq!(d.damage.len(), 1);
    assert!(
        d.damage[0].to_string().starts_with("an answer to \u{201c}"),
        "{}",
        d.damage[0]
    );
    assert_eq!(d.progress.history().len(), p.history().len() - 1);

    let v2 = include_str!("../../../tests/fixtures/progress-v2.json");
    let huge = edit(v2, "\"answers\":12", "\"answers\":4294967295");
    let d = decode(&huge).unwrap();
    assert_eq!(d.damage.len(), 1);
    assert!(
        d.damage[0]
            .to_string()
            .contains("4294967295 answers in one day"),
        "{}",
        d.damage[0]
    );
    assert_eq!(d.progress.day_totals(date(2026, 10, 1)).answers(), 0);
    assert_eq!(d.progress.day_totals(date(2026, 10, 2)).answers(), 4);
}

#[test]
fn settings_out_of_range_go_back_to_their_defaults_one_by_one() {
    let text = encode(&rich_record());
    let broken = edit(
        &text,
        "\"desired_retention\":0.85",
        "\"desired_retention\":7",
    );
    let d = decode(&broken).unwrap();
    assert_eq!(d.damage.len(), 1);
    assert!(d.damage[0]
        .to_string()
        .contains("desired retention (7 is not between"));
    assert_eq!(
        d.progress.settings().daily_minutes(),
        35,
        "the other settings stay"
    );
    assert_eq!(
        d.progress.settings().desired_retention(),
        crate::schedule::DEFAULT_RETENTION
    );
}

#[test]
fn the_code_a_wrong_answer_chose_is_kept_and_an_impossible_one_sets_that_answer_aside() {
    let mut p = rich_record();
    let at = Moment::utc(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    p.record_choice(
        crate::progress::Source::Quiz,
        "code:403",
        Grade::Again,
        Some(401),
        at,
        test_id(),
    )
    .unwrap();
    let text = encode(&p);
    assert!(text.contains(r#""chose":401"#), "{text}");
    let d = decode(&text).unwrap();
    assert!(d.damage.is_empty());
    assert_eq!(d.progress, p);
    let d = decode(&edit(&text, r#""chose":401"#, r#""chose":4010"#)).unwrap();
    assert_eq!(d.damage.len(), 1, "that answer alone is set aside");
    assert_eq!(d.progress.history().len(), p.history().len() - 1);
}

#[test]
fn what_the_learner_is_learning_is_kept_and_an_unknown_deck_takes_the_default() {
    let mut p = rich_record();
    p.update_settings(|s| s.set_goal(crate::quiz::Deck::Methods));
    let text = encode(&p);
    assert!(text.contains(r#""goal":"methods""#), "{text}");
    assert_eq!(decode(&text).unwrap().progress, p);
    let d = decode(&edit(&text, r#""goal":"methods""#, r#""goal":"6xx""#)).unwrap();
    assert_eq!(d.progress.settings().goal(), crate::quiz::Deck::Beginner);
    assert_eq!(d.damage.len(), 1);
    assert!(
        d.damage[0].to_string().contains("what you are learning"),
        "{}",
        d.damage[0]
    );
}

#[test]
fn a_part_of_the_wrong_shape_is_set_aside_and_the_other_parts_load() {
    let p = rich_record();
    let text = encode(&p);
    let start = text.find("\"cards\":").unwrap();
    let end = text.find(",\"history\"").unwrap();
    let broken = format!("{}\"cards\":\"oops\"{}", &text[..start], &text[end..]);
    let d = decode(&broken).unwrap();
    assert_eq!(d.damage.len(), 1);
    assert!(d.damage[0]
        .to_string()
        .starts_with("the schedule of every item"));
    assert!(d.progress.cards().is_empty());
    assert_eq!(d.progress.history(), p.history());
}

/// A record as version 2 of the app kept it on one device: `folded` answers counted per date
/// and `recent` answers in full, each given as (days before `now`, how many). `device` (1, 2,
/// …) sets the second each answer was given in, as two devices never answer at one instant.
fn format_2(
    now: DateTime<Utc>,
    folded: &[(i64, u64)],
    recent: &[(i64, usize)],
    device: i64,
) -> String {
    let items = ["code:404", "code:200", "code:500", "code:201", "code:301"];
    let daily: Vec<String> = folded
        .iter()
        .map(|(ago, n)| {
            let day = (now - Duration::days(*ago)).date_naive();
            format!(r#""{day}":{{"answers":{n},"correct":{n},"new_items":1}}"#)
        })
        .collect();
    let mut history = Vec::new();
    for (ago, n) in recent {
        for i in 0..*n {
            let at = now - Duration::days(*ago)
                + Duration::minutes(i as i64)
                + Duration::seconds(device);
            history.push(format!(
                r#"{{"item":"{}","at":"{}","day":"{}","grade":"Good","first":false}}"#,
                items[i % items.len()],
                instants::write_instant(at),
                at.date_naive()
            ));
        }
    }
    format!(
        r#"{{"app":"http-study","version":2,"cards":{{}},"history":[{}],"daily":{{{}}},"settings":{{"new_per_day":15,"desired_retention":0.9}}}}"#,
        history.join(","),
        daily.join(",")
    )
}

#[test]
fn older_records_from_two_devices_merged_keep_both_devices_answers() {
    // Fault 1 of issue 19: every format-1/2 answer was filed under one shared origin, so a
    // merge kept one device's totals and dropped the other's recent answers.
    let now = t0();
    let x = format_2(now, &[(25, 10)], &[(5, 4)], 1);
    let y = format_2(now, &[(15, 7)], &[(3, 6)], 2);
    let read = |text: &str| decode(text).unwrap().progress;
    let (px, py) = (read(&x), read(&y));
    assert_eq!((px.answer_count(), py.answer_count()), (14, 13));
    let origin = |p: &Progress| *p.folded().keys().next().expect("folded totals");
    assert_ne!(
        origin(&px),
        origin(&py),
        "each device's record has an origin of its own"
    );
    assert_eq!(
        origin(&read(&x)),
        origin(&px),
        "the same file, the same origin"
    );
    assert_ne!(origin(&px), Origin(0));
    assert!(px.history().iter().all(|a| a.id().origin == origin(&px)));

    let mut merged = px.clone();
    merged.import_merge(&py);
    assert_eq!(merged.answer_count(), 27);
    let mut other_way = py.clone();
    other_way.import_merge(&px);
    assert_eq!(other_way.answer_count(), 27);
    assert_eq!(
        other_way
            .day_totals((now - Duration::days(3)).date_naive())
            .answers(),
        6
    );
    // The same file merged again, before and after its answers are folded, counts once.
    merged.import_merge(&read(&y));
    assert_eq!(merged.answer_count(), 27);
    merged.compact(now.date_naive() + Duration::days(FULL_HISTORY_DAYS + 10));
    assert!(merged.history().is_empty());
    merged.import_merge(&read(&x));
    merged.import_merge(&read(&y));
    assert_eq!(merged.answer_count(), 27);
}

#[test]
fn a_record_migrated_by_the_previous_release_gets_the_origin_its_older_form_gets() {
    // The previous release wrote every older answer under origin 0 in format 3: such a record
    // is read with the origin its format-2 original gets, so the two count once together and a
    // second device's record still counts beside it.
    let now = t0();
    let x = format_2(now, &[(25, 10)], &[(5, 4)], 1);
    let y = format_2(now, &[(15, 7)], &[(3, 6)], 2);
    let px = decode(&x).unwrap().progress;
    let origin = px.folded().keys().next().unwrap().hex();
    let as_before = |p: &Progress| encode(p).replace(&origin, "0000000000000000");
    assert_ne!(as_before(&px), encode(&px));
    let d = decode(&as_before(&px)).unwrap();
    assert_eq!(d.damage, []);
    assert_eq!(d.progress, px);
    // Folding moves answers from the history into the totals; the origin stays.
    let mut folded = px.clone();
    folded.compact(now.date_naive() + Duration::days(FULL_HISTORY_DAYS + 10));
    assert!(folded.history().is_empty());
    assert_eq!(decode(&as_before(&folded)).unwrap().progress, folded);

    let mut merged = decode(&as_before(&folded)).unwrap().progress;
    merged.import_merge(&decode(&y).unwrap().progress);
    merged.import_merge(&px);
    assert_eq!(merged.answer_count(), 27);
}

#[test]
fn the_same_answer_twice_in_a_file_counts_once_even_far_apart_in_time() {
    // Fault 7 of issue 19: only copies next to each other in time were taken as one.
    let mut p = rich_record();
    let at = Moment::utc(t0() + Duration::days(40));
    for item in ["code:404", "code:200", "code:500"] {
        p.record(item, Grade::Good, at, test_id());
    }
    let text = encode(&p);
    let recent = &p.history()[p.history().len() - 3];
    let entry = format!(r#"{{"id":"{}","#, recent.id());
    let start = text.find(&entry).unwrap();
    let end = start + text[start..].find('}').unwrap() + 1;
    let copy = text[start..end].replace(
        &instants::write_instant(recent.at()),
        &instants::write_instant(recent.at() + Duration::minutes(30)),
    );
    assert_ne!(copy, &text[start..end]);
    let edited = edit(&text, "\"history\":[", &format!("\"history\":[{copy},"));
    let d = decode(&edited).unwrap();
    assert_eq!(d.damage, []);
    assert_eq!(d.progress.answer_count(), p.answer_count());
    assert_eq!(
        d.progress.history(),
        p.history(),
        "the earlier copy is the one kept"
    );
}

#[test]
fn a_solved_challenge_that_cannot_be_read_is_set_aside_and_named_and_the_rest_load() {
    let text = include_str!("../../../tests/fixtures/progress-v5.json")
        .trim()
        .replace(
            r#""retired-challenge","at":"2026-11-21T08:00:00Z""#,
            r#""<b>Bold</b>","at":"2026-11-21T08:00:00Z""#,
        )
        .replace(
            r#""solved":["#,
            r#""solved":[{"id":"gone","at":"yesterday"},"#,
        );
    let d = decode(&text).unwrap();
    assert_eq!(d.damage.len(), 2, "{:?}", d.damage);
    assert!(d
        .damage
        .iter()
        .any(|x| x.to_string().contains("\u{201c}gone\u{201d}")));
    let solved: Vec<&str> = d.progress.solved().iter().map(|s| s.id()).collect();
    assert_eq!(solved, ["not-modified"]);
    assert_eq!(d.progress.history().len(), 3, "the answers load");
}

#[test]
fn a_challenge_listed_twice_in_a_file_is_held_once_with_its_first_solving() {
    let text = include_str!("../../../tests/fixtures/progress-v5.json")
        .trim()
        .replace(
            r#""solved":["#,
            r#""solved":[{"id":"not-modified","at":"2026-11-20T07:00:00Z"},"#,
        );
    let d = decode(&text).unwrap();
    assert_eq!(d.damage, []);
    assert_eq!(d.progress.solved().len(), 2);
    assert_eq!(
        d.progress.solved_at("not-modified"),
        Some(Utc.with_ymd_and_hms(2026, 11, 20, 7, 0, 0).unwrap())
    );
}
