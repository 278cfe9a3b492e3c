use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::{Page, APP_NAME};
use crate::study;
use crate::ui::state::{moment, ProgressStore};
use crate::ui::use_page_title;

/// The landing page: what the app teaches and where to start.
#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(APP_NAME);
    let store = ProgressStore::get();
    let due = move || store.with(|p| study::due_count(p, moment().at()));
    let new_today = move || store.with(|p| study::new_items_today(p, moment().day()).len());
    let streak = move || store.with(|p| p.streak(moment().day()));
    let goal = move || {
        store.with(|p| {
            (
                p.day_totals(moment().day()).answers(),
                p.settings().daily_goal(),
            )
        })
    };
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Learn HTTP status codes and methods"</h1>
            <p class="lead">
                "Every status code and method, explained in plain words and checked against RFC 9110. "
                "Practise with flashcards and quizzes; spaced repetition brings each fact back just before you would forget it."
            </p>
            <div class="today" aria-labelledby="today-heading">
                <h2 id="today-heading">"Today"</h2>
                <dl class="stats">
                    <div>
                        <dt>"Due for review"</dt>
                        <dd data-testid="due-count">{due}</dd>
                    </div>
                    <div>
                        <dt>"New items available"</dt>
                        <dd data-testid="new-count">{new_today}</dd>
                    </div>
                    <div>
                        <dt>"Streak"</dt>
                        <dd data-testid="streak">
                            {move || match streak() {
                                1 => "1 day".to_string(),
                                n => format!("{n} days"),
                            }}
                        </dd>
                    </div>
                    <div>
                        <dt id="goal-label">"Today's goal"</dt>
                        <dd data-testid="goal">
                            {move || {
                                let (done, goal) = goal();
                                format!("{} / {goal} answers", done.min(goal))
                            }}
                        </dd>
                    </div>
                </dl>
                <progress
                    class="goal-bar"
                    aria-labelledby="goal-label"
                    max=move || goal().1.to_string()
                    value=move || goal().0.min(goal().1).to_string()
                ></progress>
                <A href=Page::Study.path() attr:class="button primary" attr:data-testid="start-review">
                    "Start the review"
                </A>
            </div>
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
