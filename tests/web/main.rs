//! Component tests in a real browser: `cargo test --target wasm32-unknown-unknown`
//! (./test.sh sets wasm-bindgen-test-runner and Debian's chromedriver up for it).
#![cfg(target_arch = "wasm32")]

mod lab;
mod progress;
mod quiz;
mod reference;
mod shell;
mod storage;
mod study;

use http_study::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for the browser to run pending work (Leptos renders route changes asynchronously).
pub async fn settle() {
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

/// Waits (up to two seconds) until `done` holds; false if it never does.
pub async fn wait_until(done: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        settle().await;
    }
    done()
}

thread_local! {
    /// The one app of this test page. Every test shares it: a page has one router, as in
    /// real use, and tests move it around as the browser's back and forward buttons do.
    static APP: std::cell::RefCell<Option<HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Moves the router to `path` the way back/forward does: a history entry and a popstate event.
fn go(path: &str) {
    window()
        .history()
        .expect("history")
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("pushState");
    let event = web_sys::PopStateEvent::new("popstate").expect("popstate");
    window().dispatch_event(&event).expect("dispatch");
}

/// The app showing `path`, freshly rendered (it passes through the home page first, so no
/// state of an earlier test's page is left). Mounts the app on first use.
pub async fn mount_app_at(path: &str) -> HtmlElement {
    let existing = APP.with(|app| app.borrow().clone());
    let root = match existing {
        Some(root) => {
            go("/");
            settle().await;
            go(path);
            root
        }
        None => {
            window()
                .history()
                .expect("history")
                .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
                .expect("replaceState");
            let root: HtmlElement = document()
                .create_element("div")
                .expect("div")
                .unchecked_into();
            document()
                .body()
                .expect("body")
                .append_child(&root)
                .expect("append");
            leptos::mount::mount_to(root.clone(), App).forget();
            APP.with(|app| *app.borrow_mut() = Some(root.clone()));
            root
        }
    };
    settle().await;
    root
}

pub fn heading(container: &HtmlElement) -> String {
    container
        .query_selector("h1")
        .expect("query")
        .map(|h| h.text_content().unwrap_or_default())
        .unwrap_or_default()
}

pub fn nav_link(container: &HtmlElement, label: &str) -> HtmlElement {
    let links = container.query_selector_all("nav a").expect("query");
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|a| a.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no nav link labelled {label}"))
}

/// Types `text` into the input matched by `selector`, as a user would (an `input` event).
pub async fn type_into(container: &HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = container
        .query_selector(selector)
        .expect("query")
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    settle().await;
}

/// The text of every element matched by `selector`, in document order.
pub fn texts(container: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = container.query_selector_all(selector).expect("query");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}
