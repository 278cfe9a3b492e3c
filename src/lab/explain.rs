//! What each header of a lab response is for, in plain words. A header the catalogue lists
//! for the response's status code is explained by the catalogue's own note (one source of
//! truth); the rest by the short table below.

use super::Exchange;
use crate::catalogue::{status_code, Citation};

/// One header of a response and what it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderNote {
    /// The header's name, as the response spells it.
    pub name: &'static str,
    /// What it is for: the catalogue's note when the catalogue lists it with the status code.
    pub text: &'static str,
    /// The section that defines it.
    pub cite: Citation,
}

/// Headers the lab sends where the catalogue does not list them with the response's code,
/// what each is for, and the section that defines it. (ETag, Location, Retry-After and the
/// others the lab sends only with codes the catalogue describes them for are read from there;
/// a test checks that every header the lab sends has a note.)
const HEADERS: [(&str, &str, &str, &str); 8] = [
    ("Date", "When the server made this response. An origin server with a clock dates every 2xx, 3xx and 4xx response, and may date the others.", "RFC 9110", "6.6.1"),
    ("Content-Type", "What the body is (its media type), so that the client knows how to read it.", "RFC 9110", "8.3"),
    ("Content-Length", "The body's length in bytes, so that the client knows where it ends. On a response to HEAD it gives the length a GET would get, without sending the body.", "RFC 9110", "8.6"),
    ("Last-Modified", "When what was sent last changed. Send it back in If-Modified-Since or If-Unmodified-Since.", "RFC 9110", "8.8.2"),
    ("Allow", "The methods this resource supports.", "RFC 9110", "10.2.1"),
    ("Accept-Ranges", "This resource can send parts of itself: ask with Range: bytes=...", "RFC 9110", "14.3"),
    ("Accept-Patch", "The patch formats this resource takes with PATCH.", "RFC 5789", "3.1"),
    ("Connection", "close: the server closes the connection after this response, so the next request needs a new one.", "RFC 9112", "9.6"),
];

/// What each header of `x`'s final response is for, in order.
pub(super) fn header_notes(x: &Exchange) -> Vec<HeaderNote> {
    let code = status_code(x.status());
    x.response_headers()
        .iter()
        .filter_map(|(name, _)| {
            let listed = code
                .and_then(|c| c.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)))
                .map(|h| (h.note, h.cite));
            let table = || {
                HEADERS
                    .iter()
                    .find(|(n, ..)| n.eq_ignore_ascii_case(name))
                    .map(|(_, text, source, section)| (*text, Citation { source, section }))
            };
            let (text, cite) = listed.or_else(table)?;
            Some(HeaderNote { name, text, cite })
        })
        .collect()
}
