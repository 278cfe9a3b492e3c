//! Facts the catalogue must get right (RFC 9110 and the registry), and its lookups.

use super::*;

fn code(n: u16) -> &'static StatusCode {
    status_code(n).unwrap_or_else(|| panic!("{n} is in the catalogue"))
}

fn header(n: u16, name: &str) -> &'static HeaderRule {
    code(n)
        .headers
        .iter()
        .find(|h| h.name == name)
        .unwrap_or_else(|| panic!("{n} lists {name}"))
}

#[test]
fn every_registered_code_from_100_to_511_is_there_once_in_order() {
    let expected: Vec<u16> = [
        100..=104,
        200..=208,
        226..=226,
        300..=308,
        400..=418,
        421..=426,
    ]
    .into_iter()
    .flatten()
    .chain([428, 429, 431, 451])
    .chain(500..=508)
    .chain([510, 511])
    .collect();
    let actual: Vec<u16> = STATUS_CODES.iter().map(|c| c.code).collect();
    assert_eq!(actual, expected);
}

#[test]
fn names_are_the_current_registered_ones_with_former_names_kept() {
    assert_eq!(code(413).name, "Content Too Large");
    assert!(code(413).former_names.contains(&"Payload Too Large"));
    assert_eq!(code(422).name, "Unprocessable Content");
    assert!(code(422).former_names.contains(&"Unprocessable Entity"));
    assert_eq!(code(416).name, "Range Not Satisfiable");
    assert_eq!(code(302).name, "Found");
}

#[test]
fn reserved_and_unusual_codes_carry_their_registry_status() {
    assert_eq!(code(306).status, RegistryStatus::Unused);
    assert_eq!(code(418).status, RegistryStatus::Unused);
    assert_eq!(code(305).status, RegistryStatus::Deprecated);
    assert_eq!(code(404).status, RegistryStatus::Registered);
    assert_eq!(code(418).status.badge(), Some("unused"));
}

#[test]
fn heuristically_cacheable_codes_are_exactly_those_of_rfc_9110_and_451() {
    let cacheable: Vec<u16> = STATUS_CODES
        .iter()
        .filter(|c| c.cacheable)
        .map(|c| c.code)
        .collect();
    assert_eq!(
        cacheable,
        [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]
    );
}

#[test]
fn companion_headers_carry_the_rfc_requirement_level() {
    assert_eq!(header(401, "WWW-Authenticate").level, Requirement::Required);
    assert_eq!(
        header(407, "Proxy-Authenticate").level,
        Requirement::Required
    );
    assert_eq!(header(405, "Allow").level, Requirement::Required);
    assert_eq!(header(301, "Location").level, Requirement::Recommended);
    assert_eq!(header(416, "Content-Range").level, Requirement::Recommended);
    assert_eq!(header(429, "Retry-After").level, Requirement::Customary);
    assert_eq!(header(503, "Retry-After").level, Requirement::Customary);
    assert_eq!(
        header(401, "WWW-Authenticate").cite.to_string(),
        "RFC 9110 §15.5.2"
    );
}

#[test]
fn method_properties_follow_rfc_9110_section_9_2() {
    let safe: Vec<&str> = METHODS.iter().filter(|m| m.safe).map(|m| m.name).collect();
    let idempotent: Vec<&str> = METHODS
        .iter()
        .filter(|m| m.idempotent)
        .map(|m| m.name)
        .collect();
    assert_eq!(METHODS.len(), 9);
    for m in ["GET", "HEAD", "OPTIONS", "TRACE"] {
        assert!(safe.contains(&m), "{m} is safe");
    }
    assert_eq!(safe.len(), 4);
    for m in ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"] {
        assert!(idempotent.contains(&m), "{m} is idempotent");
    }
    assert_eq!(idempotent.len(), 6);
    assert!(matches!(
        method("post").unwrap().cacheable,
        Cacheability::Qualified(_)
    ));
    assert_eq!(method("GET").unwrap().cacheable, Cacheability::Yes);
    assert_eq!(method("TRACE").unwrap().cacheable, Cacheability::No);
}

