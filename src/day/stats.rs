//! The Progress page's figures, computed from a [`Progress`] and the plan of the day: mastery
//! per group, answers per day, the reviews coming due, the streak calendar, accuracy per week,
//! the weakest items and the codes mixed up, each with the sentence that sums it up for a
//! screen reader and the chart's caption. The page draws these; it works out nothing itself.
//!
//! Plain Rust with no DOM: the time is always passed in (`now` for card state, `today`, the
//! learner's local date, for days), so every figure is tested natively.
//! Weeks start on Monday.

use chrono::{Datelike, Duration, NaiveDate};

use super::{plural, Plan};
use crate::clock::{self, Moment};
use crate::progress::{Card, DayTotals, Phase, Progress};
use crate::quiz::{all_items, Item};
use crate::study::{self, Confusion, WeakItem};

/// A card whose next interval is at least this many days counts as mastered.
pub const MASTERED_DAYS: u32 = 21;
/// Days in the answers chart.
pub const ANSWER_DAYS: u32 = 30;
/// Days in the forecast of reviews.
pub const FORECAST_DAYS: u32 = 14;
/// Weeks in the streak calendar and the accuracy chart.
pub const WEEKS: u32 = 12;
/// Items in the weakest list.
pub const WEAKEST: usize = 10;

/// How a group of items stands: never answered, being learnt, mastered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMastery {
    /// "1xx" to "5xx", or "Methods".
    pub label: String,
    /// Study items in the group.
    pub total: u32,
    /// Items never answered (no card).
    pub new: u32,
    /// Items answered but not mastered yet.
    pub learning: u32,
    /// Items in review with an interval of [`MASTERED_DAYS`] or more.
    pub mastered: u32,
}

/// Whether a card counts as mastered: in review, with an interval of [`MASTERED_DAYS`] or more.
pub fn is_mastered(card: &Card) -> bool {
    card.phase() == Phase::Review && card.scheduled_days() >= MASTERED_DAYS
}

/// Whether the learner has anything recorded at all.
pub fn has_progress(p: &Progress) -> bool {
    p.has_answers()
}

/// The group an item's mastery is counted in: 0 to 4 for the classes 1xx to 5xx, 5 for the
/// method properties; scenarios and misconceptions are in none.
fn group_of(item: &Item) -> Option<usize> {
    match item {
        Item::Code(n) => match n / 100 {
            c @ 1..=5 => Some(usize::from(c) - 1),
            _ => None,
        },
        Item::MethodProperty { .. } => Some(5),
        Item::Scenario(_) | Item::Misconception(_) => None,
    }
}

/// Mastery per group, in the order 1xx, 2xx, 3xx, 4xx, 5xx, Methods. A card counts as mastered
/// by its own state, whatever the time; cards of keys that no longer name an item are ignored.
pub fn mastery_by_group(p: &Progress) -> Vec<GroupMastery> {
    let mut rows: Vec<GroupMastery> = (1..=5)
        .map(|c| format!("{c}xx"))
        .chain(["Methods".to_string()])
        .map(|label| GroupMastery {
            label,
            total: 0,
            new: 0,
            learning: 0,
            mastered: 0,
        })
        .collect();
    for item in all_items() {
        let Some(group) = group_of(&item) else {
            continue;
        };
        let row = &mut rows[group];
        row.total += 1;
        match p.card(&item.key()) {
            None => row.new += 1,
            Some(card) if is_mastered(card) => row.mastered += 1,
            Some(_) => row.learning += 1,
        }
    }
    rows
}

/// Each of the `days` days ending with `today`, oldest first, with its totals (zeros for a
/// day without answers).
pub fn answers_per_day(p: &Progress, today: NaiveDate, days: u32) -> Vec<(NaiveDate, DayTotals)> {
    (0..i64::from(days))
        .rev()
        .map(|back| {
            let day = today - Duration::days(back);
            (day, p.totals_as_of(day, today))
        })
        .collect()
}

