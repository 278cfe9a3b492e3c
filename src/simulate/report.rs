//! The simulation's results as Markdown tables, for the README and the command line.

use std::fmt::Write;

use super::{Cell, Plan, PolicyResult, Spread, Tuned};

/// "41.2 (35.0–47.9)": the median, then the 10th to 90th percentile.
fn spread(s: &Spread) -> String {
    format!("{:.1} ({:.1}–{:.1})", s.median, s.p10, s.p90)
}

/// A table whose rows end with the four result columns: `lead` names the columns before them,
/// and `row` gives an entry's leading cells and its result.
fn table<'a, T>(
    plan: &Plan,
    lead: &[&str],
    entries: &'a [T],
    row: impl Fn(&'a T) -> (Vec<String>, &'a PolicyResult),
) -> String {
    let mut out = String::new();
    let mut head: Vec<String> = lead.iter().map(|c| c.to_string()).collect();
    head.extend([
        format!("known at day {}", plan.study_end()),
        format!("known at day {}", plan.end()),
        "minutes a day used".to_string(),
        "known per hour studied".to_string(),
    ]);
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for entry in entries {
        let (mut cells, r) = row(entry);
        cells.extend([
            spread(&r.known_end_of_study),
            spread(&r.known_end),
            format!("{:.1}", r.minutes_a_day),
            spread(&r.per_hour),
        ]);
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// The policy comparison, a row per policy.
pub fn policy_table(plan: &Plan, rows: &[PolicyResult]) -> String {
    table(plan, &["policy"], rows, |r| {
        (vec![r.policy.label().to_string()], r)
    })
}

/// The tuning grid, a row per setting pair.
pub fn tuning_table(plan: &Plan, cells: &[Tuned]) -> String {
    table(plan, &["new a day", "desired retention"], cells, |c| {
        (
            vec![c.new_per_day.to_string(), format!("{:.2}", c.retention)],
            &c.result,
        )
    })
}

/// A comparison of settings, a row per cell: `lead` names the setting columns.
pub fn cells_table(plan: &Plan, lead: &[&str], cells: &[Cell]) -> String {
    table(plan, lead, cells, |c| (c.setting.clone(), &c.result))
}
