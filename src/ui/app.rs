use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};

use super::components::{theme_attribute, SiteHeader, StorageNotice};
use super::pages::{
    CodePage, HomePage, LabPage, MethodPage, MethodsPage, NotFoundPage, ProgressPage, QuizPage,
    ReferencePage, StudyPage,
};
use super::state::ProgressStore;
use crate::routes::{Page, Route};

/// The whole app: header, and the page the URL names.
#[component]
pub fn App() -> impl IntoView {
    let store = ProgressStore::provide();
    // The theme setting: `data-theme` on <html> overrides the system's preference.
    Effect::new(move |_| {
        let theme = store.settings().with(|s| s.theme());
        if let Some(root) = document().document_element() {
            let _ = match theme_attribute(theme) {
                Some(value) => root.set_attribute("data-theme", value),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
    view! { <AppBody/> }
}

/// What the app shows: the header and the page the URL names, with the progress store taken
/// from context. [`App`] provides the browser's store; the pages written at build time
/// (`ui::prerender`) provide a new learner's and render this same component.
#[component]
pub fn AppBody() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <StorageNotice/>
                <CurrentPage/>
            </main>
        </Router>
    }
}

/// The page the URL names, read with [`Route::from_path`] (the one table of paths in
/// `routes.rs`): the router keeps the location and the history, and this picks the page. (The
/// router's own route matching cost about 32 KB gzip of wasm for these eight paths.)
#[component]
fn CurrentPage() -> impl IntoView {
    let pathname = use_location().pathname;
    let route = Memo::new(move |_| Route::from_path(&pathname.get()));
    // The router keeps the browser's history only in the browser: a page rendered to HTML at
    // build time has none, and no first tap.
    if let Some(history) = use_context::<BrowserUrl>() {
        // A link's navigation changes the location first and the address bar once the new
        // page is in place; the router's route matching would say when, so this does. Effects
        // run after the view has been updated.
        Effect::new(move |_| {
            pathname.track();
            history.ready_to_complete();
        });
        // A tap on the first screen before the app ran: open what was tapped.
        if let Some(path) = super::take_first_tap() {
            let navigate = use_navigate();
            request_animation_frame(move || navigate(&path, Default::default()));
        }
    }
    move || match route.get() {
        Route::Page(Page::Home) => view! { <HomePage/> }.into_any(),
        Route::Page(Page::Study) => view! { <StudyPage/> }.into_any(),
        Route::Page(Page::Quiz) => view! { <QuizPage/> }.into_any(),
        Route::Page(Page::Lab) => view! { <LabPage/> }.into_any(),
        Route::Page(Page::Reference) => view! { <ReferencePage/> }.into_any(),
        Route::Page(Page::Progress) => view! { <ProgressPage/> }.into_any(),
        Route::Methods => view! { <MethodsPage/> }.into_any(),
        Route::Method(name) => view! { <MethodPage raw=name/> }.into_any(),
        Route::Code(code) => view! { <CodePage raw=code/> }.into_any(),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}
