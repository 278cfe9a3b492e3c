//! Well-formed HTTP exchanges. `rules.rs` holds the rules themselves and is shared with the
//! build (which checks the catalogue's examples with it); this module gives the app's view of
//! them, with the headers each status code requires read from the catalogue.

pub mod rules;

pub use rules::{Message, Problem};

use crate::catalogue::status_code;

/// The headers the catalogue says a `code` response must carry (none for a code it lacks).
pub fn required_headers(code: u16) -> Vec<String> {
    status_code(code)
        .map(|c| c.required_headers().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The problems of `responses` (HTTP/1.1 text: interim responses, then the final one) as the
/// answer to a `method` request, sent by an origin server (`by_origin`) or a proxy. `Err`
/// says why the text does not parse as HTTP/1.1 responses.
pub fn response_problems(
    method: &str,
    responses: &str,
    by_origin: bool,
) -> Result<Vec<Problem>, String> {
    let parsed = rules::parse_responses(responses)?;
    Ok(rules::response_problems(
        method,
        &parsed,
        &required_headers,
        by_origin,
    ))
}
