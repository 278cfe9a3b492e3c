//! The simulation's results as Markdown tables, for the README and the command line.

use std::fmt::Write;

use super::{Plan, PolicyResult, Spread, Tuned};

/// "41.2 (35.0–47.9)": the median, then the 10th to 90th percentile.
fn spread(s: &Spread) -> String {
    format!("{:.1} ({:.1}–{:.1})", s.median, s.p10, s.p90)
}

/// The policy comparison, a row per policy.
pub fn policy_table(plan: &Plan, rows: &[PolicyResult]) -> String {
    let mut out = String::new();
    let end = plan.study_days + plan.rest_days;
    let _ = writeln!(
        out,
        "| policy | known at day {} | known at day {end} | minutes a day used | known per hour studied |",
        plan.study_days
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.1} | {} |",
            r.policy.label(),
            spread(&r.known_end_of_study),
            spread(&r.known_end),
            r.minutes_a_day,
            spread(&r.per_hour)
        );
    }
    out
}

/// The tuning grid, a row per setting pair.
pub fn tuning_table(plan: &Plan, cells: &[Tuned]) -> String {
    let mut out = String::new();
    let end = plan.study_days + plan.rest_days;
    let _ = writeln!(
        out,
        "| new a day | desired retention | known at day {} | known at day {end} | minutes a day used | known per hour studied |",
        plan.study_days
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- |");
    for c in cells {
        let r = &c.result;
        let _ = writeln!(
            out,
            "| {} | {:.2} | {} | {} | {:.1} | {} |",
            c.new_per_day,
            c.retention,
            spread(&r.known_end_of_study),
            spread(&r.known_end),
            r.minutes_a_day,
            spread(&r.per_hour)
        );
    }
    out
}
