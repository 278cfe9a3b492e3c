//! Simulated learners: HTTP Study's day (review, then the ways to keep going) and its review
//! alone against random drill, Leitner boxes and quizzes, for the same deck and minutes a day;
//! the tuning grid of the review's defaults; and the comparisons the app's defaults were
//! chosen with.
//!
//! ```sh
//! cargo run --release --example simulate                          # the policy comparison
//! cargo run --release --example simulate -- --seconds 8,15,20     # at three paces
//! cargo run --release --example simulate -- --tune                # and the review's tuning grid
//! cargo run --release --example simulate -- --grid minutes --seconds 8,20
//! cargo run --release --example simulate -- --grid review-order --gap 14
//! cargo run --release --example simulate -- --learners 500 --days 30 --rest 30 --minutes 10 --seed 14
//! ```
//!
//! Other options: `--new N`, `--retention R`, `--max-reviews N` and `--minutes M` (the
//! learner's settings), `--deck ID` (what the learner studies: `beginner`, `all`, ...),
//! `--seconds S[,S...]` (a flashcard's seconds; questions in proportion), `--gap D` (a break of
//! D days halfway through the study), `--policy ID[,ID...]` (the rows: `app-day`, `review`,
//! `random-drill`, `leitner`, `quizzes`, `review-then-quizzes`; a grid runs `app-day`, or each
//! policy named), `--review-order ID` and `--keep-going ID,ID,ID,ID` (the app-day learner's orders),
//! `--grid NAME` (`keep-going`, `minutes`, `review-order`, `max-reviews`, `new-retention`).
//! Prints Markdown tables. Every rule is in `http_study::simulate`; this only reads the
//! options and prints.

use std::process::ExitCode;
use std::time::Instant;

use http_study::quiz::Deck;
use http_study::simulate::{
    cells_table, compare, policy_table, sweep, tune, tuning_table, Cell, Pace, Plan, Policy,
};
use http_study::study::ReviewOrder;

/// The tuning grid of the review alone: new items a day, and desired retention.
const GRID_NEW: [u32; 5] = [5, 10, 15, 20, 30];
const GRID_RETENTION: [f64; 5] = [0.85, 0.9, 0.93, 0.95, 0.97];

/// The orders of the ways to keep going compared: the ways' ids, first offered first.
const KEEP_GOING_ORDERS: [[&str; 4]; 6] = [
    [
        "learn-more",
        "practise-studied",
        "drill-weakest",
        "drill-confusions",
    ],
    [
        "practise-studied",
        "learn-more",
        "drill-weakest",
        "drill-confusions",
    ],
    [
        "drill-weakest",
        "learn-more",
        "practise-studied",
        "drill-confusions",
    ],
    [
        "practise-studied",
        "drill-weakest",
        "drill-confusions",
        "learn-more",
    ],
    [
        "drill-weakest",
        "practise-studied",
        "drill-confusions",
        "learn-more",
    ],
    [
        "drill-confusions",
        "drill-weakest",
        "practise-studied",
        "learn-more",
    ],
];
/// Daily goals compared, in minutes.
const GRID_MINUTES: [u32; 6] = [3, 5, 10, 15, 20, 30];
/// Most reviews a day compared (1000: no cap in practice).
const GRID_MAX_REVIEWS: [u32; 6] = [20, 30, 50, 75, 100, 1000];
/// New items a day and retention checked for the app's day.
const GRID_DAY_NEW: [u32; 3] = [5, 10, 20];
const GRID_DAY_RETENTION: [f64; 3] = [0.85, 0.9, 0.95];

/// What the command line asks for.
struct Args {
    plan: Plan,
    seconds: Vec<u32>,
    /// The policies named, if any.
    policies: Option<Vec<Policy>>,
    tune: bool,
    grid: Option<String>,
}

fn review_order(id: &str) -> Option<ReviewOrder> {
    ReviewOrder::ALL
        .into_iter()
        .find(|o| o.label().replace(' ', "-").trim_end_matches("-first") == id)
}