/// Reviews coming due on each of the `days` days starting with the plan's day, as the study
/// session will take them: today what the plan says (due now, and later today), then each
/// day the cards falling due that day, a due time read as a date at the learner's clock
/// (`at`); a day takes at most the learner's daily cap, and what is beyond it waits for the
/// next day (as today's waiting reviews do).
pub fn due_forecast(p: &Progress, plan: &Plan, at: Moment, days: u32) -> Vec<(NaiveDate, u32)> {
    let mut falling = vec![0u32; days as usize];
    let today_end = at.day_end();
    for (_, card) in study::scheduled_cards(p) {
        if card.due() < today_end {
            continue;
        }
        let due_day = Moment::new(card.due(), at.offset_minutes()).day();
        let index = (due_day - plan.day).num_days();
        if let Some(n) = usize::try_from(index).ok().and_then(|i| falling.get_mut(i)) {
            *n += 1;
        }
    }
    let r = &plan.reviews;
    let cap = r.cap;
    let mut carried = r.waiting as u32;
    (0..days as usize)
        .map(|i| {
            let day = plan.day + Duration::days(i as i64);
            let n = if i == 0 {
                (r.due_now() + r.later_today) as u32
            } else {
                let due = carried + falling[i];
                let taken = due.min(cap);
                carried = due - taken;
                taken
            };
            (day, n)
        })
        .collect()
}

/// The Monday of the week `day` is in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The Monday `weeks - 1` weeks before today's week's.
fn first_week(today: NaiveDate, weeks: u32) -> NaiveDate {
    week_start(today) - Duration::weeks(i64::from(weeks.saturating_sub(1)))
}

/// Answers per day for the heat map: every day from the Monday `weeks - 1` weeks before
/// today's week's to today, oldest first (today's week is cut at today: the rest has not
/// happened yet).
pub fn calendar(p: &Progress, today: NaiveDate, weeks: u32) -> Vec<(NaiveDate, u32)> {
    if weeks == 0 {
        return Vec::new();
    }
    first_week(today, weeks)
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|d| (d, p.totals_as_of(d, today).answers()))
        .collect()
}

/// The share of right answers (Hard, Good or Easy) in each of the `weeks` weeks ending with
/// today's, by the week's Monday, oldest first; `None` for a week without answers.
pub fn accuracy_by_week(
    p: &Progress,
    today: NaiveDate,
    weeks: u32,
) -> Vec<(NaiveDate, Option<f64>)> {
    let first = first_week(today, weeks);
    (0..i64::from(weeks))
        .map(|w| {
            let start = first + Duration::weeks(w);
            let (answers, correct) = start
                .iter_days()
                .take(7)
                .take_while(|d| *d <= today)
                .map(|d| p.totals_as_of(d, today))
                .fold((0u64, 0u64), |(a, c), t| {
                    (a + u64::from(t.answers()), c + u64::from(t.correct()))
                });
            let share = (answers > 0).then(|| correct as f64 / answers as f64);
            (start, share)
        })
        .collect()
}

/// A share as whole percents: "83%" (written without float formatting).
pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Everything the Progress page shows above its settings, for one learner at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub mastery: Vec<GroupMastery>,
    /// The mastery chart in words.
    pub mastery_summary: String,
    pub answers: Vec<(NaiveDate, DayTotals)>,
    pub answers_summary: String,
    /// "Last 30 days: 40 answers, 31 right."
    pub answers_note: String,
    pub forecast: Vec<(NaiveDate, u32)>,
    pub forecast_summary: String,
    pub calendar: Vec<(NaiveDate, u32)>,
    pub calendar_summary: String,
    pub calendar_note: String,
    pub accuracy: Vec<(NaiveDate, Option<f64>)>,
    pub accuracy_summary: String,
    pub weakest: Vec<WeakItem>,
    pub confusions: Vec<Confusion>,
    /// Cards kept for keys that name no item.
    pub unscheduled: usize,
}

