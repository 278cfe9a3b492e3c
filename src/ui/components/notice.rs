use leptos::prelude::*;

use crate::ui::state::ProgressStore;

/// A storage problem, told in plain words at the top of every page until dismissed.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = ProgressStore::get();
    move || {
        store.notice.get().map(|text| {
            view! {
                <div class="notice" role="alert" data-testid="storage-notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| store.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
