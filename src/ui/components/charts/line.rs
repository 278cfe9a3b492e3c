//! A line over weeks, broken where there is nothing to measure.

use leptos::prelude::*;

use super::axis::{num, tick_position, WIDTH};
use super::frame::ChartFrame;

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
    /// Writes a value, as a percentage for instance.
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
    view! {
        <ChartFrame
            title
            note
            summary
            height=HEIGHT
            headers=vec![label_header, value_header]
            rows
        >
            {grid}
            {lines}
            {marks}
        </ChartFrame>
    }
}
