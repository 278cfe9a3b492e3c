//! Small charts drawn as inline SVG: bars, stacked bars, a calendar heat map and a line.
//!
//! Every chart is a `<figure>` with a visible title in its `<figcaption>`, an `<svg role="img">`
//! whose `aria-label` says in words what the chart shows, and the same numbers as a table: hidden
//! from sight until "Show the numbers" is pressed, always there for screen readers. The SVG
//! scales with its `viewBox` to the width of its container; its colours come from the
//! stylesheet's variables (see `/* Progress page */` in `style/main.css`), and values that
//! matter are written as text, so no reading depends on colour alone.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The width of every chart's coordinate system; the SVG scales it to its container.
const WIDTH: f64 = 400.0;

/// A coordinate or a length for an SVG attribute, to a tenth.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{r}")
}

/// The top of a count axis: at least 4, and a round number (even below 10, then tens,
/// hundreds, …) so that its half is a whole number too. Total over every count: worked in
/// u64, where ten times any u32 fits, so the search for the step always ends.
fn axis_max(max: u32) -> u64 {
    let max = u64::from(max.max(4));
    if max < 10 {
        max + max % 2
    } else {
        let mut step: u64 = 10;
        while max > step * 10 {
            step *= 10;
        }
        max.div_ceil(step) * step
    }
}

/// Where a label under slot `i` of `n` (each `slot` wide, from `left`) goes: centred under it,
/// except that the first starts at its slot's left edge and the last ends at its right edge, so
/// that no label runs past the chart's sides.
fn tick_position(i: usize, n: usize, left: f64, slot: f64) -> (f64, &'static str) {
    if n > 1 && i == 0 {
        (left, "start")
    } else if n > 1 && i + 1 == n {
        (left + slot * n as f64, "end")
    } else {
        (left + slot * (i as f64 + 0.5), "middle")
    }
}

/// The figure's caption: the chart's title as a heading, and a short note under it.
fn caption(title: String, note: Option<String>) -> impl IntoView {
    view! {
        <figcaption>
            <h2 class="chart-title">{title}</h2>
            {note.map(|n| view! { <p class="chart-note">{n}</p> })}
        </figcaption>
    }
}

/// The drawing of a chart: scales with the page (nothing scrolls sideways), and tells screen
/// readers in words what it shows.
#[component]
fn ChartSvg(summary: String, height: f64, children: Children) -> impl IntoView {
    view! {
        <svg
            class="chart-svg"
            role="img"
            aria-label=summary
            viewBox=format!("0 0 {WIDTH} {height}")
            width="100%"
            preserveAspectRatio="xMidYMid meet"
        >
            {children()}
        </svg>
    }
}

