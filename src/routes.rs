//! The app's top-level pages: their paths, navigation labels and document titles.
//!
//! This table is the one source of truth for the navigation: the header renders it, links are
//! built from it, and [`Route::from_path`] reads a URL's path back into the page to show.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The name shown in the header and at the end of every document title.
pub const APP_NAME: &str = "HTTP Study";

/// A top-level page, reachable from the header's navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Study,
    Quiz,
    Lab,
    Reference,
    Progress,
}

impl Page {
    /// Every page in navigation order.
    pub const ALL: [Page; 6] = [
        Page::Home,
        Page::Study,
        Page::Quiz,
        Page::Lab,
        Page::Reference,
        Page::Progress,
    ];

    /// The first path segment of the page ("" for Home), as the router matches it.
    pub const fn segment(self) -> &'static str {
        match self {
            Page::Home => "",
            Page::Study => "study",
            Page::Quiz => "quiz",
            Page::Lab => "lab",
            Page::Reference => "reference",
            Page::Progress => "progress",
        }
    }

    /// The absolute path a link to the page uses.
    pub const fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Study => "/study",
            Page::Quiz => "/quiz",
            Page::Lab => "/lab",
            Page::Reference => "/reference",
            Page::Progress => "/progress",
        }
    }

    /// The label of the page's link in the navigation.
    pub const fn label(self) -> &'static str {
        match self {
            Page::Home => "Home",
            Page::Study => "Study",
            Page::Quiz => "Quiz",
            Page::Lab => "Lab",
            Page::Reference => "Reference",
            Page::Progress => "Progress",
        }
    }
}

/// The path segment under Reference for the methods table.
pub const METHODS_SEGMENT: &str = "methods";

/// The Reference entry of a status code: `/reference/409`.
pub fn code_path(code: u16) -> String {
    format!("{}/{code}", Page::Reference.path())
}

/// The methods table: `/reference/methods`.
pub fn methods_path() -> String {
    format!("{}/{METHODS_SEGMENT}", Page::Reference.path())
}

/// The Reference entry of a method: `/reference/methods/PATCH`.
pub fn method_path(name: &str) -> String {
    format!("{}/{name}", methods_path())
}

/// The lab with challenge `id` open: `/lab?challenge=not-modified`.
pub fn lab_challenge_path(id: &str) -> String {
    format!("{}?challenge={}", Page::Lab.path(), percent_encode(id))
}

/// What a URL's path asks the app to show. `Code` and `Method` carry the segment as the learner
/// typed it (percent-escapes decoded); the pages decide whether it names anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Page(Page),
    Methods,
    Method(String),
    Code(String),
    NotFound,
}

impl Route {
    /// Reads a URL's path (without query or fragment). A trailing slash is ignored.
    pub fn from_path(path: &str) -> Route {
        let trimmed = path.strip_prefix('/').unwrap_or(path);
        let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
        let segments: Vec<&str> = trimmed.split('/').collect();
        let reference = Page::Reference.segment();
        match segments.as_slice() {
            [first] => Page::ALL
                .into_iter()
                .find(|p| p.segment() == *first)
                .map_or(Route::NotFound, Route::Page),
            [r, m] if *r == reference && *m == METHODS_SEGMENT => Route::Methods,
            [r, m, name] if *r == reference && *m == METHODS_SEGMENT && !name.is_empty() => {
                Route::Method(percent_decode(name))
            }
            [r, code] if *r == reference && !code.is_empty() => {
                let segment = percent_decode(code);
                // `/reference/PATCH` (any letter case) is the method's entry.
                match crate::catalogue::METHODS
                    .iter()
                    .find(|m| m.name.eq_ignore_ascii_case(&segment))
                {
                    Some(m) => Route::Method(m.name.to_string()),
                    None => Route::Code(segment),
                }
            }
            _ => Route::NotFound,
        }
    }
}

impl Route {
    /// The section of the app the route belongs to, whose link the header marks as current:
    /// every entry of the Reference is in the Reference; a path that names nothing is in none.
    pub fn section(&self) -> Option<Page> {
        match self {
            Route::Page(page) => Some(*page),
            Route::Methods | Route::Method(_) | Route::Code(_) => Some(Page::Reference),
            Route::NotFound => None,
        }
    }
}

/// The Reference list with a search: `/reference?q=not%20found&class=4`. The query and the
/// class (its digit, or "all") live in the URL, so that Back and a shared link restore them.
pub fn reference_search_path(query: &str, class: &str) -> String {
    let mut params = Vec::new();
    if !query.is_empty() {
        params.push(format!("q={}", percent_encode(query)));
    }
    if !class.is_empty() && class != "all" {
        params.push(format!("class={}", percent_encode(class)));
    }
    if params.is_empty() {
        Page::Reference.path().to_string()
    } else {
        format!("{}?{}", Page::Reference.path(), params.join("&"))
    }
}

