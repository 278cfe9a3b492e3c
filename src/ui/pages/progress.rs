//! `/progress`: the day (as Home shows it), charts of mastery and activity, the weakest items,
//! the codes mixed up, the forecast, the settings and the data controls. Every figure and
//! sentence comes from the domain (`day::plan`, `day::stats::overview`, `simulate::forecast`);
//! this page only lays them out and draws the charts.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::clock;
use crate::day::stats::{self, GroupMastery, Overview, FORECAST_DAYS, MASTERED_DAYS};
use crate::day::{plural, Plan};
use crate::progress::DayTotals;
use crate::routes::Page;
use crate::simulate::{self, BeginnerSet, Forecast, NoForecast};
use crate::study::{self, WeakItem};
use crate::ui::components::{
    Bar, BarChart, Fill, HeatMap, LineChart, Point, Segment, StackedBars, StackedRow,
};
use crate::ui::pages::home::TodayFigures;
use crate::ui::state::ProgressStore;
use crate::ui::use_page_title;

#[component]
pub fn ProgressPage() -> impl IntoView {
    use_page_title(Page::Progress.label());
    let store = ProgressStore::get();
    let plan = store.plan();
    let overview = store.derive(move |p, at| plan.with(|plan| stats::overview(p, plan, at)));
    let forecast = store.derive(simulate::forecast);
    let started = store.derive(|p, _| stats::has_progress(p));
    let weakest = Memo::new(move |_| overview.with(|o| o.weakest.clone()));
    let confusions = Memo::new(move |_| overview.with(|o| o.confusions.clone()));
    view! {
        <section class="page progress-page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Progress"</h1>
            <Show when=move || !started.get()>
                <p class="lead" data-testid="progress-empty">
                    "Nothing to show yet. "
                    <a href=Page::Study.path()>"Study with flashcards"</a>
                    " or "
                    <a href=Page::Quiz.path()>"take a quiz"</a>
                    ", and these charts fill in as you answer."
                </p>
            </Show>
            <div class="progress-summary" data-testid="progress-summary">
                <TodayFigures/>
                <p data-testid="learned">{move || plan.with(Plan::started_line)}</p>
                <a href=move || plan.with(|p| p.button_path()) class="button primary" data-testid="progress-next">
                    {move || plan.with(Plan::button)}
                </a>
            </div>
            {move || overview.with(charts)}
            {weakest_view(weakest)}
            {confusions_view(confusions)}
            {move || overview.with(unscheduled_note)}
            {move || forecast.with(|f| forecast_view(*f))}
            <LabStanding/>
            <crate::ui::components::SettingsForm />
            <crate::ui::components::DataControls />
        </section>
    }
}

/// The note on items of the record that the catalogue no longer has.
fn unscheduled_note(o: &Overview) -> impl IntoView {
    let unscheduled = o.unscheduled;
    (unscheduled > 0).then(|| {
        view! {
            <p class="chart-note" data-testid="unscheduled">
                {format!(
                    "Your record also keeps the schedule of {} that {} no longer in the catalogue (from an older version of the app or an imported file). They are kept, but never due.",
                    plural(unscheduled as u64, "item", "items"),
                    if unscheduled == 1 { "is" } else { "are" },
                )}
            </p>
        }
    })
}

/// The charts.
fn charts(o: &Overview) -> impl IntoView {
    view! {
        <div class="charts">
            <div class="chart-cell" data-testid="chart-mastery">
                {mastery_chart(o.mastery.clone(), o.mastery_summary.clone())}
            </div>
            <div class="chart-cell" data-testid="chart-answers">
                {answers_chart(o.answers.clone(), o.answers_summary.clone(), o.answers_note.clone())}
            </div>
            <div class="chart-cell" data-testid="chart-forecast">
                {forecast_chart(o.forecast.clone(), o.forecast_summary.clone())}
            </div>
            <div class="chart-cell" data-testid="chart-calendar">
                <HeatMap
                    title="Study calendar"
                    summary=o.calendar_summary.clone()
                    note=o.calendar_note.clone()
                    unit="answers"
                    cells=o.calendar.clone()
                />
            </div>
            <div class="chart-cell" data-testid="chart-accuracy">
                {accuracy_chart(o.accuracy.clone(), o.accuracy_summary.clone())}
            </div>
        </div>
    }
}

