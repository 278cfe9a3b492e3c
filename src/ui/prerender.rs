//! Pages written as HTML at build time by the app's own components, rendered natively with
//! Leptos (feature `prerender`, which turns on Leptos's `ssr` rendering; the wasm never has it).
//!
//! The release build's post_build hook (scripts/post-build.mjs) runs `src/bin/prerender.rs`
//! over Trunk's staging folder: every page of [`routes::static_pages`] is rendered for a new
//! learner at a fixed moment, and written into a copy of the built `index.html` (which keeps
//! Trunk's loader, the policy and the styles) as `<path>/index.html`; Home is `index.html`
//! itself. Each page gets its own `<title>` (the one its component sets) and description, and
//! its markup goes inside `<div id="first-screen">`: index.html's check script shows it on its
//! own path, and the app removes it when it starts and renders the same markup in its place.
//!
//! Nothing here reads a clock, storage or a document: the store is
//! [`ProgressStore::provide_for_render`]'s, the router reads the path from `RequestUrl`, and
//! the title goes to a [`PageTitle`] slot instead of `document.title`. The browser-only parts
//! of the app stay out of the way without flags: the router provides no browser history here
//! (so no first tap is replayed), and effects (the theme on `<html>`) do not run natively.
//!
//! [`routes::static_pages`]: crate::routes::static_pages

use std::fmt;
use std::path::{Path, PathBuf};

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use super::state::ProgressStore;
use super::AppBody;
use crate::clock::{self, Moment};
use crate::progress::keeper::{Keeper, MemoryStore};
use crate::routes::{static_pages, Audience, StaticPage};

/// What the template must hold, and where the written page's parts go.
const TITLE_OPEN: &str = "<title>";
const TITLE_CLOSE: &str = "</title>";
const DESCRIPTION: &str = r#"<meta name="description" content=""#;
const HTML_OPEN: &str = "<html";
/// Where the page's markup goes, in index.html's <body>.
pub const MARK: &str = "<!-- first-screen -->";

/// The form controls a page shows disabled until the app runs: before then, what a learner
/// chose in them would be lost.
const CONTROLS: [&str; 4] = ["select", "input", "textarea", "button"];

/// The moment pages are rendered at: fixed, so that a build writes the same pages whenever and
/// wherever it runs (a new learner's pages show nothing that depends on the date).
pub fn render_moment() -> Moment {
    Moment::utc(clock::earliest())
}

/// A learner with no record: nothing stored, nothing saved.
pub fn new_learner(at: Moment) -> Keeper {
    Keeper::open(&mut MemoryStore::default(), at, 0)
}

/// Where a page's title goes while it is rendered (`ui::use_page_title` writes it here when
/// this is in context, since there is no document), for the page's `<title>`.
#[derive(Clone, Copy, Debug)]
pub struct PageTitle(RwSignal<String>);

impl PageTitle {
    /// Provides an empty slot for the page about to be rendered.
    fn provide() -> Self {
        let slot = PageTitle(RwSignal::new(String::new()));
        provide_context(slot);
        slot
    }

    /// Keeps `title` as the page's title.
    pub fn set(&self, title: String) {
        self.0.set(title);
    }

    /// The title the page set ("" if it set none).
    fn get(&self) -> String {
        self.0.get_untracked()
    }
}

/// A page as the app renders it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The document title the page's component set.
    pub title: String,
    /// The app's elements (skip link, header, main), as HTML.
    pub markup: String,
}

/// What the app shows at `path` for `learner` at `at`, rendered to HTML by the same
/// components the browser runs.
pub fn render(path: &str, learner: Keeper, at: Moment) -> Rendered {
    let owner = Owner::new();
    let rendered = owner.with(|| {
        provide_context(RequestUrl::new(path));
        let title = PageTitle::provide();
        ProgressStore::provide_for_render(learner, at);
        let markup = view! { <AppBody/> }.to_html();
        Rendered {
            title: title.get(),
            markup: without_markers(&markup),
        }
    });
    owner.cleanup();
    rendered
}

