//! The lab's resources: which path names which, the methods each allows, and the steps they
//! share: 404, 405 with Allow, OPTIONS, TRACE, and sending a representation after content
//! negotiation, preconditions and ranges.

mod articles;
mod file;
mod login;
mod moved;
mod pages;
mod search;
mod upload;

pub(in crate::lab) use search::LIMIT as SEARCHES_A_MINUTE;

use super::conditional::{self, Current};
use super::context::Ctx;
use super::negotiation::accepts;
use super::parse::Form;
use super::ranges::{self, Part};
use super::response::{rfc9110, Reply};
use super::state::Lab;

/// What a path names.
enum Resource {
    /// `*`: the server as a whole (OPTIONS only).
    Server,
    Root,
    Articles,
    Article(u32),
    File,
    /// A page that moved: the code that says how, and where to.
    Moved(u16, String),
    Contact,
    Thanks,
    Account,
    Admin,
    Search,
    Uploads,
    Upload(usize),
    Reports,
}

/// The number `text` writes, if it writes one the way the lab does (no sign, no leading 0).
fn id(text: &str) -> Option<u32> {
    text.parse::<u32>().ok().filter(|n| n.to_string() == text)
}

fn route(lab: &Lab, path: &str, query: &str) -> Option<Resource> {
    if let Some(moved) = moved::route(path, query) {
        return Some(moved);
    }
    Some(match path {
        "*" => Resource::Server,
        "/" => Resource::Root,
        "/articles" => Resource::Articles,
        "/files/big.txt" => Resource::File,
        "/contact" => Resource::Contact,
        "/contact/thanks" => Resource::Thanks,
        "/account" => Resource::Account,
        "/admin" => Resource::Admin,
        "/search" => Resource::Search,
        "/uploads" => Resource::Uploads,
        "/reports" => Resource::Reports,
        _ => {
            if let Some(n) = path.strip_prefix("/articles/").and_then(id) {
                Resource::Article(n)
            } else {
                let n = path.strip_prefix("/uploads/").and_then(id)? as usize;
                (1..=lab.uploads.len())
                    .contains(&n)
                    .then_some(Resource::Upload(n))?
            }
        }
    })
}

/// The methods `resource` supports, as its Allow lists them.
fn allowed(resource: &Resource) -> &'static [&'static str] {
    match resource {
        Resource::Server | Resource::Moved(..) => &[
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
        ],
        Resource::Articles | Resource::Contact => &["GET", "HEAD", "POST", "OPTIONS", "TRACE"],
        Resource::Article(_) => &["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"],
        Resource::Uploads => &["POST", "OPTIONS", "TRACE"],
        _ => &["GET", "HEAD", "OPTIONS", "TRACE"],
    }
}

/// Answers a request whose host, method and expectations the server has already checked.
pub(super) fn answer(lab: &mut Lab, ctx: &mut Ctx) -> Reply {
    let req = ctx.req;
    let Some(resource) = route(lab, &req.path, &req.query) else {
        return Reply::text(404, format!("There is nothing at {}.", req.path)).because(
            format!(
                "The lab has no resource at {}: #404. GET / lists what there is.",
                req.path
            ),
            rfc9110("15.5.5"),
        );
    };
    let allow = allowed(&resource).join(", ");
    let method = ctx.method();
    if !allowed(&resource).contains(&method) {
        return Reply::text(405, format!("{method} is not allowed here. Allowed: {allow}."))
            .header("Allow", allow.clone())
            .because(
                format!("{} exists, but it does not support {method}: #405, with Allow listing what it does support ({allow})."
                    , req.path),
                rfc9110("15.5.6"),
            );
    }
    match method {
        "OPTIONS" => {
            let mut reply = Reply::empty(204).header("Allow", allow.clone());
            if matches!(resource, Resource::Article(_)) {
                reply = reply.header("Accept-Patch", "application/merge-patch+json");
            }
            let what = if req.form == Form::Asterisk {
                "the server as a whole".to_string()
            } else {
                req.path.clone()
            };
            return reply.because(
                format!("OPTIONS asks what {what} supports. The answer is in the headers (Allow: {allow}), so there is nothing to put in a body: #204. OPTIONS is safe: it changes nothing."),
                rfc9110("9.3.7"),
            );
        }
        "TRACE" => return trace(ctx),
        _ => {}
    }
    match resource {
        Resource::Server => Reply::empty(204),
        Resource::Root => pages::root(ctx),
        Resource::Articles => articles::collection(lab, ctx),
        Resource::Article(n) => articles::article(lab, ctx, n),
        Resource::File => file::big(ctx),
        Resource::Moved(code, to) => moved::redirect(ctx, code, &to),
        Resource::Contact => pages::contact(ctx),
        Resource::Thanks => pages::thanks(ctx),
        Resource::Account => login::account(ctx),
        Resource::Admin => login::admin(ctx),
        Resource::Search => search::search(lab, ctx),
        Resource::Uploads => upload::upload(lab, ctx),
        Resource::Upload(n) => upload::uploaded(lab, ctx, n),
        Resource::Reports => pages::reports(),
    }
}

