use leptos::prelude::*;

use super::download::download;
use crate::progress::keeper::ImportMode;
use crate::ui::state::{moment, ProgressStore};

/// Export, import and reset of all progress, and the backups of unreadable progress.
#[component]
pub fn DataControls() -> impl IntoView {
    let store = ProgressStore::get();
    let mode = RwSignal::new(ImportMode::Merge);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let file_input = NodeRef::<leptos::html::Input>::new();

    let export = move |_| {
        let name = format!("http-study-progress-{}.json", moment().day());
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
            message.set(Some(match text {
                Some(text) => match store.import(&text, chosen) {
                    Ok(done) => (true, done.to_string()),
                    Err(e) => (false, e.to_string()),
                },
                None => (
                    false,
                    "This file could not be read as text. Your progress is unchanged.".into(),
                ),
            }));
        });
    };
    let summary = store.derive(|p, _| {
        format!(
            "This deletes the schedule of {} items, the record of {} answers and your settings, in every tab of this browser. It cannot be undone; export first to keep a copy.",
            p.cards().len(),
            p.answer_count(),
        )
    });

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
                        "Merge with the progress here (every answer counts once; the newer review of each item wins)"
                    </label>
                    <label class="radio">
                        <input
                            type="radio"
                            name="import-mode"
                            data-testid="import-replace"
                            on:change=move |_| mode.set(ImportMode::Replace)
                        />
                        "Replace the progress here (in every open tab)"
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
                            <button
                                type="button"
                                data-testid="reset"
                                on:click=move |_| {
                                    confirming.set(true);
                                    // The question takes the focus (on its safe answer), so that
                                    // it is read out and answered without a search.
                                    request_animation_frame(move || {
                                        if let Some(el) = cancel_ref.get_untracked() {
                                            let _ = el.focus();
                                        }
                                    });
                                }
                            >
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
                        <button type="button" data-testid="reset-cancel" node_ref=cancel_ref on:click=move |_| confirming.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </div>
            <Backups message/>
        </section>
    }
}

/// The backups of stored progress that could not be read, dated, to download.
#[component]
fn Backups(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let store = ProgressStore::get();
    move || {
        let backups = store.backups();
        (!backups.is_empty()).then(|| {
            view! {
                <div class="backups" data-testid="backups">
                    <h3>"Backups of unreadable progress"</h3>
                    <p>"When saved progress could not be read, a copy was kept in this browser. Together they may use 1 MB; beyond that the oldest are deleted to make room for newer ones."</p>
                    <ul>
                        {backups
                            .into_iter()
                            .map(|b| {
                                let name = if b.made.is_empty() {
                                    "Backup from an earlier version of the app".to_string()
                                } else {
                                    format!("Backup {}, made {}", b.number, b.made)
                                };
                                let size = b.size_text();
                                let for_download = b.clone();
                                let for_delete = b.clone();
                                view! {
                                    <li data-testid="backup">
                                        <span>{format!("{name} ({size})")}</span>
                                        " "
                                        <button
                                            type="button"
                                            aria-label=format!("Download {name}")
                                            on:click=move |_| {
                                                let text = store.read_backup(&for_download).unwrap_or_default();
                                                if let Err(e) = download(&for_download.file_name(), &text) {
                                                    message.set(Some((false, e)));
                                                }
                                            }
                                        >
                                            "Download"
                                        </button>
                                        " "
                                        <button
                                            type="button"
                                            data-testid="delete-backup"
                                            aria-label=format!("Delete {name}")
                                            on:click=move |_| {
                                                if let Err(e) = store.delete_backup(&for_delete) {
                                                    message.set(Some((false, format!("The backup could not be deleted: {e}."))));
                                                }
                                            }
                                        >
                                            "Delete"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
