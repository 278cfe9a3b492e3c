//! The request editor: method, target, header rows, body, and the request as text, all views
//! of one [`Draft`]; a change in any of them shows at once in the others.

use leptos::prelude::*;

use super::{focus_later, LabState};
use crate::lab::{common_header_names, Draft, METHODS};
use crate::ui::state::ProgressStore;

/// The editor, as a form: sending it sends the request (Ctrl+Enter sends from anywhere in it).
#[component]
pub fn Editor(state: LabState) -> impl IntoView {
    let store = ProgressStore::get();
    let draft = state.draft;
    let text = Memo::new(move |_| draft.with(Draft::to_text));
    let method = Memo::new(move |_| draft.with(|d| d.method().to_string()));
    let rows = Memo::new(move |_| draft.with(Draft::header_count));
    let unread = Memo::new(move |_| draft.with(Draft::unread));
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.send(store);
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            state.send(store);
        }
    };
    view! {
        <form class="lab-editor" aria-labelledby="request-heading" on:submit=send on:keydown=keys data-testid="lab-editor">
            <h2 id="request-heading">"Request"</h2>
            <div class="lab-line">
                <div class="field lab-method">
                    <label for="lab-method">"Method"</label>
                    <select
                        id="lab-method"
                        on:change=move |ev| draft.update(|d| d.set_method(&event_target_value(&ev)))
                    >
                        {move || {
                            let current = method.get();
                            let mut names: Vec<String> = METHODS.iter().map(|m| m.to_string()).collect();
                            if !names.contains(&current) {
                                names.push(current.clone());
                            }
                            names
                                .into_iter()
                                .map(|m| {
                                    let selected = m == current;
                                    view! { <option value=m.clone() selected=selected>{m.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="lab-target">"Target"</label>
                    <input
                        id="lab-target"
                        type="text"
                        autocapitalize="off"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || draft.with(|d| d.target().to_string())
                        on:input=move |ev| draft.update(|d| d.set_target(&event_target_value(&ev)))
                    />
                </div>
            </div>
            <fieldset class="lab-headers">
                <legend>"Headers"</legend>
                {move || (0..rows.get()).map(|i| header_row(draft, i)).collect_view()}
                <button
                    type="button"
                    id="lab-add-header"
                    on:click=move |_| {
                        draft.update(|d| d.add_header("", ""));
                        let i = draft.with_untracked(Draft::header_count) - 1;
                        focus_later(format!("lab-h-name-{i}"));
                    }
                >
                    "Add a header"
                </button>
            </fieldset>
            <datalist id="lab-header-names">
                {common_header_names().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <div class="field">
                <label for="lab-body">"Body"</label>
                <textarea
                    id="lab-body"
                    rows="3"
                    spellcheck="false"
                    prop:value=move || draft.with(|d| d.body().to_string())
                    on:input=move |ev| draft.update(|d| d.set_body(&event_target_value(&ev)))
                ></textarea>
            </div>
            <button type="button" on:click=move |_| {
                draft.update(|d| {
                    d.set_content_length();
                });
            }>
                "Set Content-Length to the body’s size"
            </button>
            <div class="field lab-raw">
                <label for="lab-raw">"The request as text"</label>
                <p id="lab-raw-help" class="hint">
                    "Edit it here or in the fields above: both stay in step. The server reads exactly this text."
                </p>
                <textarea
                    id="lab-raw"
                    rows="7"
                    spellcheck="false"
                    autocapitalize="off"
                    aria-describedby="lab-raw-help lab-unread"
                    data-testid="lab-raw"
                    prop:value=move || text.get()
                    on:input=move |ev| draft.set(Draft::from_text(&event_target_value(&ev)))
                ></textarea>
            </div>
            <ul id="lab-unread" class="hint" data-testid="lab-unread">
                {move || unread.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <button type="submit" class="primary big" data-testid="lab-send">"Send"</button>
        </form>
    }
}

/// Header row `i`: its name (with the common names to pick from), its value, and Remove.
fn header_row(draft: RwSignal<Draft>, i: usize) -> impl IntoView {
    let n = i + 1;
    let name_id = format!("lab-h-name-{i}");
    let value_id = format!("lab-h-value-{i}");
    let name = move || draft.with(|d| d.header(i).map_or(String::new(), |(n, _)| n.to_string()));
    let value = move || draft.with(|d| d.header(i).map_or(String::new(), |(_, v)| v.to_string()));
    view! {
        <div class="lab-header-row">
            <label class="visually-hidden" for=name_id.clone()>{format!("Header {n} name")}</label>
            <input
                id=name_id
                type="text"
                list="lab-header-names"
                autocapitalize="off"
                autocomplete="off"
                spellcheck="false"
                placeholder="Name"
                prop:value=name
                on:input=move |ev| draft.update(|d| d.set_header_name(i, &event_target_value(&ev)))
            />
            <label class="visually-hidden" for=value_id.clone()>{format!("Header {n} value")}</label>
            <input
                id=value_id
                type="text"
                autocapitalize="off"
                autocomplete="off"
                spellcheck="false"
                placeholder="Value"
                prop:value=value
                on:input=move |ev| draft.update(|d| d.set_header_value(i, &event_target_value(&ev)))
            />
            <button
                type="button"
                aria-label=move || format!("Remove header {n} ({})", name())
                on:click=move |_| {
                    draft.update(|d| d.remove_header(i));
                    focus_later("lab-add-header".to_string());
                }
            >
                "Remove"
            </button>
        </div>
    }
}
