//! Faults an HTTP response can have, as the catalogue's rules define them: what "Spot the
//! fault" asks about. A checker names the faults an exchange has, and the mutations that make
//! a valid example break exactly one rule are checked with it, so that no question has a
//! second right answer.

use crate::catalogue::{Citation, StatusCode};
use crate::exchange::{required_headers, rules, Problem};

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

/// One message as text to change: its first line, headers and body. Only for making the
/// versions of an example; the checks read messages with the exchange checker.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    start: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Draft {
    fn parse(text: &str) -> Draft {
        let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let mut lines = head.lines();
        let start = lines.next().unwrap_or_default().to_string();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_string(), v.trim().to_string()))
            .collect();
        Draft {
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
}

/// The problems the one exchange checker (`exchange::rules`) finds in `request` and
/// `response` (one final response) as an example of `code`; a text that does not parse counts
/// as an out-of-range code, the only fault a question offers for a broken status line.
fn problems_of(code: &StatusCode, request: &str, response: &str) -> Vec<Problem> {
    let by_origin = code.example.is_none_or(|e| e.by_origin);
    let Ok(req) = rules::parse_request(request) else {
        return vec![Problem::NoHost];
    };
    let Ok(responses) = rules::parse_responses(response) else {
        return vec![Problem::CodeOutOfRange(0)];
    };
    rules::response_problems(&req.method, &responses, &required_headers, by_origin)
}

/// The fault a question offers for `problem`; `None` for the rules no question asks about.
fn fault(problem: &Problem) -> Option<Fault> {
    Some(match problem {
        Problem::CodeOutOfRange(_) => Fault::CodeOutOfRange,
        Problem::MissingHeader { .. } => Fault::MissingHeader,
        Problem::BodyNotAllowed { .. } => Fault::BodyNotAllowed,
        Problem::LengthMismatch { .. } | Problem::LengthNotANumber { .. } => Fault::LengthMismatch,
        Problem::NotModifiedAfterUnsafe { .. } => Fault::NotModifiedAfterUnsafe,
        Problem::AllowListsRefused { .. } => Fault::AllowListsRefused,
        _ => return None,
    })
}

/// The faults of `request` and `response` (one final response) as an answer for `code`:
/// empty when it keeps every rule the questions ask about.
pub fn faults_of(code: &StatusCode, request: &str, response: &str) -> Vec<Fault> {
    let mut found: Vec<Fault> = problems_of(code, request, response)
        .iter()
        .filter_map(fault)
        .collect();
    found.dedup();
    found
}

/// How many codes' examples can show each kind of fault (indexed as [`Fault::ALL`]), worked
/// out once: every example can show an out-of-range code, only a 304 an answer to POST.
pub fn examples_showing() -> &'static [u32; Fault::ALL.len()] {
    static COUNTS: std::sync::OnceLock<[u32; Fault::ALL.len()]> = std::sync::OnceLock::new();
    COUNTS.get_or_init(|| {
        let mut counts = [0; Fault::ALL.len()];
        for code in crate::catalogue::STATUS_CODES {
            let mut kinds: Vec<Fault> = variants(code).iter().map(|v| v.fault).collect();
            kinds.dedup();
            for f in kinds {
                counts[f as usize] += 1;
            }
        }
        counts
    })
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
    let base_req = Draft::parse(example.request);
    let base = Draft::parse(example.response);
    let mut out = Vec::new();
    let mut push = |fault, req: &Draft, res: &Draft| {
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
    for name in code.required_headers() {
        if base.header(name).is_some() {
            let mut res = base.clone();
            res.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            push(Fault::MissingHeader, &base_req, &res);
        }
    }
    // A body where none belongs: on a 204 or 304, or on any response to HEAD.
    if matches!(code.code, 204 | 304) {
        let mut res = base.clone();
        res.set_header("Content-Type", "text/plain".into());
        res.set_header("Content-Length", "2".into());
        res.body = "ok".into();
        push(Fault::BodyNotAllowed, &base_req, &res);
    } else if !base.body.is_empty() && base_req.method() == "GET" {
        let mut req = base_req.clone();
        req.start = req.start.replacen("GET", "HEAD", 1);
        push(Fault::BodyNotAllowed, &req, &base);
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
    // Keep only the versions that break exactly the one rule they were made to break.
    out.retain(|v| {
        let found = problems_of(code, &v.request, &v.response);
        match v.fault {
            Fault::Nothing => found.is_empty(),
            f => found.len() == 1 && fault(&found[0]) == Some(f),
        }
    });
    out
}
