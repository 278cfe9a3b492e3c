//! One request on its way through the server, as a resource sees it: the parsed request, the
//! instant, and the content when the resource asks for it.

use chrono::{DateTime, Utc};

use super::parse::{Length, Request};
use super::response::{rfc9110, rfc9112, Reply};

/// The most bytes of content the lab takes in one request.
pub(super) const MAX_CONTENT: u64 = 1000;

/// One request on its way through the server.
pub(super) struct Ctx<'a> {
    pub req: &'a Request,
    pub now: DateTime<Utc>,
    /// Whether the server went on to read the content: after `Expect: 100-continue`, that is
    /// when it sends 100 Continue.
    pub continued: bool,
}

impl Ctx<'_> {
    pub fn method(&self) -> &str {
        &self.req.method
    }

    /// The request's content, for a resource that needs it: 411 when its length is not given,
    /// 413 when it is more than the lab takes, 408 when fewer bytes arrived than announced.
    pub fn content(&mut self) -> Result<String, Reply> {
        let c = &self.req.content;
        if c.length == Length::Absent {
            return Err(Reply::text(411, "Send Content-Length with the content.").because(
                format!("A {} here needs content, and your request does not say how long it is (no Content-Length), so the server asks for the length: #411.", self.method()),
                rfc9110("15.5.12"),
            ));
        }
        if c.announced > MAX_CONTENT {
            return Err(Reply::text(413, format!("The lab takes at most {MAX_CONTENT} bytes of content.")).because(
                format!("Your request announces {} bytes of content; the lab takes at most {MAX_CONTENT}. It can tell from the length alone, so it refuses before reading any of it: #413.", c.announced),
                rfc9110("15.5.14"),
            ));
        }
        self.continued = true;
        match &c.text {
            Some(text) => Ok(text.clone()),
            None => Err(Reply::text(408, "The content did not arrive in time.")
                .because(
                    format!("Your request announces {} bytes of content, but only {} came. A server waits for the rest, and then gives up: #408. Count the bytes again (every line break is one byte), or fix Content-Length.", c.announced, c.received),
                    rfc9110("15.5.9"),
                )
                .because("A server reads exactly as many bytes as Content-Length announces.", rfc9112("6.3"))
                .closing()),
        }
    }
}
