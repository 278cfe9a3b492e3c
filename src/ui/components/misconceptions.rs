use leptos::prelude::*;

use crate::catalogue::Misconception;
use crate::ui::components::Cite;

/// "Common misconceptions": each wrong claim, then the truth with its section. Nothing when empty.
#[component]
pub fn MisconceptionList(items: Vec<&'static Misconception>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="myths-heading">
                <h2 id="myths-heading">"Common misconceptions"</h2>
                <ul class="misconceptions">
                    {items
                        .into_iter()
                        .map(|m| {
                            view! {
                                <li>
                                    <p>
                                        <strong>"Myth: "</strong>
                                        {m.claim}
                                    </p>
                                    <p>
                                        <strong>"In fact: "</strong>
                                        {m.truth}
                                        " "
                                        <Cite cite=m.cite/>
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
