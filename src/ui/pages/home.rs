use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::{Page, APP_NAME};
use crate::ui::use_page_title;

/// The landing page: what the app teaches and where to start.
#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(APP_NAME);
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Learn HTTP status codes and methods"</h1>
            <p class="lead">
                "Every status code and method, explained in plain words and checked against RFC 9110. "
                "Practise with flashcards and quizzes; spaced repetition brings each fact back just before you would forget it."
            </p>
            <ul class="start-list">
                <li>
                    <A href=Page::Study.path()>"Study with flashcards"</A>
                    " — learn a few new codes a day."
                </li>
                <li>
                    <A href=Page::Quiz.path()>"Take a quiz"</A>
                    " — test yourself on realistic API situations."
                </li>
                <li>
                    <A href=Page::Reference.path()>"Browse the reference"</A>
                    " — look up any code or method."
                </li>
            </ul>
        </section>
    }
}
