use leptos::prelude::*;

use crate::quiz::Deck;
use crate::routes::{Page, APP_NAME};
use crate::study::{self, NextStep};
use crate::ui::state::{moment, ProgressStore};
use crate::ui::use_page_title;

/// The landing page: what the app teaches and where to start.
#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(APP_NAME);
    let store = ProgressStore::get();
    let step = move || store.with(|p| study::next_step(p, moment()));
    let placement_questions = study::placement_quiz(1).len();
    let learned = move || store.with(study::goal_progress);
    let goal_deck = move || store.with(|p| p.settings().goal());
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
                "Flashcards and quizzes on every status code and method, explained in plain words and checked against RFC 9110. "
                "Each fact comes back just before you would forget it."
            </p>
            <div class="next-step">
                <a
                    href=move || match step() {
                        NextStep::Done { .. } => Page::Quiz.path().to_string(),
                        _ => Page::Study.path().to_string(),
                    }
                    class="button primary big"
                    data-testid="next-step"
                >
                    {move || step().to_string()}
                </a>
                <Show when=move || store.with(|p| p.cards().is_empty())>
                    <p class="hint">
                        "Already know the basics? "
                        <a href=format!("{}?placement", Page::Quiz.path()) data-testid="placement">
                            "Take the placement check"
                        </a>
                        {format!(" ({placement_questions} questions): what you know starts as known.")}
                    </p>
                </Show>
                <Show when=move || matches!(step(), NextStep::Done { .. })>
                    <p class="hint">"Meanwhile, a quiz keeps it fresh without using up tomorrow's cards."</p>
                </Show>
                <p data-testid="learned">
                    {move || {
                        let (started, total) = learned();
                        format!("Started {started} of {total} in {}.", goal_deck().label())
                    }}
                </p>
                <label for="goal-deck">"What are you learning?"</label>
                <select
                    id="goal-deck"
                    data-testid="goal-deck"
                    on:change=move |ev| {
                        if let Some(d) = Deck::from_id(&event_target_value(&ev)) {
                            store.update_settings(|s| s.set_goal(d));
                        }
                    }
                >
                    {Deck::ALL
                        .iter()
                        .map(|d| {
                            let id = d.id();
                            let deck = *d;
                            view! {
                                <option value=id selected=move || goal_deck() == deck>
                                    {d.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
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
            </div>
            <ul class="start-list">
                <li>
                    <a href=Page::Study.path()>"Study with flashcards"</a>
                    " — learn a few new codes a day."
                </li>
                <li>
                    <a href=Page::Quiz.path()>"Take a quiz"</a>
                    " — test yourself on realistic API situations."
                </li>
                <li>
                    <a href=Page::Reference.path()>"Browse the reference"</a>
                    " — look up any code or method."
                </li>
            </ul>
        </section>
    }
}
