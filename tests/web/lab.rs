//! The lab page: the editor's fields and its text in step, a send answered and explained,
//! the network panel reopening a request, a challenge's hint and solution, a challenge solved
//! and recorded, an address naming no challenge, and the lab kept while the tab is open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::{heading, mount_app_at, settle, texts, type_into, wait_until};

fn el<T: JsCast>(container: &HtmlElement, selector: &str) -> T {
    container
        .query_selector(selector)
        .expect("query")
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn raw(container: &HtmlElement) -> String {
    el::<HtmlTextAreaElement>(container, "#lab-raw").value()
}

async fn click(container: &HtmlElement, selector: &str) {
    el::<HtmlElement>(container, selector).click();
    settle().await;
}

/// The button whose text is `label`.
async fn press(container: &HtmlElement, label: &str) {
    let buttons = container.query_selector_all("button").expect("query");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref().map(str::trim) == Some(label))
        .unwrap_or_else(|| panic!("no button {label}"));
    button.click();
    settle().await;
}

async fn type_raw(container: &HtmlElement, text: &str) {
    let area: HtmlTextAreaElement = el(container, "#lab-raw");
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    settle().await;
}

/// The lab at `path` as it starts: the app keeps the lab while it runs, and these tests share
/// one app, so what an earlier test left is cleared with "Start over" when there is any.
async fn fresh_lab(path: &str) -> HtmlElement {
    let container = mount_app_at(path).await;
    if container
        .query_selector("[data-testid=lab-start-over]")
        .expect("query")
        .is_some()
    {
        click(&container, "[data-testid=lab-start-over]").await;
    }
    container
}

#[wasm_bindgen_test]
async fn the_fields_and_the_text_stay_in_step_both_ways() {
    let container = fresh_lab("/lab").await;
    assert_eq!(heading(&container), "HTTP lab");
    assert_eq!(raw(&container), "GET / HTTP/1.1\nHost: lab.example\n");

    let method: HtmlSelectElement = el(&container, "#lab-method");
    method.set_value("DELETE");
    method
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
    settle().await;
    type_into(&container, "#lab-target", "/articles/7").await;
    assert_eq!(
        raw(&container),
        "DELETE /articles/7 HTTP/1.1\nHost: lab.example\n"
    );

    press(&container, "Add a header").await;
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("lab-h-name-1"),
        "the new row's name has the focus"
    );
    type_into(&container, "#lab-h-name-1", "If-Match").await;
    type_into(&container, "#lab-h-value-1", "\"v1\"").await;
    assert!(raw(&container).ends_with("Host: lab.example\nIf-Match: \"v1\"\n"));

    type_raw(
        &container,
        "PUT /articles/3 HTTP/1.1\nHost: lab.example\n\n{}",
    )
    .await;
    assert_eq!(method.value(), "PUT");
    assert_eq!(
        el::<HtmlInputElement>(&container, "#lab-target").value(),
        "/articles/3"
    );
    assert_eq!(
        el::<HtmlTextAreaElement>(&container, "#lab-body").value(),
        "{}"
    );
    assert!(
        container
            .query_selector("#lab-h-name-1")
            .expect("query")
            .is_none(),
        "the header row typed away is gone"
    );

    type_raw(&container, "GET /\nHost lab.example\n").await;
    let unread = texts(&container, "[data-testid=lab-unread] li");
    assert_eq!(unread.len(), 2, "{unread:?}");
    assert!(unread[0].contains("no version"));
}

#[wasm_bindgen_test]
async fn a_send_is_answered_explained_and_listed_and_a_row_reopens_its_request() {
    let container = fresh_lab("/lab").await;
    type_raw(&container, "GET /articles/99 HTTP/1.1\nHost: lab.example\n").await;
    click(&container, "[data-testid=lab-send]").await;
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(response.starts_with("HTTP/1.1 404 Not Found"), "{response}");
    assert!(texts(&container, "[data-testid=lab-news]")[0].contains("404 Not Found"));
    let why = texts(&container, "[data-testid=lab-why] li").concat();
    assert!(
        why.contains("RFC 9110"),
        "a reason cites its section: {why}"
    );

    type_raw(&container, "this is not http").await;
    click(&container, "[data-testid=lab-send]").await;
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(
        response.starts_with("HTTP/1.1 400 Bad Request"),
        "{response}"
    );
    assert!(
        !texts(&container, "[data-testid=lab-why] li").is_empty(),
        "with its reason"
    );

    let rows = texts(&container, ".lab-row");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("/articles/99") && rows[0].contains("404 Not Found"));
    click(&container, ".lab-rows li:first-child .lab-row").await;
    assert_eq!(
        raw(&container),
        "GET /articles/99 HTTP/1.1\nHost: lab.example\n"
    );
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(
        response.starts_with("HTTP/1.1 404"),
        "its answer shows again"
    );
}

