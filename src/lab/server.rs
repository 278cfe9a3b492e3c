//! The lab's server: the steps every request goes through before and after the
//! resource answers it (parse, host, method, expectation; then Date, Content-Length, no body
//! where none belongs, and the 100 Continue a waiting client needs).

use chrono::{DateTime, Timelike, Utc};

use super::context::Ctx;
use super::parse::{self, Length, Request};
use super::resources;
use super::response::{rfc9110, Reply};
use super::state::Lab;
use super::{Exchange, Note, HOST};
use crate::clock::{earliest, http_date, latest};
use crate::exchange::rules::without_content;

/// The methods RFC 9110 defines (and PATCH, RFC 5789): every one the lab knows.
pub const METHODS: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];

impl Lab {
    /// Answers the request the learner wrote in `raw` (HTTP/1.1 text; line breaks may be LF or
    /// CRLF) at the instant `at`, changing the lab's state as the request asks.
    pub fn handle(&mut self, raw: &str, at: DateTime<Utc>) -> Exchange {
        // HTTP dates count whole seconds and have four-digit years.
        let now = at
            .clamp(earliest(), latest())
            .with_nanosecond(0)
            .unwrap_or(at);
        let (reply, line, headers, continued, request) = match parse::parse(raw) {
            Ok(req) => {
                let mut ctx = Ctx {
                    req: &req,
                    now,
                    continued: false,
                };
                let reply = self.answer(&mut ctx);
                let continued = ctx.continued;
                (
                    reply,
                    Some((req.method.clone(), req.target.clone())),
                    req.headers.clone(),
                    continued,
                    Some(req),
                )
            }
            Err(failed) => (failed.reply, failed.line, failed.headers, false, None),
        };
        finish(raw, reply, line, headers, continued, request.as_ref(), now)
    }

    /// The answer to a request that parsed.
    fn answer(&mut self, ctx: &mut Ctx) -> Reply {
        let req = ctx.req;
        // Which host? The target's own authority, or else Host (RFC 9112 §3.2.2).
        let named = req
            .authority
            .as_deref()
            .or(req.header("Host"))
            .unwrap_or(HOST);
        let host = named
            .rsplit_once(':')
            .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
            .map_or(named, |(h, _)| h);
        if !host.eq_ignore_ascii_case(HOST) && req.form != parse::Form::Authority {
            return Reply::text(421, format!("This server is {HOST}; it does not answer for {host}."))
                .because(
                    format!("Your request is for {host}, but this server is {HOST} and gives no answers for other hosts: #421. Write Host: {HOST}."),
                    rfc9110("15.5.20"),
                );
        }
        let method = req.method.as_str();
        if !METHODS.contains(&method) {
            let mut reply = Reply::text(501, format!("The lab does not implement {method}."))
                .because(
                    format!("{method} is not a method the lab knows, for any resource: #501. (For a method it knows but a resource does not allow, the answer would be 405.)"),
                    rfc9110("15.6.2"),
                );
            if METHODS.contains(&method.to_ascii_uppercase().as_str()) {
                reply = reply.because(
                    format!(
                        "Method names are case-sensitive: {method} is not {}.",
                        method.to_ascii_uppercase()
                    ),
                    rfc9110("9.1"),
                );
            }
            return reply;
        }
        if method == "CONNECT" {
            return Reply::text(501, "The lab is not a proxy: it does not open tunnels.").because(
                format!("CONNECT asks a proxy to open a tunnel to {}. The lab is an origin server, not a proxy, so it does not implement CONNECT: #501.", req.target),
                rfc9110("9.3.6"),
            );
        }
        let expect: Vec<String> = req
            .all("Expect")
            .flat_map(|v| v.split(','))
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        if let Some(other) = expect.iter().find(|e| *e != "100-continue") {
            return Reply::text(417, "The only expectation the lab can meet is 100-continue.").because(
                format!("Your Expect asks for \"{other}\", which the lab cannot meet (the only expectation HTTP defines is 100-continue): #417. Send the request again without it."),
                rfc9110("10.1.1"),
            );
        }
        resources::answer(self, ctx)
    }
}

