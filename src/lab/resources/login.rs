//! `/account` and `/admin`, behind HTTP authentication with the Basic scheme (RFC 7617): 401
//! when the server does not know who you are, 403 when it knows and still says no.

use super::super::conditional::Current;
use super::super::context::Ctx;
use super::super::response::{rfc9110, Reply};
use super::represent;

/// The lab's one account: user name and password.
const USERS: [(&str, &str); 1] = [("ada", "lovelace")];

/// The challenge a 401 carries: the scheme and the realm the credentials are for.
const CHALLENGE: &str = "Basic realm=\"lab\", charset=\"UTF-8\"";

/// Decodes base64 (RFC 4648, padding optional); `None` if `text` is not base64.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut bits: u32 = 0;
    let mut count = 0;
    for b in text.trim_end_matches('=').bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

/// The user the request's credentials name, or the 401 that asks for credentials.
fn user(ctx: &Ctx) -> Result<&'static str, Reply> {
    let path = &ctx.req.path;
    let problem = match ctx.req.header("Authorization") {
        None => format!("{path} is behind a login, and your request has no Authorization header"),
        Some(value) => {
            let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
            if !scheme.eq_ignore_ascii_case("Basic") {
                format!(
                    "The lab knows only the Basic scheme, and your Authorization uses \"{scheme}\""
                )
            } else {
                match base64(token.trim()).and_then(|b| String::from_utf8(b).ok()) {
                    None => "Basic credentials are the user name and password joined by a colon, then base64-encoded, and yours do not decode".to_string(),
                    Some(pair) => match pair.split_once(':') {
                        None => format!("Your Basic credentials decode to \"{pair}\", which has no colon between user name and password"),
                        Some((name, password)) => match USERS.iter().find(|(u, p)| *u == name && *p == password) {
                            Some((u, _)) => return Ok(u),
                            None => format!("Your Basic credentials (user \"{name}\") match no account"),
                        },
                    },
                }
            }
        }
    };
    Err(Reply::text(401, "Log in to see this.")
        .header("WWW-Authenticate", CHALLENGE)
        .because(
            format!("{problem}: #401, with WWW-Authenticate saying how to log in: the Basic scheme, which is Authorization: Basic and then base64 of user:password. The lab's user is ada, password lovelace."),
            rfc9110("15.5.2"),
        ))
}

/// `/account`: the signed-in user's account.
pub(super) fn account(ctx: &Ctx) -> Reply {
    let who = match user(ctx) {
        Ok(who) => who,
        Err(refused) => return refused,
    };
    represent(
        ctx,
        "your account",
        "application/json",
        format!("{{\"user\":\"{who}\",\"articles\":[1,3,7]}}"),
        &Current {
            etag: None,
            modified: None,
        },
        false,
        format!("Your credentials are those of {who}, who may see this account: #200."),
    )
}

/// `/admin`: for administrators, of whom the lab has none.
pub(super) fn admin(ctx: &Ctx) -> Reply {
    let who = match user(ctx) {
        Ok(who) => who,
        Err(refused) => return refused,
    };
    Reply::text(403, format!("{who} may not open the admin area.")).because(
        format!("The server knows who you are ({who}), but {who} is not an administrator, so it refuses: #403. Logging in again will not help (401 would mean it does not know who you are)."),
        rfc9110("15.5.4"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_decodes_as_rfc_4648_says() {
        assert_eq!(super::base64("YWRhOmxvdmVsYWNl").unwrap(), b"ada:lovelace");
        assert_eq!(super::base64("YQ==").unwrap(), b"a");
        assert_eq!(super::base64("YWI").unwrap(), b"ab");
        assert!(super::base64("a b").is_none());
    }
}
