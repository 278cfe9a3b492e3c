//! `/progress`: what is due, the streak, charts of mastery and activity, and the weakest items.
//! The figures come from `progress::stats`; this page only words them and draws the charts.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use leptos::prelude::*;

use crate::clock;
use crate::progress::stats::{self, GroupMastery, Summary, WeakItem, MASTERED_DAYS};
use crate::progress::{DayTotals, Progress};
use crate::routes::Page;
use crate::simulate::{self, BeginnerSet, Forecast, NoForecast};
use crate::study;
use crate::ui::components::{
    Bar, BarChart, Fill, HeatMap, LineChart, Point, Segment, StackedBars, StackedRow,
};
use crate::ui::state::{moment, ProgressStore};
use crate::ui::use_page_title;

/// Days in the answers chart.
const ANSWER_DAYS: u32 = 30;
/// Days in the due forecast.
const FORECAST_DAYS: u32 = 14;
/// Weeks in the streak calendar and the accuracy chart.
const WEEKS: u32 = 12;
/// Items in the weakest list.
const WEAKEST: usize = 10;

/// The UTC offset of the learner's clock now (due times are dated in it).
fn local_offset() -> FixedOffset {
    // getTimezoneOffset is UTC minus local time, in minutes.
    let minutes = js_sys::Date::new_0().get_timezone_offset();
    FixedOffset::west_opt((minutes * 60.0).round() as i32)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// "1 day", "3 days".
fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "Mon 2 Mar".
fn day_name(d: NaiveDate) -> String {
    clock::day_name(d)
}

/// "2 Mar".
fn short_date(d: NaiveDate) -> String {
    clock::short_date(d)
}

fn percent(share: f64) -> String {
    // Whole percents, without float formatting.
    format!("{}%", (share * 100.0).round() as i64)
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    use_page_title(Page::Progress.label());
    let store = ProgressStore::get();
    view! {
        <section class="page progress-page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Progress"</h1>
            {move || {
                let at = moment();
                store.with(|p| overview(p, at.at(), at.day(), local_offset()))
            }}
            {move || {
                let at = moment();
                store.with(|p| forecast_view(simulate::forecast(p, at)))
            }}
            <crate::ui::components::SettingsForm />
            <crate::ui::components::DataControls />
        </section>
    }
}

/// Everything above the data controls, for progress `p` at `now`.
fn overview(
    p: &Progress,
    now: DateTime<Utc>,
    today: NaiveDate,
    offset: FixedOffset,
) -> impl IntoView {
    let started = stats::has_progress(p);
    let start_hint = (!started).then(|| {
        view! {
            <p class="lead" data-testid="progress-empty">
                "Nothing to show yet. "
                <a href=Page::Study.path()>"Study with flashcards"</a>
                " or "
                <a href=Page::Quiz.path()>"take a quiz"</a>
                ", and these charts fill in as you answer."
            </p>
        }
    });
    let summary = stats::summary(p, now, today);
    // The one "started X of N" figure, as Home shows it.
    let learned = {
        let (started, total) = study::goal_progress(p);
        format!(
            "Started {started} of {total} in {}.",
            p.settings().goal().label()
        )
    };
    let mastery = stats::mastery_by_group(p);
    let answers = stats::answers_per_day(p, today, ANSWER_DAYS);
    let forecast = stats::due_forecast_in(p, today, FORECAST_DAYS, offset);
    let calendar = stats::calendar(p, today, WEEKS);
    let accuracy = stats::accuracy_by_week(p, today, WEEKS);
    let weakest = stats::weakest(p, now, WEAKEST);
    let unscheduled = study::unscheduled_count(p);
    let unscheduled_note = (unscheduled > 0).then(|| {
        view! {
            <p class="chart-note" data-testid="unscheduled">
                {format!(
                    "Your record also keeps the schedule of {} that {} no longer in the catalogue (from an older version of the app or an imported file). They are kept, but never due.",
                    plural(unscheduled as u64, "item", "items"),
                    if unscheduled == 1 { "is" } else { "are" },
                )}
            </p>
        }
    });
    view! {
        {start_hint}
        {summary_view(summary, learned)}
        <div class="charts">
            <div class="chart-cell" data-testid="chart-mastery">{mastery_chart(mastery)}</div>
            <div class="chart-cell" data-testid="chart-answers">{answers_chart(answers)}</div>
            <div class="chart-cell" data-testid="chart-forecast">{forecast_chart(forecast, summary.due)}</div>
            <div class="chart-cell" data-testid="chart-calendar">
                {calendar_chart(calendar, summary.streak)}
            </div>
            <div class="chart-cell" data-testid="chart-accuracy">{accuracy_chart(accuracy)}</div>
        </div>
        {weakest_view(weakest)}
        {confusions_view(study::confusions(p))}
        {unscheduled_note}
    }
}

fn summary_view(s: Summary, learned: String) -> impl IntoView {
    let goal = if s.daily_goal == 0 {
        "No daily goal set.".to_string()
    } else if s.goal_met() {
        "Daily goal reached.".to_string()
    } else {
        format!(
            "{} more to reach today's goal.",
            plural(s.daily_goal - s.answers_today, "answer", "answers")
        )
    };
    view! {
        <div class="today progress-summary" data-testid="progress-summary">
            <h2 class="visually-hidden">"Summary"</h2>
            <dl class="stats">
                <div>
                    <dt>"Due now"</dt>
                    <dd data-testid="summary-due">{s.due}</dd>
                </div>
                <div>
                    <dt>"Streak"</dt>
                    <dd data-testid="summary-streak">{plural(s.streak, "day", "days")}</dd>
                </div>
                <div>
                    <dt>"Answers today"</dt>
                    <dd data-testid="summary-today">
                        {format!("{} of {}", s.answers_today, s.daily_goal)}
                    </dd>
                </div>
            </dl>
            <p class="goal">{goal}</p>
            <p data-testid="learned">{learned}</p>
            <a href=Page::Study.path() class="button primary">
                "Study now"
            </a>
        </div>
    }
}

fn mastery_chart(rows: Vec<GroupMastery>) -> impl IntoView {
    let mastered: u32 = rows.iter().map(|r| r.mastered).sum();
    let learning: u32 = rows.iter().map(|r| r.learning).sum();
    let total: u32 = rows.iter().map(|r| r.total).sum();
    let per_group: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {} of {}", r.label, r.mastered, r.total))
        .collect();
    let summary = format!(
        "Mastery by group: {mastered} of {total} items mastered, {learning} being learnt, {} new. Mastered per group: {}.",
        total.saturating_sub(mastered).saturating_sub(learning),
        per_group.join(", ")
    );
    let chart_rows = rows
        .into_iter()
        .map(|r| StackedRow {
            end: format!("{}/{}", r.mastered, r.total),
            values: vec![r.mastered, r.learning, r.new],
            label: r.label,
        })
        .collect::<Vec<_>>();
    view! {
        <StackedBars
            title="Mastery by group"
            summary=summary
            note=format!(
                "Status codes by class, and method properties. Mastered: due again in {MASTERED_DAYS} days or more."
            )
            label_header="Group"
            end_header="Mastered"
            segments=vec![
                Segment { name: "Mastered".into(), fill: Fill::Solid },
                Segment { name: "Learning".into(), fill: Fill::Hatched },
                Segment { name: "New".into(), fill: Fill::Empty },
            ]
            rows=chart_rows
        />
    }
}

fn answers_chart(days: Vec<(NaiveDate, DayTotals)>) -> impl IntoView {
    let total: u64 = days.iter().map(|(_, t)| u64::from(t.answers())).sum();
    let correct: u64 = days.iter().map(|(_, t)| u64::from(t.correct())).sum();
    let active = days.iter().filter(|(_, t)| t.answers() > 0).count() as u32;
    let best = days
        .iter()
        .filter(|(_, t)| t.answers() > 0)
        .max_by_key(|(d, t)| (t.answers(), *d));
    let summary = match best {
        None => format!("Answers per day: no answers in the last {ANSWER_DAYS} days."),
        Some((d, t)) => format!(
            "Answers per day over the last {ANSWER_DAYS} days: {} on {} of them, {correct} right. Most in a day: {} on {}.",
            plural(total, "answer", "answers"),
            plural(active, "day", "days"),
            t.answers(),
            day_name(*d)
        ),
    };
    let note = format!("Last {ANSWER_DAYS} days: {total} answers, {correct} right.");
    let n = days.len();
    let bars = days
        .into_iter()
        .enumerate()
        .map(|(i, (d, t))| Bar {
            label: day_name(d),
            tick: if i + 1 == n {
                "Today".into()
            } else if (n - 1 - i).is_multiple_of(7) {
                short_date(d)
            } else {
                String::new()
            },
            value: t.answers(),
        })
        .collect::<Vec<_>>();
    view! {
        <BarChart
            title="Answers per day"
            summary=summary
            note=note
            label_header="Day"
            value_header="Answers"
            bars=bars
        />
    }
}

fn forecast_chart(days: Vec<(NaiveDate, u32)>, due_now: usize) -> impl IntoView {
    let total: u32 = days.iter().map(|(_, n)| n).sum();
    let due_today = days.first().map_or(0, |(_, n)| *n);
    // Today's bar counts what is due now (the summary's figure) and what falls due later today.
    let later_today = (due_today as usize).saturating_sub(due_now);
    let busiest = days
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(d, n)| (*n, std::cmp::Reverse(*d)));
    let summary = match busiest {
        None => format!("Reviews due: nothing due in the next {FORECAST_DAYS} days."),
        Some((d, n)) => format!(
            "Reviews due over the next {FORECAST_DAYS} days: {} in all, {due_today} today ({due_now} due now, {later_today} later today). Busiest day: {} with {n}.",
            plural(total, "review", "reviews"),
            day_name(*d)
        ),
    };
    let bars = days
        .into_iter()
        .enumerate()
        .map(|(i, (d, n))| Bar {
            label: if i == 0 {
                format!("Today, {}", day_name(d))
            } else {
                day_name(d)
            },
            tick: if i == 0 {
                "Today".into()
            } else if i.is_multiple_of(2) {
                short_date(d)
            } else {
                String::new()
            },
            value: n,
        })
        .collect::<Vec<_>>();
    view! {
        <BarChart
            title="Reviews due"
            summary=summary
            note=format!("Next {FORECAST_DAYS} days. Today's count includes anything overdue.")
            label_header="Day"
            value_header="Reviews due"
            bars=bars
            show_values=true
        />
    }
}

