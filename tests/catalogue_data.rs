//! The catalogue compiler (build/catalogue.rs) refuses bad data with a message that names the
//! file and the entry, and accepts the real data in data/.

#[path = "../build/catalogue.rs"]
#[allow(dead_code)]
mod catalogue;

use std::collections::BTreeMap;
use std::path::Path;

/// The real data files, read into memory so a test can break one of them.
fn real_files() -> BTreeMap<&'static str, String> {
    catalogue::FILES
        .iter()
        .map(|f| {
            (
                *f,
                std::fs::read_to_string(Path::new("data").join(f)).unwrap(),
            )
        })
        .collect()
}

/// Loads the real data with `file`'s text changed by `edit`, and returns the problems.
fn problems_after(file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
    let mut files = real_files();
    let changed = edit(&files[file]);
    assert_ne!(changed, files[file], "the edit must change {file}");
    files.insert(
        catalogue::FILES.iter().find(|f| **f == file).unwrap(),
        changed,
    );
    match catalogue::load(&|f| files[f].clone()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

fn assert_problem(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem containing {expected:?}, got {problems:#?}"
    );
}

const EXTRA_CODE: &str = r#"
[[code]]
code = CODE
name = "Made Up"
importance = 2
status = "registered"
source = "RFC 9110"
section = "15"
cacheable = false
meaning = "Not a real code."
explanation = "Only for the test."
"#;

#[test]
fn the_real_catalogue_passes_every_check() {
    let files = real_files();
    let loaded = catalogue::load(&|f| files[f].clone());
    assert!(loaded.is_ok(), "{:#?}", loaded.err());
}

#[test]
fn a_duplicate_code_is_refused() {
    let problems = problems_after("status_codes.toml", |t| {
        t.to_string() + &EXTRA_CODE.replace("CODE", "409")
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 409: appears more than once",
    );
}

#[test]
fn a_code_outside_100_to_599_is_refused() {
    let problems = problems_after("status_codes.toml", |t| {
        t.to_string() + &EXTRA_CODE.replace("CODE", "699")
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 699: outside 100 to 599",
    );
}

#[test]
fn a_code_whose_class_has_no_entry_is_refused() {
    let problems = problems_after("classes.toml", |t| {
        let start = t.find("[[class]]\nclass = 3").expect("class 3 entry");
        let end = start + t[start + 1..].find("[[class]]").unwrap() + 1;
        format!("{}{}", &t[..start], &t[end..])
    });
    assert_problem(&problems, "data/classes.toml: class 3: missing");
    assert_problem(
        &problems,
        "data/status_codes.toml: code 301: its class 3xx is not in data/classes.toml",
    );
}

#[test]
fn a_scenario_naming_an_unknown_code_is_refused() {
    let problems = problems_after("scenarios.toml", |t| {
        t.replacen("best = 409", "best = 4099", 1)
    });
    let line = problems
        .iter()
        .find(|p| p.contains("best code 4099"))
        .expect("a problem about 4099");
    assert!(
        line.starts_with("data/scenarios.toml: scenario \""),
        "{line}"
    );
    assert!(
        line.ends_with("best code 4099 is not in the catalogue"),
        "{line}"
    );
}

#[test]
fn a_confusable_group_naming_an_unknown_code_or_method_is_refused() {
    let problems = problems_after("confusables.toml", |t| {
        t.replacen("codes = [401, 403]", "codes = [401, 499]", 1)
    });
    assert_problem(
        &problems,
        "data/confusables.toml: group \"auth\": code 499 is not in the catalogue",
    );
    let problems = problems_after("confusables.toml", |t| {
        t.replacen(
            "methods = [\"GET\", \"HEAD\"]",
            "methods = [\"GET\", \"FETCH\"]",
            1,
        )
    });
    assert_problem(
        &problems,
        "method \"FETCH\" is not a method in the catalogue",
    );
}

#[test]
fn a_fact_without_a_section_is_refused() {
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen("section = \"15.5.10\"", "section = \"\"", 1)
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 409: the code has no valid section",
    );
    let problems = problems_after("misconceptions.toml", |t| {
        let at = t.find("section = ").unwrap();
        let end = at + t[at..].find('\n').unwrap();
        format!("{}{}", &t[..at], &t[end..])
    });
    assert_problem(&problems, "data/misconceptions.toml: misconception \"");
    assert_problem(&problems, "missing field `section`");
}

#[test]
fn a_missing_required_field_is_refused_by_name() {
    let problems = problems_after("status_codes.toml", |t| {
        let entry = t.find("code = 418").unwrap();
        let at = entry + t[entry..].find("meaning = ").unwrap();
        let end = at + t[at..].find('\n').unwrap();
        format!("{}{}", &t[..at], &t[end..])
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 418: missing field `meaning`",
    );
}

#[test]
fn an_unknown_status_or_header_level_is_refused() {
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen("status = \"unused\"", "status = \"retired\"", 1)
    });
    assert_problem(
        &problems,
        "status \"retired\" is not one of registered, temporary, deprecated, obsoleted, unused",
    );
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen("level = \"required\"", "level = \"must\"", 1)
    });
    assert_problem(
        &problems,
        "level \"must\" is not one of required, recommended, customary",
    );
}

