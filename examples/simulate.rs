//! Simulated learners: HTTP Study's review against random drill, Leitner boxes and quizzes
//! alone, for the same minutes a day; and the tuning grid of the review's defaults.
//!
//! ```sh
//! cargo run --release --example simulate                     # the policy comparison
//! cargo run --release --example simulate -- --tune           # and the tuning grid
//! cargo run --release --example simulate -- --learners 500 --days 30 --rest 30 --minutes 10 --seed 14
//! ```
//!
//! Other options: `--new N` and `--retention R` (the review's settings), `--deck ID` (what
//! the learner studies: `beginner`, `all`, ...). Prints Markdown tables. Every rule is in
//! `http_study::simulate`; this only reads the options and prints.

use std::process::ExitCode;
use std::time::Instant;

use http_study::quiz::Deck;
use http_study::simulate::{compare, policy_table, tune, tuning_table, Plan, Policy};

/// The tuning grid: new items a day, and desired retention.
const GRID_NEW: [u32; 5] = [5, 10, 15, 20, 30];
const GRID_RETENTION: [f64; 5] = [0.85, 0.9, 0.93, 0.95, 0.97];

fn parse(args: &[String]) -> Result<(Plan, bool), String> {
    let mut plan = Plan::default();
    let mut grid = false;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--tune" {
            grid = true;
            continue;
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |what: &str| format!("{flag} {value}: expected {what}");
        match flag.as_str() {
            "--learners" => plan.learners = value.parse().map_err(|_| bad("a count"))?,
            "--days" => plan.study_days = value.parse().map_err(|_| bad("days"))?,
            "--rest" => plan.rest_days = value.parse().map_err(|_| bad("days"))?,
            "--minutes" => plan.minutes = value.parse().map_err(|_| bad("minutes"))?,
            "--seed" => plan.seed = value.parse().map_err(|_| bad("a number"))?,
            "--new" => plan.new_per_day = value.parse().map_err(|_| bad("a count"))?,
            "--retention" => {
                plan.retention = value
                    .parse::<f64>()
                    .ok()
                    .filter(|r| (0.7..=0.99).contains(r))
                    .ok_or_else(|| bad("0.7 to 0.99"))?
            }
            "--deck" => plan.deck = Deck::from_id(value).ok_or_else(|| bad("a deck id"))?,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok((plan, grid))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (plan, grid) = match parse(&args) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("simulate: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{} learners, {} days of {} minutes a day then {} days without study, deck {}, seed {}; review with {} new a day at retention {:.2}.\n",
        plan.learners,
        plan.study_days,
        plan.minutes,
        plan.rest_days,
        plan.deck.id(),
        plan.seed,
        plan.new_per_day,
        plan.retention
    );
    let started = Instant::now();
    print!("{}", policy_table(&plan, &compare(&plan, &Policy::ALL)));
    eprintln!("policies: {:.1} s", started.elapsed().as_secs_f64());
    if grid {
        let started = Instant::now();
        println!();
        print!(
            "{}",
            tuning_table(&plan, &tune(&plan, &GRID_NEW, &GRID_RETENTION))
        );
        eprintln!("tuning grid: {:.1} s", started.elapsed().as_secs_f64());
    }
    ExitCode::SUCCESS
}
