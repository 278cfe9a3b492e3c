//! Reading a learner's request as an HTTP/1.1 server reads a connection (RFC 9112): the
//! request line, the header lines, then the body as its framing says. What does not parse gets
//! the 400 a server sends (or 414, 431, 501, 505), with the reason in words a beginner can act
//! on: "line 2 has no colon: a header line is Name: value".
//!
//! The lines are checked here first, so that a problem can be named by its line; then the
//! head goes through httparse, the parser the build checks the catalogue's examples with, and
//! its reading is the one the server uses.

use super::response::{rfc6585, rfc9110, rfc9112, Reply};
use super::Note;

/// The longest request target the lab accepts: RFC 9110 §4.1 recommends at least 8000 octets.
pub(super) const MAX_TARGET: usize = 8000;
/// The longest header field line the lab accepts.
pub(super) const MAX_FIELD_LINE: usize = 8000;
/// The most header fields the lab accepts in one request.
const MAX_FIELDS: usize = 100;

/// The four forms of request target (RFC 9112 §3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// `/articles/7?x=1`, the usual one.
    Origin,
    /// `http://lab.example/articles`, as sent to proxies.
    Absolute,
    /// `lab.example:443`, only for CONNECT.
    Authority,
    /// `*`, only for OPTIONS.
    Asterisk,
}

/// How the request says where its content ends (RFC 9112 §6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Length {
    /// Neither Content-Length nor Transfer-Encoding: no content.
    Absent,
    /// `Content-Length: n`.
    Declared(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// The request's content as it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Content {
    pub length: Length,
    /// The bytes announced so far: the Content-Length, or the chunk sizes read.
    pub announced: u64,
    /// The content, or `None` when fewer bytes arrived than announced.
    pub text: Option<String>,
    /// How many bytes of content arrived.
    pub received: usize,
}

/// A request that parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Request {
    pub method: String,
    pub target: String,
    pub form: Form,
    /// The path (origin and absolute forms), `*`, or the authority (CONNECT).
    pub path: String,
    /// The query, without its `?` (empty when there is none).
    pub query: String,
    /// The authority an absolute-form target names.
    pub authority: Option<String>,
    /// Whether the request is HTTP/1.0 (no Host needed, no 100-continue).
    pub http10: bool,
    pub headers: Vec<(String, String)>,
    pub content: Content,
    /// Remarks that do not change the answer (text after the content, a newer minor version).
    pub notes: Vec<Note>,
}

impl Request {
    /// The value of the first header `name` (any letter case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A request that did not parse: the answer, and what could be read of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Failed {
    pub reply: Reply,
    /// The method and target, when the request line could be read.
    pub line: Option<(String, String)>,
    pub headers: Vec<(String, String)>,
}

/// Whether `b` may appear in a token: a method or a header name (RFC 9110 §5.6.2).
pub(super) fn tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Whether `b` may appear in a request target as it is (RFC 3986 via RFC 9112 §3.2).
fn target_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b)
}

/// A 400 whose body and reason say what is wrong.
#[inline(never)]
fn bad(text: String, cite: super::Citation) -> Reply {
    Reply::text(400, text.clone()).because(text, cite).closing()
}

/// Reads `raw`. A missing blank line after the headers is read as the end of the head: the
/// editor sends what the learner wrote, and nothing more is coming.
pub(super) fn parse(raw: &str) -> Result<Request, Box<Failed>> {
    let mut failed = Box::new(Failed {
        reply: Reply::empty(400),
        line: None,
        headers: Vec::new(),
    });
    match read(raw, &mut failed) {
        Ok(request) => Ok(request),
        Err(reply) => {
            failed.reply = *reply;
            Err(failed)
        }
    }
}

