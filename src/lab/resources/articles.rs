//! `/articles` and `/articles/{id}`: a JSON API with versions. Every change makes a new
//! version with a new ETag ("v3"); PUT and PATCH need If-Match (or If-Unmodified-Since), so
//! nobody overwrites a change they have not seen; a deleted article is gone (410).

use chrono::{DateTime, Utc};

use super::super::conditional::{self, Current};
use super::super::context::Ctx;
use super::super::json::{self, Json, Value};
use super::super::negotiation::media_type;
use super::super::response::{rfc5789, rfc6585, rfc9110, Reply};
use super::super::state::{Article, Lab};
use super::represent;

/// The longest title the lab takes, in bytes.
const TITLE: usize = 100;

/// What the server knows of `article` for preconditions (nothing, if it does not exist now).
fn current(article: Option<&Article>, now: DateTime<Utc>) -> Current {
    match article.filter(|a| !a.deleted) {
        Some(a) => Current {
            etag: Some(a.etag()),
            modified: Some(a.modified.min(now)),
        },
        None => Current {
            etag: None,
            modified: None,
        },
    }
}

/// 415 unless the content is `wanted`; `header` names the field that lists what is taken.
fn content_type(ctx: &Ctx, wanted: &'static str, header: &'static str) -> Result<(), Reply> {
    let given = ctx.req.header("Content-Type").map(media_type);
    if given.as_deref() == Some(wanted) {
        return Ok(());
    }
    let said = match &given {
        Some(g) => format!("Your content is {g}"),
        None => "Your request does not say what its content is (no Content-Type)".to_string(),
    };
    let cite = if header == "Accept-Patch" {
        rfc5789("2.2")
    } else {
        rfc9110("15.5.16")
    };
    Err(Reply::text(415, format!("Send {wanted}.")).header(header, wanted).because(
        format!("{said}; a {} here takes {wanted} only, so the server refuses it without reading it: #415. {header} says what it takes.", ctx.method()),
        cite,
    ))
}

/// The title and body an article gets from `json`: for a PATCH (`patch`) the changes to
/// `old` as a JSON merge patch, otherwise a whole article. 422 for JSON of the wrong shape.
fn fields(json: Json, patch: Option<&Article>) -> Result<(String, String), Reply> {
    let unprocessable = |text: String| {
        Reply::text(422, text.clone()).because(
            format!("Your content is valid JSON, but not an article. {text} The server understands the request and cannot carry it out: #422."),
            rfc9110("15.5.21"),
        )
    };
    let members = match json {
        Json::Object(members) => members,
        Json::Not(what) => {
            return Err(unprocessable(format!(
                "An article is a JSON object, such as {{\"title\":\"Hi\",\"body\":\"...\"}}, not {what}."
            )))
        }
    };
    let (mut title, mut body) = match patch {
        Some(a) => (Some(a.title.clone()), a.body.clone()),
        None => (None, String::new()),
    };
    for (name, value) in members {
        match (name.as_str(), value) {
            ("title", Value::Text(t)) => title = Some(t),
            ("title", Value::Null) => {
                return Err(unprocessable(if patch.is_some() {
                    "In a merge patch, null removes a member, and an article cannot lose its title."
                        .into()
                } else {
                    "title must be text, not null.".into()
                }))
            }
            ("body", Value::Text(b)) => body = b,
            ("body", Value::Null) => body.clear(),
            ("title" | "body", Value::Other(what)) => {
                return Err(unprocessable(format!(
                    "{name} must be text (in double quotes), not {what}."
                )))
            }
            ("id", _) if patch.is_none() => {}
            _ => {
                return Err(unprocessable(format!(
                    "An article has a title and a body, and no member \"{name}\"."
                )))
            }
        }
    }
    let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
        return Err(unprocessable(
            "An article needs a title that is not empty.".into(),
        ));
    };
    if title.chars().count() > TITLE {
        return Err(unprocessable(format!(
            "A title has at most {TITLE} characters."
        )));
    }
    Ok((title, body))
}