/// Everything but unreserved characters (RFC 3986 §2.3: letters, digits, `-`, `.`, `_`, `~`).
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `text` with every byte but unreserved characters escaped as `%XX`, for a path segment or a
/// query value.
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}

/// Decodes `%XX` escapes as UTF-8 (invalid sequences become U+FFFD; a `%` not followed by two
/// hex digits stays as it is).
pub fn percent_decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Who a page written as HTML at build time is right for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every learner: the page shows nothing of the record (the Reference).
    Everyone,
    /// A learner with no record: the page shows the record's figures as they start (Home's
    /// plan of the day; the quiz set-up's deck, counts and placement offer; the lab's challenges
    /// solved), so a learner with
    /// a record waits for the app instead.
    NewLearner,
}

/// A page the release build writes as HTML (`ui::prerender`), so that it reads before the
/// app has arrived, with JavaScript off, and in a search engine or a link preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaticPage {
    /// The path it answers (a host serves it as `<path>/index.html`).
    pub path: String,
    pub audience: Audience,
    /// One or two sentences on what the page holds, for `<meta name="description">`.
    pub description: String,
    /// The path the page's main action opens, when what it shows there is the same for every
    /// learner the page is for: Home's main button leads a new learner to Study, whose first
    /// card is the same for everyone. The page carries that screen too, so that the first tap
    /// shows it at once, before the app has arrived.
    pub first_action: Option<String>,
}

impl StaticPage {
    fn new(path: impl Into<String>, audience: Audience, description: impl Into<String>) -> Self {
        StaticPage {
            path: path.into(),
            audience,
            description: description.into(),
            first_action: None,
        }
    }

    fn with_first_action(mut self, path: impl Into<String>) -> Self {
        self.first_action = Some(path.into());
        self
    }
}

/// Every page written at build time: Home and the quiz set-up (for a new learner), the
/// Reference list, the methods table, and the entry of every code and every method in the
/// catalogue (a method both at `/reference/methods/PATCH`, where links lead, and at
/// `/reference/PATCH`, which [`Route::from_path`] reads as the same entry). Study and
/// Progress are the learner's own and are not written as pages; Home carries a new learner's
/// first Study screen ([`StaticPage::first_action`]).
pub fn static_pages() -> Vec<StaticPage> {
    use crate::catalogue::{METHODS, STATUS_CODES};
    use Audience::{Everyone, NewLearner};
    let mut pages = vec![
        StaticPage::new(
            Page::Home.path(),
            NewLearner,
            "Learn HTTP status codes and methods with flashcards, quizzes and spaced repetition, checked against RFC 9110.",
        )
        .with_first_action(Page::Study.path()),
        StaticPage::new(
            Page::Quiz.path(),
            NewLearner,
            "A quiz on HTTP status codes and methods: choose a deck and a length; every answer is explained with its RFC section.",
        ),
        StaticPage::new(
            Page::Lab.path(),
            NewLearner,
            "The HTTP lab: write a request, send it to a small server in the page that follows RFC 9110, and read why it answers as it does. Works offline.",
        ),
        StaticPage::new(
            Page::Reference.path(),
            Everyone,
            format!(
                "All {} HTTP status codes in the IANA registry and the {} request methods, each in plain words with its section of RFC 9110.",
                STATUS_CODES.len(),
                METHODS.len()
            ),
        ),
        StaticPage::new(
            methods_path(),
            Everyone,
            format!(
                "The {} HTTP request methods and whether each is safe, idempotent and cacheable (RFC 9110 §9.2).",
                METHODS.len()
            ),
        ),
    ];
    for code in STATUS_CODES {
        pages.push(StaticPage::new(
            code_path(code.code),
            Everyone,
            format!("{} {}: {}", code.code, code.name, code.meaning),
        ));
    }
    for method in METHODS {
        let description = format!("The HTTP method {}: {}", method.name, method.summary);
        let short = format!("{}/{}", Page::Reference.path(), method.name);
        pages.push(StaticPage::new(
            method_path(method.name),
            Everyone,
            description.clone(),
        ));
        pages.push(StaticPage::new(short, Everyone, description));
    }
    pages
}

