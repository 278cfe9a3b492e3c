use leptos::prelude::*;

use super::download::download;
use crate::progress::keeper::Action;
use crate::ui::state::ProgressStore;

/// A storage problem, told in plain words at the top of every page, with what the learner can
/// do about it (the domain's `Problem::actions`): download what could not be read, go on
/// without it, reload for a newer version, or dismiss.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = ProgressStore::get();
    let failure = RwSignal::new(None::<String>);
    move || {
        store.problem().get().map(|problem| {
            let actions = problem
                .actions()
                .into_iter()
                .map(|action| match action {
                    Action::Download => view! {
                        <button
                            type="button"
                            data-testid="download-damaged"
                            on:click=move |_| {
                                if let Some(raw) = store.unreadable() {
                                    if let Err(e) = download("http-study-unreadable-progress.txt", &raw) {
                                        failure.set(Some(e));
                                    }
                                }
                            }
                        >
                            "Download the unreadable data"
                        </button>
                    }
                    .into_any(),
                    Action::GoOnWithout => view! {
                        <button type="button" data-testid="go-on-without" on:click=move |_| store.go_on_without()>
                            "Go on without it (start saving again)"
                        </button>
                    }
                    .into_any(),
                    Action::Reload => view! {
                        <button
                            type="button"
                            data-testid="reload-app"
                            on:click=move |_| {
                                let _ = window().location().reload();
                            }
                        >
                            "Reload the page"
                        </button>
                    }
                    .into_any(),
                    Action::Dismiss => view! {
                        <button type="button" data-testid="dismiss-notice" on:click=move |_| store.dismiss()>
                            "Dismiss"
                        </button>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <div class="notice" role="alert" data-testid="storage-notice">
                    <p>{problem.to_string()}</p>
                    {move || failure.get().map(|e| view! { <p class="error">{e}</p> })}
                    <div class="actions">{actions}</div>
                </div>
            }
        })
    }
}
