use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::{heading, mount_app_at, settle, texts, type_into};

fn listed_codes(container: &HtmlElement) -> Vec<u16> {
    let items = container
        .query_selector_all("[data-testid=code-item]")
        .expect("query");
    (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|n| {
            n.unchecked_into::<web_sys::Element>()
                .get_attribute("data-code")
                .and_then(|c| c.parse().ok())
                .expect("data-code")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_reference_lists_every_code_grouped_by_class() {
    let container = mount_app_at("/reference").await;
    assert_eq!(heading(&container), "Reference");
    let codes = listed_codes(&container);
    assert_eq!(codes.len(), http_study::catalogue::STATUS_CODES.len());
    assert_eq!(codes.first(), Some(&100));
    let groups = texts(&container, ".code-class h2");
    assert_eq!(groups.len(), 5);
    assert!(groups[3].starts_with("4xx"), "{groups:?}");
    // Unused codes are marked as such.
    let teapot = container
        .query_selector("[data-code='418'] .badge")
        .expect("query");
    assert_eq!(
        teapot.and_then(|b| b.text_content()).as_deref(),
        Some("unused")
    );
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_narrows_the_list_as_you_type() {
    let container = mount_app_at("/reference").await;
    type_into(&container, "[data-testid=search]", "conflict").await;
    assert_eq!(listed_codes(&container).first(), Some(&409));

    type_into(&container, "[data-testid=search]", "41").await;
    assert_eq!(listed_codes(&container), (410..=418).collect::<Vec<_>>());
    assert_eq!(
        texts(&container, "[data-testid=result-count]"),
        ["9 codes match."]
    );

    type_into(&container, "[data-testid=search]", "zzzz").await;
    assert!(listed_codes(&container).is_empty());
    assert!(texts(&container, "[data-testid=result-count]")[0].starts_with("Nothing matches"));
}

#[wasm_bindgen_test]
async fn the_class_filter_shows_one_class() {
    let container = mount_app_at("/reference").await;
    let select: web_sys::HtmlSelectElement = container
        .query_selector("[data-testid=class-filter]")
        .expect("query")
        .expect("class filter")
        .unchecked_into();
    select.set_value("3");
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
    settle().await;
    let codes = listed_codes(&container);
    assert_eq!(codes.len(), 9);
    assert!(codes.iter().all(|c| (300..400).contains(c)), "{codes:?}");
}

#[wasm_bindgen_test]
async fn a_code_page_shows_the_entry_its_section_and_linked_neighbours() {
    let container = mount_app_at("/reference/401").await;
    assert_eq!(heading(&container), "401 Unauthorized");
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("RFC 9110 §15.5.2"), "cites its section");
    assert!(
        text.contains("WWW-Authenticate"),
        "lists its required header"
    );
    let neighbour = container
        .query_selector("[data-testid=neighbours] a[href='/reference/403']")
        .expect("query");
    assert!(neighbour.is_some(), "403 is linked as a neighbour");
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "401 Unauthorized · HTTP Study"
    );
}

#[wasm_bindgen_test]
async fn a_number_that_is_not_registered_explains_the_x00_rule() {
    let container = mount_app_at("/reference/471").await;
    assert_eq!(heading(&container), "471 is not a registered status code");
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("treats it as 400 Bad Request"), "{text}");
    let container = mount_app_at("/reference/999").await;
    assert_eq!(heading(&container), "999 is not a status code");
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains("100 to 599"));
}

#[wasm_bindgen_test]
async fn the_methods_table_has_its_columns_in_order_with_yes_and_no() {
    let container = mount_app_at("/reference/methods").await;
    assert_eq!(heading(&container), "Methods");
    assert_eq!(
        texts(&container, "[data-testid=methods-table] thead th"),
        ["Method", "Safe", "Idempotent", "Cacheable"]
    );
    let rows = texts(&container, "[data-testid=methods-table] tbody tr");
    assert_eq!(rows.len(), 9);
    let trace = container
        .query_selector_all("[data-testid=methods-table] tbody tr")
        .expect("query");
    let trace_cells: Vec<String> = (0..trace.length())
        .filter_map(|i| trace.item(i))
        .map(|r| r.text_content().unwrap_or_default())
        .filter(|t| t.starts_with("TRACE"))
        .collect();
    assert_eq!(trace_cells, ["TRACEYesYesNo"]);
}

#[wasm_bindgen_test]
async fn a_method_page_accepts_any_letter_case_and_refuses_unknown_names() {
    let container = mount_app_at("/reference/methods/patch").await;
    assert_eq!(heading(&container), "PATCH");
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains("RFC 5789 §2"));

    let container = mount_app_at("/reference/methods/FETCH").await;
    assert_eq!(heading(&container), "That is not one of the nine methods");
}
