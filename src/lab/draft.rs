//! The request editor's model: the text the learner is writing, read as the fields a phone can
//! edit (method, target, version, header rows, body), and the fields written back into the text.
//!
//! The text is the truth. A [`Draft`] keeps every line as it was written, and its fields are
//! views of those lines; changing a field rewrites only the part of its own line that the field
//! shows. So `Draft::from_text(t).to_text() == t` for any text at all (nothing a learner typed is
//! ever lost, however odd, and a deliberate mistake such as a header line with no colon stays
//! as it is), and editing a field never touches another line. What the editor could not read
//! as fields is said in words by [`Draft::unread`]; whether the request is valid HTTP is the
//! server's to say, when it is sent.

use super::challenges::challenges;
use crate::catalogue::{Exchange as Example, ExchangeLine, METHODS, STATUS_CODES};

/// The version a new request line gets.
pub const VERSION: &str = "HTTP/1.1";

/// A request being written: the request line, the header lines, and what follows the blank
/// line, each exactly as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    line: String,
    headers: Vec<String>,
    end: End,
}

/// How the text ends after its last header line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum End {
    /// Right after it: no line break.
    #[default]
    Open,
    /// With one line break, and no blank line.
    Newline,
    /// With a blank line, then the body (possibly empty).
    Body(String),
}

/// Where the parts of a request line lie: the method up to the first space; the version after
/// the last space (or the whole rest, when it is only a version); the target in between.
struct Parts {
    method: std::ops::Range<usize>,
    target: Option<std::ops::Range<usize>>,
    version: Option<std::ops::Range<usize>>,
}

fn parts(line: &str) -> Parts {
    let Some(first) = line.find(' ') else {
        return Parts {
            method: 0..line.len(),
            target: None,
            version: None,
        };
    };
    let start = first + 1;
    let rest = &line[start..];
    let (target, version) = match rest.rfind(' ') {
        Some(last) => (
            Some(start..start + last),
            Some(start + last + 1..line.len()),
        ),
        None if rest.starts_with("HTTP/") => (None, Some(start..line.len())),
        None => (Some(start..line.len()), None),
    };
    Parts {
        method: 0..first,
        target,
        version,
    }
}

/// A field's value as one line: line breaks become spaces, so that editing a field never
/// changes the lines of the request.
fn one_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

/// A header line's name (before its first colon, or the whole line when it has none) and its
/// value (after the colon and the spaces that follow it).
fn split_header(line: &str) -> (&str, &str) {
    match line.split_once(':') {
        Some((name, value)) => (name, value.trim_start_matches([' ', '\t'])),
        None => (line, ""),
    }
}

impl Draft {
    /// A request with this method, target and header fields, no body, written as the editor
    /// writes one (HTTP/1.1, a line break after the last header).
    pub fn new(method: &str, target: &str, headers: &[(&str, &str)]) -> Draft {
        Draft {
            line: format!("{} {} {VERSION}", one_line(method), one_line(target)),
            headers: headers
                .iter()
                .map(|(n, v)| format!("{}: {}", one_line(n), one_line(v)))
                .collect(),
            end: End::Newline,
        }
    }

    /// The request the editor starts with: `GET /` on the lab's host.
    pub fn start() -> Draft {
        Draft::new("GET", "/", &[("Host", super::HOST)])
    }

    /// Reads what the learner typed, leniently: never fails, and keeps every character (line
    /// breaks are LF; a CR before one stays in its line). [`Draft::unread`] says what could not
    /// be read as fields.
    pub fn from_text(text: &str) -> Draft {
        let mut pieces = text.split('\n');
        let line = pieces.next().unwrap_or_default().to_string();
        let mut at = line.len() + 1;
        let mut headers = Vec::new();
        let mut end = End::Open;
        let mut pieces = pieces.peekable();
        while let Some(piece) = pieces.next() {
            if piece.is_empty() {
                end = if pieces.peek().is_none() {
                    End::Newline
                } else {
                    End::Body(text[at + 1..].to_string())
                };
                break;
            }
            headers.push(piece.to_string());
            at += piece.len() + 1;
        }
        Draft { line, headers, end }
    }