fn keep_going_order(value: &str) -> Option<[&'static str; 4]> {
    let ids: Vec<&str> = value.split(',').collect();
    let known = KEEP_GOING_ORDERS[0];
    let mut order = [""; 4];
    for (slot, id) in order.iter_mut().zip(&ids) {
        *slot = known.into_iter().find(|k| k == id)?;
    }
    (ids.len() == 4 && known.iter().all(|k| order.contains(k))).then_some(order)
}

fn list<T>(value: &str, one: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    value.split(',').map(one).collect()
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        plan: Plan::default(),
        seconds: vec![a_flashcard(&Plan::default())],
        policies: None,
        tune: false,
        grid: None,
    };
    let plan = &mut a.plan;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--tune" {
            a.tune = true;
            continue;
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |what: &str| format!("{flag} {value}: expected {what}");
        match flag.as_str() {
            "--learners" => plan.learners = value.parse().map_err(|_| bad("a count"))?,
            "--days" => plan.study_days = value.parse().map_err(|_| bad("days"))?,
            "--rest" => plan.rest_days = value.parse().map_err(|_| bad("days"))?,
            "--gap" => plan.gap_days = value.parse().map_err(|_| bad("days"))?,
            "--minutes" => plan.minutes = value.parse().map_err(|_| bad("minutes"))?,
            "--seed" => plan.seed = value.parse().map_err(|_| bad("a number"))?,
            "--new" => plan.new_per_day = value.parse().map_err(|_| bad("a count"))?,
            "--max-reviews" => plan.max_reviews = value.parse().map_err(|_| bad("a count"))?,
            "--retention" => {
                plan.retention = value
                    .parse::<f64>()
                    .ok()
                    .filter(|r| (0.7..=0.99).contains(r))
                    .ok_or_else(|| bad("0.7 to 0.99"))?
            }
            "--deck" => plan.deck = Deck::from_id(value).ok_or_else(|| bad("a deck id"))?,
            "--seconds" => {
                a.seconds = list(value, |s| s.parse().ok().filter(|s| *s > 0))
                    .ok_or_else(|| bad("seconds a flashcard, as 8 or 8,15,20"))?
            }
            "--policy" => {
                a.policies = Some(list(value, Policy::from_id).ok_or_else(|| {
                    bad("policy ids: app-day, review, random-drill, leitner, quizzes, review-then-quizzes")
                })?)
            }
            "--review-order" => {
                plan.choices.review_order = review_order(value)
                    .ok_or_else(|| bad("most-overdue, lowest-recall or shortest-interval"))?
            }
            "--keep-going" => {
                plan.choices.keep_going = keep_going_order(value)
                    .ok_or_else(|| bad("the four ways' ids, in order"))?
            }
            "--grid" => a.grid = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(a)
}

fn a_flashcard(plan: &Plan) -> u32 {
    plan.pace.flashcard
}

fn at_pace(plan: &Plan, seconds: u32) -> Plan {
    Plan {
        pace: Pace::per_flashcard(seconds),
        ..plan.clone()
    }
}

