use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::{BrowserUrl, LocationProvider};

use super::components::{theme_attribute, SiteHeader, StorageNotice};
use super::pages::{
    CodePage, HomePage, KeptLab, LabPage, MethodPage, MethodsPage, NotFoundPage, ProgressPage,
    QuizPage, ReferencePage, StudyPage,
};
use super::state::ProgressStore;
#[cfg(feature = "split")]
use super::use_page_title;
use crate::routes::{Page, Route};

/// The whole app: header, and the page the URL names.
#[component]
pub fn App() -> impl IntoView {
    let store = ProgressStore::provide();
    KeptLab::provide();
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
        Route::Page(Page::Lab) => lab_page(),
        Route::Page(Page::Reference) => view! { <ReferencePage/> }.into_any(),
        Route::Page(Page::Progress) => view! { <ProgressPage/> }.into_any(),
        Route::Methods => view! { <MethodsPage/> }.into_any(),
        Route::Method(name) => view! { <MethodPage raw=name/> }.into_any(),
        Route::Code(code) => view! { <CodePage raw=code/> }.into_any(),
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// The lab page. With the feature `split` (the app as Trunk builds it) its code is its own
/// wasm, fetched the first time the page opens (usually from the service worker, which
/// precaches it; on the lab's own address, with the app: see [`start`]). Meanwhile the page
/// says it is loading; if the lab cannot be fetched (offline before the worker had it), it
/// says so and offers to try again. The parts of the lab other pages use (the challenges'
/// names, the learner's standing) stay in the main wasm.
#[cfg(feature = "split")]
fn lab_page() -> AnyView {
    let attempt = RwSignal::new(0u32);
    let fallback =
        || view! { <p class="page loading-text" role="status">"Loading the lab\u{2026}"</p> };
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match lab_view().await {
                        Ok(lab) => lab,
                        Err(_) => view! { <LabNotLoaded attempt/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The lab's own wasm: everything only the lab page uses. (Leptos's `#[lazy]` makes the same
/// split point, but one that ends the app when the wasm cannot be fetched.)
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    lab_view,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_lab)
)]
fn lab_view() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <LabPage/> }.into_any())
}

/// What the lab page says when its wasm could not be fetched.
#[cfg(feature = "split")]
#[component]
fn LabNotLoaded(attempt: RwSignal<u32>) -> impl IntoView {
    use_page_title(Page::Lab.label());
    view! {
        <section class="page lab" aria-labelledby="page-heading">
            <h1 id="page-heading">"HTTP lab"</h1>
            <p role="alert" data-testid="lab-not-loaded">
                "The lab could not be loaded. It is fetched the first time you open it, and this "
                "device seems to be offline. The rest of the app works offline; try again once "
                "you are connected."
            </p>
            <button type="button" class="primary" on:click=move |_| attempt.update(|n| *n += 1)>
                "Try again"
            </button>
        </section>
    }
}

/// The lab page, in builds without the split (tests, the pages written at build time).
#[cfg(not(feature = "split"))]
fn lab_page() -> AnyView {
    view! { <LabPage/> }.into_any()
}

/// Starts the app in the page: on the lab's address, once the lab's wasm is in (or could not
/// be fetched), so that the lab shows at once instead of a line saying it is loading.
pub fn start() {
    let mount = || {
        leptos::mount::mount_to_body(App);
        super::remove_loading_shell();
    };
    #[cfg(feature = "split")]
    if Route::from_path(&window().location().pathname().unwrap_or_default())
        == Route::Page(Page::Lab)
    {
        // Before the mount, Leptos's executor is not set up yet: wasm-bindgen's runs this.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = preload_lab().await; // a failure shows on the page (LabNotLoaded)
            mount();
        });
        return;
    }
    mount();
}
