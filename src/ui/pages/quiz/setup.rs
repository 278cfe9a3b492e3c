use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::quiz::{Deck, QuizSpec, LENGTHS};
use crate::ui::entropy::random_u64;

/// Choose a deck and a length; Start opens the quiz's own URL with a fresh seed.
#[component]
pub fn QuizSetup(problem: Option<String>) -> impl IntoView {
    let deck = RwSignal::new(Deck::Beginner);
    let length = RwSignal::new(LENGTHS[0]);
    let navigate = use_navigate();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let seed = QuizSpec::seed_from_entropy(random_u64());
        let spec = QuizSpec {
            deck: deck.get_untracked(),
            length: length.get_untracked(),
            seed,
        };
        navigate(&spec.path(), Default::default());
    };
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Quiz"</h1>
            {problem.map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <p class="lead">
                "Questions generated from the catalogue. After each answer you see why, with its RFC section."
            </p>
            <form class="quiz-setup" on:submit=start>
                <div class="field">
                    <label for="deck">"Deck"</label>
                    <select
                        id="deck"
                        data-testid="deck"
                        on:change=move |ev| {
                            if let Some(d) = Deck::from_id(&event_target_value(&ev)) {
                                deck.set(d);
                            }
                        }
                    >
                        {Deck::ALL
                            .iter()
                            .map(|d| {
                                view! {
                                    <option value=d.id() selected=*d == Deck::Beginner>
                                        {d.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>"Length"</legend>
                    <div class="radio-row">
                        {LENGTHS
                            .iter()
                            .map(|&n| {
                                view! {
                                    <label class="radio">
                                        <input
                                            type="radio"
                                            name="length"
                                            value=n.to_string()
                                            checked=n == LENGTHS[0]
                                            on:change=move |_| length.set(n)
                                        />
                                        {format!("{n} questions")}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="primary" data-testid="start">
                    "Start the quiz"
                </button>
            </form>
        </section>
    }
}