/// Reads `raw`, noting in `seen` what it could read before it stopped.
fn read(raw: &str, seen: &mut Failed) -> Result<Request, Box<Reply>> {
    // A server ignores empty lines before the request line (RFC 9112 §2.2).
    let mut rest = raw;
    while let Some(after) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    {
        rest = after;
    }
    let mut head: Vec<&str> = Vec::new();
    let mut body = "";
    let mut pieces = rest.split_inclusive('\n');
    let mut used = 0;
    for piece in pieces.by_ref() {
        used += piece.len();
        let line = piece.strip_suffix('\n').unwrap_or(piece);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() && piece.ends_with('\n') {
            body = &rest[used..];
            break;
        }
        head.push(line);
    }
    let Some(first) = head.first().copied().filter(|l| !l.is_empty()) else {
        return Err(Box::new(bad(
                "The request is empty. It starts with a request line such as GET / HTTP/1.1, then a Host line.".into(),
                rfc9112("3"),
            ),
        ));
    };
    for (i, line) in head.iter().enumerate() {
        if line.contains('\r') {
            return Err(Box::new(bad(
                    format!("Line {} has a carriage return (CR) in the middle: lines end with CR LF together, or with LF alone.", i + 1),
                    rfc9112("2.2"),
                ),
            ));
        }
    }

    // The request line: method SP target SP version.
    let (method, target, version) = request_line(first)?;
    seen.line = Some((method.to_string(), target.to_string()));
    let http10 = match version_of(version) {
        Version::One(minor) => minor == 0,
        Version::Other => {
            return Err(Box::new(Reply::text(505, "This server speaks HTTP/1.1.").because(
                    format!("Your request line asks for {version}. The lab speaks HTTP/1.x only (write HTTP/1.1 at the end of the request line), so it answers #505."),
                    rfc9110("15.6.6"),
                ),
            ))
        }
        Version::Bad => {
            return Err(Box::new(bad(
                    format!("The request line ends with \"{version}\", which is not an HTTP version: write HTTP/1.1, in capitals, with the slash and the dot."),
                    rfc9112("2.3"),
                ),
            ))
        }
    };
    let mut notes = Vec::new();
    if let Version::One(minor) = version_of(version) {
        if minor > 1 {
            notes.push(Note {
                text: format!("{version} is a newer HTTP/1 than the lab knows; a server reads it as the newest it speaks, HTTP/1.1."),
                cite: rfc9112("2.3"),
            });
        }
    }
    let (form, path, query, authority) = target_parts(method, target)?;

    // The header lines.
    if head.len() - 1 > MAX_FIELDS {
        return Err(Box::new(
            Reply::text(431, "Too many header fields.").because(
                format!(
                    "The request has {} header lines; the lab reads at most {MAX_FIELDS}.",
                    head.len() - 1
                ),
                rfc6585("5"),
            ),
        ));
    }
    for (i, line) in head.iter().enumerate().skip(1) {
        field_line(i + 1, line)?;
    }

    // The real parser reads the head; its reading is the one the server uses.
    let mut wire = String::with_capacity(raw.len() + head.len());
    // A newer HTTP/1 minor version is read as HTTP/1.1, the newest the lab speaks.
    let read_as = if http10 { "HTTP/1.0" } else { "HTTP/1.1" };
    wire.push_str(&format!("{method} {target} {read_as}\r\n"));
    for line in &head[1..] {
        wire.push_str(line);
        wire.push_str("\r\n");
    }
    wire.push_str("\r\n");
    let mut slots = vec![httparse::EMPTY_HEADER; head.len()];
    let mut req = httparse::Request::new(&mut slots);
    match req.parse(wire.as_bytes()) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) | Err(_) => {
            return Err(Box::new(bad(
                    "The request does not parse as HTTP/1.1 (the parser found a character it cannot accept). Check the request line and that every header line reads Name: value.".into(),
                    rfc9112("2.2"),
                ),
            ))
        }
    }
    let headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    seen.headers.clone_from(&headers);
    let request = Request {
        method: method.to_string(),
        target: target.to_string(),
        form,
        path,
        query,
        authority,
        http10,
        headers,
        content: Content {
            length: Length::Absent,
            announced: 0,
            text: Some(String::new()),
            received: 0,
        },
        notes,
    };
    let request = host(request)?;
    framing(request, body).map_err(Box::new)
}

/// The three parts of the request line, or the 400 that says what is wrong with it.
fn request_line(line: &str) -> Result<(&str, &str, &str), Reply> {
    let cite = rfc9112("3");
    if line.starts_with([' ', '\t']) {
        return Err(bad(
            "Line 1 starts with a space. The request line starts with the method, such as GET."
                .into(),
            cite,
        ));
    }
    if line.contains('\t') {
        return Err(bad(
            "Line 1 has a tab. The parts of the request line are separated by single spaces."
                .into(),
            cite,
        ));
    }
    let parts: Vec<&str> = line.split(' ').collect();
    if parts.iter().any(|p| p.is_empty()) && parts.len() > 1 {
        return Err(bad("Line 1 has two spaces in a row, or a space at the end. The parts of the request line are separated by single spaces.".into(), cite));
    }
    match parts.as_slice() {
        [method, target, version] => {
            if let Some(b) = method.bytes().find(|b| !tchar(*b)) {
                return Err(bad(
                    format!("The method \"{method}\" has the character \"{}\", which a method name cannot have: names are made of letters, digits and a few marks such as - and _.", b as char),
                    rfc9110("9.1"),
                ));
            }
            Ok((method, target, version))
        }
        [_, target] if target.starts_with('/') => Err(bad(
            "Line 1 has no HTTP version. End the request line with HTTP/1.1, as in GET / HTTP/1.1.".into(),
            cite,
        )),
        [_] => Err(bad(
            "Line 1 is not a request line. It has three parts separated by spaces: a method, a target and the version, as in GET /articles HTTP/1.1.".into(),
            cite,
        )),
        _ => Err(bad(
            format!("Line 1 has {} parts; a request line has three: method, target and version. A target cannot contain spaces: write a space in it as %20.", parts.len()),
            cite,
        )),
    }
}

