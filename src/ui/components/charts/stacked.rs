//! Stacked bars: parts of a whole per row (mastery by group).

use leptos::prelude::*;

use super::axis::{num, WIDTH};
use super::frame::ChartFrame;

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
    view! {
        <ChartFrame
            title
            note
            summary
            height
            headers
            rows=table_rows
            legend=view! { <ul class="chart-legend">{legend}</ul> }.into_any()
        >
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
        </ChartFrame>
    }
}