/// Why a page could not be written, in words that say what to fix.
#[derive(Debug)]
pub enum PrerenderError {
    /// The built index.html lacks something every written page needs.
    Template(&'static str),
    /// A page's component set no title.
    NoTitle(String),
    /// A path the file system could not hold as a folder of the build.
    OddPath(String),
    /// Reading or writing a file failed.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrerenderError::Template(what) => write!(
                f,
                "the built index.html has no {what}, which every page written at build time needs (see the comments in index.html)"
            ),
            PrerenderError::NoTitle(path) => write!(
                f,
                "the page at {path} set no title: its component must call ui::use_page_title"
            ),
            PrerenderError::OddPath(path) => write!(
                f,
                "the path {path} cannot be written as a folder (only letters, digits, '-' and '_' between slashes)"
            ),
            PrerenderError::Io(path, e) => write!(f, "{}: {e}", path.display()),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// The page written for `page`: `template` (the built index.html) with the page's title and
/// description, its path (and, for a new learner's page, `data-new-learner`) on `<html>` for
/// the check script, and its markup, form controls disabled, at [`MARK`]. `next` is the screen
/// its first action opens ([`StaticPage::first_action`]), as rendered there: it goes after the
/// markup in `<template id="next-screen">`, which the check script shows when that action is
/// tapped before the app runs.
pub fn page_html(
    template: &str,
    page: &StaticPage,
    rendered: &Rendered,
    next: Option<&Rendered>,
) -> Result<String, PrerenderError> {
    if rendered.title.is_empty() {
        return Err(PrerenderError::NoTitle(page.path.clone()));
    }
    let mut html = template.to_string();

    let open = html
        .find(TITLE_OPEN)
        .ok_or(PrerenderError::Template("<title>"))?
        + TITLE_OPEN.len();
    let close = open
        + html[open..]
            .find(TITLE_CLOSE)
            .ok_or(PrerenderError::Template("</title>"))?;
    html.replace_range(open..close, &escape(&rendered.title));

    let start = html
        .find(DESCRIPTION)
        .ok_or(PrerenderError::Template(r#"<meta name="description">"#))?
        + DESCRIPTION.len();
    let end = start
        + html[start..]
            .find('"')
            .ok_or(PrerenderError::Template(r#"<meta name="description">"#))?;
    html.replace_range(start..end, &escape(&page.description));

    let tag = html
        .find(HTML_OPEN)
        .ok_or(PrerenderError::Template("<html> tag"))?;
    let tag_end = tag + tag_end(&html[tag..]).ok_or(PrerenderError::Template("<html> tag"))?;
    let mut attributes = format!(r#" data-first-screen="{}""#, escape(&page.path));
    if page.audience == Audience::NewLearner {
        attributes.push_str(" data-new-learner");
    }
    html.insert_str(tag_end, &attributes);

    let mark = html.find(MARK).ok_or(PrerenderError::Template(MARK))?;
    let mut screen = format!(
        r#"<div id="first-screen">{}</div>"#,
        with_controls_disabled(&rendered.markup)
    );
    if let (Some(path), Some(next)) = (&page.first_action, next) {
        if next.title.is_empty() {
            return Err(PrerenderError::NoTitle(path.clone()));
        }
        screen.push_str(&format!(
            r#"<template id="next-screen" data-path="{}" data-title="{}">{}</template>"#,
            escape(path),
            escape(&next.title),
            with_controls_disabled(&next.markup)
        ));
    }
    html.replace_range(mark..mark + MARK.len(), &screen);
    Ok(html)
}

/// Where a host finds the page for `path` in the build folder `dir`: `dir/index.html` for
/// `/`, `dir/reference/404/index.html` for `/reference/404`.
pub fn file_for(dir: &Path, path: &str) -> Result<PathBuf, PrerenderError> {
    let mut file = dir.to_path_buf();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        let plain = segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !plain {
            return Err(PrerenderError::OddPath(path.to_string()));
        }
        file.push(segment);
    }
    file.push("index.html");
    Ok(file)
}

/// What [`write_pages`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub bytes: usize,
}

/// Renders every page of [`static_pages`] for a new learner and writes it into the build
/// folder `dir`, whose `index.html` is the template (and becomes Home).
pub fn write_pages(dir: &Path) -> Result<Written, PrerenderError> {
    let index = dir.join("index.html");
    let template =
        std::fs::read_to_string(&index).map_err(|e| PrerenderError::Io(index.clone(), e))?;
    let at = render_moment();
    let mut written = Written::default();
    for page in static_pages() {
        let rendered = render(&page.path, new_learner(at), at);
        let next = page
            .first_action
            .as_deref()
            .map(|path| render(path, new_learner(at), at));
        let html = page_html(&template, &page, &rendered, next.as_ref())?;
        let file = file_for(dir, &page.path)?;
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| PrerenderError::Io(folder.to_path_buf(), e))?;
        }
        std::fs::write(&file, &html).map_err(|e| PrerenderError::Io(file.clone(), e))?;
        written.pages += 1;
        written.bytes += html.len();
    }
    Ok(written)
}

/// `markup` without Leptos's markers: its comments (`<!>` keeps adjacent text nodes apart and
/// `<!--<() />-->` stands for an empty view, both for hydration, which these pages never have:
/// the app renders its own elements in their place). Text is escaped, so every `<!` is one.
fn without_markers(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let comment = &rest[start..];
        let len = if comment.starts_with("<!>") {
            3
        } else if comment.starts_with("<!--") {
            comment.find("-->").map_or(comment.len(), |end| end + 3)
        } else {
            // Not a marker (Leptos writes no other `<!`): kept as it is.
            out.push_str("<!");
            2
        };
        rest = &comment[len..];
    }
    out.push_str(rest);
    out
}

/// `markup` with every form control (`CONTROLS`) disabled that is not already. Markup from
/// Leptos escapes `<` in text, so every `<` opens a tag.
fn with_controls_disabled(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 64);
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(end) = tag_end(rest) else {
            break;
        };
        let tag = &rest[..=end];
        let name_len = tag[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len() - 1);
        let name = &tag[1..1 + name_len];
        if CONTROLS.contains(&name) && !attribute_names(&tag[1 + name_len..]).contains(&"disabled")
        {
            out.push('<');
            out.push_str(name);
            out.push_str(" disabled");
            out.push_str(&tag[1 + name_len..]);
        } else {
            out.push_str(tag);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `>` that closes the tag `tag` starts with (`>` inside a quoted attribute
/// value does not count).
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The attribute names in `attributes` (a tag's text after its name, up to and with `>`).
fn attribute_names(attributes: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return names;
        }
        let len = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len());
        names.push(&rest[..len]);
        rest = rest[len..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            rest = match value.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    value[1..].find(q).map_or("", |close| &value[close + 2..])
                }
                _ => {
                    let len = value
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(value.len());
                    &value[len..]
                }
            };
        }
    }
}

