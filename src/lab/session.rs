//! A learner's session in the lab: the server as the open challenge starts it, every exchange
//! sent so far (what the network panel lists), and which challenges each send has just solved.

use chrono::{DateTime, Utc};

use super::challenges::{challenges, Challenge};
use super::server::Lab;
use super::Exchange;

/// The longest target a network panel row shows before it is shortened with "…".
const ROW_TARGET_CHARS: usize = 60;

/// The lab, the exchanges of the session, and the challenge being worked on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    lab: Lab,
    exchanges: Vec<Exchange>,
    challenge: Option<&'static Challenge>,
}

impl Session {
    /// A session with the lab in its starting state, no exchanges and no challenge open.
    pub fn new() -> Session {
        Session::default()
    }

    /// The challenge being worked on, if any.
    pub fn challenge(&self) -> Option<&'static Challenge> {
        self.challenge
    }

    /// Works on `challenge` from now on (`None`: the free lab). A challenge newly opened starts
    /// the lab as it expects ([`Challenge::lab`]), at `at`; opening the one already open, or
    /// leaving for the free lab, keeps the lab as it is. The exchanges stay listed. Returns
    /// whether the lab started afresh.
    pub fn open(&mut self, challenge: Option<&'static Challenge>, at: DateTime<Utc>) -> bool {
        let fresh = match challenge {
            Some(c) if self.challenge.map(|o| o.id) != Some(c.id) => {
                self.lab = c.lab(at);
                true
            }
            _ => false,
        };
        self.challenge = challenge;
        fresh
    }

    /// Starts the lab afresh, as the open challenge (or a new lab) starts it.
    pub fn restart(&mut self, at: DateTime<Utc>) {
        self.lab = match self.challenge {
            Some(c) => c.lab(at),
            None => Lab::new(),
        };
    }

    /// Sends `raw` to the lab at `at` and lists the exchange. Returns the challenges this
    /// exchange has just solved ([`just_solved`]).
    pub fn send(&mut self, raw: &str, at: DateTime<Utc>) -> Vec<&'static Challenge> {
        let exchange = self.lab.handle(raw, at);
        self.exchanges.push(exchange);
        just_solved(&self.exchanges)
    }

    /// Every exchange of the session, oldest first.
    pub fn exchanges(&self) -> &[Exchange] {
        &self.exchanges
    }

    /// The exchanges as a network panel's rows, oldest first.
    pub fn rows(&self) -> Vec<Row> {
        self.exchanges.iter().map(Row::of).collect()
    }
}

/// The challenges that `exchanges` (oldest first) solve and that they did not solve before the
/// last one came: what that last exchange has just solved.
pub fn just_solved(exchanges: &[Exchange]) -> Vec<&'static Challenge> {
    let Some((_, before)) = exchanges.split_last() else {
        return Vec::new();
    };
    challenges()
        .iter()
        .filter(|c| c.solved_by(exchanges) && !c.solved_by(before))
        .collect()
}

/// One exchange as a browser's network panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The method, or "?" when the request line could not be read.
    pub method: String,
    /// The target, shortened when long; for a request line that could not be read, its text.
    pub target: String,
    /// The final status code.
    pub status: u16,
    /// The status as the response's status line gives it: "404 Not Found".
    pub status_text: String,
    /// What came back: "100 Continue, then " for an interim response, then the media type and
    /// the body's length ("application/json, 57 bytes"), or "no content".
    pub summary: String,
}

impl Row {
    /// The row of one exchange.
    pub fn of(x: &Exchange) -> Row {
        let target = x
            .target()
            .unwrap_or_else(|| x.request().lines().next().unwrap_or_default());
        let mut short: String = target.chars().take(ROW_TARGET_CHARS).collect();
        if short.len() < target.len() {
            short.push('\u{2026}');
        }
        let mut summary = match x.interim() {
            Some(code) => format!("{}, then ", super::status_text(code)),
            None => String::new(),
        };
        match x
            .response_header("Content-Type")
            .filter(|_| !x.body().is_empty())
        {
            Some(media) => summary.push_str(&format!("{media}, {} bytes", x.body().len())),
            None => summary.push_str("no content"),
        }
        Row {
            method: x.method().unwrap_or("?").to_string(),
            target: short,
            status: x.status(),
            status_text: super::status_text(x.status()),
            summary,
        }
    }
}