/// TRACE: the request as the server received it, sent back (RFC 9110 §9.3.8), without the
/// fields that may hold secrets.
fn trace(ctx: &Ctx) -> Reply {
    let req = ctx.req;
    let mut echo = format!("TRACE {} HTTP/1.1", req.target);
    let mut kept_back = Vec::new();
    for (name, value) in &req.headers {
        if ["Authorization", "Cookie", "Proxy-Authorization"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(name))
        {
            kept_back.push(name.as_str());
            continue;
        }
        echo.push('\n');
        echo.push_str(name);
        echo.push_str(": ");
        echo.push_str(value);
    }
    let mut reply = Reply::with(200, "message/http", echo).because(
        "TRACE asks the server to send back the request as it arrived, to show what proxies on the way changed: #200, with the request as a message/http body.",
        rfc9110("9.3.8"),
    );
    if !kept_back.is_empty() {
        reply = reply.because(
            format!(
                "The echo leaves out {}: fields that may hold secrets are not sent back.",
                kept_back.join(" and ")
            ),
            rfc9110("9.3.8"),
        );
    }
    reply
}

/// A 406 when the request's Accept rules out `media`, the only type the resource has.
fn negotiate(ctx: &Ctx, media: &str) -> Result<(), Reply> {
    if accepts(ctx.req.all("Accept"), media) {
        return Ok(());
    }
    let accept: Vec<&str> = ctx.req.all("Accept").collect();
    Err(Reply::text(406, format!("This resource is only available as {media}.")).because(
        format!("Your Accept ({}) rules out {media}, the only form {} has: #406. (A server may instead ignore Accept.) Add {media} to Accept, or leave Accept out.", accept.join(", "), ctx.req.path),
        rfc9110("15.5.7"),
    ))
}

/// Sends a representation of `what` (`media`, `body`) to a GET or HEAD: 406 if Accept rules
/// it out, 304 or 412 from the preconditions, 206 or 416 for a Range when `ranges`, otherwise
/// 200 with its validators. `why` says what the 200 is.
pub(super) fn represent(
    ctx: &Ctx,
    what: &str,
    media: &str,
    body: String,
    current: &Current,
    ranges: bool,
    why: String,
) -> Reply {
    if let Err(refused) = negotiate(ctx, media) {
        return refused;
    }
    let passed = match conditional::evaluate(ctx.req, current, what, ctx.now) {
        Ok(passed) => passed,
        Err(stopped) => return stopped,
    };
    let validators = |mut reply: Reply| {
        if let Some(etag) = &current.etag {
            reply = reply.header("ETag", etag.clone());
        }
        if let Some(m) = current.modified {
            reply = reply.header("Last-Modified", crate::clock::http_date(m));
        }
        reply
    };
    let len = body.len() as u64;
    let part = if ranges {
        match ranges::part(ctx.req, len, current, ctx.now) {
            Ok(part) => part,
            Err(unsatisfiable) => return unsatisfiable,
        }
    } else {
        Part::Whole(Vec::new())
    };
    let mut reply = match part {
        Part::Range { first, last, notes } => {
            let slice = body
                .get(first as usize..=last as usize)
                .unwrap_or_default()
                .to_string();
            let mut reply = validators(Reply::with(206, media, slice))
                .header("Content-Range", format!("bytes {first}-{last}/{len}"));
            reply.why = notes;
            reply
        }
        Part::Whole(notes) => {
            let mut reply =
                validators(Reply::with(200, media, body)).because(why, rfc9110("15.3.1"));
            reply.why.extend(notes);
            reply
        }
    };
    if ranges {
        reply.headers.push(("Accept-Ranges", "bytes".to_string()));
    }
    reply.why.extend(passed);
    reply
}
