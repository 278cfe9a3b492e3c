use leptos::prelude::*;

use crate::progress::{NumberSetting, Theme};
use crate::ui::state::ProgressStore;

/// The choices FSRS offers for desired retention, as the learner sees them.
/// Short, so that the chosen one fits a phone's field; the hint below says what they mean.
const RETENTIONS: [(f64, &str); 4] = [
    (0.80, "80 %"),
    (0.85, "85 %"),
    (0.90, "90 % (FSRS's usual)"),
    (0.95, "95 % (the default)"),
];

const THEMES: [(Theme, &str, &str); 3] = [
    (Theme::System, "system", "Follow the system"),
    (Theme::Light, "light", "Light"),
    (Theme::Dark, "dark", "Dark"),
];

/// The `data-theme` value for a theme (`None`: follow the system).
pub fn theme_attribute(theme: Theme) -> Option<&'static str> {
    match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    }
}

/// The learner's settings, saved as they change. What is typed is checked by the domain
/// ([`NumberSetting::parse`]): a value out of range, not whole, or empty is not saved, and the
/// field says why.
#[component]
pub fn SettingsForm() -> impl IntoView {
    let store = ProgressStore::get();
    let settings = store.settings();
    view! {
        <section class="settings" aria-labelledby="settings-heading" data-testid="settings">
            <h2 id="settings-heading">"Settings"</h2>
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                {NumberSetting::ALL.map(|field| view! { <NumberField field/> }).collect_view()}
                <div class="field">
                    <label for="retention">"Desired retention"</label>
                    <select
                        id="retention"
                        data-testid="retention"
                        aria-describedby="retention-hint"
                        on:change=move |ev| {
                            // Options carry their index: reading a float from text would cost the
                            // wasm a float parser for one field.
                            let chosen = event_target_value(&ev).parse::<usize>().ok();
                            if let Some(&(r, _)) = chosen.and_then(|i| RETENTIONS.get(i)) {
                                store.update_settings(move |s| s.set_desired_retention(r));
                            }
                        }
                    >
                        {RETENTIONS
                            .iter()
                            .enumerate()
                            .map(|(i, (r, label))| {
                                let r = *r;
                                view! {
                                    <option
                                        value=i.to_string()
                                        selected=move || settings.with(|s| (s.desired_retention() - r).abs() < 0.001)
                                    >
                                        {*label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="field-hint" id="retention-hint">
                        "The share of reviews you should get right. Higher: more reviews, less forgetting; lower: fewer reviews, more forgetting."
                    </p>
                </div>
                <div class="field">
                    <label for="theme">"Theme"</label>
                    <select
                        id="theme"
                        data-testid="theme"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some((t, _, _)) = THEMES.iter().find(|(_, id, _)| *id == value) {
                                let t = *t;
                                store.update_settings(move |s| s.set_theme(t));
                            }
                        }
                    >
                        {THEMES
                            .iter()
                            .map(|(t, id, label)| {
                                let t = *t;
                                view! {
                                    <option value=*id selected=move || settings.with(|s| s.theme() == t)>
                                        {*label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>
        </section>
    }
}

/// A whole-number setting: saved when what is typed is one the domain takes, otherwise the
/// field keeps the text and says why (and the saved value stays as it was).
#[component]
fn NumberField(field: NumberSetting) -> impl IntoView {
    let store = ProgressStore::get();
    let settings = store.settings();
    let error = RwSignal::new(None::<String>);
    let id = field.id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let range = field.range();
    view! {
        <div class="field">
            <label for=id>{field.label()}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                data-testid=id
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || settings.with(|s| s.number(field).to_string())
                on:change=move |ev| {
                    match field.parse(&event_target_value(&ev)) {
                        Ok(n) => {
                            error.set(None);
                            store.update_settings(move |s| s.set_number(field, n));
                        }
                        Err(e) => error.set(Some(e.to_string())),
                    }
                }
            />
            <p class="field-hint" id=hint_id>
                {format!("{} From {} to {}.", field.hint(), range.start(), range.end())}
            </p>
            <p class="field-error" id=error_id role="status" data-testid=format!("{id}-error")>
                {move || error.get()}
            </p>
        </div>
    }
}