    /// The request as text: exactly what was read, with the fields' changes.
    pub fn to_text(&self) -> String {
        let mut text = self.line.clone();
        for h in &self.headers {
            text.push('\n');
            text.push_str(h);
        }
        match &self.end {
            End::Open => {}
            End::Newline => text.push('\n'),
            End::Body(body) => {
                text.push_str("\n\n");
                text.push_str(body);
            }
        }
        text
    }

    /// The method: the request line up to its first space.
    pub fn method(&self) -> &str {
        &self.line[parts(&self.line).method]
    }

    /// The target: what lies between the method and the version.
    pub fn target(&self) -> &str {
        parts(&self.line).target.map_or("", |r| &self.line[r])
    }

    /// The version: the request line after its last space ("HTTP/1.1").
    pub fn version(&self) -> &str {
        parts(&self.line).version.map_or("", |r| &self.line[r])
    }

    /// Sets the method, leaving the rest of the request line as it is.
    pub fn set_method(&mut self, method: &str) {
        let p = parts(&self.line);
        self.line.replace_range(p.method, &one_line(method));
    }

    /// Sets the target, leaving the method and the version as they are.
    pub fn set_target(&mut self, target: &str) {
        let target = one_line(target);
        let p = parts(&self.line);
        match (p.target, p.version) {
            (Some(r), _) => self.line.replace_range(r, &target),
            (None, Some(v)) => self.line.insert_str(v.start, &format!("{target} ")),
            (None, None) => {
                self.line.push(' ');
                self.line.push_str(&target);
            }
        }
    }

    /// Sets the version, leaving the method and the target as they are.
    pub fn set_version(&mut self, version: &str) {
        let version = one_line(version);
        match parts(&self.line).version {
            Some(r) => self.line.replace_range(r, &version),
            None => {
                if !self.line.contains(' ') {
                    self.line.push(' ');
                }
                self.line.push(' ');
                self.line.push_str(&version);
            }
        }
    }