/// A grid: the names of its setting columns, and per row what it sets and its plan.
type Grid = (Vec<&'static str>, Vec<(Vec<String>, Plan)>);

/// The rows of the grid `name`.
fn grid(name: &str, plan: &Plan) -> Result<Grid, String> {
    let with = |set: &dyn Fn(&mut Plan)| {
        let mut p = plan.clone();
        set(&mut p);
        p
    };
    Ok(match name {
        "keep-going" => (
            vec!["keep-going order"],
            KEEP_GOING_ORDERS
                .iter()
                .map(|order| {
                    let p = with(&|p| p.choices.keep_going = *order);
                    (vec![order.join(", ")], p)
                })
                .collect(),
        ),
        "minutes" => (
            vec!["daily goal (minutes)"],
            GRID_MINUTES
                .iter()
                .map(|&m| (vec![m.to_string()], with(&|p| p.minutes = m)))
                .collect(),
        ),
        "review-order" => (
            vec!["review order"],
            ReviewOrder::ALL
                .iter()
                .map(|&o| {
                    let p = with(&|p| p.choices.review_order = o);
                    (vec![o.label().to_string()], p)
                })
                .collect(),
        ),
        "max-reviews" => (
            vec!["most reviews a day"],
            GRID_MAX_REVIEWS
                .iter()
                .map(|&n| (vec![n.to_string()], with(&|p| p.max_reviews = n)))
                .collect(),
        ),
        "new-retention" => (
            vec!["new a day", "desired retention"],
            GRID_DAY_NEW
                .iter()
                .flat_map(|&n| GRID_DAY_RETENTION.iter().map(move |&r| (n, r)))
                .map(|(n, r)| {
                    let p = with(&|p| {
                        p.new_per_day = n;
                        p.retention = r;
                    });
                    (vec![n.to_string(), format!("{r:.2}")], p)
                })
                .collect(),
        ),
        other => {
            return Err(format!(
                "--grid {other}: expected keep-going, minutes, review-order, max-reviews or new-retention"
            ))
        }
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a = match parse(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("simulate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let plan = &a.plan;
    println!(
        "{} learners, {} days of {} minutes a day{} then {} days without study, deck {}, seed {}; {} new a day, retention {:.2}, at most {} reviews a day; {} s a flashcard (questions in proportion).\n",
        plan.learners,
        plan.study_days,
        plan.minutes,
        if plan.gap_days > 0 {
            format!(" (with a break of {} days halfway)", plan.gap_days)
        } else {
            String::new()
        },
        plan.rest_days,
        plan.deck.id(),
        plan.seed,
        plan.new_per_day,
        plan.retention,
        plan.max_reviews,
        a.seconds
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    let several = a.seconds.len() > 1;
    let compared = a.policies.clone().unwrap_or_else(|| Policy::ALL.to_vec());
    let started = Instant::now();
    if let Some(name) = &a.grid {
        // With several policies (or paces) the grid is run for each, and they get a column.
        let policies = a.policies.clone().unwrap_or_else(|| vec![Policy::AppDay]);
        let mut lead = Vec::new();
        let mut cells: Vec<Cell> = Vec::new();
        for &s in &a.seconds {
            let (names, variants) = match grid(name, &at_pace(plan, s)) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("simulate: {e}");
                    return ExitCode::FAILURE;
                }
            };
            lead = names;
            for variant in &variants {
                for &policy in &policies {
                    let mut c = sweep(policy, std::slice::from_ref(variant)).remove(0);
                    if policies.len() > 1 {
                        c.setting.push(policy.label().to_string());
                    }
                    if several {
                        c.setting.insert(0, s.to_string());
                    }
                    cells.push(c);
                }
            }
        }
        if policies.len() > 1 {
            lead.push("policy");
        } else {
            println!("{}:\n", policies[0].label());
        }
        if several {
            lead.insert(0, "s a flashcard");
        }
        print!("{}", cells_table(plan, &lead, &cells));
        eprintln!("grid {name}: {:.1} s", started.elapsed().as_secs_f64());
        return ExitCode::SUCCESS;
    }
    if several {
        let mut cells = Vec::new();
        for &s in &a.seconds {
            for r in compare(&at_pace(plan, s), &compared) {
                cells.push(Cell {
                    setting: vec![s.to_string(), r.policy.label().to_string()],
                    result: r,
                });
            }
        }
        print!(
            "{}",
            cells_table(plan, &["s a flashcard", "policy"], &cells)
        );
    } else {
        let plan = at_pace(plan, a.seconds[0]);
        print!("{}", policy_table(&plan, &compare(&plan, &compared)));
    }
    eprintln!("policies: {:.1} s", started.elapsed().as_secs_f64());
    if a.tune {
        let started = Instant::now();
        let plan = at_pace(plan, a.seconds[0]);
        println!();
        print!(
            "{}",
            tuning_table(&plan, &tune(&plan, &GRID_NEW, &GRID_RETENTION))
        );
        eprintln!("tuning grid: {:.1} s", started.elapsed().as_secs_f64());
    }
    ExitCode::SUCCESS
}
