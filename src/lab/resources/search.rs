//! `/search?q=…`: a search limited to three requests a minute (429 with Retry-After after
//! that).

use chrono::Duration;

use super::super::conditional::Current;
use super::super::context::Ctx;
use super::super::json;
use super::super::response::{rfc6585, rfc9110, Reply};
use super::super::state::Lab;
use super::represent;

/// Searches allowed in one window, and the window in seconds.
pub(in crate::lab) const LIMIT: usize = 3;
const WINDOW: i64 = 60;

/// `text` with + (a space in a query) and %XX escapes decoded.
fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// GET and HEAD of the search.
pub(super) fn search(lab: &mut Lab, ctx: &Ctx) -> Reply {
    let now = ctx.now;
    // The searches of the last minute (and any "later" ones, if the clock was put back).
    lab.searches
        .retain(|t| now.signed_duration_since(*t) < Duration::seconds(WINDOW));
    if lab.searches.len() >= LIMIT {
        let oldest = lab.searches.iter().min().copied().unwrap_or(now);
        let wait = (WINDOW - now.signed_duration_since(oldest).num_seconds()).clamp(1, WINDOW);
        return Reply::text(429, format!("At most {LIMIT} searches a minute. Try again in {wait} seconds."))
            .header("Retry-After", wait.to_string())
            .because(
                format!("You have searched {LIMIT} times in the last minute, the most the lab allows: #429, with Retry-After: {wait}, the seconds until you may search again. (429 is about you; 503 would mean the server cannot answer anyone.)"),
                rfc6585("4"),
            );
    }
    lab.searches.push(now);
    let q = ctx
        .req
        .query
        .split('&')
        .find_map(|pair| pair.strip_prefix("q="))
        .map(decoded)
        .unwrap_or_default();
    if q.trim().is_empty() {
        return Reply::text(400, "Say what to search for: /search?q=etag").because(
            "The search needs a word to look for, in the query: /search?q=etag. Without one the request cannot be carried out as it is: #400.",
            rfc9110("15.5.1"),
        );
    }
    // Letters compared without case, as far as ASCII goes (Unicode case tables would add more to
    // the download than the search is worth).
    let needle = q.to_ascii_lowercase();
    let found: Vec<String> = lab
        .articles
        .iter()
        .filter(|a| {
            !a.deleted
                && (a.title.to_ascii_lowercase().contains(&needle)
                    || a.body.to_ascii_lowercase().contains(&needle))
        })
        .map(|a| format!("{{\"id\":{},\"title\":{}}}", a.id, json::quote(&a.title)))
        .collect();
    let left = LIMIT - lab.searches.len();
    represent(
        ctx,
        "the search",
        "application/json",
        format!("[{}]", found.join(",")),
        &Current {
            etag: None,
            modified: None,
        },
        false,
        format!("{} article(s) mention \"{q}\": #200 (an empty list is still a success). You may search {left} more time(s) this minute.", found.len()),
    )
}
