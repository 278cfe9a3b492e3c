//! The catalogue's types. The data itself is generated from `data/*.toml` at build time.

use std::fmt;

/// Where a fact is stated: a document and a section in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The defining document, e.g. "RFC 9110".
    pub source: &'static str,
    /// The section number in it, e.g. "15.5.10".
    pub section: &'static str,
}

impl fmt::Display for Citation {
    /// "RFC 9110 §15.5.10"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} §{}", self.source, self.section)
    }
}

impl Citation {
    /// A link to the section in the document's HTML rendering, where one is known.
    pub fn url(&self) -> Option<String> {
        let number = self.source.strip_prefix("RFC ")?;
        let anchor = if self.section.starts_with(|c: char| c.is_ascii_uppercase()) {
            format!("appendix-{}", self.section)
        } else {
            format!("section-{}", self.section)
        };
        Some(format!(
            "https://www.rfc-editor.org/rfc/rfc{number}.html#{anchor}"
        ))
    }
}

/// How soon a learner needs a code or a method: the order new items are introduced in. A
/// curriculum choice made in the data (`importance = 1..3`), with the reasons in
/// CONTRIBUTING.md; the Beginner set is the first tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Importance {
    /// What every web developer meets in the first month.
    FirstMonth,
    /// What building and using APIs adds.
    ApiWork,
    /// The rare, the historic, the interim and the unused.
    Rare,
}

impl Importance {
    /// Every tier, first first.
    pub const ALL: [Importance; 3] = [
        Importance::FirstMonth,
        Importance::ApiWork,
        Importance::Rare,
    ];
}

/// A code's standing in the IANA HTTP Status Code Registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistryStatus {
    Registered,
    /// A provisional registration that expires unless renewed.
    Temporary,
    /// Still listed, but its use is deprecated.
    Deprecated,
    /// Listed as obsoleted.
    Obsoleted,
    /// Reserved and not to be used.
    Unused,
}

impl RegistryStatus {
    /// A short label for a badge; `None` for an ordinary registered code.
    pub fn badge(self) -> Option<&'static str> {
        match self {
            RegistryStatus::Registered => None,
            RegistryStatus::Temporary => Some("temporary"),
            RegistryStatus::Deprecated => Some("deprecated"),
            RegistryStatus::Obsoleted => Some("obsoleted"),
            RegistryStatus::Unused => Some("unused"),
        }
    }
}

/// How strongly a specification asks for a header on a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// The specification says MUST.
    Required,
    /// The specification says SHOULD.
    Recommended,
    /// MAY, or common practice.
    Customary,
}

impl Requirement {
    pub fn label(self) -> &'static str {
        match self {
            Requirement::Required => "required (MUST)",
            Requirement::Recommended => "recommended (SHOULD)",
            Requirement::Customary => "customary",
        }
    }
}

/// A response header that goes with a status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderRule {
    pub name: &'static str,
    pub level: Requirement,
    pub cite: Citation,
    pub note: &'static str,
}

/// One registered status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusCode {
    pub code: u16,
    /// The current registered name.
    pub name: &'static str,
    /// Names used in older material.
    pub former_names: &'static [&'static str],
    pub importance: Importance,
    pub status: RegistryStatus,
    pub cite: Citation,
    /// Heuristically cacheable (RFC 9110 §15.1).
    pub cacheable: bool,
    /// One line in plain words.
    pub meaning: &'static str,
    /// When to use it and when not.
    pub explanation: &'static str,
    pub headers: &'static [HeaderRule],
    /// An example exchange (`None` only for the Unused codes, which no server sends).
    pub example: Option<Exchange>,
    /// What a client does next on receiving it, where the RFC says so.
    pub next: Option<ClientNext>,
}

/// What a client does next, and where the RFC says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientNext {
    pub action: ClientAction,
    pub cite: Citation,
}

/// The things a client can do after a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientAction {
    SendBody,
    FollowWithGet,
    RepeatSameMethod,
    UseCachedCopy,
    RetryWithCredentials,
    WaitRetryAfter,
    GiveUp,
}

impl ClientAction {
    pub const ALL: [ClientAction; 7] = [
        ClientAction::SendBody,
        ClientAction::FollowWithGet,
        ClientAction::RepeatSameMethod,
        ClientAction::UseCachedCopy,
        ClientAction::RetryWithCredentials,
        ClientAction::WaitRetryAfter,
        ClientAction::GiveUp,
    ];

    /// In plain words, as an option.
    pub fn label(self) -> &'static str {
        match self {
            ClientAction::SendBody => "Send the request body",
            ClientAction::FollowWithGet => "Follow Location with a GET",
            ClientAction::RepeatSameMethod => {
                "Repeat the same method, body included, at the new location"
            }
            ClientAction::UseCachedCopy => "Use the copy it already has stored",
            ClientAction::RetryWithCredentials => "Repeat the request with credentials",
            ClientAction::WaitRetryAfter => "Wait as long as Retry-After says, then retry",
            ClientAction::GiveUp => "Give up and report the error",
        }
    }
}