fn calendar_chart(days: Vec<(NaiveDate, u32)>, streak: u32) -> impl IntoView {
    let active = days.iter().filter(|(_, n)| *n > 0).count() as u32;
    let best = days
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(d, n)| (*n, *d));
    let summary = match best {
        None => format!("Study calendar: no answers in the last {WEEKS} weeks."),
        Some((d, n)) => format!(
            "Study calendar of the last {WEEKS} weeks: answers on {} of {}; current streak {}. Best day: {} with {}.",
            plural(active, "day", "days"),
            days.len(),
            plural(streak, "day", "days"),
            day_name(*d),
            plural(*n, "answer", "answers")
        ),
    };
    view! {
        <HeatMap
            title="Study calendar"
            summary=summary
            note=format!(
                "Answers per day, a column per week, Monday at the top. Current streak: {}.",
                plural(streak, "day", "days")
            )
            unit="answers"
            cells=days
        />
    }
}

fn accuracy_chart(weeks: Vec<(NaiveDate, Option<f64>)>) -> impl IntoView {
    let measured: Vec<(NaiveDate, f64)> = weeks
        .iter()
        .filter_map(|(d, a)| a.map(|a| (*d, a)))
        .collect();
    let summary = match measured.last() {
        None => format!("Right answers per week: no answers in the last {WEEKS} weeks."),
        Some((d, latest)) => {
            let low = measured.iter().map(|(_, a)| *a).fold(1.0, f64::min);
            let high = measured.iter().map(|(_, a)| *a).fold(0.0, f64::max);
            format!(
                "Right answers per week over the last {WEEKS} weeks: {} with answers, from {} to {}. Latest: {} in the week of {}.",
                plural(measured.len() as u32, "week", "weeks"),
                percent(low),
                percent(high),
                percent(*latest),
                short_date(*d)
            )
        }
    };
    let n = weeks.len();
    let points = weeks
        .into_iter()
        .enumerate()
        .map(|(i, (d, a))| Point {
            label: format!("Week of {}", day_name(d)),
            tick: if (n - 1 - i).is_multiple_of(3) {
                short_date(d)
            } else {
                String::new()
            },
            value: a,
        })
        .collect::<Vec<_>>();
    view! {
        <LineChart
            title="Right answers per week"
            summary=summary
            note="Share of answers graded Hard, Good or Easy (or right in a quiz), by week starting Monday."
            label_header="Week"
            value_header="Right answers"
            points=points
            max=1.0
            format=percent
            missing="no answers"
        />
    }
}

