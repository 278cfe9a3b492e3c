//! Conditional requests (RFC 9110 §13): If-Match, If-Unmodified-Since, If-None-Match and
//! If-Modified-Since, evaluated in the order of §13.2.2, after the server's other checks and
//! just before it acts (§13.2.1). If-Range, which only decides whether Range applies, is read
//! with the ranges.

use chrono::{DateTime, Utc};

use super::parse::Request;
use super::response::{rfc9110, Reply};
use super::Note;
use crate::clock::{http_date, parse_http_date};

/// What the server knows of the selected representation: its entity tag (with its quotes,
/// `"v3"`) and when it last changed; both `None` when there is no current representation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Current {
    pub etag: Option<String>,
    pub modified: Option<DateTime<Utc>>,
}

/// A list of entity tags as a precondition gives it.
struct Tags {
    /// `*`: any current representation.
    any: bool,
    /// The tags: whether weak (`W/`), and the quoted tag.
    tags: Vec<(bool, String)>,
    /// Members that are not entity tags (most often a tag without its double quotes).
    malformed: Vec<String>,
}

fn tags(values: &[&str]) -> Tags {
    let mut out = Tags {
        any: false,
        tags: Vec::new(),
        malformed: Vec::new(),
    };
    for member in values.iter().flat_map(|v| v.split(',')).map(str::trim) {
        if member.is_empty() {
            continue;
        }
        if member == "*" {
            out.any = true;
            continue;
        }
        let (weak, tag) = match member.strip_prefix("W/") {
            Some(tag) => (true, tag),
            None => (false, member),
        };
        let quoted = tag.len() >= 2
            && tag.starts_with('"')
            && tag.ends_with('"')
            && !tag[1..tag.len() - 1].contains('"');
        if quoted {
            out.tags.push((weak, tag.to_string()));
        } else {
            out.malformed.push(member.to_string());
        }
    }
    out
}

/// "\"v3\"", "\"v3\" or \"v4\"".
fn listed(tags: &Tags) -> String {
    let mut words: Vec<String> = tags
        .tags
        .iter()
        .map(|(weak, t)| if *weak { format!("W/{t}") } else { t.clone() })
        .collect();
    words.extend(tags.malformed.iter().cloned());
    words.join(" or ")
}

/// A note for members that are not entity tags, if any.
fn malformed_note(header: &str, tags: &Tags) -> Option<Note> {
    let first = tags.malformed.first()?;
    Some(Note {
        text: format!("{header}: {first} is not an entity tag, so it matches nothing: an entity tag is written in double quotes, such as \"{}\".", first.trim_matches('"')),
        cite: rfc9110("8.8.3"),
    })
}