/// The Progress page's figures for the learner of `p` at `at`, with the day's `plan` (the
/// one the page shows above them: the charts agree with it).
pub fn overview(p: &Progress, plan: &Plan, at: Moment) -> Overview {
    let today = plan.day;
    let mastery = mastery_by_group(p);
    let answers = answers_per_day(p, today, ANSWER_DAYS);
    let forecast = due_forecast(p, plan, at, FORECAST_DAYS);
    let calendar = calendar(p, today, WEEKS);
    let accuracy = accuracy_by_week(p, today, WEEKS);
    Overview {
        mastery_summary: mastery_summary(&mastery),
        answers_summary: answers_summary(&answers),
        answers_note: answers_note(&answers),
        forecast_summary: forecast_summary(&forecast, plan),
        calendar_summary: calendar_summary(&calendar, plan.streak.days),
        calendar_note: format!(
            "Answers per day, a column per week, Monday at the top. Current streak: {}.",
            plan.streak.figure()
        ),
        accuracy_summary: accuracy_summary(&accuracy),
        mastery,
        answers,
        forecast,
        calendar,
        accuracy,
        weakest: study::weakest(p, at.at(), WEAKEST),
        confusions: study::confusions(p),
        unscheduled: study::unscheduled_count(p),
    }
}

fn mastery_summary(rows: &[GroupMastery]) -> String {
    let mastered: u32 = rows.iter().map(|r| r.mastered).sum();
    let learning: u32 = rows.iter().map(|r| r.learning).sum();
    let total: u32 = rows.iter().map(|r| r.total).sum();
    let per_group: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {} of {}", r.label, r.mastered, r.total))
        .collect();
    format!(
        "Mastery by group: {mastered} of {total} items mastered, {learning} being learnt, {} new. Mastered per group: {}.",
        total.saturating_sub(mastered).saturating_sub(learning),
        per_group.join(", ")
    )
}

/// The day with the most answers (the latest of equals).
fn busiest<T: Copy>(days: &[(NaiveDate, T)], count: impl Fn(T) -> u32) -> Option<(NaiveDate, u32)> {
    days.iter()
        .map(|(d, t)| (*d, count(*t)))
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(d, n)| (*n, *d))
}

fn answers_summary(days: &[(NaiveDate, DayTotals)]) -> String {
    let total: u64 = days.iter().map(|(_, t)| u64::from(t.answers())).sum();
    let correct: u64 = days.iter().map(|(_, t)| u64::from(t.correct())).sum();
    let active = days.iter().filter(|(_, t)| t.answers() > 0).count() as u64;
    match busiest(days, |t| t.answers()) {
        None => format!("Answers per day: no answers in the last {ANSWER_DAYS} days."),
        Some((d, n)) => format!(
            "Answers per day over the last {ANSWER_DAYS} days: {} on {} of them, {correct} right. Most in a day: {n} on {}.",
            plural(total, "answer", "answers"),
            plural(active, "day", "days"),
            clock::day_name(d)
        ),
    }
}

fn answers_note(days: &[(NaiveDate, DayTotals)]) -> String {
    let total: u64 = days.iter().map(|(_, t)| u64::from(t.answers())).sum();
    let correct: u64 = days.iter().map(|(_, t)| u64::from(t.correct())).sum();
    format!("Last {ANSWER_DAYS} days: {total} answers, {correct} right.")
}

fn forecast_summary(days: &[(NaiveDate, u32)], plan: &Plan) -> String {
    let total: u64 = days.iter().map(|(_, n)| u64::from(*n)).sum();
    let r = &plan.reviews;
    // The busiest day is the earliest of equals: the one to prepare for first.
    let busiest = days
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(d, n)| (*n, std::cmp::Reverse(*d)));
    let mut s = match busiest {
        None => format!("Reviews due: nothing due in the next {FORECAST_DAYS} days."),
        Some((d, n)) => format!(
            "Reviews due over the next {FORECAST_DAYS} days: {} in all, {} today ({} due now, {} later today). Busiest day: {} with {n}.",
            plural(total, "review", "reviews"),
            days.first().map_or(0, |(_, n)| *n),
            r.due_now(),
            r.later_today,
            clock::day_name(*d)
        ),
    };
    if r.waiting > 0 {
        s.push_str(&format!(
            " {} more wait beyond today's limit of {} and are spread over the following days.",
            r.waiting, r.cap
        ));
    }
    s
}