    /// The header rows as (name, value), in order.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|h| split_header(h))
    }

    /// How many header rows there are.
    pub fn header_count(&self) -> usize {
        self.headers.len()
    }

    /// Header row `i` as (name, value).
    pub fn header(&self, i: usize) -> Option<(&str, &str)> {
        self.headers.get(i).map(|h| split_header(h))
    }

    /// Renames header row `i`, leaving its colon and value as they are.
    pub fn set_header_name(&mut self, i: usize, name: &str) {
        if let Some(line) = self.headers.get_mut(i) {
            let end = line.find(':').unwrap_or(line.len());
            line.replace_range(..end, &one_line(name));
        }
    }

    /// Sets the value of header row `i`, leaving its name and the space after its colon as they
    /// are (a row with no colon gets one).
    pub fn set_header_value(&mut self, i: usize, value: &str) {
        if let Some(line) = self.headers.get_mut(i) {
            let value = one_line(value);
            match line.find(':') {
                Some(colon) => {
                    let after = &line[colon + 1..];
                    let space = after.len() - after.trim_start_matches([' ', '\t']).len();
                    let start = colon + 1 + space;
                    line.replace_range(start.., &value);
                    if space == 0 && !value.is_empty() {
                        line.insert(start, ' ');
                    }
                }
                None => {
                    line.push_str(": ");
                    line.push_str(&value);
                }
            }
        }
    }

    /// Adds a header row at the end of the header section (`""`, `""` for an empty row, whose
    /// line is a colon and a space until it is filled in).
    pub fn add_header(&mut self, name: &str, value: &str) {
        self.headers
            .push(format!("{}: {}", one_line(name), one_line(value)));
    }

    /// Removes header row `i`.
    pub fn remove_header(&mut self, i: usize) {
        if i < self.headers.len() {
            self.headers.remove(i);
        }
    }

    /// The body: everything after the blank line.
    pub fn body(&self) -> &str {
        match &self.end {
            End::Body(body) => body,
            _ => "",
        }
    }

    /// Sets the body (a blank line goes before it; an empty body leaves the text as it ends).
    pub fn set_body(&mut self, body: &str) {
        if !body.is_empty() || matches!(self.end, End::Body(_)) {
            self.end = End::Body(body.to_string());
        }
    }

    /// Sets `Content-Length` to the body's length in bytes (in the first such row, or a new
    /// one), and returns that length: what a client does for the learner who asks it to.
    pub fn set_content_length(&mut self) -> usize {
        let bytes = self.body().len();
        let row = self
            .headers()
            .position(|(n, _)| n.trim().eq_ignore_ascii_case("Content-Length"));
        match row {
            Some(i) => self.set_header_value(i, &bytes.to_string()),
            None => self.add_header("Content-Length", &bytes.to_string()),
        }
        bytes
    }

    /// What the editor could not read as fields, in words, in line order: empty when every
    /// line is a request line or a header row as the fields show it.
    pub fn unread(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let p = parts(&self.line);
        if self.line.is_empty() {
            notes.push(
                "Line 1 is empty: a request starts with its request line, such as GET / HTTP/1.1."
                    .to_string(),
            );
        } else if p.method.is_empty() {
            notes.push("Line 1 starts with a space, so it has no method.".to_string());
        } else if p.target.is_none() && p.version.is_none() {
            notes.push(
                "Line 1 has only a method: a target and the version HTTP/1.1 follow it."
                    .to_string(),
            );
        } else if p.version.is_none() {
            notes.push("Line 1 has no version: end it with HTTP/1.1.".to_string());
        } else if self.target().contains(' ') {
            notes.push("Line 1 has more than three parts, so the target shows all between the method and the version.".to_string());
        }
        for (i, line) in self.headers.iter().enumerate() {
            let n = i + 2;
            match line.split_once(':') {
                None => notes.push(format!(
                    "Line {n} has no colon, so it shows as a header with no value: a header line is Name: value."
                )),
                Some((name, _)) if name.trim().is_empty() => {
                    notes.push(format!("Line {n} has no header name before its colon."))
                }
                Some(_) => {}
            }
        }
        notes
    }
}

