//! Small charts drawn as inline SVG: bars, stacked bars, a calendar heat map and a line.
//!
//! Every chart is a `<figure>` with a visible title in its `<figcaption>`, an `<svg role="img">`
//! whose `aria-label` says in words what the chart shows, and the same numbers as a table: hidden
//! from sight until "Show the numbers" is pressed, always there for screen readers. The SVG
//! scales with its `viewBox` to the width of its container; its colours come from the
//! stylesheet's variables (see `/* Progress page */` in `style/main.css`), and values that
//! matter are written as text, so no reading depends on colour alone.
//!
//! A folder per chart: `frame.rs` holds what they share (figure, caption, drawing, legend,
//! table), `axis.rs` the arithmetic of axes and labels (tested natively).

mod axis;
mod bar;
mod frame;
mod heat;
mod line;
mod stacked;

pub use bar::{Bar, BarChart};
pub use heat::HeatMap;
pub use line::{LineChart, Point};
pub use stacked::{Fill, Segment, StackedBars, StackedRow};