enum Version {
    /// HTTP/1.x with this minor version.
    One(u8),
    /// Another major version the lab does not speak.
    Other,
    /// Not an HTTP version at all.
    Bad,
}

fn version_of(v: &str) -> Version {
    let Some(number) = v.strip_prefix("HTTP/") else {
        return Version::Bad;
    };
    match number.as_bytes() {
        [b'1', b'.', minor] if minor.is_ascii_digit() => Version::One(minor - b'0'),
        [major, ..] if major.is_ascii_digit() && *major != b'1' => Version::Other,
        _ => Version::Bad,
    }
}

type TargetParts = (Form, String, String, Option<String>);

/// The target's form, path, query and authority, or the answer to a target the lab cannot
/// take: 414 past [`MAX_TARGET`], 400 for one that is not a valid target.
fn target_parts(method: &str, target: &str) -> Result<TargetParts, Reply> {
    if target.len() > MAX_TARGET {
        return Err(Reply::text(414, "The target is too long.").because(
            format!("Your request target is {} octets long. Servers ought to accept targets of at least 8000 octets, and the lab accepts that many, but not more: #414. Long data belongs in a request body (a POST).", target.len()),
            rfc9110("15.5.15"),
        ).because("Servers are recommended to accept request targets of at least 8000 octets.", rfc9110("4.1")));
    }
    let cite = rfc9112("3.2");
    if let Some(b) = target.bytes().find(|b| !target_char(*b)) {
        let text = match b {
            b'#' => "Your target has a #. What follows # (a fragment) stays in the browser and is never sent: leave it out.".to_string(),
            0x80.. => "Your target has a character outside ASCII. Percent-encode it: é is written %C3%A9.".to_string(),
            b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}' | b'[' | b']' => format!("Your target has the character \"{}\", which a target cannot hold as it is. Percent-encode it: \"{}\" is written %{:02X}.", b as char, b as char, b),
            _ => format!("Your target has the control character 0x{b:02X}, which a target cannot hold."),
        };
        return Err(bad(text, cite));
    }
    let bytes = target.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(bad(
                "Your target has a % that is not followed by two hexadecimal digits. A % starts an escape such as %20 (a space); a % itself is written %25.".into(),
                cite,
            ));
        }
    }
    let split = |t: &str| match t.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (t.to_string(), String::new()),
    };
    if method == "CONNECT" {
        let authority = target.rsplit_once(':').filter(|(host, port)| {
            !host.is_empty()
                && !host.contains(['/', '?', '@'])
                && !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
        });
        return match authority {
            Some(_) => Ok((Form::Authority, target.to_string(), String::new(), None)),
            None => Err(bad(
                format!("CONNECT names the host and port of the tunnel it asks for, as in CONNECT {}:443 HTTP/1.1, not \"{target}\".", super::HOST),
                rfc9112("3.2.3"),
            )),
        };
    }
    if target == "*" {
        return if method == "OPTIONS" {
            Ok((Form::Asterisk, "*".into(), String::new(), None))
        } else {
            Err(bad(
                format!(
                    "The target * (the whole server) goes only with OPTIONS, not with {method}."
                ),
                rfc9112("3.2.4"),
            ))
        };
    }
    if target.starts_with('/') {
        let (path, query) = split(target);
        return Ok((Form::Origin, path, query, None));
    }
    let lower = target.to_ascii_lowercase();
    if let Some(after) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
    {
        let start = target.len() - after.len();
        let end = target[start..]
            .find(['/', '?'])
            .map_or(target.len(), |i| start + i);
        let authority = target[start..end].to_string();
        let rest = &target[end..];
        let (path, query) = match rest.strip_prefix('?') {
            Some(query) => ("/".to_string(), query.to_string()),
            None if rest.is_empty() => ("/".to_string(), String::new()),
            None => split(rest),
        };
        if authority.is_empty() {
            return Err(bad(
                "Your target starts with http:// but names no host.".into(),
                rfc9112("3.2.2"),
            ));
        }
        return Ok((Form::Absolute, path, query, Some(authority)));
    }
    Err(bad(
        format!("Your target \"{target}\" does not start with /. Write the path on the server, such as /articles, and the host in the Host line."),
        rfc9112("3.2.1"),
    ))
}

