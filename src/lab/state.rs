//! The lab's state: everything its requests can change (articles, searches, uploads), and the
//! state a lab starts in.

use chrono::{DateTime, TimeZone, Utc};

use super::json;
use crate::clock::earliest;

/// The lab's server and everything its requests can change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lab {
    pub(in crate::lab) articles: Vec<Article>,
    pub(in crate::lab) next_id: u32,
    /// Changes to the article list, for its ETag, and when the last one happened.
    pub(in crate::lab) list_version: u32,
    pub(in crate::lab) list_modified: DateTime<Utc>,
    /// When the searches of the last minute were made.
    pub(in crate::lab) searches: Vec<DateTime<Utc>>,
    /// What was uploaded: its media type and content.
    pub(in crate::lab) uploads: Vec<(String, String)>,
}

impl Default for Lab {
    fn default() -> Lab {
        Lab::new()
    }
}

/// One article, current or deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::lab) struct Article {
    pub id: u32,
    pub title: String,
    pub body: String,
    /// Counts every change; the ETag is "v" and this number.
    pub version: u32,
    pub modified: DateTime<Utc>,
    pub deleted: bool,
}

impl Article {
    pub(in crate::lab) fn etag(&self) -> String {
        format!("\"v{}\"", self.version)
    }

    pub(in crate::lab) fn json(&self) -> String {
        format!(
            "{{\"id\":{},\"title\":{},\"body\":{}}}",
            self.id,
            json::quote(&self.title),
            json::quote(&self.body)
        )
    }
}

/// The articles a lab starts with: id, title, body, version, when it last changed (day, hour
/// and minute in March 2025), and whether it was deleted.
type Seed = (u32, &'static str, &'static str, u32, (u32, u32, u32), bool);
const SEED: [Seed; 4] = [
    (
        1,
        "Hello, HTTP",
        "Every exchange is a request and a response.",
        1,
        (4, 9, 12),
        false,
    ),
    (
        2,
        "Old news",
        "This article was deleted.",
        2,
        (5, 8, 0),
        true,
    ),
    (
        3,
        "Five classes",
        "1xx informs, 2xx succeeds, 3xx redirects, 4xx is the client's mistake, 5xx the server's.",
        1,
        (5, 10, 0),
        false,
    ),
    (
        7,
        "Caching with ETags",
        "A validator lets a client ask: has this changed since my copy?",
        2,
        (6, 14, 30),
        false,
    ),
];

/// An instant of the lab's example data.
fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap_or_else(earliest)
}

impl Lab {
    /// A lab in its starting state: articles 1, 3 and 7 (7 edited once, so its ETag is
    /// "v2"), article 2 deleted, no searches, no uploads.
    pub fn new() -> Lab {
        let articles = SEED
            .iter()
            .map(
                |&(id, title, body, version, (day, hour, minute), deleted)| Article {
                    id,
                    title: title.to_string(),
                    body: body.to_string(),
                    version,
                    modified: at(2025, 3, day, hour, minute),
                    deleted,
                },
            )
            .collect();
        Lab {
            articles,
            next_id: 8,
            list_version: 4,
            list_modified: at(2025, 3, 6, 14, 30),
            searches: Vec::new(),
            uploads: Vec::new(),
        }
    }
}
