//! `/files/big.txt`: a text file of 4000 bytes, served whole or in ranges. Each line says
//! which bytes it is, so a range shows at once what it got.

use chrono::{TimeZone, Utc};

use super::super::conditional::Current;
use super::super::context::Ctx;
use super::super::response::Reply;
use super::represent;

/// The file: 100 lines of 40 bytes, "line 000, bytes 0000-0039 of this file." and so on.
pub(in crate::lab) fn text() -> String {
    let mut out = String::with_capacity(4000);
    for line in 0..100 {
        let first = line * 40;
        out.push_str(&format!(
            "line {line:03}, bytes {first:04}-{:04} of this file.\n",
            first + 39
        ));
    }
    out
}

/// GET and HEAD of the file.
pub(super) fn big(ctx: &Ctx) -> Reply {
    let current = Current {
        etag: Some("\"big-1\"".to_string()),
        modified: Utc
            .with_ymd_and_hms(2025, 1, 6, 8, 0, 0)
            .single()
            .map(|m| m.min(ctx.now)),
    };
    represent(
        ctx,
        "the file",
        "text/plain",
        text(),
        &current,
        true,
        "The whole file, 4000 bytes: #200. Accept-Ranges: bytes says you may also ask for a part of it, with Range.".to_string(),
    )
}