/// The chart's numbers as a table: always read by screen readers, shown on the screen when the
/// learner presses the button above it.
#[component]
fn NumbersTable(
    caption: String,
    headers: Vec<String>,
    /// Each row: its label first (a row header), then its values.
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="link-button chart-toggle"
            aria-expanded=move || shown.get().to_string()
            on:click=move |_| shown.update(|s| *s = !*s)
        >
            {move || if shown.get() { "Hide the numbers" } else { "Show the numbers" }}
        </button>
        <div class=move || {
            if shown.get() { "chart-table table-scroll" } else { "chart-table visually-hidden" }
        }>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|h| view! { <th scope="col">{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let mut cells = row.into_iter();
                            let head = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{head}</th>
                                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One bar of a [`BarChart`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The bar's full name, for the table: "Mon 2 Mar".
    pub label: String,
    /// A short label under the bar ("2 Mar", "Today"), or empty for none.
    pub tick: String,
    pub value: u32,
}

/// Vertical bars of counts, one per [`Bar`], on a scale from zero. Bars with nothing show as
/// empty tracks, so an empty chart still shows its days.
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    /// What the chart shows, in words: the SVG's `aria-label`.
    #[prop(into)]
    summary: String,
    #[prop(optional, into)] note: Option<String>,
    /// The table's heading for the bars' labels: "Day".
    #[prop(into)]
    label_header: String,
    /// The table's heading for the values: "Answers".
    #[prop(into)]
    value_header: String,
    bars: Vec<Bar>,
    /// Write each non-zero value above its bar (for charts with few bars).
    #[prop(optional)]
    show_values: bool,
) -> impl IntoView {
    const HEIGHT: f64 = 170.0;
    const TOP: f64 = 18.0;
    const BOTTOM: f64 = 22.0;
    const LEFT: f64 = 30.0;
    const RIGHT: f64 = 6.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let plot_w = WIDTH - LEFT - RIGHT;
    let max = axis_max(bars.iter().map(|b| b.value).max().unwrap_or(0));
    let slot = plot_w / bars.len().max(1) as f64;
    let bar_w = (slot * 0.72).max(1.0);
    let y_of = move |v: f64| TOP + plot_h * (1.0 - v / max as f64);

    let grid = [0, max / 2, max]
        .into_iter()
        .map(|v| {
            let y = num(y_of(v as f64));
            view! {
                <line class="chart-grid" x1=num(LEFT) x2=num(WIDTH - RIGHT) y1=y.clone() y2=y.clone() />
                <text class="chart-axis" x=num(LEFT - 4.0) y=y dy="0.35em" text-anchor="end">
                    {v.to_string()}
                </text>
            }
        })
        .collect_view();
    let columns = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let centre = LEFT + slot * (i as f64 + 0.5);
            let x = num(centre - bar_w / 2.0);
            let h = if bar.value == 0 {
                0.0
            } else {
                (plot_h * f64::from(bar.value) / max as f64).max(1.5)
            };
            let value_label = (show_values && bar.value > 0).then(|| {
                view! {
                    <text class="chart-value" x=num(centre) y=num(TOP + plot_h - h - 4.0) text-anchor="middle">
                        {bar.value.to_string()}
                    </text>
                }
            });
            let (tick_x, anchor) = tick_position(i, bars.len(), LEFT, slot);
            let tick = (!bar.tick.is_empty()).then(|| {
                view! {
                    <text class="chart-axis" x=num(tick_x) y=num(HEIGHT - 6.0) text-anchor=anchor>
                        {bar.tick.clone()}
                    </text>
                }
            });
            view! {
                <rect class="bar-track" x=x.clone() y=num(TOP) width=num(bar_w) height=num(plot_h) />
                <rect class="bar" x=x y=num(TOP + plot_h - h) width=num(bar_w) height=num(h) />
                {value_label}
                {tick}
            }
        })
        .collect_view();

    let rows = bars
        .iter()
        .map(|b| vec![b.label.clone(), b.value.to_string()])
        .collect();
    let table_caption = format!("{title}, as numbers");
    view! {
        <figure class="chart">
            {caption(title, note)}
            <ChartSvg summary=summary height=HEIGHT>
                {grid}
                {columns}
            </ChartSvg>
            <NumbersTable
                caption=table_caption
                headers=vec![label_header, value_header]
                rows=rows
            />
        </figure>
    }
}

/// How a segment of [`StackedBars`] is drawn: the three look different in shape as well as in
/// colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Solid, in the "good" colour (`--ok`).
    Solid,
    /// Diagonal stripes in the accent colour.
    Hatched,
    /// Empty: the background with no fill colour.
    Empty,
}

impl Fill {
    fn class(self) -> &'static str {
        match self {
            Fill::Solid => "fill-solid",
            Fill::Hatched => "fill-hatched",
            Fill::Empty => "fill-empty",
        }
    }
}

/// The id of the stripes [`Fill::Hatched`] uses.
const HATCH_ID: &str = "chart-hatch";

/// One kind of segment in [`StackedBars`], named in the legend and the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub name: String,
    pub fill: Fill,
}

/// One row of [`StackedBars`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackedRow {
    /// The row's label, written left of its bar: "4xx".
    pub label: String,
    /// One value per segment, in the segments' order.
    pub values: Vec<u32>,
    /// A short text written right of the bar: "3/40".
    pub end: String,
}

/// A small swatch of a fill, for legends.
fn swatch(fill: Fill) -> impl IntoView {
    view! {
        <svg class="swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
            <rect class=fill.class() x="0.5" y="0.5" width="13" height="13" />
        </svg>
    }
}