/// Checks header line `n` (counting the request line as 1).
fn field_line(n: usize, line: &str) -> Result<(), Reply> {
    let cite = rfc9112("5");
    if line.len() > MAX_FIELD_LINE {
        return Err(Reply::text(431, "A header field is too large.").because(
            format!("Line {n} is {} bytes long; the lab reads header lines of up to {MAX_FIELD_LINE} bytes, so it answers #431.", line.len()),
            rfc6585("5"),
        ));
    }
    if line.starts_with([' ', '\t']) {
        return Err(bad(
            format!("Line {n} starts with a space. Continuing a header on a new line that way (line folding) is no longer allowed: put each header on one line, as Name: value."),
            rfc9112("5.2"),
        ));
    }
    let Some((name, value)) = line.split_once(':') else {
        return Err(bad(
            format!("Line {n} has no colon: a header line is Name: value, such as Accept: application/json."),
            cite,
        ));
    };
    if name.is_empty() {
        return Err(bad(
            format!("Line {n} starts with a colon: the header's name is missing before it."),
            cite,
        ));
    }
    if name.ends_with([' ', '\t']) {
        return Err(bad(
            format!("Line {n} has a space between the header name \"{}\" and its colon. Write the colon right after the name: {}: value.", name.trim_end(), name.trim_end()),
            rfc9112("5.1"),
        ));
    }
    if let Some(b) = name.bytes().find(|b| !tchar(*b)) {
        return Err(bad(
            format!("The header name \"{name}\" on line {n} has the character \"{}\", which a header name cannot have: names are made of letters, digits and - (such as Content-Type).", b as char),
            rfc9110("5.1"),
        ));
    }
    if let Some(b) = value
        .bytes()
        .find(|b| (*b < 0x20 && *b != b'\t') || *b == 0x7f)
    {
        return Err(bad(
            format!("The value of {name} on line {n} has the control character 0x{b:02X}, which a header value cannot have."),
            rfc9110("5.5"),
        ));
    }
    Ok(())
}

/// Checks Host (RFC 9112 §3.2): exactly one in HTTP/1.1, and a valid host.
fn host(request: Request) -> Result<Request, Reply> {
    let hosts: Vec<&str> = request.all("Host").collect();
    let cite = rfc9112("3.2");
    match hosts.as_slice() {
        [] if request.http10 => Ok(request),
        [] => Err(bad(
            format!("An HTTP/1.1 request must say which host it is for, and yours has no Host line. Add Host: {} after the request line.", super::HOST),
            cite,
        )),
        [one] => {
            let valid = !one.is_empty()
                && one
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=%:[]".contains(&b));
            if valid {
                Ok(request)
            } else {
                Err(bad(
                    format!("Host: \"{one}\" is not a host name. Write the server's name, and a port if it is not the usual one: Host: {}.", super::HOST),
                    cite,
                ))
            }
        }
        _ => Err(bad(
            format!("Your request has {} Host lines; it must have exactly one.", hosts.len()),
            cite,
        )),
    }
}