#[test]
fn there_are_enough_scenarios_misconceptions_and_groups() {
    assert!(SCENARIOS.len() >= 60, "{} scenarios", SCENARIOS.len());
    assert!(
        MISCONCEPTIONS.len() >= 20,
        "{} misconceptions",
        MISCONCEPTIONS.len()
    );
    let has_group = |codes: &[u16], methods: &[&str]| {
        CONFUSABLE_GROUPS.iter().any(|g| {
            codes.iter().all(|c| g.codes.contains(c))
                && methods.iter().all(|m| g.methods.contains(m))
        })
    };
    for codes in [
        &[401, 403][..],
        &[400, 422, 409],
        &[404, 410],
        &[301, 302, 303, 307, 308],
        &[500, 502, 503, 504],
        &[200, 201, 202, 204],
    ] {
        assert!(has_group(codes, &[]), "a group holds {codes:?}");
    }
    assert!(has_group(&[], &["PUT", "PATCH", "POST"]));
    assert!(has_group(&[], &["GET", "HEAD"]));
}

#[test]
fn the_misconceptions_tutorials_teach_are_all_corrected() {
    let about = |words: &[&str]| {
        MISCONCEPTIONS.iter().any(|m| {
            let claim = m.claim.to_lowercase();
            words.iter().all(|w| claim.contains(w))
        })
    };
    for words in [
        &["trace", "not safe"][..],
        &["304", "put"],
        &["100", "options"],
        &["599"],
        &["401", "logged in"],
        &["418"],
        &["patch", "idempotent"],
        &["post", "creat"],
        &["connect", "idempotent"],
        &["302", "later"],
        &["side effects"],
        &["get", "cannot have a body"],
        &["301", "302", "keep the method"],
        &["options", "not safe"],
    ] {
        assert!(about(words), "a misconception claims {words:?}");
    }
}

#[test]
fn misconceptions_are_corrected_in_full() {
    let truth = |id: &str| {
        MISCONCEPTIONS
            .iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .truth
    };
    let teaches = |id: &str, words: &[&str]| {
        for w in words {
            assert!(truth(id).contains(w), "{id} teaches {w:?}: {}", truth(id));
        }
    };
    // A cache has to understand the status code only for 206, 304 or must-understand.
    teaches(
        "anything-cacheable-unless-forbidden",
        &["only for 206, 304", "must-understand"],
    );
    // Safe is about what the client asks for; logging and counting are fine.
    teaches("safe-means-secure", &["what the client asks for", "log"]);
    // GET may have content; it has no defined meaning and may be rejected.
    teaches(
        "get-body-must-be-read",
        &["GET included", "no generally defined meaning", "reject"],
    );
    // 301 and 302 may turn POST into GET, which is why 307 and 308 exist.
    teaches(
        "temporary-redirect-same-as-found",
        &["301 or a 302 may change a POST into a GET", "307 and 308"],
    );
    // OPTIONS is safe and idempotent.
    teaches(
        "trace-not-safe",
        &["OPTIONS and TRACE are both safe and idempotent"],
    );
}

#[test]
fn the_date_header_is_taught_once_and_never_offered_as_a_wrong_header() {
    let teaching: Vec<u16> = STATUS_CODES
        .iter()
        .filter(|c| c.explanation.contains("Date header") && c.explanation.contains("6.6.1"))
        .map(|c| c.code)
        .collect();
    assert_eq!(teaching, [200]);
    // Every example an origin server sends in 2xx, 3xx or 4xx is dated (the build checks it).
    let dated = STATUS_CODES
        .iter()
        .filter_map(|c| c.example)
        .filter(|e| e.by_origin)
        .all(|e| {
            let last = e
                .response
                .rsplit("\n\nHTTP/1.1 ")
                .next()
                .unwrap_or(e.response);
            let code: u16 = last
                .trim_start_matches("HTTP/1.1 ")
                .get(..3)
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            !(200..500).contains(&code) || e.response.contains("\nDate: ")
        });
    assert!(dated);
}