/// Horizontal bars, one per row, each split into segments whose lengths are their shares of
/// the row's total, with a legend naming the segments.
#[component]
pub fn StackedBars(
    #[prop(into)] title: String,
    /// What the chart shows, in words: the SVG's `aria-label`.
    #[prop(into)]
    summary: String,
    #[prop(optional, into)] note: Option<String>,
    /// The table's heading for the rows' labels: "Group".
    #[prop(into)]
    label_header: String,
    segments: Vec<Segment>,
    rows: Vec<StackedRow>,
    /// A heading over the texts right of the bars: "Mastered".
    #[prop(optional, into)]
    end_header: Option<String>,
) -> impl IntoView {
    const ROW: f64 = 30.0;
    const BAR: f64 = 20.0;
    const LEFT: f64 = 66.0;
    const END: f64 = 78.0;
    let header = if end_header.is_some() { 20.0 } else { 4.0 };
    let height = header + ROW * rows.len() as f64;
    let bar_w = WIDTH - LEFT - END - 8.0;

    let end_heading = end_header.clone().map(|h| {
        view! {
            <text class="chart-axis" x=num(WIDTH - 2.0) y="14" text-anchor="end">{h}</text>
        }
    });
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let top = header + ROW * i as f64 + (ROW - BAR) / 2.0;
            let middle = num(top + BAR / 2.0);
            let total: u64 = row.values.iter().map(|v| u64::from(*v)).sum();
            let mut x = LEFT;
            let parts = row
                .values
                .iter()
                .zip(&segments)
                .filter(|(v, _)| **v > 0)
                .map(|(v, seg)| {
                    let w = bar_w * f64::from(*v) / total as f64;
                    let part = view! {
                        <rect class=seg.fill.class() x=num(x) y=num(top) width=num(w) height=num(BAR) />
                    };
                    x += w;
                    part
                })
                .collect_view();
            view! {
                <text class="chart-label" x="0" y=middle.clone() dy="0.35em">{row.label.clone()}</text>
                <rect class="fill-empty" x=num(LEFT) y=num(top) width=num(bar_w) height=num(BAR) />
                {parts}
                <rect class="stack-outline" x=num(LEFT) y=num(top) width=num(bar_w) height=num(BAR) />
                <text class="chart-label" x=num(WIDTH - 2.0) y=middle dy="0.35em" text-anchor="end">
                    {row.end.clone()}
                </text>
            }
        })
        .collect_view();

    let legend = segments
        .iter()
        .map(|s| view! { <li>{swatch(s.fill)}{s.name.clone()}</li> })
        .collect_view();
    let mut headers = vec![label_header];
    headers.extend(segments.iter().map(|s| s.name.clone()));
    headers.push("Total".to_string());
    if let Some(h) = end_header {
        headers.push(h);
    }
    let table_rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.label.clone()];
            cells.extend(r.values.iter().map(u32::to_string));
            cells.push(r.values.iter().sum::<u32>().to_string());
            cells.push(r.end.clone());
            cells
        })
        .collect();
    let table_caption = format!("{title}, as numbers");
    view! {
        <figure class="chart">
            {caption(title, note)}
            <ChartSvg summary=summary height=height>
                <defs>
                    <pattern
                        id=HATCH_ID
                        width="6"
                        height="6"
                        patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)"
                    >
                        <rect class="hatch-ground" width="6" height="6" />
                        <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6" />
                    </pattern>
                </defs>
                {end_heading}
                {bars}
            </ChartSvg>
            <ul class="chart-legend">{legend}</ul>
            <NumbersTable caption=table_caption headers=headers rows=table_rows />
        </figure>
    }
}

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
                        {d.format("%b").to_string()}
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
            let mut row = vec![week[0].0.format("%a %-d %b").to_string()];
            row.extend(week.iter().map(|(_, v)| v.to_string()));
            row.resize(8, "–".to_string());
            row
        })
        .collect();
    let table_caption = format!("{title}: {unit} per day, a row per week");
    view! {
        <figure class="chart">
            {caption(title, note)}
            <ChartSvg summary=summary height=height>
                {months}
                {day_names}
                {squares}
            </ChartSvg>
            <p class="chart-legend heat-legend" aria-hidden="true">"Fewer " {legend} " more"</p>
            <NumbersTable caption=table_caption headers=headers rows=table_rows />
        </figure>
    }
}

/// One point of a [`LineChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The point's full name, for the table: "Week of 2 Mar".
    pub label: String,
    /// A short label under it, or empty for none.
    pub tick: String,
    /// `None` where there is nothing to measure: the line breaks there.
    pub value: Option<f64>,
}

