//! `/uploads`: POST up to 1000 bytes; a client may first ask with `Expect: 100-continue`,
//! and then sends the content only after the 100 (the server adds it, `server::finish`).

use super::super::conditional::Current;
use super::super::context::Ctx;
use super::super::negotiation::media_type;
use super::super::response::{rfc9110, Reply};
use super::super::state::Lab;
use super::represent;

/// POST /uploads.
pub(super) fn upload(lab: &mut Lab, ctx: &mut Ctx) -> Reply {
    let content = match ctx.content() {
        Ok(c) => c,
        Err(refused) => return refused,
    };
    let media = ctx
        .req
        .header("Content-Type")
        .map(media_type)
        .filter(|m| m.contains('/'))
        .unwrap_or_else(|| "application/octet-stream".to_string());
    let n = lab.uploads.len() + 1;
    let len = content.len();
    lab.uploads.push((media, content));
    Reply::text(201, format!("Stored {len} bytes at /uploads/{n}."))
        .header("Location", format!("/uploads/{n}"))
        .because(
            format!("The server stored your {len} bytes as a new resource: #201, with Location naming it (/uploads/{n})."),
            rfc9110("15.3.2"),
        )
}

/// GET and HEAD of upload `n` (which exists: the route checked).
pub(super) fn uploaded(lab: &Lab, ctx: &Ctx, n: usize) -> Reply {
    let (media, content) = lab.uploads.get(n - 1).cloned().unwrap_or_default();
    represent(
        ctx,
        "the upload",
        &media,
        content,
        &Current {
            etag: None,
            modified: None,
        },
        false,
        format!("Upload {n}, as it was sent: #200."),
    )
}
