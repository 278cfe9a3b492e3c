//! The rules a well-formed exchange keeps: one checker for the catalogue's example exchanges
//! (checked by `build.rs`, which includes this file with `#[path]`), for "Spot the fault"
//! (`quiz::faults`) and for every response the lab sends (`lab`).
//!
//! Plain Rust with no dependency beyond std and httparse, and no `crate::` path, so that the
//! build script can compile it on its own. Messages are HTTP/1.1 text with plain line breaks:
//! a head, a blank line, then the body exactly as it goes on the wire. An interim (1xx)
//! response is followed by a blank line and the next response.

use std::fmt;

/// One HTTP/1.x message, read with httparse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The method of a request; empty for a response.
    pub method: String,
    /// The status code of a response; 0 for a request.
    pub code: u16,
    /// The header fields in order, values without surrounding whitespace.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Message {
    /// The value of the first header field called `name` (in any letter case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Splits `text` at its first blank line: the head, and what follows (empty if nothing).
pub fn split_head(text: &str) -> (&str, &str) {
    match text.find("\n\n") {
        Some(i) => (&text[..i], &text[i + 2..]),
        None => (text, ""),
    }
}

/// The head as it goes on the wire: CRLF line ends and the blank line that ends it.
fn wire(head: &str) -> Vec<u8> {
    let mut out = head.replace('\n', "\r\n").into_bytes();
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn headers_of(headers: &[httparse::Header]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect()
}

/// Where an abbreviation such as `[… 8,200 more characters …]` stands for that many
/// characters. Examples use it for what would not fit on a screen (a 414's long target); the
/// checks see the full length.
const ELISION: (&str, &str) = ("[… ", " more characters …]");

/// `text` with every abbreviation written out as that many `x`.
pub fn expand(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(ELISION.0) {
        let after = &rest[start + ELISION.0.len()..];
        let Some(end) = after.find(ELISION.1) else {
            break;
        };
        let digits: String = after[..end].chars().filter(|c| *c != ',').collect();
        let Ok(n) = digits.parse::<usize>() else {
            break;
        };
        out.push_str(&rest[..start]);
        out.extend(std::iter::repeat_n('x', n));
        rest = &after[end + ELISION.1.len()..];
    }
    out.push_str(rest);
    out
}

/// Reads one request: its head with httparse, then the body as written.
pub fn parse_request(text: &str) -> Result<Message, String> {
    let text = expand(text);
    let (head, body) = split_head(&text);
    let bytes = wire(head);
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(&bytes) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err("the request is cut short".into()),
        Err(e) => return Err(format!("the request does not parse as HTTP/1.1 ({e})")),
    }
    Ok(Message {
        method: req.method.unwrap_or_default().to_string(),
        code: 0,
        headers: headers_of(req.headers),
        body: body.to_string(),
    })
}

/// Reads the responses of `text`: interim (1xx) ones first, then the final one.
pub fn parse_responses(text: &str) -> Result<Vec<Message>, String> {
    let mut rest = text;
    let mut out = Vec::new();
    loop {
        let (head, after) = split_head(rest);
        let bytes = wire(head);
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut res = httparse::Response::new(&mut headers);
        match res.parse(&bytes) {
            Ok(httparse::Status::Complete(_)) => {}
            Ok(httparse::Status::Partial) => return Err("a response is cut short".into()),
            Err(e) => return Err(format!("a response does not parse as HTTP/1.1 ({e})")),
        }
        let code = res.code.unwrap_or_default();
        let interim = (100..200).contains(&code) && !after.is_empty();
        out.push(Message {
            method: String::new(),
            code,
            headers: headers_of(res.headers),
            body: if interim { String::new() } else { after.into() },
        });
        if !interim {
            return Ok(out);
        }
        rest = after;
    }
}

/// A rule an exchange breaks. `code` names the message: a response's status code, or 0 for
/// the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An HTTP/1.1 request without Host (RFC 9112 §3.2).
    NoHost,
    /// A status code outside 100 to 599 (RFC 9110 §15).
    CodeOutOfRange(u16),
    /// Content-Length is not the body's length in bytes (RFC 9110 §8.6).
    LengthMismatch {
        code: u16,
        declared: usize,
        actual: usize,
    },
    /// Content-Length is not a number.
    LengthNotANumber { code: u16, value: String },
    /// A body without Content-Length: its end cannot be found (RFC 9112 §6.3).
    BodyWithoutLength { code: u16 },
    /// A body without Content-Type (RFC 9110 §8.3).
    BodyWithoutType { code: u16 },
    /// A body on a 1xx, 204 or 304 response, or on any response to HEAD (RFC 9110 §6.4.1).
    BodyNotAllowed { code: u16, to_head: bool },
    /// Content-Length on a 1xx or 204, or on a 2xx to CONNECT (RFC 9110 §8.6, §9.3.6).
    LengthNotAllowed { code: u16 },
    /// A 304 answering a method other than GET or HEAD (RFC 9110 §15.4.5).
    NotModifiedAfterUnsafe { method: String },
    /// A 405 whose Allow lists the method it refused (RFC 9110 §15.5.6).
    AllowListsRefused { method: String },
    /// A header the code's specification requires is missing.
    MissingHeader { code: u16, name: String },
    /// An origin server's 2xx, 3xx or 4xx without Date (RFC 9110 §6.6.1).
    NoDate { code: u16 },
}

