use leptos::prelude::*;

use crate::catalogue::Citation;

/// "RFC 9110 §15.5.10", linked to the section where the document has a known home.
#[component]
pub fn Cite(cite: Citation) -> impl IntoView {
    match cite.url() {
        Some(url) => view! {
            <a class="cite" href=url rel="external noopener noreferrer" target="_blank">
                {cite.to_string()}
                <span class="visually-hidden">" (opens the specification in a new tab)"</span>
            </a>
        }
        .into_any(),
        None => view! { <span class="cite">{cite.to_string()}</span> }.into_any(),
    }
}
