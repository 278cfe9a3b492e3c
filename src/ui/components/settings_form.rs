use leptos::prelude::*;

use crate::progress::{Settings, Theme};
use crate::ui::state::ProgressStore;

/// The choices FSRS offers for desired retention, as the learner sees them.
const RETENTIONS: [(f64, &str); 4] = [
    (0.80, "80 % — fewer reviews, more forgetting"),
    (0.85, "85 %"),
    (0.90, "90 % — the usual choice"),
    (0.95, "95 % — more reviews, less forgetting"),
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
    let settings = move || store.with(|p| p.settings.clone());
    let change = move |f: Box<dyn FnOnce(&mut Settings)>| store.update_settings(f);
    view! {
        <section class="settings" aria-labelledby="settings-heading" data-testid="settings">
            <h2 id="settings-heading">"Settings"</h2>
            <form class="settings-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="new-per-day">"New items a day"</label>
                    <input
                        id="new-per-day"
                        type="number"
                        min="0"
                        max="100"
                        data-testid="new-per-day"
                        prop:value=move || settings().new_per_day.to_string()
                        on:change=move |ev| {
                            if let Some(n) = bounded(&event_target_value(&ev), 0, 100) {
                                change(Box::new(move |s| s.new_per_day = n));
                            }
                        }
                    />
                </div>
                <div class="field">
                    <label for="daily-goal">"Daily goal (answers)"</label>
                    <input
                        id="daily-goal"
                        type="number"
                        min="1"
                        max="1000"
                        data-testid="daily-goal"
                        prop:value=move || settings().daily_goal.to_string()
                        on:change=move |ev| {
                            if let Some(n) = bounded(&event_target_value(&ev), 1, 1000) {
                                change(Box::new(move |s| s.daily_goal = n));
                            }
                        }
                    />
                </div>
                <div class="field">
                    <label for="retention">"Desired retention"</label>
                    <select
                        id="retention"
                        data-testid="retention"
                        on:change=move |ev| {
                            if let Ok(r) = event_target_value(&ev).parse::<f64>() {
                                change(Box::new(move |s| s.desired_retention = r));
                            }
                        }
                    >
                        {RETENTIONS
                            .iter()
                            .map(|(r, label)| {
                                let r = *r;
                                view! {
                                    <option
                                        value=r.to_string()
                                        selected=move || (settings().desired_retention - r).abs() < 0.001
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
                                change(Box::new(move |s| s.theme = t));
                            }
                        }
                    >
                        {THEMES
                            .iter()
                            .map(|(t, id, label)| {
                                let t = *t;
                                view! {
                                    <option value=*id selected=move || settings().theme == t>
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