/// An example exchange: the request and the response to it, as HTTP/1.1 text with plain line
/// breaks (an interim response comes before the final one). The build has parsed both with
/// httparse and checked them against the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exchange {
    pub request: &'static str,
    pub response: &'static str,
    /// Whether an origin server sent the response (rather than a proxy): an origin server
    /// with a clock dates its 2xx, 3xx and 4xx responses (RFC 9110 §6.6.1).
    pub by_origin: bool,
}

impl StatusCode {
    /// The class digit: 4 for 404.
    pub fn class(&self) -> u8 {
        (self.code / 100) as u8
    }

    /// The headers this code's specification requires outright: those marked required whose
    /// note does not start with "If" (a condition).
    pub fn required_headers(&self) -> impl Iterator<Item = &'static str> {
        self.headers
            .iter()
            .filter(|h| h.level == Requirement::Required && !h.note.starts_with("If"))
            .map(|h| h.name)
    }
}

/// A class of status codes, 1xx to 5xx.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Class {
    pub class: u8,
    pub name: &'static str,
    pub meaning: &'static str,
    pub cite: Citation,
}

impl Class {
    /// "4xx"
    pub fn label(&self) -> String {
        format!("{}xx", self.class)
    }
}

/// A rule about status codes in general.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub text: &'static str,
    pub cite: Citation,
}

/// Whether responses to a method may be stored by caches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cacheability {
    Yes,
    No,
    /// Only under the conditions the phrase gives.
    Qualified(&'static str),
}

/// One request method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Method {
    pub name: &'static str,
    pub importance: Importance,
    pub cite: Citation,
    pub safe: bool,
    pub idempotent: bool,
    pub cacheable: Cacheability,
    /// Where safety, idempotence and cacheability are stated.
    pub properties_cite: Citation,
    pub summary: &'static str,
    pub request_content: &'static str,
    pub success: &'static [u16],
    pub errors: &'static [u16],
    pub explanation: &'static str,
    /// Why it has, or lacks, each property: what "Is POST safe?" explains.
    pub why: PropertyReasons,
    /// An example exchange.
    pub example: Option<Exchange>,
}

/// A method's reason for each property, each with the section that settles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PropertyReasons {
    pub safe: Reason,
    pub idempotent: Reason,
    pub cacheable: Reason,
}

/// One reason, in plain words, and where the RFC says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reason {
    pub text: &'static str,
    pub cite: Citation,
}

/// A realistic API situation and the code that answers it best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub id: &'static str,
    pub situation: &'static str,
    pub method: Option<&'static str>,
    pub best: u16,
    /// Codes that are also defensible: never offered as wrong answers.
    pub also: &'static [u16],
    pub why: &'static str,
    pub cite: Citation,
}

/// A wrong claim that circulates, and the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Misconception {
    pub id: &'static str,
    /// What the claim is about, shown with every true/false statement about it.
    pub topic: &'static str,
    pub claim: &'static str,
    pub truth: &'static str,
    pub cite: Citation,
    pub codes: &'static [u16],
    pub methods: &'static [&'static str],
}

/// Codes or methods that learners mix up, with what tells each apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConfusableGroup {
    pub id: &'static str,
    pub title: &'static str,
    pub codes: &'static [u16],
    pub methods: &'static [&'static str],
    pub distinction: &'static str,
    /// (member, what it signals that the others do not); members are code numbers or method names.
    pub tells: &'static [(&'static str, &'static str)],
}

impl ConfusableGroup {
    /// What this group says `member` ("401", "PATCH") signals.
    pub fn tell(&self, member: &str) -> Option<&'static str> {
        self.tells
            .iter()
            .find(|(m, _)| *m == member)
            .map(|(_, t)| *t)
    }
}

/// One line of an example message, as the Reference shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExchangeLine<'a> {
    /// A request line or a status line.
    Start(&'a str),
    Header {
        name: &'a str,
        value: &'a str,
    },
    /// The empty line that ends a header section.
    Blank,
    Body(&'a str),
}

impl Exchange {
    /// The lines of `text` (a request or a response of an exchange): start lines, headers, the
    /// blank line after each header section, and the body. A status line after a blank line
    /// starts the next message (an interim response is followed by the final one).
    pub fn lines(text: &str) -> Vec<ExchangeLine<'_>> {
        let mut out = Vec::new();
        let mut in_body = false;
        let mut at_start = true;
        for line in text.lines() {
            if at_start {
                out.push(ExchangeLine::Start(line));
                at_start = false;
            } else if in_body {
                if line.starts_with("HTTP/1.1 ") && out.last() == Some(&ExchangeLine::Blank) {
                    out.push(ExchangeLine::Start(line));
                    in_body = false;
                } else {
                    out.push(ExchangeLine::Body(line));
                }
            } else if line.is_empty() {
                out.push(ExchangeLine::Blank);
                in_body = true;
            } else {
                match line.split_once(':') {
                    Some((name, value)) => out.push(ExchangeLine::Header {
                        name,
                        value: value.trim_start(),
                    }),
                    None => out.push(ExchangeLine::Body(line)),
                }
            }
        }
        out
    }
}
