//! The home page, a contact form answered with 303 See Other, and reports that are down for
//! maintenance.

use super::super::conditional::Current;
use super::super::context::Ctx;
use super::super::response::{rfc9110, Reply};
use super::represent;

const NONE: Current = Current {
    etag: None,
    modified: None,
};

/// `/`: what the lab has.
pub(super) fn root(ctx: &Ctx) -> Reply {
    represent(
        ctx,
        "the home page",
        "text/plain",
        "The HTTP lab at lab.example:\n\
         /articles, /articles/{id}: a JSON API\n\
         /files/big.txt: 4000 bytes, in ranges\n\
         /blog, /news, /inbox, /api/v1/articles: moved\n\
         /contact: a form\n\
         /account, /admin: log in as ada, password lovelace\n\
         /search?q=word: 3 searches a minute\n\
         /uploads: POST up to 1000 bytes\n\
         /reports: down for maintenance\n"
            .to_string(),
        &NONE,
        false,
        "The lab's home page, which lists its resources: #200.".to_string(),
    )
}

/// `/contact`: the form (GET) and what sending it does (POST).
pub(super) fn contact(ctx: &mut Ctx) -> Reply {
    if ctx.method() != "POST" {
        return represent(
            ctx,
            "the contact form",
            "text/html",
            "<form method=\"post\" action=\"/contact\"><textarea name=\"message\"></textarea><button>Send</button></form>\n".to_string(),
            &NONE,
            false,
            "The contact form: #200. Sending it POSTs to /contact.".to_string(),
        );
    }
    if let Err(refused) = ctx.content() {
        return refused;
    }
    Reply::text(303, "Thank you: see /contact/thanks.")
        .header("Location", "/contact/thanks")
        .because(
            "Your message was taken. The page to show next is another resource, so the server answers #303: the browser follows Location with a GET, and reloading that page does not send the form again.",
            rfc9110("15.4.4"),
        )
}

/// `/contact/thanks`.
pub(super) fn thanks(ctx: &Ctx) -> Reply {
    represent(
        ctx,
        "the thank-you page",
        "text/plain",
        "Thank you: your message was sent.\n".to_string(),
        &NONE,
        false,
        "The page the 303 after the form points to: #200.".to_string(),
    )
}

/// `/reports`: down for maintenance.
pub(super) fn reports() -> Reply {
    Reply::text(503, "The reports are being rebuilt. Try again in two minutes.")
        .header("Retry-After", "120")
        .because(
            "The reports are down for maintenance: the server cannot answer now, but will soon, so it sends #503 with Retry-After: 120, the seconds to wait before trying again.",
            rfc9110("15.6.4"),
        )
}