fn calendar_summary(days: &[(NaiveDate, u32)], streak: u32) -> String {
    let active = days.iter().filter(|(_, n)| *n > 0).count() as u64;
    match busiest(days, |n| n) {
        None => format!("Study calendar: no answers in the last {WEEKS} weeks."),
        Some((d, n)) => format!(
            "Study calendar of the last {WEEKS} weeks: answers on {} of {}; current streak {}. Best day: {} with {}.",
            plural(active, "day", "days"),
            days.len(),
            plural(streak.into(), "day", "days"),
            clock::day_name(d),
            plural(n.into(), "answer", "answers")
        ),
    }
}

fn accuracy_summary(weeks: &[(NaiveDate, Option<f64>)]) -> String {
    let measured: Vec<(NaiveDate, f64)> = weeks
        .iter()
        .filter_map(|(d, a)| a.map(|a| (*d, a)))
        .collect();
    match measured.last() {
        None => format!("Right answers per week: no answers in the last {WEEKS} weeks."),
        Some((d, latest)) => {
            let low = measured.iter().map(|(_, a)| *a).fold(1.0, f64::min);
            let high = measured.iter().map(|(_, a)| *a).fold(0.0, f64::max);
            format!(
                "Right answers per week over the last {WEEKS} weeks: {} with answers, from {} to {}. Latest: {} in the week of {}.",
                plural(measured.len() as u64, "week", "weeks"),
                percent(low),
                percent(high),
                percent(*latest),
                clock::short_date(*d)
            )
        }
    }
}

