//! An example exchange on a Reference page: the request and the response as HTTP/1.1 text,
//! each header name linked to its row in the page's headers table when it has one.

use leptos::prelude::*;

use crate::catalogue::{Exchange, ExchangeLine};

/// The id of a header's row in a headers table: `header-www-authenticate`.
pub fn header_row_id(name: &str) -> String {
    format!("header-{}", name.to_ascii_lowercase())
}

/// One side of the exchange, line by line. Header names listed in `linked` link to their row.
fn message(text: &'static str, linked: &[&'static str]) -> impl IntoView {
    Exchange::lines(text)
        .into_iter()
        .map(|line| match line {
            ExchangeLine::Start(l) => view! { <span class="http-start">{l}</span> "\n" }.into_any(),
            ExchangeLine::Header { name, value } => {
                let known = linked.iter().any(|h| h.eq_ignore_ascii_case(name));
                let name_view = if known {
                    view! { <a class="http-name" href=format!("#{}", header_row_id(name))>{name}</a> }.into_any()
                } else {
                    view! { <span class="http-name">{name}</span> }.into_any()
                };
                view! { {name_view} ": " {value} "\n" }.into_any()
            }
            ExchangeLine::Blank => view! { "\n" }.into_any(),
            ExchangeLine::Body(l) => view! { <span class="http-body">{l}</span> "\n" }.into_any(),
        })
        .collect_view()
}

/// The example exchange, labelled Request and Response. `linked`: the header names that have
/// a row in the page's headers table.
#[component]
pub fn ExchangeView(exchange: Exchange, linked: Vec<&'static str>) -> impl IntoView {
    view! {
        <section aria-labelledby="exchange-heading" data-testid="exchange" class="exchange">
            <h2 id="exchange-heading">"An example exchange"</h2>
            <p class="chart-note">"What goes over the wire, as HTTP/1.1 text (line breaks are CRLF on the wire)."</p>
            <h3 id="exchange-request">"Request"</h3>
            <pre class="http" aria-labelledby="exchange-request" data-testid="exchange-request"><code>{message(exchange.request, &linked)}</code></pre>
            <h3 id="exchange-response">"Response"</h3>
            <pre class="http" aria-labelledby="exchange-response" data-testid="exchange-response"><code>{message(exchange.response, &linked)}</code></pre>
        </section>
    }
}
