use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::quiz::{Deck, QuizSpec, LENGTHS};
use crate::routes::Page;
use crate::study;
use crate::ui::entropy::random_u64;
use crate::ui::state::ProgressStore;

/// Choose a deck, whether to ask only about what you have studied, and a length; Start opens
/// the quiz's own URL with a fresh seed. A learner who has studied something is offered a quiz
/// on it first ("practise what you know"), and every deck says how much of it is new to them.
#[component]
pub fn QuizSetup(problem: Option<String>) -> impl IntoView {
    let store = ProgressStore::get();
    let plan = store.plan();
    let first = store.read(|p, _| study::first_quiz(p));
    let deck = RwSignal::new(first.deck);
    let studied = RwSignal::new(first.studied);
    let length = RwSignal::new(LENGTHS[0]);
    let newness = store.derive(move |p, _| study::deck_newness(p, deck.get()));
    let navigate = use_navigate();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let seed = QuizSpec::seed_from_entropy(random_u64());
        let spec = QuizSpec {
            deck: deck.get_untracked(),
            length: length.get_untracked(),
            seed,
            studied: studied.get_untracked(),
        };
        navigate(&spec.path(), Default::default());
    };
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">"Quiz"</h1>
            {problem.map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <p class="lead">
                "Questions generated from the catalogue. After each answer you see why, with its RFC section. "
                "A quiz answer reviews the items you have started; it never puts an item you have not been taught into your schedule."
            </p>
            <Show when=move || plan.with(|p| p.offers_placement)>
                <p class="hint" data-testid="placement-offer">
                    "Already know the basics? "
                    <a href=format!("{}?placement", Page::Quiz.path()) data-testid="placement">
                        "Take the placement check"
                    </a>
                    " and start what you know as known."
                </p>
            </Show>
            <form class="quiz-setup" on:submit=start>
                <div class="field">
                    <label for="deck">"Deck"</label>
                    <select
                        id="deck"
                        data-testid="deck"
                        aria-describedby="deck-newness"
                        on:change=move |ev| {
                            if let Some(d) = Deck::from_id(&event_target_value(&ev)) {
                                deck.set(d);
                                // Nothing of this deck studied: only the whole deck can be asked.
                                if store.read(|p, _| study::deck_newness(p, d).started()) == 0 {
                                    studied.set(false);
                                }
                            }
                        }
                    >
                        {Deck::ALL
                            .iter()
                            .map(|d| {
                                let d = *d;
                                view! {
                                    <option value=d.id() selected=move || deck.get() == d>
                                        {d.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="hint" id="deck-newness" data-testid="deck-newness">
                        {move || newness.with(|n| n.to_string())}
                    </p>
                </div>
                <fieldset class="field">
                    <legend>"Ask about"</legend>
                    <div class="radio-row">
                        <label class="radio">
                            <input
                                type="radio"
                                name="scope"
                                data-testid="scope-studied"
                                checked=move || studied.get()
                                disabled=move || newness.with(|n| n.started() == 0)
                                on:change=move |_| studied.set(true)
                            />
                            {move || {
                                format!(
                                    "What you have studied ({} of the deck)",
                                    newness.with(|n| n.started())
                                )
                            }}
                        </label>
                        <label class="radio">
                            <input
                                type="radio"
                                name="scope"
                                data-testid="scope-all"
                                checked=move || !studied.get()
                                on:change=move |_| studied.set(false)
                            />
                            "The whole deck"
                        </label>
                    </div>
                </fieldset>
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
