use leptos::prelude::*;

use crate::progress::{Settings, Theme};
use crate::ui::state::ProgressStore;

/// The choices FSRS offers for desired retention, as the learner sees them.
const RETENTIONS: [(f64, &str); 4] = [
    (0.80, "80 % — fewer reviews, more forgetting"),
    (0.85, "85 %"),
    (0.90, "90 % — FSRS's usual choice"),
    (0.95, "95 % — the default: more reviews, less forgetting"),
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

/// A number typed into a settings field, kept within `min..=max`; `None` when it is not a number.
fn bounded(text: &str, min: u32, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().map(|n| n.clamp(min, max))
}

/// The learner's settings, saved as they change.
#[component]
pub fn SettingsForm() -> impl IntoView {
    let store = ProgressStore::get();
    let settings = move || store.with(|p| p.settings().clone());
    let change = move |f: Box<dyn FnOnce(&mut Settings)>| store.update_settings(f);
    view! {
        <section class="settings" aria-labelledby="settings-heading" data-testid="settings">
            <h2 id="settings-heading">"Settings"</h2>
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                <NumberSetting
                    id="new-per-day"
                    label="New items a day"
                    range=(0, 100)
                    value=Signal::derive(move || settings().new_per_day())
                    on_change=Callback::new(move |n| change(Box::new(move |s| s.set_new_per_day(n))))
                />
                <NumberSetting
                    id="daily-goal"
                    label="Daily goal (answers)"
                    range=(1, 1000)
                    value=Signal::derive(move || settings().daily_goal())
                    on_change=Callback::new(move |n| change(Box::new(move |s| s.set_daily_goal(n))))
                />
                <div class="field">
                    <label for="retention">"Desired retention"</label>
                    <select
                        id="retention"
                        data-testid="retention"
                        on:change=move |ev| {
                            // Options carry their index: reading a float from text would cost the
                            // wasm a float parser for one field.
                            let chosen = event_target_value(&ev).parse::<usize>().ok();
                            if let Some(&(r, _)) = chosen.and_then(|i| RETENTIONS.get(i)) {
                                change(Box::new(move |s| s.set_desired_retention(r)));
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
                                        selected=move || (settings().desired_retention() - r).abs() < 0.001
                                    >
                                        {*label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
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
                                change(Box::new(move |s| s.set_theme(t)));
                            }
                        }
                    >
                        {THEMES
                            .iter()
                            .map(|(t, id, label)| {
                                let t = *t;
                                view! {
                                    <option value=*id selected=move || settings().theme() == t>
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

/// A whole-number setting; what is typed is kept within `range`, and text that is no number
/// is ignored.
#[component]
fn NumberSetting(
    id: &'static str,
    label: &'static str,
    range: (u32, u32),
    value: Signal<u32>,
    on_change: Callback<u32>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                min=range.0.to_string()
                max=range.1.to_string()
                data-testid=id
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    if let Some(n) = bounded(&event_target_value(&ev), range.0, range.1) {
                        on_change.run(n);
                    }
                }
            />
        </div>
    }
}