/// `text` with its first letter in capitals, to start a sentence.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Evaluates the request's preconditions against `current`, in the order of RFC 9110
/// §13.2.2. `Ok` with the reasons that let the request through (empty when it has none);
/// `Err` with the 412 or 304 that stops it. `what` names the resource ("article 7").
pub(super) fn evaluate(
    req: &Request,
    current: &Current,
    what: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Note>, Reply> {
    let mut passed = Vec::new();
    let method = req.method.as_str();
    let read = method == "GET" || method == "HEAD";
    let now_is = match &current.etag {
        Some(etag) => format!("{what} is now {etag}"),
        None => format!("{what} has no current version"),
    };
    let if_match: Vec<&str> = req.all("If-Match").collect();
    let if_none_match: Vec<&str> = req.all("If-None-Match").collect();
    let dated = |name: &str| -> Option<(String, Option<DateTime<Utc>>)> {
        let value = req.header(name)?;
        Some((value.to_string(), parse_http_date(value, now)))
    };

    // 1. If-Match, with the strong comparison (§13.1.1).
    if !if_match.is_empty() {
        let t = tags(&if_match);
        let holds = match &current.etag {
            Some(etag) => t.any || t.tags.iter().any(|(weak, tag)| !weak && tag == etag),
            None => false,
        };
        let mut notes: Vec<Note> = malformed_note("If-Match", &t).into_iter().collect();
        if !holds {
            if t.tags
                .iter()
                .any(|(weak, tag)| *weak && Some(tag) == current.etag.as_ref())
            {
                notes.push(Note {
                    text: "A weak tag (W/) never passes If-Match: it compares tags strongly, because it guards against any change at all.".into(),
                    cite: rfc9110("8.8.3.2"),
                });
            }
            let named = if t.any { "*".to_string() } else { listed(&t) };
            let mut reply = Reply::text(412, format!("Precondition failed: {now_is}."))
                .because(
                    format!("Your If-Match named {named}; {now_is}, so the server must not apply the {method}: #412. Fetch it again to see the change you would have overwritten."),
                    rfc9110("13.1.1"),
                );
            reply.why.extend(notes);
            return Err(reply);
        }
        passed.push(Note {
            text: format!("Your If-Match {} matches: {what} is still {}, so nobody changed it since you read it.", if t.any { "*".to_string() } else { listed(&t) }, current.etag.as_deref().unwrap_or_default()),
            cite: rfc9110("13.1.1"),
        });
    } else if let Some((value, date)) = dated("If-Unmodified-Since") {
        // 2. If-Unmodified-Since, only without If-Match (§13.1.4).
        match (date, current.modified) {
            (None, _) => passed.push(Note {
                text: format!("If-Unmodified-Since: {value} is not an HTTP date, so the server ignores it. Dates are written like {}.", http_date(now)),
                cite: rfc9110("13.1.4"),
            }),
            (Some(_), None) => {}
            (Some(date), Some(modified)) if modified > date => {
                return Err(Reply::text(412, format!("Precondition failed: {what} changed after {value}."))
                    .because(
                        format!("Your If-Unmodified-Since says {value}, but {what} last changed at {}, later, so the server must not apply the {method}: #412.", http_date(modified)),
                        rfc9110("13.1.4"),
                    ));
            }
            (Some(_), Some(modified)) => passed.push(Note {
                text: format!("{} last changed at {}, not after your If-Unmodified-Since, so the {method} may go ahead.", capital(what), http_date(modified)),
                cite: rfc9110("13.1.4"),
            }),
        }
    }

    // 3. If-None-Match, with the weak comparison (§13.1.2).
    if !if_none_match.is_empty() {
        let t = tags(&if_none_match);
        let matched = match &current.etag {
            Some(etag) => t.any || t.tags.iter().any(|(_, tag)| tag == etag),
            None => false,
        };
        let malformed = malformed_note("If-None-Match", &t);
        if matched {
            let named = if t.any { "*".to_string() } else { listed(&t) };
            let mut reply = if read {
                let mut r = Reply::empty(304).because(
                    format!("Your If-None-Match named {named}, and {what} is still {}: your copy is current, so the server answers #304, with no body.", current.etag.as_deref().unwrap_or_default()),
                    rfc9110("13.1.2"),
                );
                if let Some(etag) = &current.etag {
                    r = r.header("ETag", etag.clone());
                }
                r.because(
                    "A 304 carries the headers that help a cache update its copy (here the ETag) and never a body.",
                    rfc9110("15.4.5"),
                )
            } else {
                Reply::text(412, format!("Precondition failed: {what} exists.")).because(
                    format!("Your If-None-Match named {named}, and {what} matches it, so the server must not apply the {method}: for methods other than GET and HEAD a failed If-None-Match gets #412."),
                    rfc9110("13.1.2"),
                )
            };
            reply.why.extend(malformed);
            return Err(reply);
        }
        passed.extend(malformed);
        passed.push(Note {
            text: format!("Your If-None-Match named {}, which is not what {what} is now, so the condition holds and the {method} goes ahead.", if t.any { "*".to_string() } else { listed(&t) }),
            cite: rfc9110("13.1.2"),
        });
    } else if read {
        // 4. If-Modified-Since, only for GET and HEAD without If-None-Match (§13.1.3).
        if let Some((value, date)) = dated("If-Modified-Since") {
            match (date, current.modified) {
                (None, _) => passed.push(Note {
                    text: format!("If-Modified-Since: {value} is not an HTTP date, so the server ignores it. Dates are written like {}.", http_date(now)),
                    cite: rfc9110("13.1.3"),
                }),
                (Some(_), None) => {}
                (Some(date), Some(modified)) if modified <= date => {
                    let mut r = Reply::empty(304).because(
                        format!("{} last changed at {}, not after your If-Modified-Since ({value}): your copy is current, so the server answers #304, with no body.", capital(what), http_date(modified)),
                        rfc9110("13.1.3"),
                    );
                    if let Some(etag) = &current.etag {
                        r = r.header("ETag", etag.clone());
                    }
                    return Err(r);
                }
                (Some(_), Some(modified)) => passed.push(Note {
                    text: format!("{} changed at {}, after your If-Modified-Since, so you get it whole.", capital(what), http_date(modified)),
                    cite: rfc9110("13.1.3"),
                }),
            }
        }
    }
    Ok(passed)
}
