use crate::routes::document_title;

/// Sets the browser tab's title for the page being rendered: "Quiz · HTTP Study".
///
/// Called once from each page component; in client-side rendering a page's body runs when
/// the page is shown, so the title follows navigation without a separate effect.
pub fn use_page_title(heading: &str) {
    let title = document_title(heading);
    // Rendered to HTML at build time there is no document: the title goes to the page written.
    #[cfg(feature = "prerender")]
    if let Some(slot) = leptos::prelude::use_context::<super::prerender::PageTitle>() {
        slot.set(title);
        return;
    }
    leptos::prelude::document().set_title(&title);
}
