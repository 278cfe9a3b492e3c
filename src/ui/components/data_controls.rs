use leptos::prelude::*;

use super::download::download;
use crate::ui::state::{today, ImportMode, ProgressStore};

/// Export, import and reset of all progress.
#[component]
pub fn DataControls() -> impl IntoView {
    let store = ProgressStore::get();
    let mode = RwSignal::new(ImportMode::Merge);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let export = move |_| {
        let name = format!("http-study-progress-{}.json", today());
        if let Err(e) = download(&name, &store.export()) {
            message.set(Some((false, e)));
        }
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            message.set(Some((false, "Choose a file to import first.".into())));
            return;
        };
        let chosen = mode.get_untracked();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let result = match text {
                Some(text) => store.import(&text, chosen),
                None => {
                    Err("This file could not be read as text. Your progress is unchanged.".into())
                }
            };
            message.set(Some(match result {
                Ok(()) => (
                    true,
                    "Imported. Your progress now includes the file's.".into(),
                ),
                Err(e) => (false, e),
            }));
        });
    };
    let summary = move || {
        store.with(|p| {
            format!(
                "This deletes the schedule of {} items, {} answers kept in full and {} days of totals, and your settings. It cannot be undone; export first to keep a copy.",
                p.cards.len(),
                p.history.len(),
                p.daily.len()
            )
        })
    };

    view! {
        <section class="data-controls" aria-labelledby="data-heading" data-testid="data-controls">
            <h2 id="data-heading">"Your data"</h2>
            <p>"Progress lives only in this browser. Export it to keep a copy or to move it to another browser."</p>
            <button type="button" data-testid="export" on:click=export>
                "Export progress (JSON)"
            </button>
            <form class="import" on:submit=import>
                <div class="field">
                    <label for="import-file">"Import a progress file"</label>
                    <input id="import-file" type="file" accept=".json,application/json" data-testid="import-file" node_ref=file_input/>
                </div>
                <fieldset>
                    <legend>"When importing"</legend>
                    <label class="radio">
                        <input
                            type="radio"
                            name="import-mode"
                            checked=true
                            on:change=move |_| mode.set(ImportMode::Merge)
                        />
                        "Merge with the progress here (the newer review of each item wins)"
                    </label>
                    <label class="radio">
                        <input
                            type="radio"
                            name="import-mode"
                            data-testid="import-replace"
                            on:change=move |_| mode.set(ImportMode::Replace)
                        />
                        "Replace the progress here"
                    </label>
                </fieldset>
                <button type="submit" data-testid="import">"Import"</button>
            </form>
            {move || {
                message
                    .get()
                    .map(|(ok, text)| {
                        view! {
                            <p class=if ok { "status-ok" } else { "error" } role=if ok { "status" } else { "alert" } data-testid="import-message">
                                {text}
                            </p>
                        }
                    })
            }}
            <div class="reset">
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" data-testid="reset" on:click=move |_| confirming.set(true)>
                                "Reset everything…"
                            </button>
                        }
                    }
                >
                    <div role="alertdialog" aria-labelledby="reset-question" aria-describedby="reset-detail" class="confirm">
                        <p id="reset-question"><strong>"Reset all progress?"</strong></p>
                        <p id="reset-detail">{summary}</p>
                        <button
                            type="button"
                            class="danger"
                            data-testid="reset-confirm"
                            on:click=move |_| {
                                store.reset();
                                confirming.set(false);
                                message.set(Some((true, "All progress was reset.".into())));
                            }
                        >
                            "Yes, delete my progress"
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </Show>
            </div>
        </section>
    }
}
