use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::routes::{percent_decode, Page};
use crate::ui::use_page_title;

/// Shown for any path that names no page, with the path itself (as text) and a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title("Page not found");
    let path = use_location().pathname;
    // Shown as the learner typed it: `/reference/4o4`, not `/reference/4o4%20`-style escapes.
    let shown = move || percent_decode(&path.get());
    view! {
        <section class="page" aria-labelledby="page-heading" data-testid="not-found">
            <h1 id="page-heading">"Page not found"</h1>
            <p>
                "There is no page at " <code>{shown}</code>
                ". The link may be mistyped, or the page may have moved."
            </p>
            <p>
                <a href=Page::Home.path()>"Go to the home page"</a>
            </p>
        </section>
    }
}
