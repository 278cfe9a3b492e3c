use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::StaticSegment;

use super::components::SiteHeader;
use super::pages::{HomePage, NotFoundPage, ProgressPage, QuizPage, ReferencePage, StudyPage};
use crate::routes::Page;

/// The whole app: header, and the page the URL names.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment(Page::Home.segment()) view=HomePage/>
                    <Route path=StaticSegment(Page::Study.segment()) view=StudyPage/>
                    <Route path=StaticSegment(Page::Quiz.segment()) view=QuizPage/>
                    <Route path=StaticSegment(Page::Reference.segment()) view=ReferencePage/>
                    <Route path=StaticSegment(Page::Progress.segment()) view=ProgressPage/>
                </Routes>
            </main>
        </Router>
    }
}
