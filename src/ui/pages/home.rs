//! `/`: where to start, and the learner's day at a glance (the plan of the day).

use leptos::prelude::*;

use crate::day::NextStep;
use crate::quiz::Deck;
use crate::routes::{Page, APP_NAME};
use crate::study;
use crate::ui::components::KeepGoingList;
use crate::ui::state::ProgressStore;
use crate::ui::use_page_title;

/// The landing page: what the app teaches, the next step, and today's figures, all from the
/// plan of the day.
#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(APP_NAME);
    let store = ProgressStore::get();
    let plan = store.plan();
    let settings = store.settings();
    let placement_questions = study::placement_quiz(1).len();
    let goal_deck = Memo::new(move |_| settings.with(|s| s.goal()));
    let done = Memo::new(move |_| plan.with(|p| matches!(p.next, NextStep::Done { .. })));
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Learn HTTP status codes and methods"</h1>
            <p class="lead">
                "Flashcards and quizzes on every status code and method, explained in plain words and checked against RFC 9110. "
                "Each fact comes back just before you would forget it."
            </p>
            {move || {
                plan.with(|p| p.welcome())
                    .map(|w| view! { <p class="welcome" role="status" data-testid="welcome">{w}</p> })
            }}
            <div class="next-step">
                <a
                    href=move || plan.with(|p| p.button_path())
                    class="button primary big"
                    data-testid="next-step"
                >
                    {move || plan.with(|p| p.button())}
                </a>
                <Show when=move || done.get()>
                    <KeepGoingList heading="Keep going"/>
                </Show>
                <Show when=move || plan.with(|p| p.offers_placement)>
                    <p class="hint" data-testid="placement-offer">
                        "Already know the basics? "
                        <a href=format!("{}?placement", Page::Quiz.path()) data-testid="placement">
                            "Take the placement check"
                        </a>
                        {format!(" ({placement_questions} questions): what you know starts as known.")}
                    </p>
                </Show>
                <p data-testid="learned">{move || plan.with(|p| p.started_line())}</p>
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
                                <option value=id selected=move || goal_deck.get() == deck>
                                    {d.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <TodayFigures/>
            <ul class="start-list">
                <li>
                    <a href=Page::Study.path()>"Study with flashcards"</a>
                    " \u{2014} a few new codes a day, and reviews just before you would forget."
                </li>
                <li>
                    <a href=Page::Quiz.path()>"Take a quiz"</a>
                    " \u{2014} on what you have studied, or on a whole deck. A quiz answer reviews an item you have started; it never puts an item you have not been taught into your schedule."
                </li>
                <li>
                    <a href=Page::Lab.path()>"Open the HTTP lab"</a>
                    " \u{2014} write requests, send them to a server in the page, and see what the RFC makes it answer."
                </li>
                <li>
                    <a href=Page::Reference.path()>"Browse the reference"</a>
                    " \u{2014} look up any code or method."
                </li>
            </ul>
        </section>
    }
}

/// Today's figures and sentences, from the plan of the day: due now and later, new items,
/// the streak and the daily goal. The Progress page shows the same component.
#[component]
pub fn TodayFigures() -> impl IntoView {
    let plan = ProgressStore::get().plan();
    view! {
        <div class="today" data-testid="today">
            <h2 id="today-heading">"Today"</h2>
            <dl class="stats">
                <div>
                    <dt>"Due now"</dt>
                    <dd data-testid="due-count">{move || plan.with(|p| p.reviews.due_now())}</dd>
                </div>
                <div>
                    <dt>"Later today"</dt>
                    <dd data-testid="due-later">{move || plan.with(|p| p.reviews.later_today)}</dd>
                </div>
                <div>
                    <dt>"New available"</dt>
                    <dd data-testid="new-count">{move || plan.with(|p| p.new.available)}</dd>
                </div>
                <div>
                    <dt>"Streak"</dt>
                    <dd data-testid="streak">{move || plan.with(|p| p.streak.figure())}</dd>
                </div>
                <div>
                    <dt id="goal-label">"Today's goal"</dt>
                    <dd data-testid="goal">{move || plan.with(|p| p.goal_figure())}</dd>
                </div>
            </dl>
            <progress
                class="goal-bar"
                aria-labelledby="goal-label"
                max=move || plan.with(|p| p.goal.minutes.to_string())
                value=move || plan.with(|p| p.goal.minutes_done().to_string())
            ></progress>
            <ul class="day-lines">
                <li data-testid="due-line">{move || plan.with(|p| p.due_line())}</li>
                <li data-testid="new-line">{move || plan.with(|p| p.new.line())}</li>
                <li data-testid="done-line">{move || plan.with(|p| p.done.line())}</li>
                <li data-testid="goal-line">{move || plan.with(|p| p.goal.line())}</li>
                <li data-testid="streak-line">{move || plan.with(|p| p.streak.line())}</li>
            </ul>
        </div>
    }
}
