//! What every chart shares: a `<figure>` with its caption, the drawing, an optional legend,
//! and the same numbers as a table.

use leptos::prelude::*;

use super::axis::{num, WIDTH};

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
            viewBox=format!("0 0 {} {}", num(WIDTH), num(height))
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

/// A whole chart: the figure, its caption (title and note), the drawing (`children`, in a
/// coordinate system [`WIDTH`] wide and `height` high, described in words by `summary`), an
/// optional legend under it, and its numbers as a table (`headers`, then `rows`).
#[component]
pub(super) fn ChartFrame(
    title: String,
    note: Option<String>,
    summary: String,
    height: f64,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    #[prop(optional)] legend: Option<AnyView>,
    /// The table's caption; "<title>, as numbers" when not given.
    #[prop(optional)]
    table_caption: Option<String>,
    children: Children,
) -> impl IntoView {
    let table_caption = table_caption.unwrap_or_else(|| format!("{title}, as numbers"));
    view! {
        <figure class="chart">
            {caption(title, note)}
            <ChartSvg summary=summary height=height>
                {children()}
            </ChartSvg>
            {legend}
            <NumbersTable caption=table_caption headers=headers rows=rows />
        </figure>
    }
}
