use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

use super::components::{theme_attribute, SiteHeader, StorageNotice};
use super::pages::{
    CodePage, HomePage, MethodPage, MethodsPage, NotFoundPage, ProgressPage, QuizPage,
    ReferencePage, StudyPage,
};
use super::state::ProgressStore;
use crate::routes::{Page, METHODS_SEGMENT};

const REFERENCE: &str = Page::Reference.segment();

/// The whole app: header, and the page the URL names.
#[component]
pub fn App() -> impl IntoView {
    let store = ProgressStore::provide();
    // The theme setting: `data-theme` on <html> overrides the system's preference.
    Effect::new(move |_| {
        let theme = store.with(|p| p.settings.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme_attribute(theme) {
                Some(value) => root.set_attribute("data-theme", value),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <StorageNotice/>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment(Page::Home.segment()) view=HomePage/>
                    <Route path=StaticSegment(Page::Study.segment()) view=StudyPage/>
                    <Route path=StaticSegment(Page::Quiz.segment()) view=QuizPage/>
                    <Route path=StaticSegment(Page::Reference.segment()) view=ReferencePage/>
                    <Route path=StaticSegment(Page::Progress.segment()) view=ProgressPage/>
                    // The methods routes come before `:code` so that "methods" is never read as a code.
                    <Route
                        path=(StaticSegment(REFERENCE), StaticSegment(METHODS_SEGMENT))
                        view=MethodsPage
                    />
                    <Route
                        path=(
                            StaticSegment(REFERENCE),
                            StaticSegment(METHODS_SEGMENT),
                            ParamSegment("name"),
                        )
                        view=MethodPage
                    />
                    <Route path=(StaticSegment(REFERENCE), ParamSegment("code")) view=CodePage/>
                </Routes>
            </main>
        </Router>
    }
}