/// Reads the content as the request frames it (RFC 9112 §6).
fn framing(mut request: Request, body: &str) -> Result<Request, Reply> {
    let codings: Vec<String> = request
        .all("Transfer-Encoding")
        .flat_map(|v| v.split(','))
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    let lengths: Vec<&str> = request
        .all("Content-Length")
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let (length, text, announced, rest) = if !codings.is_empty() {
        if request.http10 {
            return Err(bad("Transfer-Encoding came in an HTTP/1.0 request, where it did not exist: the server cannot trust where the content ends.".into(), rfc9112("6.1")));
        }
        if !lengths.is_empty() {
            return Err(bad("Your request has both Transfer-Encoding and Content-Length, so it says twice, perhaps differently, where its content ends. Send one of them (usually Content-Length).".into(), rfc9112("6.3")));
        }
        if codings.last().map(String::as_str) != Some("chunked")
            || codings.iter().filter(|c| *c == "chunked").count() > 1
        {
            return Err(bad("With Transfer-Encoding, chunked must come last, once: otherwise the server cannot tell where the content ends.".into(), rfc9112("6.3")));
        }
        if let Some(other) = codings.iter().find(|c| *c != "chunked") {
            return Err(Reply::text(501, "Transfer coding not implemented.").because(
                format!("Your Transfer-Encoding asks the server to undo the {other} coding, which the lab does not implement (it understands chunked only)."),
                rfc9112("6.1"),
            ));
        }
        let (text, announced, rest) = chunked(body)?;
        (Length::Chunked, text, announced, rest)
    } else if let Some(first) = lengths.first() {
        if lengths
            .iter()
            .any(|l| l.is_empty() || !l.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad(
                "Content-Length must be a number of bytes, such as Content-Length: 42.".into(),
                rfc9110("8.6"),
            ));
        }
        let value = |l: &&str| l.trim_start_matches('0').to_string();
        if lengths.iter().any(|l| value(l) != value(first)) {
            return Err(bad("Your request gives different Content-Length values, so the server cannot tell where the content ends.".into(), rfc9112("6.3")));
        }
        let declared: u64 = first.parse().unwrap_or(u64::MAX);
        let bytes = body.as_bytes();
        match usize::try_from(declared) {
            Ok(n) if n <= bytes.len() => (
                Length::Declared(declared),
                Some(String::from_utf8_lossy(&bytes[..n]).into_owned()),
                declared,
                &bytes[n..],
            ),
            _ => (Length::Declared(declared), None, declared, &[][..]),
        }
    } else {
        (Length::Absent, Some(String::new()), 0, body.as_bytes())
    };
    let stray = String::from_utf8_lossy(rest);
    if !stray.trim().is_empty() {
        let text = if length == Length::Absent {
            format!("You wrote {} bytes after the blank line, but without Content-Length a request has no content: the server reads none, and would take them as the start of a next request.", rest.len())
        } else {
            format!("{} bytes came after the content the request announced. The server reads only what was announced, and would take the rest as the start of a next request.", rest.len())
        };
        request.notes.push(Note {
            text,
            cite: rfc9112("6.3"),
        });
    }
    request.content = Content {
        length,
        announced,
        received: text.as_ref().map_or(body.len(), String::len),
        text,
    };
    Ok(request)
}

/// Reads chunked content (RFC 9112 §7.1): the content, `None` when it stops short; the chunk
/// sizes announced; and the bytes after it.
fn chunked(body: &str) -> Result<(Option<String>, u64, &[u8]), Reply> {
    let cite = rfc9112("7.1");
    let mut rest = body.as_bytes();
    let mut out = Vec::new();
    let mut announced: u64 = 0;
    let line = |rest: &mut &[u8]| -> Option<Vec<u8>> {
        let end = rest.iter().position(|b| *b == b'\n')?;
        let mut line = rest[..end].to_vec();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        *rest = &rest[end + 1..];
        Some(line)
    };
    loop {
        let Some(size_line) = line(&mut rest) else {
            return Ok((None, announced, rest));
        };
        let hex = size_line
            .split(|b| *b == b';')
            .next()
            .unwrap_or_default()
            .trim_ascii_end();
        if hex.is_empty() || !hex.iter().all(u8::is_ascii_hexdigit) {
            return Err(bad(format!("A chunk starts with its size in hexadecimal on a line of its own (such as 1a for 26 bytes), but found \"{}\".", String::from_utf8_lossy(&size_line)), cite));
        }
        let size = hex.iter().try_fold(0u64, |n, d| {
            n.checked_mul(16)?
                .checked_add(u64::from((*d as char).to_digit(16)?))
        });
        let Some(size) = size else {
            return Err(bad("A chunk size is too large to be real.".into(), cite));
        };
        announced = announced.saturating_add(size);
        if size == 0 {
            // Trailer fields, then the empty line that ends the content.
            loop {
                match line(&mut rest) {
                    None => return Ok((None, announced, rest)),
                    Some(l) if l.is_empty() => {
                        return Ok((
                            Some(String::from_utf8_lossy(&out).into_owned()),
                            announced,
                            rest,
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
        let Some(n) = usize::try_from(size).ok().filter(|n| *n <= rest.len()) else {
            return Ok((None, announced, &[]));
        };
        out.extend_from_slice(&rest[..n]);
        rest = &rest[n..];
        rest = if let Some(r) = rest.strip_prefix(b"\r\n") {
            r
        } else if let Some(r) = rest.strip_prefix(b"\n") {
            r
        } else if rest.is_empty() {
            return Ok((None, announced, rest));
        } else {
            return Err(bad(format!("A chunk of {size} bytes (hexadecimal {}) must end with a line break right after its data; count its bytes again.", String::from_utf8_lossy(hex)), cite));
        };
    }
}
