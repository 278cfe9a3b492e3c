//! Statistics for the Progress page, computed from a [`Progress`]: mastery per group, answers
//! per day, the due forecast, the streak calendar, accuracy per week and the weakest items.
//!
//! Plain Rust with no DOM: the time is always passed in (`now` for card state, `today`, the
//! learner's local date, for days), so every figure is tested natively.
//! Weeks start on Monday.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc};

use super::{Card, DayTotals, Phase, Progress};
use crate::quiz::{all_items, Item};
use crate::study;

/// A card whose next interval is at least this many days counts as mastered.
pub const MASTERED_DAYS: u32 = 21;

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

/// An item the learner is most likely to have forgotten.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakItem {
    pub item: Item,
    /// FSRS's estimate of the chance of recalling it now, 0 to 1.
    pub retrievability: f64,
    /// Times it was forgotten after having been learnt.
    pub lapses: u32,
}

/// The figures of the page's summary line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Items due for review now.
    pub due: usize,
    /// Days in a row with at least one answer.
    pub streak: u32,
    /// Answers given today.
    pub answers_today: u32,
    /// The learner's daily goal, in answers.
    pub daily_goal: u32,
}

impl Summary {
    /// Whether today's answers reach the daily goal.
    pub fn goal_met(&self) -> bool {
        self.answers_today >= self.daily_goal
    }
}

/// Whether a card counts as mastered: in review, with an interval of [`MASTERED_DAYS`] or more.
pub fn is_mastered(card: &Card) -> bool {
    card.phase() == Phase::Review && card.scheduled_days() >= MASTERED_DAYS
}

/// Whether the learner has anything recorded at all.
pub fn has_progress(p: &Progress) -> bool {
    p.has_answers()
}

/// The summary line: due now, the streak, today's answers and the daily goal.
pub fn summary(p: &Progress, now: DateTime<Utc>, today: NaiveDate) -> Summary {
    Summary {
        due: study::due_count(p, now),
        streak: p.streak(today),
        answers_today: p.day_totals(today).answers(),
        daily_goal: p.settings().daily_goal(),
    }
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
            (day, p.day_totals(day))
        })
        .collect()
}

/// Cards falling due on each of the `days` days starting with `today`, taking a card's due
/// time as a date in UTC. See [`due_forecast_in`] for the learner's time zone.
pub fn due_forecast(p: &Progress, today: NaiveDate, days: u32) -> Vec<(NaiveDate, u32)> {
    due_forecast_in(
        p,
        today,
        days,
        FixedOffset::east_opt(0).expect("zero offset"),
    )
}

/// Cards falling due on each of the `days` days starting with `today`, a due time being read
/// as a date at the UTC `offset` of the learner's clock. Cards already overdue count on today;
/// cards due later than the last day are left out.
pub fn due_forecast_in(
    p: &Progress,
    today: NaiveDate,
    days: u32,
    offset: FixedOffset,
) -> Vec<(NaiveDate, u32)> {
    let mut counts = vec![0u32; days as usize];
    for (_, card) in study::scheduled_cards(p) {
        let due_day = card.due().with_timezone(&offset).date_naive();
        let index = (due_day - today).num_days().max(0);
        if let Some(count) = usize::try_from(index).ok().and_then(|i| counts.get_mut(i)) {
            *count += 1;
        }
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, n)| (today + Duration::days(i as i64), n))
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
        .map(|d| (d, p.day_totals(d).answers()))
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
                .map(|d| p.day_totals(d))
                .fold((0u64, 0u64), |(a, c), t| {
                    (a + u64::from(t.answers()), c + u64::from(t.correct()))
                });
            let share = (answers > 0).then(|| correct as f64 / answers as f64);
            (start, share)
        })
        .collect()
}

