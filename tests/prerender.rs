//! The pages written at build time (`ui::prerender`), natively: every page of
//! `routes::static_pages` renders through the app's own components with its own title and
//! heading, the Reference's pages are the same whatever the learner's record holds (and Home
//! and the quiz set-up are not, which is why they are written for a new learner only), and
//! `write_pages` puts each page where a static host finds it.
//!
//! Run with `cargo test --features prerender --test prerender` (./test.sh does).
use std::collections::BTreeSet;
use std::path::PathBuf;

use http_study::catalogue::{METHODS, STATUS_CODES};
use http_study::progress::keeper::{Keeper, MemoryStore};
use http_study::routes::{code_path, method_path, static_pages, Audience};
use http_study::schedule::Grade;
use http_study::ui::prerender::{
    file_for, new_learner, page_html, render, render_moment, write_pages, MARK,
};

/// The index.html Trunk builds from, as the template (Trunk only adds its links and loader).
const TEMPLATE: &str = include_str!("../index.html");

/// A learner who has answered a few items, with a goal of their own.
fn learner_with_a_record() -> Keeper {
    let at = render_moment();
    let mut store = MemoryStore::default();
    let mut keeper = Keeper::open(&mut store, at, 7);
    for item in ["code:404", "code:200", "method:GET", "code:301"] {
        keeper.record(&mut store, item, Grade::Good, at);
    }
    keeper.record(&mut store, "code:409", Grade::Again, at);
    keeper
        .solve(&mut store, "not-modified", at)
        .expect("a challenge of the lab");
    keeper
}

#[test]
fn every_static_page_renders_with_its_own_title_and_heading() {
    let at = render_moment();
    let pages = static_pages();
    let mut titles = BTreeSet::new();
    for page in &pages {
        let rendered = render(&page.path, new_learner(at), at);
        let path = &page.path;
        assert!(rendered.markup.contains("<h1"), "{path}: no heading");
        assert!(
            rendered.markup.contains(r#"<header class="site-header">"#),
            "{path}: no header"
        );
        for wrong in [
            r#"data-testid="not-found""#,
            r#"data-testid="not-registered""#,
        ] {
            assert!(!rendered.markup.contains(wrong), "{path} renders {wrong}");
        }
        assert!(
            !rendered.markup.contains("<!"),
            "{path}: Leptos markers left"
        );
        titles.insert(rendered.title.clone());
        let html = page_html(TEMPLATE, page, &rendered, None).unwrap();
        assert!(html.contains(&format!(
            r#"<meta name="description" content="{}""#,
            page.description.replace('"', "&quot;")
        )));
        assert!(!html.contains(MARK));
    }
    // Each page its own title, except a method's two doors to the same entry.
    assert_eq!(titles.len(), pages.len() - METHODS.len());

    let title = |path: &str| render(path, new_learner(at), at).title;
    assert_eq!(title("/"), "HTTP Study");
    assert_eq!(title("/reference"), "Reference · HTTP Study");
    assert_eq!(title("/quiz"), "Quiz · HTTP Study");
    assert_eq!(title(&code_path(404)), "404 Not Found · HTTP Study");
    assert_eq!(title(&method_path("PATCH")), "PATCH · HTTP Study");
    assert_eq!(title("/reference/PATCH"), "PATCH · HTTP Study");
}

#[test]
fn the_pages_hold_what_the_app_shows_there() {
    let at = render_moment();
    let home = render("/", new_learner(at), at).markup;
    assert!(home.contains("Learn your first 10 codes"), "{home}");
    assert!(home.contains(r#"href="/study""#));
    let reference = render("/reference", new_learner(at), at).markup;
    for code in STATUS_CODES {
        assert!(
            reference.contains(&format!(r#"href="{}""#, code_path(code.code))),
            "the Reference links to {}",
            code.code
        );
    }
    let entry = render(&code_path(404), new_learner(at), at).markup;
    assert!(entry.contains("Not Found"));
    assert!(entry.contains(r#"data-testid="code-entry""#));
    let setup = render("/quiz", new_learner(at), at).markup;
    assert!(setup.contains(r#"data-testid="start""#));
}

#[test]
fn the_reference_is_the_same_whatever_the_record_and_home_the_quiz_set_up_and_the_lab_are_not() {
    let at = render_moment();
    for page in static_pages() {
        let new = render(&page.path, new_learner(at), at);
        let other = render(&page.path, learner_with_a_record(), at);
        match page.audience {
            Audience::Everyone => assert_eq!(new, other, "{} depends on the record", page.path),
            Audience::NewLearner => assert_ne!(
                new.markup, other.markup,
                "{} is the same for everyone: it need not wait for the app when a record is stored",
                page.path
            ),
        }
    }
}

#[test]
fn write_pages_puts_every_page_where_a_static_host_finds_it() {
    let dir = std::env::temp_dir().join(format!("http-study-prerender-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();

    let written = write_pages(&dir).unwrap();
    let pages = static_pages();
    assert_eq!(written.pages, pages.len());
    for page in &pages {
        let file: PathBuf = file_for(&dir, &page.path).unwrap();
        let html = std::fs::read_to_string(&file).unwrap();
        assert!(
            html.contains(&format!(r#"data-first-screen="{}""#, page.path)),
            "{}",
            file.display()
        );
        assert_eq!(
            html.contains(" data-new-learner"),
            page.audience == Audience::NewLearner,
            "{}",
            page.path
        );
        assert!(html.contains(r#"<div id="first-screen">"#));
    }
    let home = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(home.contains("<title>HTTP Study</title>"));
    let entry = std::fs::read_to_string(dir.join("reference/404/index.html")).unwrap();
    assert!(entry.contains("<title>404 Not Found · HTTP Study</title>"));
    assert!(entry.contains(r#"content="404 Not Found: "#));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_template_without_the_mark_is_refused_in_plain_words() {
    let dir = std::env::temp_dir().join(format!("http-study-no-mark-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE.replace(MARK, "")).unwrap();
    let error = write_pages(&dir).unwrap_err().to_string();
    assert!(
        error.contains("the built index.html has no <!-- first-screen -->"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn home_carries_the_screen_its_main_button_opens_for_a_new_learner() {
    let at = render_moment();
    let home = static_pages().into_iter().next().unwrap();
    let plan = http_study::day::plan(new_learner(at).progress(), at);
    assert_eq!(home.first_action.as_deref(), Some(plan.button_path()));
    let rendered = render(&home.path, new_learner(at), at);
    let study = render(plan.button_path(), new_learner(at), at);
    assert_eq!(study.title, "Study · HTTP Study");
    // The first card of every new learner: the most important code, number first.
    assert!(
        study.markup.contains(r#"data-testid="flashcard""#),
        "{}",
        study.markup
    );
    assert!(study.markup.contains(">200<"), "{}", study.markup);
    let html = page_html(TEMPLATE, &home, &rendered, Some(&study)).unwrap();
    assert!(html.contains(
        r#"<template id="next-screen" data-path="/study" data-title="Study · HTTP Study">"#
    ));
    // Only Home has a first action.
    assert!(static_pages()
        .iter()
        .skip(1)
        .all(|page| page.first_action.is_none()));
}
