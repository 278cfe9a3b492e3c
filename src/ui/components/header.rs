use leptos::prelude::*;

use leptos_router::hooks::use_location;

use crate::routes::{Page, Route, APP_NAME};

/// The header on every page: the app's name and the navigation, built from [`Page::ALL`].
/// The link of the current section ([`Route::section`]) carries `aria-current="page"`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let pathname = use_location().pathname;
    let current = move |page: Page| {
        (Route::from_path(&pathname.read()).section() == Some(page)).then_some("page")
    };
    view! {
        <header class="site-header">
            <a href=Page::Home.path() class="brand" aria-current=move || current(Page::Home)>
                <span class="brand-mark" aria-hidden="true">"{ }"</span>
                {APP_NAME}
            </a>
            <nav aria-label="Main">
                <ul>
                    {Page::ALL
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <a href=page.path() aria-current=move || current(page)>
                                        {page.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
