//! Bars: one count per day, with an axis.

use leptos::prelude::*;

use super::axis::{axis_max, num, tick_position, WIDTH};
use super::frame::ChartFrame;

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
            {columns}
        </ChartFrame>
    }
}
