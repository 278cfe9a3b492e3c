//! Working offline: registers the service worker (`sw.js`, which `scripts/post-build.mjs` writes
//! into every build) so that after one visit the app loads and runs with no connection.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Where Trunk's build puts the worker; it controls every page of the app.
const WORKER: &str = "/sw.js";

/// Registers the service worker, in release builds only: a development build under `trunk serve`
/// changes with every save, and a cached copy of it would only get in the way. Browsers without
/// service workers (or pages not served from a secure origin) simply run online only.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|worker| !worker.is_undefined());
    if !available {
        return;
    }
    let registration = navigator.service_worker().register(WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(registration).await.is_err() {
            leptos::logging::warn!(
                "HTTP Study will not work offline: its service worker did not register."
            );
        }
    });
}
