use leptos::prelude::*;

use crate::routes::Page;
use crate::ui::use_page_title;

/// A page whose content a later release delivers: its heading, and one line on what is coming.
#[component]
pub fn ComingSoon(page: Page, what: &'static str) -> impl IntoView {
    use_page_title(page.label());
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">{page.label()}</h1>
            <p class="coming">{what}</p>
        </section>
    }
}