/// Text made safe for HTML text and double-quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_disabled_once_and_nothing_else_changes() {
        let markup = r#"<p title="a>b">x</p><select id="s"><option>1</option></select><input type="radio" disabled checked><button type="submit" class="primary">Go</button><inputs>"#;
        assert_eq!(
            with_controls_disabled(markup),
            r#"<p title="a>b">x</p><select disabled id="s"><option>1</option></select><input type="radio" disabled checked><button disabled type="submit" class="primary">Go</button><inputs>"#
        );
    }

    #[test]
    fn attribute_names_skip_values_that_look_like_names() {
        assert_eq!(
            attribute_names(r#" value="disabled" data-x=1 checked>"#),
            ["value", "data-x", "checked"]
        );
    }

    #[test]
    fn odd_paths_are_refused() {
        let dir = Path::new("dist");
        assert_eq!(
            file_for(dir, "/reference/404").unwrap(),
            Path::new("dist/reference/404/index.html")
        );
        assert_eq!(file_for(dir, "/").unwrap(), Path::new("dist/index.html"));
        for odd in ["/reference/..", "/a b", "/reference/%2F"] {
            assert!(file_for(dir, odd).is_err(), "{odd}");
        }
    }

    #[test]
    fn leptos_markers_are_left_out() {
        assert_eq!(
            without_markers("<p>a<!>b</p><!--<() />--><div><!----></div><!>"),
            "<p>ab</p><div></div>"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r#"<a & "b">"#), "&lt;a &amp; &quot;b&quot;&gt;");
    }
}
