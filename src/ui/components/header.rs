use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::{Page, APP_NAME};

/// The header on every page: the app's name and the navigation, built from [`Page::ALL`].
/// The router marks the link of the current section with `aria-current="page"`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=Page::Home.path() attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"{ }"</span>
                {APP_NAME}
            </A>
            <nav aria-label="Main">
                <ul>
                    {Page::ALL
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <A href=page.path() exact=page == Page::Home>
                                        {page.label()}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
