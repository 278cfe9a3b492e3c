//! Pages that moved: for good (301, 308) or for now (302, 307). Which code a server picks
//! says two things: whether clients should update their links, and whether they may change
//! the method when they follow it.

use super::super::context::Ctx;
use super::super::response::{rfc9110, Reply};
use super::Resource;

/// Each moved path, the code that says how it moved, and where it is now.
const MOVED: [(&str, u16, &str); 4] = [
    ("/blog", 301, "/articles"),
    ("/news", 302, "/articles"),
    ("/inbox", 307, "/articles"),
    ("/api/v1/articles", 308, "/articles"),
];

/// The moved resource at `path`, with the query kept: `/api/v1/articles/7` is now
/// `/articles/7`.
pub(super) fn route(path: &str, query: &str) -> Option<Resource> {
    MOVED.iter().find_map(|(from, code, to)| {
        let rest = path.strip_prefix(from)?;
        let deeper = *code == 308 && rest.starts_with('/');
        if !rest.is_empty() && !deeper {
            return None;
        }
        let mut target = format!("{to}{rest}");
        if !query.is_empty() {
            target.push('?');
            target.push_str(query);
        }
        Some(Resource::Moved(*code, target))
    })
}

/// The redirect, for any method.
pub(super) fn redirect(ctx: &Ctx, code: u16, to: &str) -> Reply {
    let (from, method) = (&ctx.req.path, ctx.method());
    let (why, section) = match code {
        301 => (format!("{from} has moved for good to {to}: #301, with Location. Clients may update their links. Following it, a browser may turn a POST into a GET, for historical reasons: 308 is the permanent redirect that forbids that."), "15.4.2"),
        302 => (format!("{from} is at {to} for now: #302, with Location. Keep using {from}, since that may change. Following it, a client may turn a POST into a GET, for historical reasons: 307 forbids that."), "15.4.3"),
        307 => (format!("{from} is handled at {to} for now: #307. The client sends the same request there, method and content unchanged (your {method} stays a {method}), and keeps using {from} later."), "15.4.8"),
        _ => (format!("{from} has moved for good to {to}: #308. The client sends the same request there, method and content unchanged (your {method} stays a {method}), and may update its links."), "15.4.9"),
    };
    Reply::text(code, format!("Moved to {to}."))
        .header("Location", to)
        .because(why, rfc9110(section))
}
