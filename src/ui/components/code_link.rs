use leptos::prelude::*;

use crate::catalogue::status_code;
use crate::routes::code_path;

/// A link to a code's Reference entry: "409 Conflict". Codes not in the catalogue show as
/// the bare number, unlinked (the build guarantees the data names only catalogue codes).
#[component]
pub fn CodeLink(code: u16) -> impl IntoView {
    match status_code(code) {
        Some(c) => view! {
            <a href=code_path(code) class="code-link">
                <span class="code-number">{code}</span>
                " "
                {c.name}
            </a>
        }
        .into_any(),
        None => view! { <span class="code-number">{code}</span> }.into_any(),
    }
}

/// The registry status as a badge ("deprecated", "unused"...), nothing for registered codes.
#[component]
pub fn StatusBadge(status: crate::catalogue::RegistryStatus) -> impl IntoView {
    status
        .badge()
        .map(|label| view! { <span class="badge">{label}</span> })
}
