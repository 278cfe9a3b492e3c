use leptos::prelude::*;

use crate::routes::Page;
use crate::ui::components::ComingSoon;

/// The Quiz page. Its content arrives with a later issue; until then it says what is coming.
#[component]
pub fn QuizPage() -> impl IntoView {
    view! {
        <ComingSoon
            page=Page::Quiz
            what="Quizzes are on their way: multiple-choice and typed questions generated from the catalogue, with an explanation and its RFC section after every answer."
        />
    }
}