/// What one weak item's line says: "recall now 100%, tomorrow 62%, forgotten 2 times".
pub fn weak_facts(w: &WeakItem) -> String {
    let mut s = format!(
        "recall now {}, tomorrow {}",
        percent(w.recall_now),
        percent(w.recall_tomorrow)
    );
    if w.lapses > 0 {
        s.push_str(&format!(
            ", forgotten {}",
            plural(w.lapses.into(), "time", "times")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Moment;
    use crate::progress::test_id;
    use crate::schedule::Grade;
    use chrono::{DateTime, TimeZone, Utc};

    /// Monday 2 March 2026, 09:00 UTC.
    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn day0() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    /// Records an answer `days` days after t0, on that day.
    fn answer(p: &mut Progress, item: &str, grade: Grade, days: i64) {
        let at = t0() + Duration::days(days);
        p.record(item, grade, Moment::utc(at), test_id());
    }

    fn row<'a>(rows: &'a [GroupMastery], label: &str) -> &'a GroupMastery {
        rows.iter().find(|r| r.label == label).unwrap()
    }

    #[test]
    fn with_no_progress_every_group_is_all_new_and_every_chart_is_empty() {
        let p = Progress::default();
        let rows = mastery_by_group(&p);
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["1xx", "2xx", "3xx", "4xx", "5xx", "Methods"]);
        for r in &rows {
            assert!(r.total > 0, "{r:?}");
            assert_eq!((r.new, r.learning, r.mastered), (r.total, 0, 0), "{r:?}");
        }
        assert_eq!(
            row(&rows, "Methods").total,
            27,
            "nine methods × three properties"
        );
        assert!(!has_progress(&p));
        assert_eq!(answers_per_day(&p, day0(), 30).len(), 30);
        assert!(answers_per_day(&p, day0(), 30)
            .iter()
            .all(|(_, t)| *t == DayTotals::default()));
        let at = Moment::utc(t0());
        let plan = super::super::plan(&p, at);
        assert!(due_forecast(&p, &plan, at, 14).iter().all(|(_, n)| *n == 0));
        assert!(accuracy_by_week(&p, day0(), 12)
            .iter()
            .all(|(_, a)| a.is_none()));
        let o = overview(&p, &plan, at);
        assert!(o.weakest.is_empty() && o.confusions.is_empty());
        assert_eq!(
            o.answers_summary,
            "Answers per day: no answers in the last 30 days."
        );
    }

    #[test]
    fn answered_items_move_from_new_to_learning_in_their_group() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        answer(&mut p, "code:500", Grade::Again, 0);
        answer(&mut p, "method:PATCH:idempotent", Grade::Good, 0);
        answer(&mut p, "scenario:no-such-scenario", Grade::Good, 0);
        let rows = mastery_by_group(&p);
        let four = row(&rows, "4xx");
        assert_eq!((four.learning, four.mastered), (1, 0));
        assert_eq!(four.new, four.total - 1);
        assert_eq!(
            row(&rows, "5xx").learning,
            1,
            "Again still counts as learning"
        );
        assert_eq!(row(&rows, "Methods").learning, 1);
        assert_eq!(row(&rows, "2xx").learning, 0);
        for r in &rows {
            assert_eq!(r.new + r.learning + r.mastered, r.total, "{r:?}");
        }
    }

    #[test]
    fn an_item_reviewed_into_a_long_interval_is_mastered() {
        let mut p = Progress::default();
        let mut at = t0();
        while !p.card("code:200").is_some_and(is_mastered) {
            p.record("code:200", Grade::Good, Moment::utc(at), test_id());
            at = p.card("code:200").unwrap().due();
            assert!(at < t0() + Duration::days(365), "never mastered");
        }
        let card = p.card("code:200").unwrap();
        assert!(card.scheduled_days() >= MASTERED_DAYS);
        let rows = mastery_by_group(&p);
        assert_eq!(row(&rows, "2xx").mastered, 1);
        assert_eq!(row(&rows, "2xx").learning, 0);
    }

    #[test]
    fn answers_per_day_runs_oldest_first_with_idle_days_as_zeros() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        answer(&mut p, "code:200", Grade::Again, 0);
        answer(&mut p, "code:404", Grade::Good, 2);
        let today = day0() + Duration::days(2);
        let days = answers_per_day(&p, today, 30);
        assert_eq!(days.len(), 30);
        assert_eq!(days.first().unwrap().0, today - Duration::days(29));
        assert_eq!(days.last().unwrap().0, today);
        let answers: Vec<u32> = days[27..].iter().map(|(_, t)| t.answers()).collect();
        assert_eq!(answers, [2, 0, 1], "the idle day in between is a zero");
        assert_eq!(days[27].1.correct(), 1);
    }

    #[test]
    fn answers_folded_into_daily_totals_still_show() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        let today = day0() + Duration::days(20);
        p.compact(today);
        assert!(p.history().is_empty());
        let days = answers_per_day(&p, today, 30);
        assert_eq!(days[9], (day0(), p.day_totals(day0())));
        assert_eq!(days[9].1.answers(), 1);
        assert_eq!(
            calendar(&p, today, 12).iter().map(|(_, n)| n).sum::<u32>(),
            1
        );
    }

    #[test]
    fn the_calendar_starts_on_a_monday_and_ends_today() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        answer(&mut p, "code:200", Grade::Good, 0);
        answer(&mut p, "code:404", Grade::Good, 9);
        // Thursday 12 March 2026.
        let today = day0() + Duration::days(10);
        let cells = calendar(&p, today, 12);
        assert_eq!(cells[0].0.weekday(), chrono::Weekday::Mon);
        assert_eq!(cells[0].0, week_start(today) - Duration::weeks(11));
        assert_eq!(cells.last().unwrap().0, today);
        assert_eq!(cells.len(), 11 * 7 + 4);
        let on = |d: NaiveDate| cells.iter().find(|(day, _)| *day == d).unwrap().1;
        assert_eq!(on(day0()), 2);
        assert_eq!(on(day0() + Duration::days(1)), 0);
        assert_eq!(on(day0() + Duration::days(9)), 1);
        assert!(calendar(&p, today, 0).is_empty());
    }

    #[test]
    fn a_week_with_three_right_of_four_has_an_accuracy_of_three_quarters() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        answer(&mut p, "code:200", Grade::Hard, 1);
        answer(&mut p, "code:500", Grade::Again, 2);
        answer(&mut p, "code:503", Grade::Easy, 6);
        answer(&mut p, "code:404", Grade::Again, 7);
        // Wednesday of the following week.
        let today = day0() + Duration::days(9);
        let weeks = accuracy_by_week(&p, today, 4);
        assert_eq!(weeks.len(), 4);
        assert!(weeks
            .iter()
            .all(|(d, _)| d.weekday() == chrono::Weekday::Mon));
        assert_eq!(weeks[2], (day0(), Some(0.75)));
        assert_eq!(weeks[3], (day0() + Duration::weeks(1), Some(0.0)));
        assert_eq!(weeks[1].1, None, "a week without answers has no accuracy");
    }

    #[test]
    fn a_card_due_in_three_days_shows_in_the_forecast_on_that_day() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        let card = p.card("code:404").unwrap().clone();
        p.put_card("code:404", card.with_due(t0() + Duration::days(3)));
        p.put_card("code:500", card.with_due(t0() - Duration::days(5)));
        p.put_card("code:503", card.with_due(t0() + Duration::days(40)));
        p.put_card("code:299", card.with_due(t0() - Duration::days(5)));
        let at = Moment::utc(t0() + Duration::hours(1));
        let plan = super::super::plan(&p, at);
        let forecast = due_forecast(&p, &plan, at, 14);
        assert_eq!(forecast.len(), 14);
        assert_eq!(forecast[0], (day0(), 1), "the overdue card counts today");
        assert_eq!(forecast[3], (day0() + Duration::days(3), 1));
        assert_eq!(
            forecast.iter().map(|(_, n)| n).sum::<u32>(),
            2,
            "the card due in 40 days is beyond the forecast, and code:299 names no item"
        );
        let o = overview(&p, &plan, at);
        assert!(
            o.forecast_summary
                .contains("2 reviews in all, 1 today (1 due now, 0 later today)"),
            "{}",
            o.forecast_summary
        );
    }

    #[test]
    fn the_forecast_reads_due_times_in_the_learners_time_zone() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        let card = p.card("code:404").unwrap().clone();
        // 02:00 UTC on 4 March is still 3 March, 20:00, at UTC-6.
        let due = Utc.with_ymd_and_hms(2026, 3, 4, 2, 0, 0).unwrap();
        p.put_card("code:404", card.with_due(due));
        let west = Moment::new(t0(), -6 * 60);
        let plan = super::super::plan(&p, west);
        assert_eq!(due_forecast(&p, &plan, west, 14)[1].1, 1);
        let utc = Moment::utc(t0());
        let plan = super::super::plan(&p, utc);
        assert_eq!(due_forecast(&p, &plan, utc, 14)[2].1, 1);
    }

    #[test]
    fn today_in_the_forecast_is_what_the_plan_says_and_a_backlog_is_spread_by_the_cap() {
        // Fault: Progress said "Due now 0" while its chart showed "Today 20".
        let mut p = Progress::default();
        p.update_settings(|s| s.set_max_reviews(4));
        answer(&mut p, "code:404", Grade::Good, -10);
        let card = p.card("code:404").unwrap().clone();
        for (i, code) in [200, 201, 204, 301, 302, 304, 400, 401, 403, 404]
            .iter()
            .enumerate()
        {
            p.put_card(
                &format!("code:{code}"),
                card.with_due(t0() - Duration::days(1 + i as i64)),
            );
        }
        // One more falls due later today, one tomorrow.
        p.put_card("code:500", card.with_due(t0() + Duration::hours(3)));
        p.put_card("code:502", card.with_due(t0() + Duration::days(1)));
        let at = Moment::utc(t0());
        let plan = super::super::plan(&p, at);
        assert_eq!(plan.reviews.due_now(), 4, "the cap");
        assert_eq!(plan.reviews.waiting, 6);
        assert_eq!(plan.reviews.later_today, 1);
        let forecast = due_forecast(&p, &plan, at, 5);
        let counts: Vec<u32> = forecast.iter().map(|(_, n)| *n).collect();
        assert_eq!(
            counts,
            [5, 4, 3, 0, 0],
            "today: 4 now and 1 later; then 6 waiting and 1 falling due, 4 a day"
        );
        let o = overview(&p, &plan, at);
        assert!(
            o.forecast_summary
                .contains("6 more wait beyond today's limit of 4"),
            "{}",
            o.forecast_summary
        );
    }
}
