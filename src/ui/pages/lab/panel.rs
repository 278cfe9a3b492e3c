//! The session's exchanges, listed like a browser's network panel: each row opens its request
//! in the editor (to change and send again) and shows its answer; "Start over" empties it and
//! puts the server and the editor back as they start.

use leptos::prelude::*;

use super::LabState;
use crate::lab::Draft;

/// The network panel.
#[component]
pub fn NetworkPanel(state: LabState) -> impl IntoView {
    let rows = Memo::new(move |_| state.session.with(|s| s.rows()));
    // Something to start over from: a request sent, or the editor's changed.
    let started =
        Memo::new(move |_| !rows.with(Vec::is_empty) || state.draft.with(|d| *d != Draft::start()));
    view! {
        <section class="lab-panel" aria-labelledby="panel-heading" data-testid="lab-panel">
            <h2 id="panel-heading">"Requests sent"</h2>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="hint">"None yet in this visit."</p> }.into_any();
                }
                view! {
                    <p class="hint">"Open one to see its answer and put it back in the editor, to change and send again. They stay listed while this tab is open."</p>
                    <ol class="lab-rows">
                        {rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let ok = r.status < 400;
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="lab-row"
                                            aria-current=move || (state.shown.get() == Some(i)).then_some("true")
                                            on:click=move |_| state.reopen(i)
                                        >
                                            <span class="visually-hidden">{format!("Open request {}: ", i + 1)}</span>
                                            <code class="lab-row-method">{r.method}</code>
                                            " "
                                            <code class="lab-row-target">{r.target}</code>
                                            <span class=if ok { "lab-row-status" } else { "lab-row-status bad" }>{r.status_text}</span>
                                            <span class="lab-row-summary">{r.summary}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            {move || {
                started
                    .get()
                    .then(|| {
                        view! {
                            <button type="button" data-testid="lab-start-over" on:click=move |_| state.start_over()>
                                "Start over"
                            </button>
                        }
                    })
            }}
        </section>
    }
}
