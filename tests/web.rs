//! Component tests in a real browser: `cargo test --target wasm32-unknown-unknown`
//! (./test.sh sets wasm-bindgen-test-runner and Debian's chromedriver up for it).
#![cfg(target_arch = "wasm32")]

use http_study::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for the browser to run pending work (Leptos renders route changes asynchronously).
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .expect("setTimeout");
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("timer");
    }
}

/// Mounts the app at `path` into a fresh container and returns the container.
async fn mount_app_at(path: &str) -> HtmlElement {
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
    let container: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    settle().await;
    container
}

fn heading(container: &HtmlElement) -> String {
    container
        .query_selector("h1")
        .expect("query")
        .map(|h| h.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn nav_link(container: &HtmlElement, label: &str) -> HtmlElement {
    let links = container.query_selector_all("nav a").expect("query");
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|a| a.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no nav link labelled {label}"))
}

#[wasm_bindgen_test]
async fn the_header_lists_every_section_in_order() {
    let container = mount_app_at("/").await;
    let links = container.query_selector_all("nav a").expect("query");
    let labels: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["Home", "Study", "Quiz", "Reference", "Progress"]);
    let home = nav_link(&container, "Home");
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
    assert_eq!(home.get_attribute("aria-current").as_deref(), Some("page"));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_nav_link_changes_the_page_the_title_and_the_current_link() {
    let container = mount_app_at("/").await;
    assert_eq!(heading(&container), "Learn HTTP status codes and methods");

    nav_link(&container, "Quiz").click();
    settle().await;

    assert_eq!(window().location().pathname().unwrap(), "/quiz");
    assert_eq!(heading(&container), "Quiz");
    assert_eq!(document().title(), "Quiz · HTTP Study");
    assert_eq!(
        nav_link(&container, "Quiz")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        nav_link(&container, "Home").get_attribute("aria-current"),
        None
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_the_not_found_page_with_a_way_home() {
    let container = mount_app_at("/no-such-page").await;
    assert_eq!(heading(&container), "Page not found");
    let page = container
        .query_selector("[data-testid=not-found]")
        .expect("query")
        .expect("not-found page");
    assert!(page.text_content().unwrap().contains("/no-such-page"));
    let home_link = page.query_selector("a[href='/']").expect("query");
    assert!(home_link.is_some(), "the not-found page links home");
    container.remove();
}
