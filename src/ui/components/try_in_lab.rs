//! "Try it in the lab" on a code's or a method's Reference page: the lab's challenges that
//! teach it, each a link that opens it.

use leptos::prelude::*;

use crate::lab::Challenge;
use crate::routes::lab_challenge_path;

/// The challenges that teach what the page is about; nothing when there are none.
#[component]
pub fn TryInLab(challenges: Vec<&'static Challenge>) -> impl IntoView {
    (!challenges.is_empty()).then(|| {
        view! {
            <section aria-labelledby="lab-heading" data-testid="try-in-lab">
                <h2 id="lab-heading">"Try it in the lab"</h2>
                <p>"Send real requests to a server in this page until it answers this way."</p>
                <ul>
                    {challenges
                        .into_iter()
                        .map(|c| view! { <li><a href=lab_challenge_path(c.id)>{c.goal}</a></li> })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
