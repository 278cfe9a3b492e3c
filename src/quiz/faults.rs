//! Faults an HTTP response can have, as the catalogue's rules define them: what "Spot the
//! fault" asks about. A checker names the faults an exchange has, and the mutations that make
//! a valid example break exactly one rule are checked with it, so that no question has a
//! second right answer.

use crate::catalogue::{Citation, Requirement, StatusCode};

/// The kinds of fault a question offers, in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fault {
    /// A header the code's specification requires is missing.
    MissingHeader,
    /// A body on a 1xx, 204 or 304 response, or on any response to HEAD.
    BodyNotAllowed,
    /// Content-Length does not match the body.
    LengthMismatch,
    /// A 304 answering a method other than GET or HEAD.
    NotModifiedAfterUnsafe,
    /// A 405 whose Allow lists the method it refused.
    AllowListsRefused,
    /// A status code outside 100 to 599.
    CodeOutOfRange,
    /// Nothing: the exchange keeps every rule (a different reason phrase is allowed).
    Nothing,
}

impl Fault {
    pub const ALL: [Fault; 7] = [
        Fault::MissingHeader,
        Fault::BodyNotAllowed,
        Fault::LengthMismatch,
        Fault::NotModifiedAfterUnsafe,
        Fault::AllowListsRefused,
        Fault::CodeOutOfRange,
        Fault::Nothing,
    ];

    /// The option's words.
    pub fn label(self) -> &'static str {
        match self {
            Fault::MissingHeader => "A header this status code requires is missing",
            Fault::BodyNotAllowed => "The response has a body, which this response may not have",
            Fault::LengthMismatch => "Content-Length does not match the body",
            Fault::NotModifiedAfterUnsafe => "304 can only answer a conditional GET or HEAD",
            Fault::AllowListsRefused => "Allow lists the method that was refused",
            Fault::CodeOutOfRange => "The status code is outside 100 to 599",
            Fault::Nothing => "Nothing is wrong",
        }
    }

    /// Why, in one sentence, and where the RFC says so.
    pub fn rule(self) -> (&'static str, Citation) {
        let cite = |source, section| Citation { source, section };
        match self {
            Fault::MissingHeader => (
                "The status code's own section says which headers its response must carry.",
                cite("RFC 9110", "15"),
            ),
            Fault::BodyNotAllowed => (
                "1xx, 204 and 304 responses never include content, and neither does any response to HEAD.",
                cite("RFC 9110", "6.4.1"),
            ),
            Fault::LengthMismatch => (
                "Content-Length gives the body's exact length in bytes; a different number breaks the message.",
                cite("RFC 9112", "6.3"),
            ),
            Fault::NotModifiedAfterUnsafe => (
                "304 answers a conditional GET or HEAD; a failed condition on any other method gets 412.",
                cite("RFC 9110", "15.4.5"),
            ),
            Fault::AllowListsRefused => (
                "A 405's Allow lists the methods the resource supports, so never the one it just refused.",
                cite("RFC 9110", "15.5.6"),
            ),
            Fault::CodeOutOfRange => (
                "Every valid status code is a three-digit number from 100 to 599.",
                cite("RFC 9110", "15"),
            ),
            Fault::Nothing => (
                "Nothing breaks a rule. The reason phrase after the code may differ from the usual one: clients ignore it, and only the number counts.",
                cite("RFC 9112", "4"),
            ),
        }
    }
}

/// One message: its first line, headers and body.
#[derive(Clone, Debug, PartialEq)]
struct Message {
    start: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Message {
    fn parse(text: &str) -> Message {
        let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let start = lines.next().unwrap_or_default().to_string();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_string(), v.trim().to_string()))
            .collect();
        Message {
            start,
            headers,
            body: body.to_string(),
        }
    }

    fn render(&self) -> String {
        let mut out = self.start.clone();
        for (n, v) in &self.headers {
            out.push('\n');
            out.push_str(n);
            out.push_str(": ");
            out.push_str(v);
        }
        if !self.body.is_empty() {
            out.push_str("\n\n");
            out.push_str(&self.body);
        }
        out
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn set_header(&mut self, name: &str, value: String) {
        match self
            .headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(h) => h.1 = value,
            None => self.headers.push((name.to_string(), value)),
        }
    }

    /// The method of a request line.
    fn method(&self) -> &str {
        self.start.split(' ').next().unwrap_or_default()
    }

    /// The status code of a status line (0 when it has none).
    fn status(&self) -> u16 {
        self.start
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }
}

/// The headers `code`'s specification requires outright (not those whose note starts "If").
fn required(code: &StatusCode) -> impl Iterator<Item = &'static str> + '_ {
    code.headers
        .iter()
        .filter(|h| h.level == Requirement::Required && !h.note.starts_with("If"))
        .map(|h| h.name)
}