/// "the request" or "the 404 response".
fn part(code: u16) -> String {
    if code == 0 {
        "the request".to_string()
    } else {
        format!("the {code} response")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoHost => write!(f, "the request has no Host header"),
            Problem::CodeOutOfRange(code) => {
                write!(f, "the status code {code} is outside 100 to 599")
            }
            Problem::LengthMismatch {
                code,
                declared,
                actual,
            } => write!(
                f,
                "{}: Content-Length is {declared} but the body is {actual} bytes",
                part(*code)
            ),
            Problem::LengthNotANumber { code, value } => {
                write!(f, "{}: Content-Length {value:?} is not a number", part(*code))
            }
            Problem::BodyWithoutLength { code } => {
                write!(f, "{} has a body but no Content-Length", part(*code))
            }
            Problem::BodyWithoutType { code } => {
                write!(f, "{} has a body but no Content-Type", part(*code))
            }
            Problem::BodyNotAllowed {
                code,
                to_head: true,
            } => write!(
                f,
                "{} to HEAD has a body, which no response to HEAD has",
                part(*code)
            ),
            Problem::BodyNotAllowed { code, .. } => write!(
                f,
                "{} has a body, which a {code} never has",
                part(*code)
            ),
            Problem::LengthNotAllowed { code } => write!(
                f,
                "{} has a Content-Length, which a {code} (or a 2xx to CONNECT) never has",
                part(*code)
            ),
            Problem::NotModifiedAfterUnsafe { method } => write!(
                f,
                "a 304 answers only a conditional GET or HEAD, not {method}"
            ),
            Problem::AllowListsRefused { method } => {
                write!(f, "the 405's Allow lists {method}, the method it refused")
            }
            Problem::MissingHeader { code, name } => write!(
                f,
                "the {code} response has no {name} header, which the catalogue marks required"
            ),
            Problem::NoDate { code } => write!(
                f,
                "the {code} response has no Date header, which an origin server with a clock sends on every 2xx, 3xx and 4xx response (RFC 9110 6.6.1)"
            ),
        }
    }
}

/// Whether a response with `code` to `method` never has content (RFC 9110 §6.4.1; after a
/// 2xx to CONNECT the connection becomes a tunnel, §9.3.6).
pub fn without_content(method: &str, code: u16) -> bool {
    code < 200
        || code == 204
        || code == 304
        || method == "HEAD"
        || (method == "CONNECT" && code < 300)
}

/// The problems of one message's body: Content-Length is its length in bytes (or, where the
/// message may not have a body, a number: a HEAD or 304 may announce the length of the body it
/// does not send), and a body has a Content-Type.
fn body_problems(method: &str, m: &Message, out: &mut Vec<Problem>) {
    let code = m.code;
    let no_body = code != 0 && without_content(method, code);
    let length = m.header("Content-Length");
    if no_body {
        if !m.body.is_empty() {
            out.push(Problem::BodyNotAllowed {
                code,
                to_head: method == "HEAD" && code >= 200 && code != 204 && code != 304,
            });
        } else if length.is_some()
            && (code < 200 || code == 204 || (method == "CONNECT" && code < 300))
        {
            out.push(Problem::LengthNotAllowed { code });
        } else if let Some(v) = length.filter(|v| v.parse::<usize>().is_err()) {
            out.push(Problem::LengthNotANumber {
                code,
                value: v.to_string(),
            });
        }
        return;
    }
    match length {
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n == m.body.len() => {}
            Ok(n) => out.push(Problem::LengthMismatch {
                code,
                declared: n,
                actual: m.body.len(),
            }),
            Err(_) => out.push(Problem::LengthNotANumber {
                code,
                value: v.to_string(),
            }),
        },
        None if !m.body.is_empty() => out.push(Problem::BodyWithoutLength { code }),
        None => {}
    }
    if !m.body.is_empty() && m.header("Content-Type").is_none() {
        out.push(Problem::BodyWithoutType { code });
    }
}

/// The problems of a request: it names its host, and its body is framed and typed.
pub fn request_problems(request: &Message) -> Vec<Problem> {
    let mut out = Vec::new();
    if request.header("Host").is_none() {
        out.push(Problem::NoHost);
    }
    body_problems(&request.method, request, &mut out);
    out
}

/// The problems of the responses to a `method` request (interim ones first, then the final
/// one). `required` gives the headers a code's specification requires outright; `origin` says
/// whether an origin server (with a clock) sent them, rather than a proxy.
pub fn response_problems(
    method: &str,
    responses: &[Message],
    required: &dyn Fn(u16) -> Vec<String>,
    origin: bool,
) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, r) in responses.iter().enumerate() {
        let code = r.code;
        if !(100..=599).contains(&code) {
            out.push(Problem::CodeOutOfRange(code));
            continue;
        }
        body_problems(method, r, &mut out);
        if code == 304 && method != "GET" && method != "HEAD" {
            out.push(Problem::NotModifiedAfterUnsafe {
                method: method.to_string(),
            });
        }
        if code == 405
            && r.header("Allow")
                .is_some_and(|a| a.split(',').any(|m| m.trim() == method))
        {
            out.push(Problem::AllowListsRefused {
                method: method.to_string(),
            });
        }
        for name in required(code) {
            if r.header(&name).is_none() {
                out.push(Problem::MissingHeader { code, name });
            }
        }
        let last = i + 1 == responses.len();
        if origin && last && (200..500).contains(&code) && r.header("Date").is_none() {
            out.push(Problem::NoDate { code });
        }
    }
    out
}
