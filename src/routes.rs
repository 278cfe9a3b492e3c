//! The app's top-level pages: their paths, navigation labels and document titles.
//!
//! This table is the one source of truth for the navigation: the header renders it and the
//! router builds its routes from the same paths.

/// The name shown in the header and at the end of every document title.
pub const APP_NAME: &str = "HTTP Study";

/// A top-level page, reachable from the header's navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Study,
    Quiz,
    Reference,
    Progress,
}

impl Page {
    /// Every page in navigation order.
    pub const ALL: [Page; 5] = [
        Page::Home,
        Page::Study,
        Page::Quiz,
        Page::Reference,
        Page::Progress,
    ];

    /// The first path segment of the page ("" for Home), as the router matches it.
    pub const fn segment(self) -> &'static str {
        match self {
            Page::Home => "",
            Page::Study => "study",
            Page::Quiz => "quiz",
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
    fn reference_paths_nest_under_reference() {
        assert_eq!(code_path(409), "/reference/409");
        assert_eq!(methods_path(), "/reference/methods");
        assert_eq!(method_path("PATCH"), "/reference/methods/PATCH");
    }

    #[test]
    fn titles_end_with_the_app_name_except_home() {
        assert_eq!(document_title("Quiz"), "Quiz · HTTP Study");
        assert_eq!(document_title(APP_NAME), "HTTP Study");
        assert_eq!(document_title(""), "HTTP Study");
    }
}
