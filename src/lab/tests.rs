//! The lab's native tests: challenges and their near misses, the server's answers to chosen
//! requests, and a property test over thousands of generated ones.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::catalogue;

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
}

/// Sends `raw` and checks the answer against the one exchange checker.
fn send(lab: &mut Lab, raw: &str, at: DateTime<Utc>) -> Exchange {
    let x = lab.handle(raw, at);
    assert_eq!(x.problems(), Ok(vec![]), "{raw:?}\n{}", x.response());
    assert!(
        !x.why().is_empty(),
        "every answer says why: {}",
        x.response()
    );
    for note in x.why() {
        // Codes are named from the catalogue: "#412" is written out as "412 Precondition Failed".
        let marked = note.text.match_indices('#').any(|(i, _)| {
            note.text[i + 1..]
                .bytes()
                .take(3)
                .filter(u8::is_ascii_digit)
                .count()
                == 3
        });
        assert!(!marked, "{}", note.text);
    }
    x
}

fn get(lab: &mut Lab, raw: &str) -> Exchange {
    send(lab, raw, noon())
}

/// For every challenge, requests that come close and must not solve it.
const NEAR_MISSES: &[(&str, &[&str])] = &[
    ("read-an-article", &["GET /articles/9 HTTP/1.1\nHost: lab.example\n"]),
    ("size-without-download", &["GET /files/big.txt HTTP/1.1\nHost: lab.example\n"]),
    ("publish-an-article", &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 5\n\nHello"]),
    ("create-with-put", &["PUT /articles/7 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("delete-twice", &["DELETE /articles/7 HTTP/1.1\nHost: lab.example\n", "GET /articles/7 HTTP/1.1\nHost: lab.example\n"]),
    ("last-100-bytes", &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=0-99\n"]),
    ("range-past-the-end", &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=3900-5999\n"]),
    ("not-modified", &["GET /articles/1 HTTP/1.1\nHost: lab.example\nIf-None-Match: \"v0\"\n"]),
    ("not-modified-since", &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nIf-Modified-Since: Sun, 05 Jan 2025 08:00:00 GMT\n", "GET /files/big.txt HTTP/1.1\nHost: lab.example\nIf-None-Match: \"big-1\"\n"]),
    ("update-without-overwriting", &["PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}", "PUT /articles/7 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("stale-update", &["PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match: \"v2\"\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("precondition-required", &["PUT /articles/1 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("patch-a-title", &["PATCH /articles/3 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("wrong-patch-format", &["PATCH /articles/3 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/merge-patch+json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"]),
    ("method-not-allowed", &["DELETE /articles/1 HTTP/1.1\nHost: lab.example\n"]),
    ("unknown-method", &["DELETE /articles HTTP/1.1\nHost: lab.example\n", "CONNECT lab.example:443 HTTP/1.1\nHost: lab.example:443\n"]),
    ("what-may-i-do", &["OPTIONS /nothing HTTP/1.1\nHost: lab.example\n"]),
    ("echo", &["TRACE /nothing HTTP/1.1\nHost: lab.example\n"]),
    ("open-a-tunnel", &["CONNECT /articles HTTP/1.1\nHost: lab.example\n"]),
    ("bad-request", &["GET /search HTTP/1.1\nHost: lab.example\n", "GET /articles HTTP/1.1\nHost: lab.example\n"]),
    ("wrong-version", &["GET /articles HTTP/1.1\nHost: lab.example\n", "GET /articles http/2.0\nHost: lab.example\n"]),
    ("not-found", &["GET /articles/2 HTTP/1.1\nHost: lab.example\n"]),
    ("gone", &["GET /articles/99 HTTP/1.1\nHost: lab.example\n"]),
    ("moved-for-good", &["GET /news HTTP/1.1\nHost: lab.example\n"]),
    ("moved-for-now", &["GET /blog HTTP/1.1\nHost: lab.example\n"]),
    ("post-then-see-other", &["GET /contact HTTP/1.1\nHost: lab.example\n"]),
    ("post-stays-post", &["POST /news HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Inbox\"}"]),
    ("old-api-address", &["PUT /blog HTTP/1.1\nHost: lab.example\nContent-Length: 0\n"]),
    ("log-in", &["GET /account HTTP/1.1\nHost: lab.example\nAuthorization: Basic YWRhOmxvdmVsYWNl\n", "GET /account HTTP/1.1\nHost: lab.example\n"]),
    ("forbidden", &["GET /admin HTTP/1.1\nHost: lab.example\n"]),
    ("too-many-searches", &["GET /articles HTTP/1.1\nHost: lab.example\n"]),
    ("maintenance", &["GET /report HTTP/1.1\nHost: lab.example\n"]),
    ("ask-before-sending", &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 11\n\nBuy stamps."]),
    ("expectation-failed", &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 2\nExpect: 100-continue\n\nhi"]),
    ("length-required", &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 2\n\nhi"]),
    ("too-large", &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 500\nExpect: 100-continue\n"]),
    ("request-timeout", &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 5\n\nshort"]),
    ("uri-too-long", &["GET /search?q=[… 7,000 more characters …] HTTP/1.1\nHost: lab.example\n"]),
    ("header-too-large", &["GET /articles HTTP/1.1\nHost: lab.example\nCookie: session=[… 7,000 more characters …]\n"]),
    ("not-acceptable", &["GET /articles/1 HTTP/1.1\nHost: lab.example\nAccept: text/html, application/json;q=0.5\n"]),
    ("conflict", &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 22\n\n{\"title\":\"Hello, FTP\"}"]),
    ("unprocessable", &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 23\n\n{\"body\":\"No title here\""]),
    ("wrong-host", &["GET / HTTP/1.1\nHost: lab.example:8080\n"]),
];

#[test]
fn every_challenge_is_solved_by_its_reference_and_not_by_its_near_miss() {
    for c in challenges() {
        let mut lab = c.lab(noon());
        let exchanges: Vec<Exchange> = c
            .reference()
            .iter()
            .map(|r| send(&mut lab, r, noon()))
            .collect();
        for x in &exchanges {
            let noted: Vec<&str> = x.header_notes().iter().map(|n| n.name).collect();
            let sent: Vec<&str> = x.response_headers().iter().map(|(n, _)| *n).collect();
            assert_eq!(noted, sent, "{}: every header has a note", c.id);
        }
        assert!(
            c.solved_by(&exchanges),
            "{}: {:#?}",
            c.id,
            exchanges.iter().map(Exchange::response).collect::<Vec<_>>()
        );
        let (_, misses) = NEAR_MISSES
            .iter()
            .find(|(id, _)| *id == c.id)
            .unwrap_or_else(|| panic!("{} has a near miss", c.id));
        let mut lab = c.lab(noon());
        let exchanges: Vec<Exchange> = misses
            .iter()
            .map(|r| send(&mut lab, &crate::exchange::rules::expand(r), noon()))
            .collect();
        assert!(
            !c.solved_by(&exchanges),
            "{} is solved by its near miss: {:#?}",
            c.id,
            exchanges.iter().map(Exchange::response).collect::<Vec<_>>()
        );
        // Nor by nothing at all, nor by the reference's first request alone when it has more.
        assert!(!c.solved_by(&[]));
    }
    assert_eq!(NEAR_MISSES.len(), challenges().len());
}

#[test]
fn challenges_cover_thirty_codes_and_all_nine_methods() {
    let mut codes: Vec<u16> = challenges()
        .iter()
        .flat_map(|c| c.codes.iter().copied())
        .collect();
    crate::sort::ascending(&mut codes);
    codes.dedup();
    assert!(codes.len() >= 30, "{} codes: {codes:?}", codes.len());
    for code in &codes {
        assert!(
            catalogue::status_code(*code).is_some(),
            "{code} is in the catalogue"
        );
        assert!(challenges_for_code(*code).next().is_some());
    }
    for m in catalogue::METHODS {
        assert!(
            challenges_for_method(m.name).next().is_some(),
            "{} has a challenge",
            m.name
        );
    }
    let mut ids: Vec<&str> = challenges().iter().map(|c| c.id).collect();
    for id in &ids {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !id.starts_with('-')
                && !id.ends_with('-'),
            "{id} is kebab-case"
        );
        assert_eq!(challenge(id).map(|c| c.id), Some(*id));
    }
    crate::sort::ascending(&mut ids);
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
    for c in challenges() {
        assert!(!c.goal.is_empty() && !c.hint.is_empty(), "{}", c.id);
    }
}

#[test]
fn a_request_that_does_not_parse_gets_400_with_a_reason_a_beginner_can_act_on() {
    let cases: &[(&str, u16, &str)] = &[
        ("GET /articles HTTP/1.1\nHost lab.example\n", 400, "Line 2 has no colon: a header line is Name: value"),
        ("GET /articles HTTP/1.1\nHost : lab.example\n", 400, "space between the header name"),
        ("GET /articles HTTP/1.1\nHost: lab.example\n  continued\n", 400, "Line 3 starts with a space"),
        ("GET /articles\nHost: lab.example\n", 400, "no HTTP version"),
        ("GET  /articles HTTP/1.1\nHost: lab.example\n", 400, "two spaces in a row"),
        ("GET /my articles HTTP/1.1\nHost: lab.example\n", 400, "%20"),
        ("GET articles HTTP/1.1\nHost: lab.example\n", 400, "does not start with /"),
        ("GET /articles#top HTTP/1.1\nHost: lab.example\n", 400, "fragment"),
        ("GET /articles HTTP/1.1\n", 400, "no Host line"),
        ("GET /articles HTTP/1.1\nHost: lab.example\nHost: lab.example\n", 400, "2 Host lines"),
        ("GET /articles http/1.1\nHost: lab.example\n", 400, "HTTP/1.1, in capitals"),
        ("G(T /articles HTTP/1.1\nHost: lab.example\n", 400, "a method name cannot have"),
        ("", 400, "The request is empty"),
        ("GET /articles HTTP/1.1\nHost: lab.example\nContent-Length: ten\n", 400, "Content-Length must be a number"),
        ("POST /uploads HTTP/1.1\nHost: lab.example\nContent-Length: 2\nContent-Length: 3\n\nhi", 400, "different Content-Length"),
        ("POST /uploads HTTP/1.1\nHost: lab.example\nContent-Length: 2\nTransfer-Encoding: chunked\n\nhi", 400, "both Transfer-Encoding and Content-Length"),
        ("POST /uploads HTTP/1.1\nHost: lab.example\nTransfer-Encoding: gzip\n\nhi", 400, "chunked must come last"),
        ("POST /uploads HTTP/1.1\nHost: lab.example\nTransfer-Encoding: gzip, chunked\n\nhi", 501, "gzip"),
        ("GET /articles HTTP/3\nHost: lab.example\n", 505, "HTTP/3"),
    ];
    for (raw, code, words) in cases {
        let x = get(&mut Lab::new(), raw);
        assert_eq!(x.status(), *code, "{raw:?}: {}", x.response());
        let why: Vec<&str> = x.why().iter().map(|n| n.text.as_str()).collect();
        assert!(why.iter().any(|t| t.contains(words)), "{raw:?}: {why:#?}");
        if *code == 400 {
            assert_eq!(x.response_header("Connection"), Some("close"));
        }
    }
}

#[test]
fn line_breaks_may_be_crlf_or_lf_and_a_chunked_body_is_read() {
    let mut lab = Lab::new();
    let x = get(
        &mut lab,
        "\r\nGET /articles/1 HTTP/1.1\r\nHost: lab.example\r\n\r\n",
    );
    assert_eq!(x.status(), 200);
    let x = get(
        &mut lab,
        "POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nTransfer-Encoding: chunked\n\n5\nhello\n6\n world\n0\n\n",
    );
    assert_eq!(x.status(), 201, "{}", x.response());
    let x = get(&mut lab, "GET /uploads/1 HTTP/1.1\nHost: lab.example\n");
    assert_eq!(x.body(), "hello world");
    assert_eq!(x.response_header("Content-Type"), Some("text/plain"));
    // A chunked body that stops short: the server waits, then gives up.
    let x = get(
        &mut lab,
        "POST /uploads HTTP/1.1\nHost: lab.example\nTransfer-Encoding: chunked\n\n5\nhel",
    );
    assert_eq!(x.status(), 408);
}

#[test]
fn every_response_is_dated_and_framed_and_head_announces_the_length_it_does_not_send() {
    let mut lab = Lab::new();
    let got = get(&mut lab, "GET /files/big.txt HTTP/1.1\nHost: lab.example\n");
    assert_eq!(got.body().len(), 4000);
    assert_eq!(
        got.response_header("Date"),
        Some("Mon, 02 Mar 2026 12:00:00 GMT")
    );
    assert_eq!(got.response_header("Content-Length"), Some("4000"));
    let head = get(
        &mut lab,
        "HEAD /files/big.txt HTTP/1.1\nHost: lab.example\n",
    );
    assert_eq!(head.status(), 200);
    assert_eq!(head.body(), "");
    assert_eq!(head.response_header("Content-Length"), Some("4000"));
    assert_eq!(head.response_header("ETag"), got.response_header("ETag"));
    let missing = get(&mut lab, "HEAD /nothing HTTP/1.1\nHost: lab.example\n");
    assert_eq!((missing.status(), missing.body()), (404, ""));
    for (i, line) in got.body().split_inclusive('\n').enumerate() {
        assert_eq!(line.len(), 40, "{line:?}");
        assert!(line.contains(&format!("bytes {:04}-", i * 40)), "{line:?}");
    }
}

#[test]
fn preconditions_are_evaluated_in_the_order_rfc_9110_gives() {
    let mut lab = Lab::new();
    let put = |conds: &str| {
        format!("PUT /articles/7 HTTP/1.1\nHost: lab.example\n{conds}Content-Type: application/json\nContent-Length: 17\n\n{{\"title\":\"Hello\"}}")
    };
    // If-Match comes first: a stale one fails even when If-None-Match would pass.
    let x = get(&mut lab, &put("If-Match: \"v1\"\nIf-None-Match: \"v9\"\n"));
    assert_eq!(x.status(), 412);
    assert!(
        x.why()[0]
            .text
            .contains("Your If-Match named \"v1\"; article 7 is now \"v2\", so the server must not apply the PUT: 412 Precondition Failed."),
        "{:?}",
        x.why()
    );
    assert_eq!(x.why()[0].cite.section, "13.1.1");
    // With If-Match, If-Unmodified-Since is ignored, however old.
    let x = get(
        &mut lab,
        &put("If-Match: \"v2\"\nIf-Unmodified-Since: Mon, 01 Jan 2001 00:00:00 GMT\n"),
    );
    assert_eq!(x.status(), 204);
    // Now "v3"; If-None-Match: * fails for a PUT: 412, not 304.
    let x = get(&mut lab, &put("If-Match: \"v3\"\nIf-None-Match: *\n"));
    assert_eq!(x.status(), 412);
    // A weak tag never passes If-Match; a tag without quotes matches nothing.
    let x = get(&mut lab, &put("If-Match: W/\"v3\"\n"));
    assert_eq!(x.status(), 412);
    let x = get(&mut lab, &put("If-Match: v3\n"));
    assert_eq!(x.status(), 412);
    assert!(x.why().iter().any(|n| n.text.contains("double quotes")));
    // If-None-Match wins over If-Modified-Since on a GET, and is compared weakly.
    let x = get(&mut lab, "GET /articles/7 HTTP/1.1\nHost: lab.example\nIf-None-Match: W/\"v3\"\nIf-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT\n");
    assert_eq!(x.status(), 304);
    assert_eq!(x.response_header("ETag"), Some("\"v3\""));
    let x = get(&mut lab, "GET /articles/7 HTTP/1.1\nHost: lab.example\nIf-None-Match: \"v2\"\nIf-Modified-Since: Tue, 01 Jan 2030 00:00:00 GMT\n");
    assert_eq!(x.status(), 200);
    // A precondition on a resource that is not there is ignored: 404 comes first.
    let x = get(
        &mut lab,
        "GET /articles/99 HTTP/1.1\nHost: lab.example\nIf-None-Match: *\n",
    );
    assert_eq!(x.status(), 404);
    // Range applies only when If-Range still matches.
    let x = get(
        &mut lab,
        "GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=0-9\nIf-Range: \"big-0\"\n",
    );
    assert_eq!(x.status(), 200);
    let x = get(
        &mut lab,
        "GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=0-9\nIf-Range: \"big-1\"\n",
    );
    assert_eq!((x.status(), x.body()), (206, "line 000, "));
}

#[test]
fn the_lab_changes_as_requests_ask_and_no_sooner() {
    let mut lab = Lab::new();
    let before = lab.clone();
    for raw in [
        "GET /articles HTTP/1.1\nHost: lab.example\n",
        "OPTIONS /articles/7 HTTP/1.1\nHost: lab.example\n",
        "TRACE / HTTP/1.1\nHost: lab.example\n",
        "PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 2\n\n{}",
        "DELETE /articles HTTP/1.1\nHost: lab.example\n",
    ] {
        get(&mut lab, raw);
    }
    assert_eq!(
        lab, before,
        "safe methods and refused requests change nothing"
    );
    let x = get(&mut lab, "POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 15\n\n{\"title\":\"New\"}");
    assert_eq!(x.status(), 201);
    assert_eq!(x.response_header("Location"), Some("/articles/8"));
    let x = get(&mut lab, "GET /articles/8 HTTP/1.1\nHost: lab.example\n");
    assert_eq!(x.body(), "{\"id\":8,\"title\":\"New\",\"body\":\"\"}");
    // The same PUT twice leaves the same article: idempotent, though the answers differ.
    let put = "PUT /articles/30 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 18\n\n{\"title\":\"Thirty\"}";
    assert_eq!(get(&mut lab, put).status(), 201);
    assert_eq!(get(&mut lab, put).status(), 428);
}

#[test]
fn the_search_allows_three_a_minute_and_says_when_to_come_back() {
    let mut lab = Lab::new();
    let search = "GET /search?q=etag HTTP/1.1\nHost: lab.example\n";
    for s in 0..3 {
        let x = send(&mut lab, search, noon() + Duration::seconds(s * 10));
        assert_eq!(x.status(), 200);
    }
    let x = send(&mut lab, search, noon() + Duration::seconds(30));
    assert_eq!(x.status(), 429);
    assert_eq!(x.response_header("Retry-After"), Some("30"));
    let x = send(&mut lab, search, noon() + Duration::seconds(60));
    assert_eq!(x.status(), 200, "the first search is a minute old");
    assert!(x.body().contains("Caching with ETags"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Thousands of requests, valid and broken, one lab through them all: the server never
    /// panics, and always answers a well-formed response with a code in 100 to 599 that
    /// passes the exchange checker.
    #[test]
    fn any_request_gets_a_well_formed_answer(requests in prop::collection::vec(request(), 1..6), step in 0i64..100_000) {
        let mut lab = Lab::new();
        let mut at = noon();
        for raw in &requests {
            at += Duration::seconds(step - 50_000);
            let x = lab.handle(raw, at);
            prop_assert!((100..=599).contains(&x.status()));
            prop_assert_eq!(x.problems(), Ok(vec![]), "{:?}\n{}", raw, x.response());
            prop_assert!(!x.why().is_empty());
            prop_assert!(x.response_header("Date").is_some());
            prop_assert_eq!(x.header_notes().len(), x.response_headers().len(), "every header has a note");
            if x.interim().is_some() {
                prop_assert_eq!(x.interim(), Some(100));
            }
        }
    }
}

/// A request: mostly made of the lab's own parts (so that it gets past the parser and reaches
/// the resources), sometimes broken, sometimes garbage.
fn request() -> impl Strategy<Value = String> {
    let method = prop_oneof![
        8 => prop::sample::select(vec!["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]).prop_map(str::to_string),
        1 => prop::sample::select(vec!["get", "PURGE", "G T", "", "GET "]).prop_map(str::to_string),
        1 => "[A-Za-z!#(]{0,8}",
    ];
    let target = prop_oneof![
        8 => prop::sample::select(vec![
            "/", "*", "/articles", "/articles/1", "/articles/2", "/articles/3", "/articles/7", "/articles/8", "/articles/99",
            "/articles/007", "/files/big.txt", "/blog", "/news", "/inbox", "/api/v1/articles/7", "/contact", "/contact/thanks",
            "/account", "/admin", "/search?q=etag", "/search?q=a+b%20c", "/search", "/uploads", "/uploads/1", "/reports",
            "lab.example:443", "http://lab.example/articles/1", "https://shop.example/", "/a b", "/%zz", "/é",
        ]).prop_map(str::to_string),
        1 => "/[ -~]{0,30}",
        1 => Just(format!("/search?q={}", "a".repeat(8100))),
    ];
    let version = prop_oneof![
        8 => Just("HTTP/1.1"),
        1 => prop::sample::select(vec!["HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/3", "http/1.1", "HTTP/1", ""]),
    ];
    let header = prop_oneof![
        8 => prop::sample::select(vec![
            "Accept: text/html", "Accept: application/json;q=0", "Accept: */*", "Accept: text/*",
            "Content-Type: application/json", "Content-Type: application/merge-patch+json", "Content-Type: text/plain",
            "Content-Type: application/x-www-form-urlencoded", "Content-Length: 0", "Content-Length: 2", "Content-Length: 5000",
            "Transfer-Encoding: chunked", "Expect: 100-continue", "If-Match: \"v1\"", "If-Match: \"v2\"", "If-Match: *",
            "If-Match: v2", "If-None-Match: \"v1\"", "If-None-Match: *", "If-None-Match: W/\"big-1\"",
            "If-Modified-Since: Mon, 06 Jan 2025 08:00:00 GMT", "If-Modified-Since: yesterday",
            "If-Unmodified-Since: Tue, 04 Mar 2025 09:12:00 GMT", "Range: bytes=-100", "Range: bytes=5000-",
            "Range: bytes=0-1,5-9", "Range: bytes=9-1", "Range: lines=1-2", "If-Range: \"big-1\"",
            "If-Range: Mon, 06 Jan 2025 08:00:00 GMT", "Authorization: Basic YWRhOmxvdmVsYWNl", "Authorization: Basic !!",
            "Authorization: Bearer x", "Cookie: a=b", "Host: lab.example",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "Host: shop.example", "Host:", "Content-Length: x", "Transfer-Encoding: gzip", "Expect: magic",
            "no colon here", " folded", "Bad Name: x", "X: \u{1}",
        ]).prop_map(str::to_string),
        1 => "[A-Za-z-]{1,12}: [ -~]{0,20}",
        1 => Just(format!("Cookie: {}", "c".repeat(8100))),
    ];
    let body = prop_oneof![
        3 => Just(String::new()),
        4 => prop::sample::select(vec!["{\"title\":\"Hello\"}", "{\"title\":null}", "{\"body\":1}", "[1,2]",
            "{\"title\":\"Hello, HTTP\"}", "{\"title\":\"T\",\"extra\":[{\"a\":true}]}", "hi", "5\nhello\n0\n\n", "{",
            "message=Hi"]).prop_map(str::to_string),
        2 => "[ -~\n]{0,40}",
        1 => ".{0,20}",
    ];
    let eol = prop_oneof![8 => Just("\n"), 3 => Just("\r\n"), 1 => Just("\r")];
    // Content-Length: left out, the body's own, or only what the headers above say.
    let length = 0..3u8;
    let well_formed = (
        method,
        target,
        version,
        prop::bool::weighted(0.9),
        prop::collection::vec(header, 0..6),
        body,
        eol,
        length,
    )
        .prop_map(|(m, t, v, host, headers, body, eol, length)| {
            let mut out = format!("{m} {t} {v}{eol}");
            if host {
                out.push_str("Host: lab.example");
                out.push_str(eol);
            }
            for h in headers {
                out.push_str(&h);
                out.push_str(eol);
            }
            if length == 1 {
                out.push_str(&format!("Content-Length: {}{eol}", body.len()));
            }
            out.push_str(eol);
            out.push_str(&body);
            out
        });
    prop_oneof![
        10 => well_formed,
        1 => ".{0,200}",
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

#[test]
fn the_server_reads_requests_as_rfc_9112_says() {
    let mut lab = Lab::new();
    let status = |lab: &mut Lab, raw: &str| get(lab, raw).status();
    // The whole server, an absolute target, HTTP/1.0 without Host, a newer HTTP/1 minor.
    assert_eq!(
        status(&mut lab, "OPTIONS * HTTP/1.1\nHost: lab.example\n"),
        204
    );
    assert_eq!(status(&mut lab, "GET * HTTP/1.1\nHost: lab.example\n"), 400);
    assert_eq!(
        status(
            &mut lab,
            "GET http://lab.example/articles/1 HTTP/1.1\nHost: x.example\n"
        ),
        200
    );
    assert_eq!(
        status(
            &mut lab,
            "GET http://shop.example/ HTTP/1.1\nHost: lab.example\n"
        ),
        421
    );
    assert_eq!(status(&mut lab, "GET /articles/1 HTTP/1.0\n"), 200);
    let x = get(&mut lab, "GET /articles/1 HTTP/1.2\nHost: lab.example\n");
    assert_eq!(x.status(), 200);
    assert!(x.why().iter().any(|n| n.text.contains("HTTP/1.1")));
    // Method names are case-sensitive.
    let x = get(&mut lab, "get /articles/1 HTTP/1.1\nHost: lab.example\n");
    assert_eq!(x.status(), 501);
    assert!(x.why().iter().any(|n| n.text.contains("case-sensitive")));
    // Content where a method gives it no meaning, and text that no Content-Length announced.
    let x = get(
        &mut lab,
        "GET /articles/1 HTTP/1.1\nHost: lab.example\nContent-Length: 2\n\nhi",
    );
    assert_eq!(x.status(), 200);
    assert!(
        x.why().iter().any(|n| n.cite.section == "9.3.1"),
        "{:?}",
        x.why()
    );
    let x = get(
        &mut lab,
        "GET /articles/1 HTTP/1.1\nHost: lab.example\n\nhello",
    );
    assert!(x
        .why()
        .iter()
        .any(|n| n.text.contains("without Content-Length")));
    // A chunked body with a trailer field.
    let x = get(
        &mut lab,
        "POST /uploads HTTP/1.1\nHost: lab.example\nTransfer-Encoding: chunked\n\n2;note=x\nhi\n0\nChecksum: 1\n\n",
    );
    assert_eq!(x.status(), 201);
    // Expect: 100-continue is ignored in HTTP/1.0 and pointless without content.
    let x = get(
        &mut lab,
        "POST /uploads HTTP/1.0\nContent-Length: 2\nExpect: 100-continue\n\nhi",
    );
    assert_eq!((x.status(), x.interim()), (201, None));
    let x = get(
        &mut lab,
        "GET /articles HTTP/1.1\nHost: lab.example\nExpect: 100-continue\n",
    );
    assert_eq!((x.status(), x.interim()), (200, None));
}

#[test]
fn negotiation_ranges_and_merge_patches_follow_the_rfcs() {
    let mut lab = Lab::new();
    let status = |lab: &mut Lab, raw: &str| get(lab, raw).status();
    let article =
        |accept: &str| format!("GET /articles/1 HTTP/1.1\nHost: lab.example\nAccept: {accept}\n");
    assert_eq!(status(&mut lab, &article("application/*")), 200);
    assert_eq!(
        status(&mut lab, &article("*/*;q=0.1, application/json;q=0")),
        406
    );
    assert_eq!(status(&mut lab, &article("text/html, */*;q=0.5")), 200);
    // Several ranges: the first is sent; HEAD ignores Range; an unknown unit is ignored.
    let file = "GET /files/big.txt HTTP/1.1\nHost: lab.example\n";
    let x = get(&mut lab, &format!("{file}Range: bytes=40-49, 0-9\n"));
    assert_eq!((x.status(), x.body()), (206, "line 001, "));
    assert_eq!(x.response_header("Content-Range"), Some("bytes 40-49/4000"));
    let x = get(
        &mut lab,
        "HEAD /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=0-9\n",
    );
    assert_eq!(x.status(), 200);
    assert_eq!(status(&mut lab, &format!("{file}Range: lines=1-2\n")), 200);
    assert_eq!(
        status(&mut lab, &format!("{file}Range: bytes=3990-\n")),
        206
    );
    assert_eq!(status(&mut lab, &format!("{file}Range: bytes=-0\n")), 416);
    // A merge patch: null clears the body, an unknown member is refused, bad JSON is a 400.
    let patch = |etag: &str, body: &str| {
        format!(
            "PATCH /articles/3 HTTP/1.1\nHost: lab.example\nIf-Match: \"{etag}\"\nContent-Type: application/merge-patch+json\nContent-Length: {}\n\n{body}",
            body.len()
        )
    };
    assert_eq!(status(&mut lab, &patch("v1", "{\"body\":null}")), 200);
    assert_eq!(
        get(&mut lab, "GET /articles/3 HTTP/1.1\nHost: lab.example\n").body(),
        "{\"id\":3,\"title\":\"Five classes\",\"body\":\"\"}"
    );
    assert_eq!(status(&mut lab, &patch("v2", "{\"tags\":[]}")), 422);
    assert_eq!(status(&mut lab, &patch("v2", "{\"title\":null}")), 422);
    assert_eq!(status(&mut lab, &patch("v2", "{\"title\":")), 400);
    assert_eq!(
        status(&mut lab, &patch("v2", "{\"title\":\"Hello, HTTP\"}")),
        409
    );
    // If-Unmodified-Since stands in for If-Match.
    let since = |date: &str| {
        format!("DELETE /articles/3 HTTP/1.1\nHost: lab.example\nIf-Unmodified-Since: {date}\n")
    };
    assert_eq!(
        status(&mut lab, &since("Mon, 01 Jan 2024 00:00:00 GMT")),
        412
    );
    assert_eq!(
        status(&mut lab, &since("Mon, 02 Mar 2026 12:00:00 GMT")),
        204
    );
    // A deleted article can be made again with PUT, with a version its old ETags never match.
    let put = "PUT /articles/3 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Again\"}";
    assert_eq!(status(&mut lab, put), 201);
    let x = get(&mut lab, "GET /articles/3 HTTP/1.1\nHost: lab.example\n");
    assert_eq!(x.response_header("ETag"), Some("\"v4\""));
}
