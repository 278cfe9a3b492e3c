//! Content negotiation, as far as the lab needs it: whether the client's Accept allows the one
//! media type a resource has (RFC 9110 §12.5.1), and the media type of a request's content.

/// The media type of a Content-Type value, lower-cased, without its parameters
/// ("application/json; charset=utf-8" gives "application/json").
pub(super) fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a weight (`q=`) is zero: "not acceptable". Weights have at most three decimals,
/// so this is read without floating point.
fn zero_weight(params: &str) -> bool {
    params.split(';').any(|p| {
        let p = p.trim();
        let Some(q) = p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")) else {
            return false;
        };
        q.trim().strip_prefix('0').is_some_and(|rest| {
            rest.is_empty() || rest.trim_start_matches('.').bytes().all(|b| b == b'0')
        })
    })
}

/// Whether the Accept values allow `media` ("application/json"): the most specific range that
/// matches it (`type/subtype`, then `type/*`, then `*/*`) decides, and a weight of 0 refuses.
/// No Accept at all, or an empty one, allows anything.
pub(super) fn accepts<'a>(accept: impl Iterator<Item = &'a str>, media: &str) -> bool {
    let (kind, _) = media.split_once('/').unwrap_or((media, ""));
    let mut any = false;
    let mut best: Option<(u8, bool)> = None;
    for range in accept.flat_map(|v| v.split(',')) {
        let (name, params) = range.split_once(';').unwrap_or((range, ""));
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        any = true;
        let specificity = if name == media {
            3
        } else if name.strip_suffix("/*") == Some(kind) {
            2
        } else if name == "*/*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, !zero_weight(params)));
        }
    }
    !any || best.is_some_and(|(_, ok)| ok)
}