/// The document title for a page whose own heading is `heading`: "Quiz · HTTP Study".
/// The home page is just the app's name.
pub fn document_title(heading: &str) -> String {
    if heading.is_empty() || heading == APP_NAME {
        APP_NAME.to_string()
    } else {
        format!("{heading} · {APP_NAME}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_entry_is_in_the_reference_section_and_a_wrong_path_in_none() {
        for page in Page::ALL {
            assert_eq!(Route::from_path(page.path()).section(), Some(page));
        }
        for path in [
            "/reference/404",
            "/reference/299",
            "/reference/methods",
            "/reference/PATCH",
            "/reference/methods/GET",
        ] {
            assert_eq!(
                Route::from_path(path).section(),
                Some(Page::Reference),
                "{path}"
            );
        }
        assert_eq!(Route::from_path("/no/such/page").section(), None);
    }

    #[test]
    fn navigation_lists_every_page_once_with_home_first() {
        assert_eq!(Page::ALL[0], Page::Home);
        let mut labels: Vec<_> = Page::ALL.iter().map(|p| p.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), Page::ALL.len());
    }

    #[test]
    fn paths_agree_with_segments_and_are_distinct() {
        for page in Page::ALL {
            assert_eq!(page.path(), format!("/{}", page.segment()));
        }
        let mut paths: Vec<_> = Page::ALL.iter().map(|p| p.path()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), Page::ALL.len());
    }

    #[test]
    fn a_lab_challenge_lives_in_the_labs_url() {
        assert_eq!(
            lab_challenge_path("not-modified"),
            "/lab?challenge=not-modified"
        );
        assert_eq!(Route::from_path("/lab"), Route::Page(Page::Lab));
    }

    #[test]
    fn reference_paths_nest_under_reference() {
        assert_eq!(code_path(409), "/reference/409");
        assert_eq!(methods_path(), "/reference/methods");
        assert_eq!(method_path("PATCH"), "/reference/methods/PATCH");
    }

    #[test]
    fn every_page_path_reads_back_as_its_page() {
        for page in Page::ALL {
            assert_eq!(Route::from_path(page.path()), Route::Page(page));
            assert_eq!(
                Route::from_path(&format!("{}/", page.path())),
                Route::Page(page)
            );
        }
        assert_eq!(Route::from_path(""), Route::Page(Page::Home));
    }

    #[test]
    fn reference_paths_read_back_as_the_code_or_method_they_name() {
        assert_eq!(Route::from_path(&code_path(409)), Route::Code("409".into()));
        assert_eq!(Route::from_path(&methods_path()), Route::Methods);
        assert_eq!(
            Route::from_path(&method_path("PATCH")),
            Route::Method("PATCH".into())
        );
        // "methods" is the table, never a code named "methods".
        assert_eq!(Route::from_path("/reference/methods/"), Route::Methods);
        assert_eq!(
            Route::from_path("/reference/PATCH"),
            Route::Method("PATCH".into()),
            "a method's name under /reference is its entry"
        );
        assert_eq!(
            Route::from_path("/reference/get"),
            Route::Method("GET".into())
        );
        assert_eq!(
            Route::from_path("/reference/abc"),
            Route::Code("abc".into())
        );
        // Whatever the segment holds is passed on, decoded, for the page to judge.
        assert_eq!(
            Route::from_path("/reference/4o4"),
            Route::Code("4o4".into())
        );
        assert_eq!(
            Route::from_path("/reference/%3Cimg%20src%3Dx%3E"),
            Route::Code("<img src=x>".into())
        );
    }

    #[test]
    fn paths_that_name_no_page_are_not_found() {
        for path in [
            "/no/such/page",
            "/studyx",
            "/reference/409/extra",
            "/reference/methods/GET/x",
            "/quiz/1",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn a_reference_search_lives_in_its_url() {
        assert_eq!(reference_search_path("", "all"), "/reference");
        assert_eq!(
            reference_search_path("not found", "all"),
            "/reference?q=not%20found"
        );
        assert_eq!(
            reference_search_path("café&x=1", "4"),
            "/reference?q=caf%C3%A9%26x%3D1&class=4"
        );
        assert_eq!(percent_decode(&percent_encode("<b>é 4xx")), "<b>é 4xx");
    }

    #[test]
    fn percent_escapes_decode_as_utf8_and_stray_percents_stay() {
        assert_eq!(percent_decode("caf%C3%A9"), "café");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn every_static_page_is_a_page_of_the_app_once_and_home_comes_first() {
        let pages = static_pages();
        assert_eq!(pages[0].path, "/");
        let mut paths: Vec<_> = pages.iter().map(|p| p.path.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), pages.len(), "a path is written twice");
        for page in &pages {
            let route = Route::from_path(&page.path);
            assert_ne!(route, Route::NotFound, "{}", page.path);
            assert!(
                !matches!(route, Route::Page(Page::Study | Page::Progress)),
                "{} is the learner's own",
                page.path
            );
            assert!(!page.description.is_empty(), "{}", page.path);
        }
        let codes = crate::catalogue::STATUS_CODES.len();
        let methods = crate::catalogue::METHODS.len();
        assert_eq!(pages.len(), 5 + codes + 2 * methods);
        let not_found = pages.iter().find(|p| p.path == "/reference/404").unwrap();
        assert!(not_found.description.starts_with("404 Not Found: "));
    }

    #[test]
    fn titles_end_with_the_app_name_except_home() {
        assert_eq!(document_title("Quiz"), "Quiz · HTTP Study");
        assert_eq!(document_title(APP_NAME), "HTTP Study");
        assert_eq!(document_title(""), "HTTP Study");
    }
}
