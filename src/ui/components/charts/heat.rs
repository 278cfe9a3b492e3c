//! A calendar heat map: one square per day, darker for more.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::axis::{num, WIDTH};
use super::frame::ChartFrame;

/// The shade (0 to 4) of a heat-map cell: 0 for nothing, then quarters of the largest value.
fn heat_level(value: u32, max: u32) -> u32 {
    if value == 0 || max == 0 {
        0
    } else {
        // In u64, so that four times any count fits.
        (u64::from(value) * 4).div_ceil(u64::from(max)).clamp(1, 4) as u32
    }
}

/// A calendar heat map: one square per day, a column per week (Monday at the top), darker for
/// more, each non-zero count written in its square. `cells` runs day by day from a Monday.
#[component]
pub fn HeatMap(
    #[prop(into)] title: String,
    /// What the chart shows, in words: the SVG's `aria-label`.
    #[prop(into)]
    summary: String,
    #[prop(optional, into)] note: Option<String>,
    /// What the counts are, for the table: "answers".
    #[prop(into)]
    unit: String,
    cells: Vec<(NaiveDate, u32)>,
) -> impl IntoView {
    const LEFT: f64 = 34.0;
    const TOP: f64 = 18.0;
    const GAP: f64 = 3.0;
    let first = cells.first().map(|(d, _)| *d);
    let last = cells.last().map(|(d, _)| *d);
    let week_of = move |d: NaiveDate| first.map_or(0, |f| (d - f).num_days().max(0) / 7) as usize;
    let weeks = last.map_or(1, |d| week_of(d) + 1);
    let step = ((WIDTH - LEFT) / weeks as f64).min(30.0);
    let size = step - GAP;
    let height = TOP + 7.0 * step;
    let max = cells.iter().map(|(_, v)| *v).max().unwrap_or(0);

    let day_names = [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")]
        .into_iter()
        .map(|(row, name)| {
            view! {
                <text class="chart-axis" x="0" y=num(TOP + step * row as f64 + size / 2.0) dy="0.35em">
                    {name}
                </text>
            }
        })
        .collect_view();
    let mut last_label: Option<(usize, u32)> = None;
    let months = cells
        .iter()
        .filter(|(d, _)| d.weekday() == chrono::Weekday::Mon)
        .filter_map(|(d, _)| {
            let week = week_of(*d);
            let fresh = match last_label {
                None => true,
                Some((w, m)) => m != d.month() && week >= w + 3,
            };
            fresh.then(|| {
                last_label = Some((week, d.month()));
                view! {
                    <text class="chart-axis" x=num(LEFT + step * week as f64) y="12">
                        {crate::clock::month_name(*d)}
                    </text>
                }
            })
        })
        .collect_view();
    let squares = cells
        .iter()
        .map(|(d, v)| {
            let x = LEFT + step * week_of(*d) as f64;
            let y = TOP + step * f64::from(d.weekday().num_days_from_monday());
            let level = heat_level(*v, max);
            let class = if Some(*d) == last {
                format!("heat heat-{level} heat-last")
            } else {
                format!("heat heat-{level}")
            };
            let count = (*v > 0).then(|| {
                let text_class = if level >= 3 {
                    "heat-count strong"
                } else {
                    "heat-count"
                };
                view! {
                    <text
                        class=text_class
                        x=num(x + size / 2.0)
                        y=num(y + size / 2.0)
                        dy="0.35em"
                        text-anchor="middle"
                    >
                        {v.to_string()}
                    </text>
                }
            });
            view! {
                <rect class=class x=num(x) y=num(y) width=num(size) height=num(size) rx="3" />
                {count}
            }
        })
        .collect_view();

    let legend = (0..=4)
        .map(|level| {
            view! {
                <svg class="swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                    <rect class=format!("heat heat-{level}") x="0.5" y="0.5" width="13" height="13" rx="2" />
                </svg>
            }
        })
        .collect_view();

    let mut headers = vec!["Week of".to_string()];
    headers.extend(
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .into_iter()
            .map(String::from),
    );
    let table_rows = cells
        .chunks(7)
        .map(|week| {
            let mut row = vec![crate::clock::day_name(week[0].0)];
            row.extend(week.iter().map(|(_, v)| v.to_string()));
            row.resize(8, "–".to_string());
            row
        })
        .collect();
    let table_caption = format!("{title}: {unit} per day, a row per week");
    view! {
        <ChartFrame
            title
            note
            summary
            height
            headers
            rows=table_rows
            table_caption
            legend=view! {
                <p class="chart-legend heat-legend" aria-hidden="true">"Fewer " {legend} " more"</p>
            }
                .into_any()
        >
            {months}
            {day_names}
            {squares}
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_levels_are_quarters_of_the_largest_count() {
        assert_eq!(heat_level(0, 10), 0);
        assert_eq!(heat_level(1, 10), 1);
        assert_eq!(heat_level(5, 10), 2);
        assert_eq!(heat_level(8, 10), 4);
        assert_eq!(heat_level(10, 10), 4);
        assert_eq!(heat_level(3, 0), 0);
    }

    #[test]
    fn the_largest_counts_get_a_level_without_overflow() {
        assert_eq!(heat_level(u32::MAX, u32::MAX), 4);
        assert_eq!(heat_level(1, u32::MAX), 1);
        assert_eq!(heat_level(u32::MAX / 2, u32::MAX), 2);
    }
}
