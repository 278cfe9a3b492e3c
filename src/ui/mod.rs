//! The Leptos front end. Components here only display domain state and forward what the
//! learner does; the rules live in the domain modules.

mod app;
pub mod components;
mod crash;
pub mod entropy;
mod offline;
pub mod pages;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod state;
pub mod storage;
mod title;

pub use app::{start, App, AppBody};
pub use crash::{install_crash_notice, show_crash_notice, CRASH_MESSAGE};
pub use offline::register_service_worker;
pub use title::use_page_title;

/// Removes what `index.html` shows while the app downloads (the loading frame, or the page
/// written at build time, and the screen its first action would open), once the app is on the
/// page.
pub fn remove_loading_shell() {
    let document = leptos::prelude::document();
    for id in ["loading", "first-screen", "next-screen"] {
        if let Some(shell) = document.get_element_by_id(id) {
            shell.remove();
        }
    }
}

/// The link a learner tapped on the first screen before the app ran (index.html's check script
/// keeps it), taken once: the app opens it when it starts, so that no early tap is lost.
pub fn take_first_tap() -> Option<String> {
    let window = leptos::prelude::window();
    let key = wasm_bindgen::JsValue::from_str("__httpStudyTap");
    let tap = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    // Only a path of this site.
    (tap.starts_with('/') && !tap.starts_with("//")).then_some(tap)
}
