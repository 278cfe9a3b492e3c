//! The HTTP lab: a small origin server, in the page, that answers a learner's raw HTTP/1.1
//! requests as RFC 9110 says, explains every answer with its sections, and sets challenges
//! built from the catalogue.
//!
//! Plain Rust with no DOM: the UI keeps one [`Session`] (a [`Lab`], fresh for each challenge
//! opened, from [`Challenge::lab`], and the exchanges sent to it), edits the request as a
//! [`Draft`] (fields and text in step), sends the text the learner wrote with
//! [`Session::send`] (which calls [`Lab::handle`] and says which challenges the exchange has
//! just solved, [`just_solved`]), shows the [`Exchange`] that comes back (the response text,
//! [`Exchange::why`] and [`Exchange::header_notes`]) and the session's [`Row`]s, and where the
//! learner's record stands with every challenge ([`standing`]). The clock is passed in, never
//! read.
//!
//! The server's resources, all on the host `lab.example` (`GET /` lists them):
//! - `/articles` and `/articles/{id}`: a JSON API with versions and ETags; PUT and PATCH need
//!   If-Match, PATCH takes `application/merge-patch+json`; article 2 was deleted.
//! - `/files/big.txt`: 4000 bytes of text served in ranges.
//! - `/blog` (301), `/news` (302), `/inbox` (307), `/api/v1/articles…` (308), and `/contact`,
//!   a form whose POST is answered with 303.
//! - `/account` and `/admin`, behind Basic authentication (`ada`, password `lovelace`).
//! - `/search?q=…`, at most three searches a minute; `/uploads`, which takes up to 1000
//!   bytes and honours `Expect: 100-continue`; `/reports`, down for maintenance.

mod challenges;
mod conditional;
mod context;
mod draft;
mod explain;
mod json;
mod negotiation;
mod parse;
mod ranges;
mod resources;
mod response;
mod server;
mod session;
mod standing;
mod state;

pub use challenges::{
    challenge, challenges, challenges_for_code, challenges_for_method, Challenge,
};
pub use draft::{common_header_names, Draft};
pub use explain::HeaderNote;
pub use server::METHODS;
pub use session::{just_solved, Row, Session};
pub use standing::{standing, ChallengeStanding, Standing};
pub use state::Lab;

use crate::catalogue::Citation;
use crate::exchange::{self, Problem};

/// The host the lab serves; requests for any other get 421 Misdirected Request.
pub const HOST: &str = "lab.example";

/// One reason for the answer, in plain words, and where the RFC says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The reason, in plain words, with the values of this exchange ("Your If-Match named…").
    pub text: String,
    /// The section that says so.
    pub cite: Citation,
}

/// One request the learner sent and the lab's answer to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    request: String,
    method: Option<String>,
    target: Option<String>,
    request_headers: Vec<(String, String)>,
    interim: Option<u16>,
    status: u16,
    response_headers: Vec<(&'static str, String)>,
    body: String,
    why: Vec<Note>,
}

impl Exchange {
    /// The request exactly as the learner wrote it.
    pub fn request(&self) -> &str {
        &self.request
    }

    /// The request's method, when its request line could be read.
    pub fn method(&self) -> Option<&str> {
        self.method.as_deref()
    }

    /// The request target as sent ("/articles/7?x=1"), when the request line could be read.
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }

    /// The target's path, without the query ("/articles/7").
    pub fn path(&self) -> Option<&str> {
        self.target().map(|t| t.split('?').next().unwrap_or(t))
    }

    /// The value of the request's header `name` (any letter case), when the request parsed.
    pub fn request_header(&self, name: &str) -> Option<&str> {
        self.request_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The final status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The interim (1xx) response sent before the final one, if any: 100 Continue.
    pub fn interim(&self) -> Option<u16> {
        self.interim
    }

    /// The value of the final response's header `name` (any letter case).
    pub fn response_header(&self, name: &str) -> Option<&str> {
        self.response_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The final response's header fields, in order.
    pub fn response_headers(&self) -> &[(&'static str, String)] {
        &self.response_headers
    }

    /// The final response's body (empty for HEAD, 204, 304 and 1xx).
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The response as HTTP/1.1 text with plain line breaks: the interim response if any, a
    /// blank line, then the final response; a blank line and the body when there is one.
    pub fn response(&self) -> String {
        let mut out = String::new();
        if let Some(code) = self.interim {
            out.push_str(&status_line(code));
            out.push_str("\n\n");
        }
        out.push_str(&status_line(self.status));
        for (name, value) in &self.response_headers {
            out.push('\n');
            out.push_str(name);
            out.push_str(": ");
            out.push_str(value);
        }
        if !self.body.is_empty() {
            out.push_str("\n\n");
            out.push_str(&self.body);
        }
        out
    }

    /// Why the server answered with this code: the reasons in plain words, each with its
    /// section, the deciding one first.
    pub fn why(&self) -> &[Note] {
        &self.why
    }

    /// What each header of the final response is for, and where the RFC says so.
    pub fn header_notes(&self) -> Vec<HeaderNote> {
        explain::header_notes(self)
    }

    /// The rules of the one exchange checker this exchange breaks: none, for every answer the
    /// lab gives (the tests hold it to that). `Err` if the response text does not parse.
    pub fn problems(&self) -> Result<Vec<Problem>, String> {
        exchange::response_problems(self.method().unwrap_or("GET"), &self.response(), true)
    }
}

/// "HTTP/1.1 404 Not Found", with the name the catalogue gives the code.
fn status_line(code: u16) -> String {
    format!("HTTP/1.1 {}", status_text(code))
}

/// "404 Not Found": the code and the name the catalogue gives it.
pub fn status_text(code: u16) -> String {
    let name = crate::catalogue::status_code(code).map_or("", |c| c.name);
    format!("{code} {name}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