fn mastery_chart(rows: Vec<GroupMastery>, summary: String) -> impl IntoView {
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

fn answers_chart(
    days: Vec<(NaiveDate, DayTotals)>,
    summary: String,
    note: String,
) -> impl IntoView {
    let n = days.len();
    let bars = days
        .into_iter()
        .enumerate()
        .map(|(i, (d, t))| Bar {
            label: clock::day_name(d),
            tick: if i + 1 == n {
                "Today".into()
            } else if (n - 1 - i).is_multiple_of(7) {
                clock::short_date(d)
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

fn forecast_chart(days: Vec<(NaiveDate, u32)>, summary: String) -> impl IntoView {
    let bars = days
        .into_iter()
        .enumerate()
        .map(|(i, (d, n))| Bar {
            label: if i == 0 {
                format!("Today, {}", clock::day_name(d))
            } else {
                clock::day_name(d)
            },
            tick: if i == 0 {
                "Today".into()
            } else if i.is_multiple_of(2) {
                clock::short_date(d)
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

fn accuracy_chart(weeks: Vec<(NaiveDate, Option<f64>)>, summary: String) -> impl IntoView {
    let n = weeks.len();
    let points = weeks
        .into_iter()
        .enumerate()
        .map(|(i, (d, a))| Point {
            label: format!("Week of {}", clock::day_name(d)),
            tick: if (n - 1 - i).is_multiple_of(3) {
                clock::short_date(d)
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
            format=stats::percent
            missing="no answers"
        />
    }
}

/// The weakest items, a keyed list: a row is redrawn only when its item or its facts change.
fn weakest_view(items: Memo<Vec<WeakItem>>) -> impl IntoView {
    let has_items = move || items.with(|i| !i.is_empty());
    let list = view! {
        <Show
            when=has_items
            fallback=|| view! {
                <p data-testid="weakest-empty">
                    "No items yet. Once you have answered some, the ones you are most likely to forget are listed here."
                </p>
            }
        >
            <ol class="weak-list">
                <For
                    each=move || {
                        items.get().into_iter().map(|w| (stats::weak_facts(&w), w)).collect::<Vec<_>>()
                    }
                    key=|(facts, w)| (w.item.key(), facts.clone())
                    children=|(facts, w)| view! {
                        <li data-testid="weak-item">
                            <a href=w.item.reference_path()>{w.item.label()}</a>
                            <span class="weak-facts">{facts}</span>
                        </li>
                    }
                />
            </ol>
        </Show>
    };
    view! {
        <section class="weakest" data-testid="weakest" aria-labelledby="weakest-heading">
            <h2 id="weakest-heading">"Weakest items"</h2>
            <p class="chart-note">
                "Lowest chance of recalling it tomorrow first, as the scheduler estimates it. Each links to its reference entry."
            </p>
            {list}
            <a href=Page::Study.path() class="button">
                "Study now"
            </a>
            " "
            <Show when=has_items>
                <a href=drill_path("weakest") class="button" data-testid="drill-weakest">
                    "Drill my weakest 10"
                </a>
            </Show>
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
                    plural(f.pace.into(), "answer", "answers")
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
                    format!("The whole Beginner set: known by {}.", clock::day_name(d))
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
/// The pairs of codes mixed up, a keyed list.
fn confusions_view(found: Memo<Vec<study::Confusion>>) -> impl IntoView {
    let list = view! {
        <Show
            when=move || found.with(|f| !f.is_empty())
            fallback=|| view! {
                <p data-testid="confusions-empty">
                    "None yet. When a quiz answer names the wrong code, the pair is listed here, so that you can drill the two side by side."
                </p>
            }
        >
            <ol class="weak-list">
                <For
                    each=move || found.with(|f| f.iter().take(study::confusions::DRILL_PAIRS).copied().collect::<Vec<_>>())
                    key=|c| (c.chose, c.right, c.times)
                    children=|c| view! {
                        <li data-testid="confusion">
                            {format!("You answered {} for ", c.chose)}
                            <a href=crate::routes::code_path(c.right)>{crate::quiz::Item::Code(c.right).label()}</a>
                            <span class="weak-facts">{plural(c.times.into(), "time", "times")}</span>
                        </li>
                    }
                />
            </ol>
            <a href=drill_path("confusions") class="button" data-testid="drill-confusions">
                "Drill these pairs"
            </a>
        </Show>
    };
    view! {
        <section class="weakest" data-testid="confusions" aria-labelledby="confusions-heading">
            <h2 id="confusions-heading">"Codes you mix up"</h2>
            <p class="chart-note">"From your quiz answers of the last two weeks, most often first."</p>
            {list}
        </section>
    }
}

/// The lab challenges solved: how many of all, and which (from `lab::standing`, as the lab
/// marks them).
#[component]
fn LabStanding() -> impl IntoView {
    let standing = ProgressStore::get().derive(|p, _| crate::lab::standing(p));
    view! {
        <section class="lab-standing" aria-labelledby="lab-standing-heading" data-testid="lab-standing">
            <h2 id="lab-standing-heading">"Lab challenges"</h2>
            <p data-testid="lab-standing-line">{move || standing.with(crate::lab::Standing::line)}</p>
            {move || {
                standing
                    .with(|s| {
                        if s.solved == 0 {
                            view! {
                                <p class="hint">
                                    <a href=Page::Lab.path()>"Open the lab"</a>
                                    " and send requests until the server answers as a challenge asks."
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <ul data-testid="lab-solved">
                                    {s
                                        .solved()
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    <a href=crate::routes::lab_challenge_path(c.challenge.id)>
                                                        {c.challenge.goal}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}
