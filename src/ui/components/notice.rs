use leptos::prelude::*;

use super::download::download;
use crate::progress::keeper::Action;
use crate::ui::state::{moment, ProgressStore};

/// A storage problem, told in plain words at the top of every page, with what the learner can
/// do about it (the domain's `Problem::actions`): download what could not be read, export what
/// could not be saved, reload for a newer version, or dismiss.
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
                    Action::Export => view! {
                        <button
                            type="button"
                            data-testid="export-unsaved"
                            on:click=move |_| {
                                let name = format!("http-study-progress-{}.json", moment().day());
                                if let Err(e) = download(&name, &store.export()) {
                                    failure.set(Some(e));
                                }
                            }
                        >
                            "Export your progress"
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