#[test]
fn neighbours_come_from_the_confusable_groups() {
    let n = confusable_neighbours(401);
    assert!(n.contains(&403));
    assert!(!n.contains(&401));
    let g = groups_with("401").next().unwrap();
    assert!(g.tell("401").is_some());
}

#[test]
fn scenarios_using_a_code_include_defensible_uses() {
    let ids: Vec<&str> = scenarios_using(422).map(|s| s.id).collect();
    assert!(ids.contains(&"signup-email-taken"), "{ids:?}");
}

#[test]
fn search_matches_numbers_by_prefix() {
    let found: Vec<u16> = search_codes("41", ClassFilter::All)
        .iter()
        .map(|c| c.code)
        .collect();
    assert_eq!(found, (410..=418).collect::<Vec<_>>());
}

#[test]
fn search_matches_names_before_meanings() {
    let found: Vec<u16> = search_codes("conflict", ClassFilter::All)
        .iter()
        .map(|c| c.code)
        .collect();
    assert_eq!(found.first(), Some(&409));
    let found: Vec<u16> = search_codes("payload too", ClassFilter::All)
        .iter()
        .map(|c| c.code)
        .collect();
    assert_eq!(found.first(), Some(&413), "former names are searched");
    assert!(search_codes("no such words here", ClassFilter::All).is_empty());
}

fn numbers(found: &[&StatusCode]) -> Vec<u16> {
    found.iter().map(|c| c.code).collect()
}

#[test]
fn search_finds_what_a_beginner_types() {
    // "redirect" finds every redirect, the ones whose meaning says so first.
    let found = numbers(&search_codes("redirect", ClassFilter::All));
    for code in [301, 302, 303, 307, 308] {
        assert!(found.contains(&code), "redirect finds {code}: {found:?}");
    }
    // Every 3xx (the class is Redirection) before anything that only mentions redirects.
    let first_other = found
        .iter()
        .position(|c| c / 100 != 3)
        .unwrap_or(found.len());
    assert!(
        found[first_other..].iter().all(|c| c / 100 != 3),
        "{found:?}"
    );
    assert!(first_other >= 5, "{found:?}");
    // "not found": 404 first (its whole name), 302 Found after it.
    let found = numbers(&search_codes("not found", ClassFilter::All));
    assert_eq!(found.first(), Some(&404), "{found:?}");
    // An exact number first, then the longer ones.
    assert_eq!(numbers(&search_codes("404", ClassFilter::All)), [404]);
    assert_eq!(numbers(&search_codes("50", ClassFilter::All))[0], 500);
    // A class.
    let found = numbers(&search_codes("4xx", ClassFilter::All));
    assert!(found.len() > 20 && found.iter().all(|c| c / 100 == 4));
    assert_eq!(
        search_codes("4XX", ClassFilter::Only(5)),
        Vec::<&StatusCode>::new()
    );
    // Methods by name and by property; a property matches only the methods that have it.
    let names = |q: &str| -> Vec<&str> {
        search(q, ClassFilter::All)
            .methods
            .iter()
            .map(|m| m.name)
            .collect()
    };
    assert_eq!(names("patch"), ["PATCH"]);
    let idempotent = names("idempotent");
    for m in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"] {
        assert!(idempotent.contains(&m), "{m}: {idempotent:?}");
    }
    assert!(
        !idempotent.contains(&"POST") && !idempotent.contains(&"PATCH"),
        "{idempotent:?}"
    );
    let safe = names("safe");
    assert_eq!(safe, ["GET", "HEAD", "OPTIONS", "TRACE"]);
    assert_eq!(names("methods").len(), METHODS.len());
}

