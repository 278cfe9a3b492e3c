//! What the learner sees when the app hits a bug it cannot go on from (a Rust panic): a plain
//! message at the top of the page instead of a page that silently stops answering.
//!
//! A panic in the release build aborts the WebAssembly module, so nothing reactive can run
//! afterwards: the message is built with plain DOM calls inside the panic hook, and its way out
//! is a link (which needs no code of ours) back to the page itself.

use wasm_bindgen::JsCast;

/// What the notice says. Every answer is saved as it is given, so a crash loses none of them.
pub const CRASH_MESSAGE: &str = "Something went wrong in HTTP Study and this page has stopped \
    working. Your progress is saved up to your last answer. Reload the page to go on.";

/// Sets the panic hook: the panic is logged to the console as before, and the page says what
/// happened.
pub fn install_crash_notice() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
}

/// Puts the crash notice at the top of the page, once.
pub fn show_crash_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(_)) = document.query_selector("[data-testid=crash]") {
        return;
    }
    let (Some(body), Ok(notice), Ok(text), Ok(link)) = (
        document.body(),
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("a"),
    ) else {
        return;
    };
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("class", "notice crash");
    let _ = notice.set_attribute("data-testid", "crash");
    text.set_text_content(Some(CRASH_MESSAGE));
    // An empty link goes to the page itself: a reload, with no code of ours needed.
    let _ = link.set_attribute("href", "");
    // Not the router's: a plain reload, even with the app stopped.
    let _ = link.set_attribute("rel", "external");
    let _ = link.set_attribute("class", "button primary");
    link.set_text_content(Some("Reload the page"));
    let _ = notice.append_child(&text);
    let _ = notice.append_child(&link);
    let _ = body.prepend_with_node_1(&notice);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
}
