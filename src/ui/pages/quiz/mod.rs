//! `/quiz`: choose a deck and a length, then play a seeded quiz with cited feedback.

mod play;
mod setup;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::quiz::{Deck, QuizSpec};
use crate::routes::Page;
use crate::study;
use crate::ui::use_page_title;
use play::QuizPlay;
use setup::QuizSetup;

/// The Quiz page: the set-up form, or the quiz its URL names.
#[component]
pub fn QuizPage() -> impl IntoView {
    use_page_title(Page::Quiz.label());
    let query = use_query_map();
    move || {
        if query.with(|q| q.get_str("placement").is_some()) {
            // `/quiz?placement`: the placement check (the Beginner set's codes, seed fixed).
            let spec = QuizSpec {
                deck: Deck::Beginner,
                length: study::placement_quiz(1).len(),
                seed: 1,
                studied: false,
            };
            return view! { <QuizPlay spec placement=true/> }.into_any();
        }
        let spec = query.with(|q| {
            QuizSpec::from_query(
                q.get_str("deck"),
                q.get_str("n"),
                q.get_str("seed"),
                q.get_str("only"),
            )
        });
        match spec {
            Ok(Some(spec)) => view! { <QuizPlay spec/> }.into_any(),
            Ok(None) => view! { <QuizSetup problem=None/> }.into_any(),
            Err(problem) => view! { <QuizSetup problem=Some(problem)/> }.into_any(),
        }
    }
}