#[test]
fn a_best_code_also_listed_as_defensible_is_refused() {
    let problems = problems_after("scenarios.toml", |t| {
        t.replacen("best = 409\nalso = [", "best = 409\nalso = [409, ", 1)
    });
    assert_problem(&problems, "best code 409 is listed in also as well");
}

#[test]
fn text_that_is_not_toml_is_refused_with_the_file_name() {
    let problems = problems_after("methods.toml", |t| t.to_string() + "\n[[method]\nname = ");
    assert_problem(&problems, "data/methods.toml: not valid TOML");
}

#[test]
fn a_group_member_without_a_tells_line_is_refused() {
    let problems = problems_after("confusables.toml", |t| {
        t.replacen("codes = [401, 403]", "codes = [401, 403, 407]", 1)
    });
    assert_problem(
        &problems,
        "data/confusables.toml: group \"auth\": tells has no line for 407",
    );
}

#[test]
fn an_importance_outside_1_to_3_is_refused() {
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen(
            "code = 404\nimportance = 1",
            "code = 404\nimportance = 4",
            1,
        )
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 404: importance 4 is not 1, 2 or 3",
    );
}

#[test]
fn an_interim_or_temporary_code_before_the_last_tier_is_refused() {
    for (code, from) in [("100", "3"), ("104", "3")] {
        let problems = problems_after("status_codes.toml", |t| {
            t.replacen(
                &format!("code = {code}\nimportance = {from}"),
                &format!("code = {code}\nimportance = 1"),
                1,
            )
        });
        assert_problem(
            &problems,
            &format!("data/status_codes.toml: code {code}: importance 1 for an interim, temporary"),
        );
    }
}

#[test]
fn a_method_reason_that_does_not_start_with_its_answer_is_refused() {
    // "Is POST safe?" is answered No: a reason opening "Yes" contradicts the data.
    let problems = problems_after("methods.toml", |t| {
        t.replacen("text = \"No. POST asks", "text = \"Yes. POST asks", 1)
    });
    assert_problem(
        &problems,
        "data/methods.toml: method \"POST\": why.safe.text must start with \"No\"",
    );
}

/// The real data with the example exchange named `which` ("code = 404", "method = GET")
/// changed by `edit`, which gets the request and the response text to change in place.
fn problems_after_exchange_edit(
    which: &str,
    edit: impl Fn(&mut String, &mut String),
) -> Vec<String> {
    problems_after("exchanges.toml", |text| {
        let mut doc: toml::Table = text.parse().expect("exchanges.toml is TOML");
        let list = doc
            .get_mut("exchange")
            .and_then(|v| v.as_array_mut())
            .expect("[[exchange]] entries");
        let (key, value) = which.split_once(" = ").unwrap();
        let entry = list
            .iter_mut()
            .find(|e| match e.get(key) {
                Some(toml::Value::Integer(n)) => n.to_string() == value,
                Some(toml::Value::String(s)) => s == value,
                _ => false,
            })
            .unwrap_or_else(|| panic!("an exchange with {which}"))
            .as_table_mut()
            .unwrap();
        let mut request = entry["request"].as_str().unwrap().to_string();
        let mut response = entry["response"].as_str().unwrap().to_string();
        edit(&mut request, &mut response);
        entry.insert("request".into(), toml::Value::String(request));
        entry.insert("response".into(), toml::Value::String(response));
        toml::to_string(&doc).unwrap()
    })
}

/// `text` without its lines that start with `prefix`.
fn without_line(text: &str, prefix: &str) -> String {
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(prefix)).collect();
    assert_ne!(
        kept.len(),
        text.lines().count(),
        "a line starting {prefix:?}"
    );
    kept.join("\n") + "\n"
}

