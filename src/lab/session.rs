//! A learner's session in the lab: the server as the open challenge starts it, every exchange
//! sent so far (what the network panel lists), and which challenges each send has just solved.

use chrono::{DateTime, Utc};

use super::challenges::{challenges, Challenge};
use super::state::Lab;
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

    /// Starts over: the lab as the open challenge (or a new lab) starts it, at `at`, and no
    /// exchange listed. The challenge stays open; the challenges solved stay in the record.
    pub fn start_over(&mut self, at: DateTime<Utc>) {
        self.lab = match self.challenge {
            Some(c) => c.lab(at),
            None => Lab::new(),
        };
        self.exchanges.clear();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::challenge;
    use chrono::TimeZone;

    fn noon() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
    }

    #[test]
    fn each_send_is_listed_like_a_network_panel_row_and_says_what_it_solved() {
        let mut s = Session::new();
        assert!(s.open(challenge("not-found"), noon()));
        let solved = s.send("GET /articles/99 HTTP/1.1\nHost: lab.example\n\n", noon());
        let ids: Vec<&str> = solved.iter().map(|c| c.id).collect();
        assert!(ids.contains(&"not-found"), "{ids:?}");
        let again = s.send("GET /articles/99 HTTP/1.1\nHost: lab.example\n\n", noon());
        assert!(
            !again.iter().any(|c| c.id == "not-found"),
            "solved once, not at every send"
        );
        let rows = s.rows();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].method, "GET");
        assert_eq!(rows[0].target, "/articles/99");
        assert_eq!(rows[0].status_text, "404 Not Found");
    }

    #[test]
    fn a_request_that_does_not_parse_is_listed_with_its_first_line_and_its_400() {
        let mut s = Session::new();
        s.send("this is not http", noon());
        let row = &s.rows()[0];
        assert_eq!((row.method.as_str(), row.status), ("?", 400));
        assert_eq!(row.target, "this is not http");
        assert!(!s.exchanges()[0].why().is_empty(), "the reason is given");
    }

    #[test]
    fn a_long_target_is_shortened_in_its_row() {
        let mut s = Session::new();
        let long = format!("GET /{} HTTP/1.1\nHost: lab.example\n\n", "a".repeat(200));
        s.send(&long, noon());
        let row = &s.rows()[0];
        assert_eq!(row.target.chars().count(), ROW_TARGET_CHARS + 1);
        assert!(row.target.ends_with('\u{2026}'));
    }

    #[test]
    fn opening_a_challenge_starts_its_lab_and_the_exchanges_stay_listed() {
        let mut s = Session::new();
        s.send("DELETE /articles/1 HTTP/1.1\nHost: lab.example\n\n", noon());
        let c = challenge("too-many-searches");
        assert!(s.open(c, noon()));
        assert!(!s.open(c, noon()), "the same challenge again keeps its lab");
        assert_eq!(s.exchanges().len(), 1);
        assert_eq!(s.challenge().map(|c| c.id), Some("too-many-searches"));
        let x = s.send("GET /search?q=a HTTP/1.1\nHost: lab.example\n\n", noon());
        assert!(x.iter().any(|c| c.id == "too-many-searches"));
        assert!(!s.open(None, noon()));
        assert_eq!(s.challenge(), None);
    }

    #[test]
    fn starting_over_empties_the_list_and_puts_the_server_back_as_the_challenge_starts_it() {
        let get = "GET /articles/7 HTTP/1.1\nHost: lab.example\n\n";
        let mut s = Session::new();
        s.open(challenge("delete-twice"), noon());
        s.send(get, noon());
        let first = s.exchanges()[0].status();
        s.send("DELETE /articles/7 HTTP/1.1\nHost: lab.example\n\n", noon());
        s.send(get, noon());
        assert_ne!(s.exchanges()[2].status(), first, "the article is gone");

        s.start_over(noon());
        assert!(s.exchanges().is_empty(), "no exchange listed");
        assert_eq!(s.challenge().map(|c| c.id), Some("delete-twice"));
        s.send(get, noon());
        assert_eq!(s.exchanges()[0].status(), first, "the article is back");
    }
}
