use leptos::prelude::*;

use crate::routes::Page;
use crate::ui::components::ComingSoon;

/// The Study page. Its content arrives with a later issue; until then it says what is coming.
#[component]
pub fn StudyPage() -> impl IntoView {
    view! {
        <ComingSoon
            page=Page::Study
            what="Flashcards with spaced repetition are on their way: you will flip cards for codes and methods, grade how well you knew each one, and the app will schedule its next review."
        />
    }
}
