//! The challenge being worked on (its goal, a hint, then the requests that solve it), and the
//! list of every challenge with those solved marked.

use leptos::prelude::*;

use super::LabState;
use crate::lab::{Challenge, Draft, Standing};
use crate::routes::{lab_challenge_path, Page};

/// The open challenge: its goal, whether it is solved, "Show a hint", then "Show the request
/// that solves it", which puts that request in the editor.
#[component]
pub fn ChallengePanel(
    challenge: &'static Challenge,
    state: LabState,
    standing: Memo<Standing>,
) -> impl IntoView {
    let hint = RwSignal::new(false);
    let answer = RwSignal::new(false);
    let requests = challenge.reference();
    let several = requests.len() > 1;
    let load = move |i: usize| {
        if let Some(text) = challenge.reference().get(i) {
            state.draft.set(Draft::from_text(text));
            state.news.set(format!(
                "Request {} of the solution is in the editor.",
                i + 1
            ));
        }
    };
    let solved = move || standing.with(|s| s.of(challenge.id).is_some_and(|c| c.solved.is_some()));
    view! {
        <section class="lab-challenge" aria-labelledby="challenge-heading" data-testid="lab-challenge">
            <h2 id="challenge-heading">"Challenge"</h2>
            <p class="lead" data-testid="challenge-goal">{challenge.goal}</p>
            <p data-testid="challenge-state" class=move || if solved() { "solved" } else { "hint" }>
                {move || if solved() { "✓ Solved: it is in your progress." } else { "Not solved yet." }}
            </p>
            <div class="actions">
                <button
                    type="button"
                    aria-expanded=move || hint.get().to_string()
                    aria-controls="challenge-hint"
                    on:click=move |_| hint.update(|h| *h = !*h)
                >
                    "Show a hint"
                </button>
                <Show when=move || hint.get()>
                    <button
                        type="button"
                        data-testid="show-solution"
                        on:click=move |_| {
                            answer.set(true);
                            load(0);
                        }
                    >
                        "Show the request that solves it"
                    </button>
                </Show>
                <a href=Page::Lab.path() class="button">"Leave this challenge"</a>
            </div>
            <p id="challenge-hint" hidden=move || !hint.get() data-testid="challenge-hint">{challenge.hint}</p>
            <Show when=move || answer.get()>
                <p>
                    {if several {
                        "It takes these requests, sent in this order; the first is in the editor."
                    } else {
                        "This request solves it; it is in the editor. Send it, or change it first."
                    }}
                </p>
                <ol class="lab-solution">
                    {requests
                        .iter()
                        .enumerate()
                        .map(|(i, text)| {
                            view! {
                                <li>
                                    <pre class="http"><code>{text.clone()}</code></pre>
                                    {several
                                        .then(|| {
                                            view! {
                                                <button type="button" on:click=move |_| load(i)>
                                                    {format!("Put request {} in the editor", i + 1)}
                                                </button>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </Show>
        </section>
    }
}

/// Every challenge, each a link that opens it, the solved ones marked; open at first when no
/// challenge is.
#[component]
pub fn ChallengeList(
    standing: Memo<Standing>,
    open: Memo<Option<&'static Challenge>>,
) -> impl IntoView {
    view! {
        <section class="lab-challenges" aria-labelledby="challenges-heading">
            <h2 id="challenges-heading">"Challenges"</h2>
            <details open=move || open.with(Option::is_none) data-testid="challenge-list">
                <summary>{move || standing.with(Standing::line)}</summary>
                <ol>
                    {move || {
                        standing
                            .with(|s| {
                                s.challenges
                                    .iter()
                                    .map(|c| {
                                        let id = c.challenge.id;
                                        let done = c.solved.is_some();
                                        view! {
                                            <li data-challenge=id>
                                                <a
                                                    href=lab_challenge_path(id)
                                                    aria-current=move || {
                                                        (open.get().map(|o| o.id) == Some(id)).then_some("true")
                                                    }
                                                >
                                                    {c.challenge.goal}
                                                </a>
                                                {done.then(|| view! { " " <span class="badge solved">"✓ Solved"</span> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ol>
            </details>
        </section>
    }
}