/// Request header names to pick from, in alphabetical order: every one the challenges' own
/// requests and the catalogue's example requests use, and the few others the lab reads.
pub fn common_header_names() -> Vec<&'static str> {
    /// Read by the lab, though no example uses them.
    const ALSO_READ: [&str; 3] = ["If-Range", "If-Unmodified-Since", "Transfer-Encoding"];
    let examples = STATUS_CODES
        .iter()
        .filter_map(|c| c.example)
        .chain(METHODS.iter().filter_map(|m| m.example))
        .map(|e: Example| e.request);
    let references = challenges().iter().flat_map(|c| c.requests());
    let mut names: Vec<&'static str> = Vec::new();
    for request in examples.chain(references.copied()) {
        for line in Example::lines(request) {
            if line == ExchangeLine::Blank {
                break;
            }
            if let ExchangeLine::Header { name, .. } = line {
                names.push(name);
            }
        }
    }
    names.extend(ALSO_READ);
    crate::sort::by_cached_key(&mut names, |n| n.to_ascii_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_editor_starts_with_a_get_of_the_home_page_the_lab_answers() {
        let d = Draft::start();
        assert_eq!(d.to_text(), "GET / HTTP/1.1\nHost: lab.example\n");
        assert_eq!(
            (d.method(), d.target(), d.version()),
            ("GET", "/", "HTTP/1.1")
        );
        assert_eq!(d.header(0), Some(("Host", "lab.example")));
        assert!(d.unread().is_empty());
    }

    #[test]
    fn text_typed_by_hand_shows_in_the_fields() {
        let d = Draft::from_text(
            "PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match:\"v1\"\n\n{\"title\":\"Hi\"}",
        );
        assert_eq!((d.method(), d.target()), ("PUT", "/articles/7"));
        let rows: Vec<_> = d.headers().collect();
        assert_eq!(rows, [("Host", "lab.example"), ("If-Match", "\"v1\"")]);
        assert_eq!(d.body(), "{\"title\":\"Hi\"}");
    }

    #[test]
    fn a_field_changed_rewrites_only_its_own_part_of_the_text() {
        let mut d = Draft::from_text("get  /x HTTP/1.0\r\nHost:lab.example\r\nX-Odd\n\nbody");
        d.set_method("DELETE");
        d.set_target("/articles/7");
        assert_eq!(
            d.to_text(),
            "DELETE /articles/7 HTTP/1.0\r\nHost:lab.example\r\nX-Odd\n\nbody"
        );
        d.set_header_value(0, "other.example\r");
        assert_eq!(d.header(0), Some(("Host", "other.example ")));
        d.set_header_name(1, "Accept");
        d.set_header_value(1, "text/plain");
        assert_eq!(d.header(1), Some(("Accept", "text/plain")));
        d.remove_header(0);
        d.add_header("Range", "bytes=-100");
        assert_eq!(
            d.to_text(),
            "DELETE /articles/7 HTTP/1.0\r\nAccept: text/plain\nRange: bytes=-100\n\nbody"
        );
    }

    #[test]
    fn a_body_gets_its_blank_line_and_a_content_length_the_learner_can_ask_for() {
        let mut d = Draft::start();
        d.set_method("POST");
        d.set_body("{\"title\":\"Caf\u{e9}\"}");
        assert_eq!(d.set_content_length(), 17);
        assert_eq!(
            d.to_text(),
            "POST / HTTP/1.1\nHost: lab.example\nContent-Length: 17\n\n{\"title\":\"Caf\u{e9}\"}"
        );
        d.set_body("{}");
        assert_eq!(d.set_content_length(), 2);
        assert_eq!(d.header_count(), 2, "the same row, not a second one");
    }

    #[test]
    fn what_cannot_be_read_as_fields_is_said_in_words_with_its_line() {
        let d = Draft::from_text("GET /\nHost lab.example\n: x\n");
        let notes = d.unread();
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].contains("no version"));
        assert!(notes[1].starts_with("Line 2 has no colon"));
        assert!(notes[2].starts_with("Line 3 has no header name"));
        assert!(Draft::from_text("").unread()[0].contains("Line 1 is empty"));
    }

    #[test]
    fn the_header_names_offered_include_those_the_challenges_need() {
        let names = common_header_names();
        for name in [
            "Host",
            "If-Match",
            "If-None-Match",
            "Range",
            "Expect",
            "Authorization",
        ] {
            assert!(names.iter().any(|n| n.eq_ignore_ascii_case(name)), "{name}");
        }
        let mut lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        let before = lower.clone();
        lower.dedup();
        assert_eq!(lower, before, "each once");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn any_text_reads_back_exactly_and_fields_survive_a_round_trip(
            text in "[A-Za-z /:\\r\\n{}\"=-]{0,80}",
            method in "[A-Z]{1,7}",
            target in "[a-z/?=\\n]{0,12}",
            value in "[ -~]{0,12}",
        ) {
            prop_assert_eq!(Draft::from_text(&text).to_text(), text.clone());
            let mut d = Draft::from_text(&text);
            let lines_before = d.to_text().matches('\n').count();
            d.set_method(&method);
            d.set_target(&target);
            if d.header_count() > 0 {
                d.set_header_value(0, &value);
            }
            let again = Draft::from_text(&d.to_text());
            prop_assert_eq!(&again, &d, "the text written reads back as the same fields");
            prop_assert_eq!(
                d.to_text().matches('\n').count(),
                lines_before,
                "a field never adds or removes a line"
            );
        }
    }
}