/// The goal of the challenge `moved-for-good`, which no other test here solves.
const GOAL: &str = "Open the old blog address, /blog.";

/// N from "Lab: N of 43 challenges solved".
fn solved_count(line: &str) -> u32 {
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line:?}"))
}

#[wasm_bindgen_test]
async fn a_challenge_gives_a_hint_then_its_request_and_solving_it_is_recorded() {
    let container = mount_app_at("/progress").await;
    let before = texts(&container, "[data-testid=lab-standing-line]").concat();
    let container = fresh_lab("/lab?challenge=moved-for-good").await;
    assert_eq!(texts(&container, "[data-testid=challenge-goal]"), [GOAL]);
    let hint: HtmlElement = el(&container, "[data-testid=challenge-hint]");
    assert!(hint.hidden());
    press(&container, "Show a hint").await;
    assert!(!hint.hidden());
    click(&container, "[data-testid=show-solution]").await;
    assert_eq!(raw(&container), "GET /blog HTTP/1.1\nHost: lab.example\n");
    click(&container, "[data-testid=lab-send]").await;
    assert!(texts(&container, "[data-testid=lab-news]")[0].contains("Challenge solved"));
    assert!(texts(&container, "[data-testid=challenge-state]")[0].contains("Solved"));
    let marked = container
        .query_selector("[data-challenge=moved-for-good] .solved")
        .expect("query");
    assert!(marked.is_some(), "marked solved in the list");

    let container = mount_app_at("/progress").await;
    let after = texts(&container, "[data-testid=lab-standing-line]").concat();
    assert_eq!(
        solved_count(&after),
        solved_count(&before) + 1,
        "{before} then {after}"
    );
    let solved = texts(&container, "[data-testid=lab-solved] li");
    assert!(solved.iter().any(|s| s == GOAL), "{solved:?}");
}

#[wasm_bindgen_test]
async fn an_address_naming_no_challenge_says_so_and_the_lab_still_works() {
    let container = fresh_lab("/lab?challenge=%3Cb%3Ebold%3C%2Fb%3E").await;
    let notice = texts(&container, "[data-testid=lab-unknown-challenge]").concat();
    assert!(notice.contains("<b>bold</b>"), "shown as text: {notice}");
    assert!(container.query_selector("b").expect("query").is_none());
    click(&container, "[data-testid=lab-send]").await;
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
}

#[wasm_bindgen_test]
async fn reference_pages_link_to_their_challenges() {
    let container = mount_app_at("/reference/304").await;
    let link: HtmlElement = el(&container, "[data-testid=try-in-lab] a");
    assert!(link
        .get_attribute("href")
        .unwrap_or_default()
        .starts_with("/lab?challenge="));
    let container = mount_app_at("/reference/methods/PATCH").await;
    assert!(!texts(&container, "[data-testid=try-in-lab] li").is_empty());
}

#[wasm_bindgen_test]
async fn the_lab_is_kept_while_the_tab_is_open_and_start_over_empties_it() {
    let container = fresh_lab("/lab").await;
    let get = "GET /articles/7 HTTP/1.1\nHost: lab.example\n";
    type_raw(
        &container,
        "DELETE /articles/7 HTTP/1.1\nHost: lab.example\n",
    )
    .await;
    click(&container, "[data-testid=lab-send]").await;
    type_raw(&container, get).await;

    let container = mount_app_at("/reference/410").await;
    assert!(container
        .query_selector("[data-testid=lab-panel]")
        .expect("query")
        .is_none());
    let container = mount_app_at("/lab").await;
    let rows = texts(&container, ".lab-row");
    assert_eq!(rows.len(), 1, "the request sent is still listed: {rows:?}");
    assert_eq!(raw(&container), get, "and the one being written");
    click(&container, "[data-testid=lab-send]").await;
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(
        response.starts_with("HTTP/1.1 410"),
        "the server as it was left, the article deleted: {response}"
    );

    click(&container, "[data-testid=lab-start-over]").await;
    assert!(
        texts(&container, ".lab-row").is_empty(),
        "no request listed"
    );
    assert_eq!(raw(&container), "GET / HTTP/1.1\nHost: lab.example\n");
    assert!(texts(&container, "[data-testid=lab-news]")[0].contains("Started over"));
    let on_text = || document().active_element().map(|e| e.id()).as_deref() == Some("lab-raw");
    assert!(
        wait_until(on_text).await,
        "the focus is on the request's text"
    );
    type_raw(&container, get).await;
    click(&container, "[data-testid=lab-send]").await;
    let response = texts(&container, "[data-testid=lab-response-text]").concat();
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "the server as it starts: {response}"
    );
}
