use leptos::prelude::*;

use crate::routes::Page;
use crate::ui::components::ComingSoon;

/// The Progress page. Its content arrives with a later issue; until then it says what is coming.
#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <ComingSoon
            page=Page::Progress
            what="Your progress will show here: what is due, your streak, and charts of what you have mastered."
        />
    }
}
