use leptos::prelude::*;

use super::download::download;
use crate::progress::storage;
use crate::ui::state::ProgressStore;

/// A storage problem, told in plain words at the top of every page until dismissed. When the
/// saved record was unreadable, it offers that data for download.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = ProgressStore::get();
    move || {
        store.notice.get().map(|text| {
            let damaged = store.damaged.get();
            view! {
                <div class="notice" role="alert" data-testid="storage-notice">
                    <p>{text}</p>
                    <div class="actions">
                        {damaged
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        data-testid="download-damaged"
                                        on:click=move |_| {
                                            if let Some(raw) = storage::read_backup() {
                                                if let Err(e) = download("http-study-damaged-progress.txt", &raw) {
                                                    store.notice.set(Some(e));
                                                }
                                            }
                                        }
                                    >
                                        "Download the damaged data"
                                    </button>
                                }
                            })}
                        <button type="button" data-testid="dismiss-notice" on:click=move |_| store.notice.set(None)>
                            {if damaged { "Start fresh" } else { "Dismiss" }}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
