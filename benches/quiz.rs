//! How fast the quiz engine builds questions. Not a timed test: it prints figures.
//!
//! `cargo bench --bench quiz` (release profile, as shipped).

use std::hint::black_box;
use std::time::{Duration, Instant};

use http_study::quiz::{all_items, generate_quiz, question_for, Deck, QuizRng};

/// How long each throughput measurement runs.
const BUDGET: Duration = Duration::from_secs(2);

fn main() {
    let items = all_items();
    println!("quiz engine benchmark ({} study items)", items.len());

    // Throughput 1: question_for over every item, round and round, for about two seconds.
    let mut rng = QuizRng::new(1);
    let start = Instant::now();
    let mut questions = 0u64;
    while start.elapsed() < BUDGET {
        for &item in &items {
            black_box(question_for(black_box(item), &mut rng));
        }
        questions += items.len() as u64;
    }
    let rate = questions as f64 / start.elapsed().as_secs_f64();
    println!("question_for over all items: {questions} questions, {rate:.0} questions/s");

    // Throughput 2: whole quizzes from every deck, for about two seconds.
    let start = Instant::now();
    let mut questions = 0u64;
    let mut seed = 0u64;
    while start.elapsed() < BUDGET {
        for deck in Deck::ALL {
            seed += 1;
            questions += black_box(generate_quiz(deck, 20, seed)).len() as u64;
        }
    }
    let rate = questions as f64 / start.elapsed().as_secs_f64();
    println!(
        "generate_quiz, 20 questions, every deck: {questions} questions, {rate:.0} questions/s"
    );

    // Latency: a 50-question quiz from Everything, 200 runs, median and spread.
    let mut times: Vec<Duration> = (0..200u64)
        .map(|seed| {
            let start = Instant::now();
            black_box(generate_quiz(Deck::Everything, 50, black_box(seed)));
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "50-question quiz (Everything), 200 runs: median {:?}, min {:?}, 95th percentile {:?}",
        times[times.len() / 2],
        times[0],
        times[times.len() * 95 / 100]
    );
}
