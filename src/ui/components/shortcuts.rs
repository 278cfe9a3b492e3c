use leptos::ev;
use leptos::prelude::*;

/// Listens for key presses on the whole page while the calling component is shown.
/// Presses inside text fields, with Ctrl, Alt or Meta held, and Enter or Space on a focused
/// button or link (which activate it) are left alone. A disabled or read-only field or button
/// (an answered question's input and options) takes no keys, so its presses reach the handler:
/// otherwise Enter after a typed answer would be lost whenever the focus had not yet moved on.
pub fn use_keys(handler: impl Fn(&web_sys::KeyboardEvent) + 'static) {
    // A page rendered to HTML at build time (natively: `ui::prerender`) has no window to listen
    // on, and no key to hear.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let inert = target
            .as_ref()
            .is_some_and(|el| el.has_attribute("disabled") || el.has_attribute("readonly"));
        let tag = target
            .filter(|_| !inert)
            .map(|el| el.tag_name())
            .unwrap_or_default();
        let in_field = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
        // Enter and Space on a focused button or link already activate it.
        let activates =
            matches!(tag.as_str(), "BUTTON" | "A") && matches!(ev.key().as_str(), "Enter" | " ");
        if !in_field && !activates {
            handler(&ev);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The list of keyboard shortcuts, opened with `?` or its button.
#[component]
pub fn ShortcutsHelp(
    open: RwSignal<bool>,
    keys: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <div class="shortcuts">
            <button
                type="button"
                class="link-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="shortcuts-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Keyboard shortcuts (?)"
            </button>
            <Show when=move || open.get()>
                <dl id="shortcuts-list" class="shortcut-list" data-testid="shortcuts">
                    {keys
                        .iter()
                        .map(|(key, what)| {
                            view! {
                                <dt>
                                    <kbd>{*key}</kbd>
                                </dt>
                                <dd>{*what}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
            </Show>
        </div>
    }
}