/// The `n` answered items least likely to be recalled at `now`: lowest retrievability first;
/// on a tie, more lapses first, then the lower stability (the faster to fade), then the key.
/// Cards of keys that no longer name an item are skipped.
pub fn weakest(p: &Progress, now: DateTime<Utc>, n: usize) -> Vec<WeakItem> {
    let mut items: Vec<(WeakItem, f64)> = study::scheduled_cards(p)
        .map(|(item, card)| {
            let weak = WeakItem {
                item,
                retrievability: card.retrievability(now),
                lapses: card.lapses(),
            };
            (weak, card.stability())
        })
        .collect();
    crate::sort::by(&mut items, |(a, sa), (b, sb)| {
        a.retrievability
            .total_cmp(&b.retrievability)
            .then(b.lapses.cmp(&a.lapses))
            .then(sa.total_cmp(sb))
            .then(a.item.cmp(&b.item))
    });
    items.into_iter().take(n).map(|(w, _)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Moment;
    use crate::progress::test_id;
    use crate::schedule::Grade;
    use chrono::TimeZone;

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
        assert!(due_forecast(&p, day0(), 14).iter().all(|(_, n)| *n == 0));
        assert!(accuracy_by_week(&p, day0(), 12)
            .iter()
            .all(|(_, a)| a.is_none()));
        assert!(weakest(&p, t0(), 10).is_empty());
        assert_eq!(
            summary(&p, t0(), day0()),
            Summary {
                due: 0,
                streak: 0,
                answers_today: 0,
                daily_goal: 20
            }
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
        assert!(p.history.is_empty());
        let days = answers_per_day(&p, today, 30);
        assert_eq!(days[9], (day0(), p.day_totals(day0())));
        assert_eq!(days[9].1.answers(), 1);
        assert_eq!(
            calendar(&p, today, 12).iter().map(|(_, n)| n).sum::<u32>(),
            1
        );
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

        let forecast = due_forecast(&p, day0(), 14);
        assert_eq!(forecast.len(), 14);
        assert_eq!(forecast[0], (day0(), 1), "the overdue card counts today");
        assert_eq!(forecast[3], (day0() + Duration::days(3), 1));
        assert_eq!(
            forecast.iter().map(|(_, n)| n).sum::<u32>(),
            2,
            "the card due in 40 days is beyond the forecast, and code:299 names no item"
        );
    }

    #[test]
    fn the_forecast_reads_due_times_in_the_learners_time_zone() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Good, 0);
        let card = p.card("code:404").unwrap().clone();
        // 02:00 UTC on 4 March is still 3 March, 20:00, at UTC−6.
        let due = Utc.with_ymd_and_hms(2026, 3, 4, 2, 0, 0).unwrap();
        p.put_card("code:404", card.with_due(due));
        let west = FixedOffset::west_opt(6 * 3600).unwrap();
        assert_eq!(due_forecast_in(&p, day0(), 14, west)[1].1, 1);
        assert_eq!(due_forecast(&p, day0(), 14)[2].1, 1);
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
    fn the_item_answered_again_ranks_weakest() {
        let mut p = Progress::default();
        answer(&mut p, "code:404", Grade::Easy, 0);
        answer(&mut p, "code:500", Grade::Again, 0);
        answer(&mut p, "code:200", Grade::Good, 0);
        let card = p.card("code:500").unwrap().clone();
        p.put_card("code:999", card);
        let later = t0() + Duration::days(2);
        let weak = weakest(&p, later, 10);
        let items: Vec<Item> = weak.iter().map(|w| w.item).collect();
        assert_eq!(
            items,
            [Item::Code(500), Item::Code(200), Item::Code(404)],
            "a key naming no item is skipped"
        );
        assert!(weak
            .windows(2)
            .all(|w| w[0].retrievability <= w[1].retrievability));
        assert!(weak.iter().all(|w| (0.0..=1.0).contains(&w.retrievability)));
        assert_eq!(weakest(&p, later, 1).len(), 1);
    }

    #[test]
    fn on_equal_recall_the_item_forgotten_more_often_ranks_weaker() {
        let mut p = Progress::default();
        for day in 0..4 {
            answer(&mut p, "code:404", Grade::Good, day);
        }
        let card = p.card("code:404").unwrap().clone();
        p.put_card("code:200", card.clone());
        p.put_card("code:500", card.with_lapses(3));
        let weak = weakest(&p, t0() + Duration::days(1), 10);
        assert_eq!(weak[0].item, Item::Code(500));
        assert_eq!(weak[0].lapses, 3);
    }

    #[test]
    fn the_summary_counts_due_items_the_streak_and_todays_answers() {
        let mut p = Progress::default();
        p.update_settings(|s| s.set_daily_goal(3));
        answer(&mut p, "code:404", Grade::Again, 0);
        answer(&mut p, "code:404", Grade::Good, 1);
        answer(&mut p, "code:500", Grade::Again, 1);
        answer(&mut p, "code:200", Grade::Good, 1);
        let now = t0() + Duration::days(1) + Duration::hours(1);
        let s = summary(&p, now, day0() + Duration::days(1));
        assert_eq!(s.streak, 2);
        assert_eq!(s.answers_today, 3);
        assert_eq!(s.daily_goal, 3);
        assert!(s.goal_met());
        assert_eq!(s.due, study::due_count(&p, now));
        assert!(s.due >= 1, "500, answered Again an hour ago, is due");
    }
}