/// A line through values from 0 to `max`, broken where a point has no value; every point
/// with a value is marked and its value written above it.
#[component]
pub fn LineChart(
    #[prop(into)] title: String,
    /// What the chart shows, in words: the SVG's `aria-label`.
    #[prop(into)]
    summary: String,
    #[prop(optional, into)] note: Option<String>,
    /// The table's heading for the points' labels: "Week".
    #[prop(into)]
    label_header: String,
    /// The table's heading for the values: "Right answers".
    #[prop(into)]
    value_header: String,
    points: Vec<Point>,
    /// The top of the scale.
    max: f64,
    /// Writes a value: `|v| format!("{:.0}%", v * 100.0)`.
    format: fn(f64) -> String,
    /// What the table says for a point without a value: "no answers".
    #[prop(into)]
    missing: String,
) -> impl IntoView {
    const HEIGHT: f64 = 170.0;
    const TOP: f64 = 20.0;
    const BOTTOM: f64 = 22.0;
    const LEFT: f64 = 38.0;
    const RIGHT: f64 = 8.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = (WIDTH - LEFT - RIGHT) / points.len().max(1) as f64;
    let max = if max > 0.0 { max } else { 1.0 };
    let x_of = move |i: usize| LEFT + slot * (i as f64 + 0.5);
    let y_of = move |v: f64| TOP + plot_h * (1.0 - v.clamp(0.0, max) / max);

    let grid = [0.0, max / 2.0, max]
        .into_iter()
        .map(|v| {
            let y = num(y_of(v));
            view! {
                <line class="chart-grid" x1=num(LEFT) x2=num(WIDTH - RIGHT) y1=y.clone() y2=y.clone() />
                <text class="chart-axis" x=num(LEFT - 4.0) y=y dy="0.35em" text-anchor="end">
                    {format(v)}
                </text>
            }
        })
        .collect_view();
    // The line, in runs of consecutive points with values.
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => run.push((x_of(i), y_of(v))),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let lines = runs
        .into_iter()
        .filter(|r| r.len() > 1)
        .map(|r| {
            let points: Vec<String> = r
                .iter()
                .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                .collect();
            view! { <polyline class="chart-line" points=points.join(" ") /> }
        })
        .collect_view();
    let marks = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = x_of(i);
            let mark = p.value.map(|v| {
                let y = y_of(v);
                view! {
                    <circle class="chart-point" cx=num(x) cy=num(y) r="3.5" />
                    <text class="chart-value" x=num(x) y=num(y - 7.0) text-anchor="middle">
                        {format(v)}
                    </text>
                }
            });
            let (tick_x, anchor) = tick_position(i, points.len(), LEFT, slot);
            let tick = (!p.tick.is_empty()).then(|| {
                view! {
                    <text class="chart-axis" x=num(tick_x) y=num(HEIGHT - 6.0) text-anchor=anchor>
                        {p.tick.clone()}
                    </text>
                }
            });
            view! { {mark} {tick} }
        })
        .collect_view();

    let rows = points
        .iter()
        .map(|p| {
            vec![
                p.label.clone(),
                p.value.map_or_else(|| missing.clone(), format),
            ]
        })
        .collect();
    let table_caption = format!("{title}, as numbers");
    view! {
        <figure class="chart">
            {caption(title, note)}
            <ChartSvg summary=summary height=HEIGHT>
                {grid}
                {lines}
                {marks}
            </ChartSvg>
            <NumbersTable
                caption=table_caption
                headers=vec![label_header, value_header]
                rows=rows
            />
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_axes_end_on_round_numbers_with_whole_halves() {
        assert_eq!(axis_max(0), 4);
        assert_eq!(axis_max(5), 6);
        assert_eq!(axis_max(8), 8);
        assert_eq!(axis_max(10), 10);
        assert_eq!(axis_max(11), 20);
        assert_eq!(axis_max(95), 100);
        assert_eq!(axis_max(101), 200);
        assert_eq!(axis_max(1234), 2000);
    }

    #[test]
    fn the_largest_counts_get_an_axis_and_a_level_without_overflow() {
        // A daily total of u32::MAX once froze the Progress page in this loop.
        assert_eq!(axis_max(u32::MAX), 5_000_000_000);
        assert_eq!(axis_max(1_000_000_001), 2_000_000_000);
        assert_eq!(heat_level(u32::MAX, u32::MAX), 4);
        assert_eq!(heat_level(1, u32::MAX), 1);
        assert_eq!(heat_level(u32::MAX / 2, u32::MAX), 2);
    }

    #[test]
    fn end_labels_stay_inside_the_chart() {
        assert_eq!(tick_position(0, 10, 30.0, 10.0), (30.0, "start"));
        assert_eq!(tick_position(4, 10, 30.0, 10.0), (75.0, "middle"));
        assert_eq!(tick_position(9, 10, 30.0, 10.0), (130.0, "end"));
        assert_eq!(tick_position(0, 1, 30.0, 10.0), (35.0, "middle"));
    }

    #[test]
    fn heat_levels_are_quarters_of_the_largest_count() {
        assert_eq!(heat_level(0, 10), 0);
        assert_eq!(heat_level(1, 10), 1);
        assert_eq!(heat_level(5, 10), 2);
        assert_eq!(heat_level(8, 10), 4);
        assert_eq!(heat_level(10, 10), 4);
        assert_eq!(heat_level(3, 0), 0);
    }
}
