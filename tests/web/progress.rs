//! The Progress page: its summary, its charts with their text alternatives, the weakest items.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use super::{heading, mount_app_at, settle, texts};

/// The page's charts, by their `data-testid`, with the rows each chart's table has.
const CHARTS: [(&str, u32); 5] = [
    ("chart-mastery", 6),
    ("chart-answers", 30),
    ("chart-forecast", 14),
    ("chart-calendar", 12),
    ("chart-accuracy", 12),
];

fn one(container: &Element, selector: &str) -> Option<Element> {
    container.query_selector(selector).expect("query")
}

fn count(container: &Element, selector: &str) -> u32 {
    container
        .query_selector_all(selector)
        .expect("query")
        .length()
}

/// Today's answers, from the day's line "N answers today, …" (or "Nothing answered yet").
fn answers_today(container: &HtmlElement) -> u32 {
    let text = texts(container, "[data-testid=done-line]")
        .pop()
        .expect("today's answers in the summary");
    if text.starts_with("Nothing answered") {
        return 0;
    }
    text.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {text:?}"))
}

#[wasm_bindgen_test]
async fn every_chart_is_a_figure_with_a_described_svg_and_a_table_of_its_numbers() {
    let container = mount_app_at("/progress").await;
    assert_eq!(heading(&container), "Progress");
    assert_eq!(document().title(), "Progress · HTTP Study");
    let summary = one(&container, "[data-testid=progress-summary]").expect("summary");
    let summary_text = summary.text_content().unwrap_or_default();
    for words in ["Due now", "Streak", "Today's goal"] {
        assert!(summary_text.contains(words), "{words} in {summary_text:?}");
    }

    for (id, rows) in CHARTS {
        let figure = one(&container, &format!("[data-testid={id}] figure"))
            .unwrap_or_else(|| panic!("{id}: no figure"));
        let title = one(&figure, "figcaption")
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        assert!(!title.trim().is_empty(), "{id}: a visible title");
        let svg = one(&figure, "svg[role=img]").unwrap_or_else(|| panic!("{id}: no svg"));
        let label = svg.get_attribute("aria-label").unwrap_or_default();
        assert!(
            label.split_whitespace().count() >= 5,
            "{id}: the svg's label says what it shows: {label:?}"
        );
        assert!(svg.get_attribute("viewBox").is_some(), "{id}: scales");
        assert_eq!(svg.get_attribute("width").as_deref(), Some("100%"));
        assert!(
            count(&svg, "rect, circle, line") > 0,
            "{id}: draws something"
        );

        let table = one(&figure, "table").unwrap_or_else(|| panic!("{id}: no table"));
        assert!(
            table
                .closest(".visually-hidden")
                .expect("closest")
                .is_some(),
            "{id}: the table is out of sight until asked for"
        );
        assert_eq!(count(&table, "tbody tr"), rows, "{id}: table rows");
        assert_eq!(
            count(&table, "tbody th[scope=row]"),
            rows,
            "{id}: row headers"
        );
        assert!(one(&table, "caption").is_some(), "{id}: the table is named");
    }
    assert_eq!(
        texts(&container, "[data-testid=chart-mastery] tbody th"),
        ["1xx", "2xx", "3xx", "4xx", "5xx", "Methods"]
    );

    let weakest = one(&container, "[data-testid=weakest]").expect("weakest section");
    let items = count(&weakest, "[data-testid=weak-item]");
    if items == 0 {
        assert!(
            one(&weakest, "[data-testid=weakest-empty]").is_some(),
            "an empty list says so"
        );
    } else {
        assert!(items <= 10);
        assert_eq!(
            count(&weakest, "[data-testid=weak-item] a[href^='/reference']"),
            items
        );
        assert!(
            one(&weakest, "a[href='/study?drill=weakest']").is_some(),
            "a drill of exactly these"
        );
    }
    assert!(
        one(&weakest, "a[href='/study']").is_some(),
        "a way to study"
    );
    assert!(
        one(&container, "[data-testid=data-controls]").is_some(),
        "export, import and reset sit at the bottom"
    );
}

#[wasm_bindgen_test]
async fn show_the_numbers_reveals_a_charts_table_and_hides_it_again() {
    let container = mount_app_at("/progress").await;
    let figure = one(&container, "[data-testid=chart-forecast] figure").expect("figure");
    let button: HtmlElement = one(&figure, "button.chart-toggle")
        .expect("toggle")
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    settle().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(button.text_content().as_deref(), Some("Hide the numbers"));
    let table = one(&figure, "table").expect("table");
    assert!(table
        .closest(".visually-hidden")
        .expect("closest")
        .is_none());
    button.click();
    settle().await;
    assert!(table
        .closest(".visually-hidden")
        .expect("closest")
        .is_some());
}

#[wasm_bindgen_test]
async fn an_answer_shows_in_todays_count_the_answers_chart_and_the_weakest_list() {
    let container = mount_app_at("/progress").await;
    let before = answers_today(&container);

    // A flashcard's grade: the item is started, so it has a schedule to rank.
    let study = mount_app_at("/study").await;
    one(&study, "[data-testid=flip]")
        .expect("a card")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    one(&study, "[data-testid=grade-again]")
        .expect("grade buttons")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;

    let container = mount_app_at("/progress").await;
    assert_eq!(answers_today(&container), before + 1);
    assert!(one(&container, "[data-testid=progress-empty]").is_none());
    let last_day = texts(
        &container,
        "[data-testid=chart-answers] tbody tr:last-child td",
    );
    assert_eq!(last_day, [(before + 1).to_string()], "today's bar");
    let calendar_label = one(&container, "[data-testid=chart-calendar] svg")
        .and_then(|s| s.get_attribute("aria-label"))
        .unwrap_or_default();
    assert!(
        calendar_label.contains("streak"),
        "the calendar speaks of the streak: {calendar_label}"
    );
    let weak = texts(&container, "[data-testid=weak-item] a");
    assert!(!weak.is_empty(), "the answered item is listed");
    assert!(one(&container, "[data-testid=weakest-empty]").is_none());
}

#[wasm_bindgen_test]
async fn the_charts_fit_a_360_pixel_screen_without_scrolling_sideways() {
    let container = mount_app_at("/progress").await;
    let style = document().create_element("style").expect("style");
    style.set_text_content(Some(include_str!("../../style/main.css")));
    document()
        .body()
        .expect("body")
        .append_child(&style)
        .expect("append");
    container
        .set_attribute("style", "width: 360px")
        .expect("width");
    settle().await;

    let mut problems = Vec::new();
    for selector in [
        "[data-testid=progress-summary]",
        ".charts",
        "[data-testid=weakest]",
    ] {
        let el = one(&container, selector).expect(selector);
        if el.scroll_width() > el.client_width() || el.client_width() > 360 {
            problems.push(format!(
                "{selector}: {} px of content in {} px",
                el.scroll_width(),
                el.client_width()
            ));
        }
    }
    for (id, _) in CHARTS {
        let figure = one(&container, &format!("[data-testid={id}] figure")).expect(id);
        if figure.client_width() > 360 || figure.scroll_width() > figure.client_width() {
            problems.push(format!("{id}: {} px wide", figure.scroll_width()));
        }
    }

    container.remove_attribute("style").expect("style");
    style.remove();
    settle().await;
    assert!(problems.is_empty(), "{problems:?}");
}