/// 409 when another current article already has `title`.
fn unique(lab: &Lab, title: &str, except: u32) -> Result<(), Reply> {
    match lab.articles.iter().find(|a| {
        !a.deleted && a.id != except && a.title.trim().eq_ignore_ascii_case(title.trim())
    }) {
        Some(other) => Err(Reply::text(409, format!("Article {} already has that title.", other.id)).because(
            format!("Titles are unique, and article {} is already called \"{}\": your request conflicts with the state of the articles, which you can fix with another title: #409.", other.id, other.title),
            rfc9110("15.5.10"),
        )),
        None => Ok(()),
    }
}

/// The content as JSON: 400 if it is not JSON (and what the content problems are: 411,
/// 413, 408).
fn read_json(ctx: &mut Ctx) -> Result<Json, Reply> {
    let text = ctx.content()?;
    json::read(&text).map_err(|e| {
        Reply::text(400, format!("The content is not valid JSON: {e}."))
            .because(
                format!("Your content says it is JSON, but {e}: the server cannot read it, so it answers #400."),
                rfc9110("15.5.1"),
            )
    })
}

/// `/articles`: the list (GET, HEAD) and new articles (POST).
pub(super) fn collection(lab: &mut Lab, ctx: &mut Ctx) -> Reply {
    let live: Vec<&Article> = lab.articles.iter().filter(|a| !a.deleted).collect();
    let cur = Current {
        etag: Some(format!("\"list-{}\"", lab.list_version)),
        modified: Some(lab.list_modified.min(ctx.now)),
    };
    if ctx.method() != "POST" {
        let items: Vec<String> = live
            .iter()
            .map(|a| format!("{{\"id\":{},\"title\":{}}}", a.id, json::quote(&a.title)))
            .collect();
        return represent(
            ctx,
            "the article list",
            "application/json",
            format!("[{}]", items.join(",")),
            &cur,
            false,
            format!(
                "The list of the {} current articles: #200. Each is at /articles/ and its id.",
                live.len()
            ),
        );
    }
    if let Err(refused) = content_type(ctx, "application/json", "Accept") {
        return refused;
    }
    let passed = match conditional::evaluate(ctx.req, &cur, "the article list", ctx.now) {
        Ok(passed) => passed,
        Err(stopped) => return stopped,
    };
    let (title, body) = match read_json(ctx).and_then(|j| fields(j, None)) {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    if let Err(conflict) = unique(lab, &title, 0) {
        return conflict;
    }
    let id = lab.next_id;
    lab.next_id = lab.next_id.saturating_add(1);
    let article = Article {
        id,
        title,
        body,
        version: 1,
        modified: ctx.now,
        deleted: false,
    };
    let mut reply = Reply::with(201, "application/json", article.json())
        .header("Location", format!("/articles/{id}"))
        .header("ETag", article.etag())
        .because(
            format!("POST asks the collection to take your content; it made a new article, so the answer is #201, with Location naming it: /articles/{id}. POST is not idempotent: sending it again makes another article (or, with the same title, a 409)."),
            rfc9110("15.3.2"),
        );
    reply.why.extend(passed);
    lab.articles.push(article);
    changed(lab, ctx.now);
    reply
}

fn changed(lab: &mut Lab, now: DateTime<Utc>) {
    lab.list_version = lab.list_version.saturating_add(1);
    lab.list_modified = now;
}

/// `/articles/{id}`: GET, HEAD, PUT, PATCH, DELETE.
pub(super) fn article(lab: &mut Lab, ctx: &mut Ctx, id: u32) -> Reply {
    let what = format!("article {id}");
    let index = lab.articles.iter().position(|a| a.id == id);
    let found = index.map(|i| &lab.articles[i]);
    let method = ctx.method().to_string();
    let cur = current(found, ctx.now);
    match found {
        Some(a) if a.deleted && method != "PUT" => {
            return Reply::text(410, format!("Article {id} was deleted.")).because(
                format!("Article {id} existed and was deleted, and the server knows it will not come back: #410, which tells clients to forget links to it (404 would only say it is not found).{}", if method == "DELETE" { " Deleting it again changed nothing more, which is why DELETE is idempotent: the state after two DELETEs is the state after one, though the answers differ." } else { "" }),
                rfc9110("15.5.11"),
            )
        }
        None if method != "PUT" => {
            return Reply::text(404, format!("There is no article {id}.")).because(
                format!("There is no article {id}, and there never was: #404. GET /articles lists the ones there are."),
                rfc9110("15.5.5"),
            )
        }
        _ => {}
    }
    let live = found.filter(|a| !a.deleted);
    match method.as_str() {
        "GET" | "HEAD" => {
            let Some(a) = live.cloned() else {
                return Reply::text(404, format!("There is no article {id}."));
            };
            represent(
                ctx,
                &what,
                "application/json",
                a.json(),
                &cur,
                false,
                format!("Article {id} exists, so the server sends it: #200, with its ETag ({}) and Last-Modified, which a later conditional request can send back.", a.etag()),
            )
        }
        "DELETE" => {
            let passed = match conditional::evaluate(ctx.req, &cur, &what, ctx.now) {
                Ok(p) => p,
                Err(stopped) => return stopped,
            };
            if let Some(i) = index {
                let a = &mut lab.articles[i];
                a.deleted = true;
                a.version += 1;
                a.modified = ctx.now;
            }
            changed(lab, ctx.now);
            let mut reply = Reply::empty(204).because(
                format!("Article {id} is deleted, and there is nothing more to say: #204. A second DELETE will get #410: a different answer, but the same state on the server (the article is gone), which is what makes DELETE idempotent."),
                rfc9110("9.3.5"),
            );
            reply.why.extend(passed);
            reply
        }
        _ => write(lab, ctx, id, index, &cur, &method),
    }
}

/// PUT (replace or create) and PATCH (change) of article `id`.
fn write(
    lab: &mut Lab,
    ctx: &mut Ctx,
    id: u32,
    index: Option<usize>,
    cur: &Current,
    method: &str,
) -> Reply {
    let what = format!("article {id}");
    let live = index.filter(|i| !lab.articles[*i].deleted);
    let patch = method == "PATCH";
    let refused = if patch {
        content_type(ctx, "application/merge-patch+json", "Accept-Patch")
    } else {
        content_type(ctx, "application/json", "Accept")
    };
    if let Err(refused) = refused {
        return refused;
    }
    // Changing an article needs proof that you saw its current version.
    if live.is_some()
        && ctx.req.header("If-Match").is_none()
        && ctx.req.header("If-Unmodified-Since").is_none()
    {
        return Reply::text(428, "Send If-Match with the article's ETag.").because(
            format!("Changing {what} needs a condition, so that nobody overwrites a change they have not seen: send If-Match with the ETag you got when you read it (GET {}). Without one: #428.", ctx.req.path),
            rfc6585("3"),
        );
    }
    let passed = match conditional::evaluate(ctx.req, cur, &what, ctx.now) {
        Ok(p) => p,
        Err(stopped) => return stopped,
    };
    let old = live.map(|i| lab.articles[i].clone());
    let (title, body) = match read_json(ctx).and_then(|j| fields(j, old.as_ref().filter(|_| patch)))
    {
        Ok(f) => f,
        Err(refused) => return refused,
    };
    if let Err(conflict) = unique(lab, &title, id) {
        return conflict;
    }
    let version = index.map_or(1, |i| lab.articles[i].version + 1);
    let article = Article {
        id,
        title,
        body,
        version,
        modified: ctx.now,
        deleted: false,
    };
    // (A PATCH of an article that does not exist got its 404 or 410 before.)
    let mut reply = match (old.is_some(), patch) {
        (true, true) => Reply::with(200, "application/json", article.json())
            .header("ETag", article.etag())
            .because(
                format!("Your merge patch changed only the members it names: #200, with the article as it is now and its new ETag, {}.", article.etag()),
                rfc5789("2"),
            ),
        (true, false) => Reply::empty(204).because(
            format!("PUT replaced {what} with your content: #204. The server sends no ETag, because it stores the article in its own form rather than your exact bytes; GET it to learn the new version ({}).", article.etag()),
            rfc9110("9.3.4"),
        ),
        (false, _) => Reply::empty(201).because(
            format!("There was no current {what}, so your PUT created it at the address you named: #201. PUT is idempotent: sending the same PUT again leaves the same article."),
            rfc9110("15.3.2"),
        ),
    };
    reply.why.extend(passed);
    match index {
        Some(i) => lab.articles[i] = article,
        None => {
            lab.next_id = lab.next_id.max(id.saturating_add(1));
            lab.articles.push(article);
        }
    }
    changed(lab, ctx.now);
    reply
}
