use leptos::prelude::*;

use crate::routes::Page;
use crate::ui::components::ComingSoon;

/// The Reference page. Its content arrives with a later issue; until then it says what is coming.
#[component]
pub fn ReferencePage() -> impl IntoView {
    view! {
        <ComingSoon
            page=Page::Reference
            what="The reference is on its way: every registered status code and the nine methods, searchable, each with its RFC section."
        />
    }
}