/// Finishes the answer (Date, Content-Type and Content-Length, no body where none belongs, the
/// 100 Continue a waiting client needs) and writes the exchange down.
fn finish(
    raw: &str,
    reply: Reply,
    line: Option<(String, String)>,
    request_headers: Vec<(String, String)>,
    continued: bool,
    req: Option<&Request>,
    now: DateTime<Utc>,
) -> Exchange {
    let (method, target) = match line {
        Some((m, t)) => (Some(m), Some(t)),
        None => (None, None),
    };
    let verb = method.as_deref().unwrap_or("GET");
    let mut why = reply.why;
    let status = reply.status;
    let mut headers = vec![("Date", http_date(now))];
    headers.extend(reply.headers);
    let mut body = reply.body;
    if status == 204 || status == 304 || status < 200 {
        body.clear();
    } else {
        if let Some(media) = reply.content_type.filter(|_| !body.is_empty()) {
            headers.push(("Content-Type", media));
        }
        headers.push(("Content-Length", body.len().to_string()));
        if without_content(verb, status) {
            why.push(Note {
                text: format!("A response to HEAD has the headers a GET would get, Content-Length included ({} bytes), but never the body.", body.len()),
                cite: rfc9110("9.3.2"),
            });
            body.clear();
        }
    }
    if reply.close {
        headers.push(("Connection", "close".to_string()));
    }
    let mut interim = None;
    if let Some(req) = req {
        let expects = req
            .all("Expect")
            .any(|e| e.to_ascii_lowercase().contains("100-continue"));
        let has_content = req.content.length == Length::Chunked || req.content.announced > 0;
        if expects && has_content && !req.http10 {
            if continued {
                interim = Some(100);
                why.push(Note {
                    text: "Your request said Expect: 100-continue, and the server wants its content, so it first answered #100: only then does a client send the body. The final response follows.".into(),
                    cite: rfc9110("15.2.1"),
                });
            } else {
                why.push(Note {
                    text: "Your request said Expect: 100-continue, but the server could answer from the headers alone, without #100: the client need not send the body.".into(),
                    cite: rfc9110("10.1.1"),
                });
            }
        } else if expects && !has_content {
            why.push(Note {
                text: "Your request said Expect: 100-continue but has no content, so there is nothing to wait for: a client sends that expectation only with content.".into(),
                cite: rfc9110("10.1.1"),
            });
        } else if expects && req.http10 {
            why.push(Note {
                text: "Expect: 100-continue came in an HTTP/1.0 request, where it does not exist, so the server ignores it.".into(),
                cite: rfc9110("10.1.1"),
            });
        }
        let has_content = req.content.announced > 0 || req.content.length == Length::Chunked;
        if has_content && matches!(verb, "GET" | "HEAD" | "DELETE" | "TRACE") {
            why.push(Note {
                text: format!("Your {verb} carries content. HTTP gives content in a {verb} no meaning, so the lab ignores it (some servers refuse such requests)."),
                cite: rfc9110(match verb {
                    "GET" => "9.3.1",
                    "HEAD" => "9.3.2",
                    "DELETE" => "9.3.5",
                    _ => "9.3.8",
                }),
            });
        }
        why.extend(req.notes.iter().cloned());
    }
    for note in &mut why {
        note.text = named(&note.text);
    }
    Exchange {
        request: raw.to_string(),
        method,
        target,
        request_headers,
        interim,
        status,
        response_headers: headers,
        body,
        why,
    }
}

/// `text` with every `#404` written out as the catalogue names the code: "404 Not Found". The
/// lab's sentences name codes this way, so that no code's name is written twice.
fn named(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let code = after
            .get(..3)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u16>().ok())
            .and_then(crate::catalogue::status_code);
        match code {
            Some(c) => {
                out.push_str(&format!("{} {}", c.code, c.name));
                rest = &after[3..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
