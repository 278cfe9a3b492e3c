//! A response as the lab builds it, before the server finishes it (Date, Content-Length, no
//! body where none belongs), with the reasons for it.

use super::Note;
use crate::catalogue::Citation;

/// RFC 9110, the authority for almost every note.
pub(super) fn rfc9110(section: &'static str) -> Citation {
    Citation {
        source: "RFC 9110",
        section,
    }
}

/// RFC 9112, HTTP/1.1's message syntax.
pub(super) fn rfc9112(section: &'static str) -> Citation {
    Citation {
        source: "RFC 9112",
        section,
    }
}

/// RFC 6585, which defines 428, 429 and 431.
pub(super) fn rfc6585(section: &'static str) -> Citation {
    Citation {
        source: "RFC 6585",
        section,
    }
}

/// RFC 5789, which defines PATCH.
pub(super) fn rfc5789(section: &'static str) -> Citation {
    Citation {
        source: "RFC 5789",
        section,
    }
}

/// A response in the making. Its builders are never inlined: the lab builds a hundred
/// different answers, and one copy of each builder keeps the download small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub content_type: Option<String>,
    pub body: String,
    pub why: Vec<Note>,
    /// Whether the server closes the connection after it (framing it cannot trust, a timeout).
    pub close: bool,
}

impl Reply {
    /// A response with no body.
    #[inline(never)]
    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            content_type: None,
            body: String::new(),
            why: Vec::new(),
            close: false,
        }
    }

    /// A response whose body is `body`, of the media type `content_type`.
    #[inline(never)]
    pub fn with(status: u16, content_type: &str, body: impl Into<String>) -> Reply {
        Reply {
            content_type: Some(content_type.to_string()),
            body: body.into(),
            ..Reply::empty(status)
        }
    }

    /// A response with a short plain-text body, as servers send with errors.
    #[inline(never)]
    pub fn text(status: u16, body: impl Into<String>) -> Reply {
        let mut body = body.into();
        body.push('\n');
        Reply::with(status, "text/plain", body)
    }

    /// Adds a header field.
    #[inline(never)]
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// Adds a reason, in plain words, with its section.
    #[inline(never)]
    pub fn because(mut self, text: impl Into<String>, cite: Citation) -> Reply {
        self.why.push(Note {
            text: text.into(),
            cite,
        });
        self
    }

    /// Marks the connection as closed after this response.
    #[inline(never)]
    pub fn closing(mut self) -> Reply {
        self.close = true;
        self
    }
}
