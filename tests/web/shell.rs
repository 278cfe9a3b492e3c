use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::{heading, mount_app_at, nav_link, settle, wait_until};

#[wasm_bindgen_test]
async fn the_header_lists_every_section_in_order() {
    let container = mount_app_at("/").await;
    let links = container.query_selector_all("nav a").expect("query");
    let labels: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        ["Home", "Study", "Quiz", "Lab", "Reference", "Progress"]
    );
    let home = nav_link(&container, "Home");
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
    assert_eq!(home.get_attribute("aria-current").as_deref(), Some("page"));
}

#[wasm_bindgen_test]
async fn a_nav_link_changes_the_page_the_title_and_the_current_link() {
    let container = mount_app_at("/").await;
    assert_eq!(heading(&container), "Learn HTTP status codes and methods");

    nav_link(&container, "Quiz").click();
    assert!(
        wait_until(|| window().location().pathname().unwrap() == "/quiz").await,
        "the URL changes to /quiz"
    );
    settle().await;
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
}

#[wasm_bindgen_test]
fn a_crash_shows_one_notice_that_says_progress_is_saved_and_offers_a_reload() {
    let document = web_sys::window().unwrap().document().unwrap();
    http_study::ui::show_crash_notice();
    http_study::ui::show_crash_notice(); // a second panic adds nothing
    let notices = document.query_selector_all("[data-testid=crash]").unwrap();
    assert_eq!(notices.length(), 1);
    let notice: web_sys::Element = notices.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("Your progress is saved"), "{text}");
    let link = notice.query_selector("a").unwrap().expect("a reload link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(""),
        "a link to the page itself"
    );
    assert_eq!(link.text_content().as_deref(), Some("Reload the page"));
    assert_eq!(
        document.active_element().as_ref(),
        Some(&link),
        "the focus goes to the way out"
    );
    notice.remove();
}
