//! HTTP Study: learn HTTP methods and status codes with flashcards, quizzes and spaced repetition.
//!
//! The crate has two halves. The domain (the catalogue, quiz generation, scheduling, study
//! sessions, progress and its storage rules, routes) is plain Rust with no DOM and is tested
//! natively with `cargo test`; it never reads the clock: a [`clock::Moment`] is passed in. The
//! `ui` module is the Leptos front end: thin components that show domain state and forward
//! what the learner does.

// Leptos's `ssr` rendering (feature `prerender`) nests the pages' view types in async blocks
// deeper than the compiler's default limit of 128 allows.
#![cfg_attr(feature = "prerender", recursion_limit = "256")]

pub mod catalogue;
pub mod clock;
pub mod day;
pub mod exchange;
pub mod lab;
pub mod progress;
pub mod quiz;
pub mod routes;
pub mod schedule;
pub mod simulate;
pub mod sort;
pub mod study;
pub mod ui;