#[test]
fn an_exchange_whose_status_differs_from_its_code_is_refused() {
    let problems = problems_after_exchange_edit("code = 404", |_, res| {
        *res = res.replace("HTTP/1.1 404 Not Found", "HTTP/1.1 410 Gone");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 404: the response's status code is 410, not 404",
    );
}

#[test]
fn an_exchange_missing_a_required_header_is_refused() {
    let problems = problems_after_exchange_edit("code = 401", |_, res| {
        *res = without_line(res, "WWW-Authenticate:");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 401: the 401 response has no WWW-Authenticate header, which the catalogue marks required",
    );
}

#[test]
fn a_content_length_that_does_not_match_the_body_is_refused() {
    let problems = problems_after_exchange_edit("code = 404", |_, res| {
        *res = res.replace("Content-Length: 27", "Content-Length: 28");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 404: the 404 response: Content-Length is 28 but the body is 27 bytes",
    );
}

#[test]
fn a_body_where_none_belongs_is_refused() {
    for code in [204, 304] {
        let problems = problems_after_exchange_edit(&format!("code = {code}"), |_, res| {
            let head = res.trim_end().to_string();
            *res = format!("{head}\nContent-Type: text/plain\n\nhi\n");
        });
        assert_problem(
            &problems,
            &format!("data/exchanges.toml: code {code}: the {code} response has a body, which a {code} never has"),
        );
    }
    let problems = problems_after_exchange_edit("method = HEAD", |_, res| {
        let head = res.trim_end().to_string();
        *res = format!("{head}\n\nhi\n");
    });
    assert_problem(
        &problems,
        "to HEAD has a body, which no response to HEAD has",
    );
}

#[test]
fn a_request_without_host_is_refused() {
    let problems = problems_after_exchange_edit("code = 404", |req, _| {
        *req = without_line(req, "Host:");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 404: the request has no Host header",
    );
}

#[test]
fn a_method_example_that_uses_another_method_is_refused() {
    let problems = problems_after_exchange_edit("method = GET", |req, _| {
        *req = req.replacen("GET ", "DELETE ", 1);
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: method \"GET\": the request's method is DELETE, not GET",
    );
}

#[test]
fn a_405_that_allows_the_method_it_refused_is_refused() {
    let problems = problems_after_exchange_edit("code = 405", |req, res| {
        let method = req.split(' ').next().unwrap().to_string();
        *res = res
            .lines()
            .map(|l| {
                if l.starts_with("Allow:") {
                    format!("{l}, {method}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 405: the 405's Allow lists",
    );
}

#[test]
fn a_code_or_method_without_an_example_is_refused() {
    let problems = problems_after_exchange_edit("code = 404", |_, _| {});
    assert!(problems.is_empty(), "{problems:#?}");
    let problems = problems_after("exchanges.toml", |text| {
        let start = text
            .find("[[exchange]]\ncode = 404")
            .expect("the 404 example");
        let end = start + 1 + text[start + 1..].find("[[exchange]]").unwrap();
        format!("{}{}", &text[..start], &text[end..])
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 404 has no example exchange",
    );
}

#[test]
fn a_208_is_shown_inside_a_207_and_must_report_it() {
    let problems = problems_after_exchange_edit("code = 208", |_, res| {
        *res = res.replace("208 Already Reported", "200 OK");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 208: the 207 body does not report 208",
    );
}

#[test]
fn a_client_action_must_be_known_and_cited() {
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen(
            "client_action = \"use-cached\"",
            "client_action = \"reload\"",
            1,
        )
    });
    assert_problem(&problems, "data/status_codes.toml: code 304: client_action");
    let problems = problems_after("status_codes.toml", |t| {
        t.replacen("client_action_section = \"15.4.5\"\n", "", 1)
    });
    assert_problem(
        &problems,
        "data/status_codes.toml: code 304: client_action and client_action_section go together",
    );
}

#[test]
fn follow_with_get_after_a_301_needs_a_get_example() {
    let problems = problems_after_exchange_edit("code = 301", |req, _| {
        *req = req.replacen("GET ", "POST ", 1);
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 301: a 301 may be followed with the same method or with GET",
    );
}

#[test]
fn head_and_304_may_announce_the_length_of_the_body_they_do_not_send() {
    // The real HEAD example announces the zip's length: it passes.
    let problems = problems_after_exchange_edit("method = HEAD", |_, res| {
        *res = res.replace("Content-Length: 48213760", "Content-Length: 1234");
    });
    assert!(problems.is_empty(), "{problems:#?}");
    let problems = problems_after_exchange_edit("code = 304", |_, res| {
        *res = format!("{}\nContent-Length: 9120\n", res.trim_end());
    });
    assert!(problems.is_empty(), "{problems:#?}");
    // But the announced length is a number, and a 204 announces none.
    let problems = problems_after_exchange_edit("method = HEAD", |_, res| {
        *res = res.replace("Content-Length: 48213760", "Content-Length: big");
    });
    assert_problem(&problems, "Content-Length \"big\" is not a number");
    let problems = problems_after_exchange_edit("code = 204", |_, res| {
        *res = format!("{}\nContent-Length: 0\n", res.trim_end());
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 204: the 204 response has a Content-Length, which a 204",
    );
}

#[test]
fn an_origin_servers_response_without_date_is_refused() {
    let problems = problems_after_exchange_edit("code = 404", |_, res| {
        *res = without_line(res, "Date:");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 404: the 404 response has no Date header, which an origin server with a clock sends",
    );
    // A proxy's response (the 407) needs none, but only because the entry says who sent it.
    let problems = problems_after("exchanges.toml", |t| {
        t.replacen("code = 407\nsender = \"proxy\"\n", "code = 407\n", 1)
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 407: the 407 response has no Date header",
    );
    let problems = problems_after("exchanges.toml", |t| {
        t.replacen("\nsender = \"proxy\"\n", "\nsender = \"cache\"\n", 1)
    });
    assert_problem(&problems, "sender \"cache\" is not one of origin, proxy");
}

#[test]
fn a_414_example_asks_for_more_than_8000_octets() {
    let problems = problems_after_exchange_edit("code = 414", |req, _| {
        *req = req.replace("[… 8,300 more characters …]", "1004,1005");
    });
    assert_problem(
        &problems,
        "data/exchanges.toml: code 414: the 414's request target is",
    );
}
