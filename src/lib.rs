//! HTTP Study: learn HTTP methods and status codes with flashcards, quizzes and spaced repetition.
//!
//! The crate has two halves. The domain (`routes` today; the catalogue, quiz generation,
//! scheduling and progress as they land) is plain Rust with no DOM and is tested natively
//! with `cargo test`. The `ui` module is the Leptos front end: thin components that show
//! domain state and forward what the learner does.

pub mod catalogue;
pub mod progress;
pub mod quiz;
pub mod routes;
pub mod schedule;
pub mod ui;