fn weakest_view(items: Vec<WeakItem>) -> impl IntoView {
    let has_items = !items.is_empty();
    let list = if items.is_empty() {
        view! {
            <p data-testid="weakest-empty">
                "No items yet. Once you have answered some, the ones you are most likely to forget are listed here."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ol class="weak-list">
                {items
                    .into_iter()
                    .map(|w| {
                        let facts = if w.lapses > 0 {
                            format!(
                                "recall {}, forgotten {}",
                                percent(w.retrievability),
                                plural(w.lapses, "time", "times")
                            )
                        } else {
                            format!("recall {}", percent(w.retrievability))
                        };
                        view! {
                            <li data-testid="weak-item">
                                <a href=w.item.reference_path()>{w.item.label()}</a>
                                <span class="weak-facts">{facts}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="weakest" data-testid="weakest" aria-labelledby="weakest-heading">
            <h2 id="weakest-heading">"Weakest items"</h2>
            <p class="chart-note">
                "Lowest chance of recalling it now first, as the scheduler estimates it. Each links to its reference entry."
            </p>
            {list}
            <a href=Page::Study.path() class="button">
                "Study now"
            </a>
            " "
            {has_items
                .then(|| {
                    view! {
                        <a href=drill_path("weakest") class="button" data-testid="drill-weakest">
                            "Drill my weakest 10"
                        </a>
                    }
                })}
        </section>
    }
}

/// The forecast: what the learner is likely to remember in a month at their recent pace, and
/// when the Beginner set would be known, with one sentence on what the estimate is.
fn forecast_view(f: Result<Forecast, NoForecast>) -> impl IntoView {
    let body = match f {
        Err(why) => view! { <p data-testid="forecast-none">{why.to_string()}</p> }.into_any(),
        Ok(f) => {
            let pace = if f.pace == 0 {
                format!(
                    "You have not answered anything in the last {} days. If that goes on",
                    simulate::forecast::PACE_DAYS
                )
            } else {
                format!(
                    "At your recent pace of about {} a day",
                    plural(f.pace, "answer", "answers")
                )
            };
            let remembered = format!(
                "{pace}, in {} days you are likely to remember about {} of {} status codes and {} of {} method facts (today: {} and {}).",
                simulate::forecast::FORECAST_DAYS,
                f.codes,
                f.codes_total,
                f.methods,
                f.methods_total,
                f.codes_now,
                f.methods_now,
            );
            let beginner = match f.beginner {
                BeginnerSet::Already => "The whole Beginner set: already known.".to_string(),
                BeginnerSet::By(d) => {
                    format!("The whole Beginner set: known by {}.", day_name(d))
                }
                BeginnerSet::NotAtThisPace => format!(
                    "The whole Beginner set: not within {} days at this pace. A few minutes of study a day gets there.",
                    simulate::forecast::HORIZON_DAYS
                ),
            };
            view! {
                <p data-testid="forecast-remembered">{remembered}</p>
                <p data-testid="forecast-beginner">{beginner}</p>
            }
            .into_any()
        }
    };
    view! {
        <section class="weakest" data-testid="forecast" aria-labelledby="forecast-heading">
            <h2 id="forecast-heading">"Forecast"</h2>
            {body}
            <p class="chart-note" data-testid="forecast-note">
                "This is an estimate from a memory model (FSRS, the one that schedules your reviews) applied to your own answers, assuming you keep your pace and recall what comes due; it is not a promise."
            </p>
        </section>
    }
}

/// The path of a drill on the Study page: `/study?drill=confusions`.
fn drill_path(which: &str) -> String {
    format!("{}?drill={which}", Page::Study.path())
}

/// The pairs of codes the learner mixes up most, with a drill of exactly those.
fn confusions_view(found: Vec<study::Confusion>) -> impl IntoView {
    let list = if found.is_empty() {
        view! {
            <p data-testid="confusions-empty">
                "None yet. When a quiz answer names the wrong code, the pair is listed here, so that you can drill the two side by side."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ol class="weak-list">
                {found
                    .into_iter()
                    .take(study::confusions::DRILL_PAIRS)
                    .map(|c| {
                        view! {
                            <li data-testid="confusion">
                                {format!("You answered {} for ", c.chose)}
                                <a href=crate::routes::code_path(c.right)>{crate::quiz::Item::Code(c.right).label()}</a>
                                <span class="weak-facts">{plural(c.times, "time", "times")}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <a href=drill_path("confusions") class="button" data-testid="drill-confusions">
                "Drill these pairs"
            </a>
        }
        .into_any()
    };
    view! {
        <section class="weakest" data-testid="confusions" aria-labelledby="confusions-heading">
            <h2 id="confusions-heading">"Codes you mix up"</h2>
            <p class="chart-note">"From your quiz answers of the last two weeks, most often first."</p>
            {list}
        </section>
    }
}