/// The faults of `request` and `response` (one final response) as an answer for `code`:
/// empty when it keeps every rule.
pub fn faults_of(code: &StatusCode, request: &str, response: &str) -> Vec<Fault> {
    let req = Message::parse(request);
    let res = Message::parse(response);
    let status = res.status();
    if !(100..=599).contains(&status) {
        return vec![Fault::CodeOutOfRange];
    }
    let mut found = Vec::new();
    if status == code.code && required(code).any(|h| res.header(h).is_none()) {
        found.push(Fault::MissingHeader);
    }
    let no_body = status < 200 || status == 204 || status == 304 || req.method() == "HEAD";
    if no_body && !res.body.is_empty() {
        found.push(Fault::BodyNotAllowed);
    }
    if let Some(len) = res.header("Content-Length") {
        if len.parse::<usize>().ok() != Some(res.body.len()) {
            found.push(Fault::LengthMismatch);
        }
    }
    if status == 304 && !matches!(req.method(), "GET" | "HEAD") {
        found.push(Fault::NotModifiedAfterUnsafe);
    }
    if status == 405
        && res
            .header("Allow")
            .is_some_and(|a| a.split(',').any(|m| m.trim() == req.method()))
    {
        found.push(Fault::AllowListsRefused);
    }
    found
}

/// One version of an example, with the fault it was made to have.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub fault: Fault,
    pub request: String,
    pub response: String,
}

/// Whether `code` has single-fault versions to ask about: a final response (2xx to 5xx) whose
/// example answers with that code (208, shown inside a 207, does not). Cheap, unlike
/// [`variants`]: quiz generation asks it of every code. Every example keeps the rules (the
/// build checks them), so such a code always has at least its nothing-wrong version.
pub fn asked_about(code: &StatusCode) -> bool {
    code.code >= 200
        && code.example.is_some_and(|e| {
            e.response
                .lines()
                .next()
                .is_some_and(|l| l.starts_with(&format!("HTTP/1.1 {} ", code.code)))
        })
}

/// Every single-fault version of `code`'s example that the catalogue's rules allow, and the
/// example itself with its reason phrase changed (nothing wrong). Only for the codes
/// [`asked_about`] names.
pub fn variants(code: &StatusCode) -> Vec<Variant> {
    let Some(example) = code.example.filter(|_| asked_about(code)) else {
        return Vec::new();
    };
    let base_req = Message::parse(example.request);
    let base = Message::parse(example.response);
    let mut out = Vec::new();
    let mut push = |fault, req: &Message, res: &Message| {
        out.push(Variant {
            fault,
            request: req.render(),
            response: res.render(),
        });
    };
    // Nothing wrong: only the reason phrase differs from the usual one.
    let mut res = base.clone();
    res.start = format!("HTTP/1.1 {} Whatever We Like", code.code);
    push(Fault::Nothing, &base_req, &res);
    // A code outside the range.
    let mut res = base.clone();
    res.start = base.start.replacen(
        &format!(" {} ", code.code),
        &format!(" {} ", 600 + code.code % 100),
        1,
    );
    push(Fault::CodeOutOfRange, &base_req, &res);
    // A required header removed.
    for name in required(code) {
        if base.header(name).is_some() {
            let mut res = base.clone();
            res.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            push(Fault::MissingHeader, &base_req, &res);
        }
    }
    // A body where none belongs.
    if matches!(code.code, 204 | 304) {
        let mut res = base.clone();
        res.set_header("Content-Type", "text/plain".into());
        res.set_header("Content-Length", "2".into());
        res.body = "ok".into();
        push(Fault::BodyNotAllowed, &base_req, &res);
    }
    // A Content-Length that does not match.
    if !base.body.is_empty() && base.header("Content-Length").is_some() {
        let mut res = base.clone();
        res.set_header("Content-Length", (base.body.len() + 7).to_string());
        push(Fault::LengthMismatch, &base_req, &res);
    }
    // A 304 answering a POST.
    if code.code == 304 {
        let mut req = base_req.clone();
        req.start = req.start.replacen(req.method(), "POST", 1);
        push(Fault::NotModifiedAfterUnsafe, &req, &base);
    }
    // A 405 that allows what it refused.
    if code.code == 405 {
        if let Some(allow) = base.header("Allow") {
            let mut res = base.clone();
            res.set_header("Allow", format!("{allow}, {}", base_req.method()));
            push(Fault::AllowListsRefused, &base_req, &res);
        }
    }
    // Keep only the versions whose faults are exactly the one they were made to have.
    out.retain(|v| {
        let found = faults_of(code, &v.request, &v.response);
        match v.fault {
            Fault::Nothing => found.is_empty(),
            f => found == [f],
        }
    });
    out
}