#[test]
fn the_class_filter_reads_back_from_a_url() {
    assert_eq!(ClassFilter::from_id("3"), ClassFilter::Only(3));
    assert_eq!(ClassFilter::from_id("all"), ClassFilter::All);
    assert_eq!(ClassFilter::from_id("9"), ClassFilter::All);
    assert_eq!(
        ClassFilter::from_id(&ClassFilter::Only(4).id()),
        ClassFilter::Only(4)
    );
}

#[test]
fn search_respects_the_class_filter() {
    let found = search_codes("", ClassFilter::Only(3));
    assert!(found.iter().all(|c| c.class() == 3));
    assert_eq!(found.len(), 9);
    assert_eq!(search_codes("", ClassFilter::All).len(), STATUS_CODES.len());
}

#[test]
fn lookup_explains_every_kind_of_number() {
    assert!(matches!(lookup_code("409"), CodeLookup::Registered(c) if c.code == 409));
    assert!(matches!(lookup_code(" 404 "), CodeLookup::Registered(c) if c.code == 404));
    match lookup_code("471") {
        CodeLookup::Unassigned { code, class } => {
            assert_eq!(code, 471);
            assert_eq!(class.class, 4);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lookup_code("999"), CodeLookup::OutOfRange("999".into()));
    assert_eq!(lookup_code("99"), CodeLookup::OutOfRange("99".into()));
    assert_eq!(lookup_code("70000"), CodeLookup::OutOfRange("70000".into()));
    assert_eq!(lookup_code("abc"), CodeLookup::NotANumber("abc".into()));
    assert_eq!(lookup_code("-1"), CodeLookup::NotANumber("-1".into()));
}

#[test]
fn citations_read_as_document_and_section() {
    assert_eq!(code(409).cite.to_string(), "RFC 9110 §15.5.10");
    assert_eq!(
        code(409).cite.url().as_deref(),
        Some("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.10")
    );
}

#[test]
fn counts_by_class_and_by_registry_status() {
    let by_class = |digit: u8| STATUS_CODES.iter().filter(|c| c.class() == digit).count();
    assert_eq!(
        [
            by_class(1),
            by_class(2),
            by_class(3),
            by_class(4),
            by_class(5)
        ],
        [5, 10, 9, 29, 11]
    );
    let by_status = |s: RegistryStatus| STATUS_CODES.iter().filter(|c| c.status == s).count();
    assert_eq!(by_status(RegistryStatus::Temporary), 1);
    assert_eq!(by_status(RegistryStatus::Deprecated), 1);
    assert_eq!(by_status(RegistryStatus::Obsoleted), 1);
    assert_eq!(by_status(RegistryStatus::Unused), 2);
    assert_eq!(by_status(RegistryStatus::Registered), 64 - 5);
}

#[test]
fn an_exchange_reads_as_start_lines_headers_and_bodies_with_interim_responses_apart() {
    use ExchangeLine::*;
    let lines = Exchange::lines(
        "HTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nhi",
    );
    assert_eq!(
        lines,
        [
            Start("HTTP/1.1 103 Early Hints"),
            Header {
                name: "Link",
                value: "</a.css>; rel=preload"
            },
            Blank,
            Start("HTTP/1.1 200 OK"),
            Header {
                name: "Content-Length",
                value: "2"
            },
            Blank,
            Body("hi"),
        ]
    );
}

#[test]
fn every_studied_code_and_every_method_shows_an_example() {
    for c in STATUS_CODES {
        assert_eq!(
            c.example.is_some(),
            c.status != RegistryStatus::Unused,
            "{}",
            c.code
        );
    }
    assert!(METHODS.iter().all(|m| m.example.is_some()));
    let get = method("GET").unwrap().example.unwrap();
    assert!(get.request.starts_with("GET "));
    assert!(!get.request.ends_with('\n'));
}
