use leptos::prelude::*;

use crate::ui::use_page_title;

/// The page for a URL that names something the catalogue does not hold (a code number that
/// is not registered, text that is no number, a method that does not exist): its title, a
/// heading that says so, and the explanation given as children.
#[component]
pub fn NotInCatalogue(title: String, heading: String, children: Children) -> impl IntoView {
    use_page_title(&title);
    view! {
        <article class="page not-registered" aria-labelledby="page-heading" data-testid="not-registered">
            <h1 id="page-heading">{heading}</h1>
            {children()}
        </article>
    }
}
