//! The catalogue compiler, run by `build.rs`: reads the TOML files in `data/`, checks them,
//! and writes them out as Rust statics so the browser does no parsing at start-up.
//!
//! Every problem is reported as `data/<file>: <entry>: <what is wrong>` so whoever edits the
//! data can go straight to it. `tests/catalogue_data.rs` feeds this module bad data.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The data files, in the order they are read.
pub const FILES: [&str; 7] = [
    "status_codes.toml",
    "classes.toml",
    "methods.toml",
    "scenarios.toml",
    "misconceptions.toml",
    "confusables.toml",
    "exchanges.toml",
];

/// An example exchange: a request and the response to it, as HTTP/1.1 text with plain line
/// breaks. For a code (`code`) or a method (`method`).
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub code: Option<u16>,
    pub method: Option<String>,
    /// Who sends the response: "origin" (the default) or "proxy".
    pub sender: Option<String>,
    pub request: String,
    pub response: String,
}

impl Exchange {
    /// "code 404" or "method \"GET\"", as problems name it.
    fn label(&self) -> String {
        match (self.code, &self.method) {
            (Some(c), None) => format!("code {c}"),
            (None, Some(m)) => format!("method {m:?}"),
            _ => "an exchange".to_string(),
        }
    }
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub code: u16,
    pub name: String,
    #[serde(default)]
    pub former_names: Vec<String>,
    pub importance: u8,
    pub status: String,
    pub source: String,
    pub section: String,
    pub cacheable: bool,
    pub meaning: String,
    pub explanation: String,
    pub client_action: Option<String>,
    pub client_action_section: Option<String>,
    #[serde(default)]
    pub headers: Vec<Header>,
}

/// What a client may be told to do next, as `client_action` names it.
pub const CLIENT_ACTIONS: [(&str, &str); 7] = [
    ("send-body", "SendBody"),
    ("follow-get", "FollowWithGet"),
    ("repeat-method", "RepeatSameMethod"),
    ("use-cached", "UseCachedCopy"),
    ("retry-credentials", "RetryWithCredentials"),
    ("wait-retry", "WaitRetryAfter"),
    ("give-up", "GiveUp"),
];

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub name: String,
    pub level: String,
    pub section: String,
    pub source: Option<String>,
    pub note: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub class: u8,
    pub name: String,
    pub meaning: String,
    pub source: String,
    pub section: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub text: String,
    pub source: String,
    pub section: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub range: Rule,
    pub unknown_code: Rule,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub name: String,
    pub importance: u8,
    pub source: String,
    pub section: String,
    pub safe: bool,
    pub idempotent: bool,
    pub cacheable: String,
    pub cacheable_note: Option<String>,
    pub properties_section: String,
    pub summary: String,
    pub request_content: String,
    pub success: Vec<u16>,
    pub errors: Vec<u16>,
    pub explanation: String,
    pub why: Why,
}

/// Why a method has (or lacks) each property.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Why {
    pub safe: Reason,
    pub idempotent: Reason,
    pub cacheable: Reason,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub section: String,
    pub text: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub situation: String,
    pub method: Option<String>,
    pub best: u16,
    #[serde(default)]
    pub also: Vec<u16>,
    pub why: String,
    pub source: String,
    pub section: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    pub id: String,
    /// What the claim is about ("the reason phrase after the status code"): a true/false
    /// statement shows it, so that a sentence of the truth makes sense on its own.
    pub topic: String,
    pub claim: String,
    pub truth: String,
    pub source: String,
    pub section: String,
    #[serde(default)]
    pub codes: Vec<u16>,
    #[serde(default)]
    pub methods: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub codes: Vec<u16>,
    #[serde(default)]
    pub methods: Vec<String>,
    pub distinction: String,
    pub tells: BTreeMap<String, String>,
}

/// The whole catalogue as read from `data/`, checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub codes: Vec<Code>,
    pub classes: Vec<Class>,
    pub rules: Rules,
    pub methods: Vec<Method>,
    pub scenarios: Vec<Scenario>,
    pub misconceptions: Vec<Misconception>,
    pub groups: Vec<Group>,
    pub exchanges: Vec<Exchange>,
}

/// Reads and checks the catalogue in `dir`. On failure, every problem found, one line each.
pub fn load_dir(dir: &Path) -> Result<Catalogue, Vec<String>> {
    let mut texts = BTreeMap::new();
    let mut errors = Vec::new();
    for file in FILES {
        match std::fs::read_to_string(dir.join(file)) {
            Ok(text) => {
                texts.insert(file, text);
            }
            Err(e) => errors.push(format!("data/{file}: cannot be read: {e}")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    load(&|file| texts[file].clone())
}

/// Parses and checks the catalogue, reading each of [`FILES`] through `read`.
pub fn load(read: &dyn Fn(&str) -> String) -> Result<Catalogue, Vec<String>> {
    let mut errors = Vec::new();
    let codes: Vec<Code> = entries(
        &read("status_codes.toml"),
        "status_codes.toml",
        "code",
        "code",
        &mut errors,
    );
    let classes_text = read("classes.toml");
    let classes: Vec<Class> = entries(&classes_text, "classes.toml", "class", "class", &mut errors);
    let rules = table::<Rules>(&classes_text, "classes.toml", "rules", &mut errors);
    let methods: Vec<Method> = entries(
        &read("methods.toml"),
        "methods.toml",
        "method",
        "name",
        &mut errors,
    );
    let scenarios: Vec<Scenario> = entries(
        &read("scenarios.toml"),
        "scenarios.toml",
        "scenario",
        "id",
        &mut errors,
    );
    let misconceptions: Vec<Misconception> = entries(
        &read("misconceptions.toml"),
        "misconceptions.toml",
        "misconception",
        "id",
        &mut errors,
    );
    let groups: Vec<Group> = entries(
        &read("confusables.toml"),
        "confusables.toml",
        "group",
        "id",
        &mut errors,
    );
    let exchanges: Vec<Exchange> = entries(
        &read("exchanges.toml"),
        "exchanges.toml",
        "exchange",
        "code",
        &mut errors,
    );
    let Some(rules) = rules else {
        return Err(errors);
    };
    let catalogue = Catalogue {
        codes,
        classes,
        rules,
        methods,
        scenarios,
        misconceptions,
        groups,
        exchanges,
    };
    errors.extend(check(&catalogue));
    errors.extend(check_exchanges(&catalogue));
    if errors.is_empty() {
        Ok(catalogue)
    } else {
        Err(errors)
    }
}

/// Parses `[[key]]` entries one by one, so that a bad entry is named by its `id_field`.
fn entries<T: DeserializeOwned>(
    text: &str,
    file: &str,
    key: &str,
    id_field: &str,
    errors: &mut Vec<String>,
) -> Vec<T> {
    let doc: toml::Table = match text.parse() {
        Ok(doc) => doc,
        Err(e) => {
            errors.push(format!("data/{file}: not valid TOML: {e}"));
            return Vec::new();
        }
    };
    let Some(list) = doc.get(key).and_then(|v| v.as_array()) else {
        errors.push(format!("data/{file}: no [[{key}]] entries"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let label = match value.get(id_field) {
            Some(toml::Value::String(s)) => format!("{key} {s:?}"),
            Some(other) => format!("{key} {other}"),
            None => format!("{key} number {} (no {id_field})", i + 1),
        };
        match T::deserialize(value.clone()) {
            Ok(entry) => out.push(entry),
            Err(e) => errors.push(format!("data/{file}: {label}: {}", e.message())),
        }
    }
    out
}

fn table<T: DeserializeOwned>(
    text: &str,
    file: &str,
    key: &str,
    errors: &mut Vec<String>,
) -> Option<T> {
    let doc: toml::Table = text.parse().ok()?;
    let Some(value) = doc.get(key) else {
        errors.push(format!("data/{file}: no [{key}] table"));
        return None;
    };
    match T::deserialize(value.clone()) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("data/{file}: [{key}]: {}", e.message()));
            None
        }
    }
}

const STATUSES: [&str; 5] = [
    "registered",
    "temporary",
    "deprecated",
    "obsoleted",
    "unused",
];
const LEVELS: [&str; 3] = ["required", "recommended", "customary"];
const CACHEABILITY: [&str; 3] = ["yes", "no", "qualified"];

/// A section number: digits separated by dots ("15.5.10"), or an appendix ("B.3").
fn is_section(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|part| {
            !part.is_empty()
                && (part.chars().all(|c| c.is_ascii_digit())
                    || (part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase())))
        })
}

/// Collects the problems of one entry, each prefixed with `data/<file>: <entry>: `.
struct Problems<'a> {
    out: &'a mut Vec<String>,
    at: String,
}

impl Problems<'_> {
    fn add(&mut self, what: impl std::fmt::Display) {
        self.out.push(format!("{}: {what}", self.at));
    }
    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(format!("{field} is empty"));
        }
    }
    fn cite(&mut self, what: &str, source: &str, section: &str) {
        if source.trim().is_empty() {
            self.add(format!("{what} has no source"));
        }
        if !is_section(section) {
            self.add(format!(
                "{what} has no valid section (found {section:?}; write it like \"15.5.10\")"
            ));
        }
    }
    fn importance(&mut self, importance: u8) {
        if !(1..=3).contains(&importance) {
            self.add(format!(
                "importance {importance} is not 1, 2 or 3 (see CONTRIBUTING.md, \"Importance\")"
            ));
        }
    }
    fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.add(format!(
                "{field} {value:?} is not one of {}",
                allowed.join(", ")
            ));
        }
    }
    fn codes(&mut self, field: &str, list: &[u16], known: &BTreeSet<u16>) {
        for code in list {
            if !known.contains(code) {
                self.add(format!("{field} {code} is not in the catalogue"));
            }
        }
    }
    fn methods(&mut self, field: &str, list: &[String], known: &BTreeSet<&str>) {
        for m in list {
            if !known.contains(m.as_str()) {
                self.add(format!("{field} {m:?} is not a method in the catalogue"));
            }
        }
    }
}

fn unique(out: &mut Vec<String>, file: &str, what: &str, ids: impl Iterator<Item = String>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id.clone()) {
            out.push(format!("data/{file}: {what} {id}: appears more than once"));
        }
    }
}

/// Checks everything the format promises (see CONTRIBUTING.md). Returns the problems found.
pub fn check(c: &Catalogue) -> Vec<String> {
    let mut out = Vec::new();
    let known_codes: BTreeSet<u16> = c.codes.iter().map(|x| x.code).collect();
    let known_methods: BTreeSet<&str> = c.methods.iter().map(|m| m.name.as_str()).collect();
    let known_classes: BTreeSet<u8> = c.classes.iter().map(|k| k.class).collect();

    unique(
        &mut out,
        "status_codes.toml",
        "code",
        c.codes.iter().map(|x| x.code.to_string()),
    );
    unique(
        &mut out,
        "classes.toml",
        "class",
        c.classes.iter().map(|x| x.class.to_string()),
    );
    unique(
        &mut out,
        "methods.toml",
        "method",
        c.methods.iter().map(|x| format!("{:?}", x.name)),
    );
    unique(
        &mut out,
        "scenarios.toml",
        "scenario",
        c.scenarios.iter().map(|x| format!("{:?}", x.id)),
    );
    unique(
        &mut out,
        "misconceptions.toml",
        "misconception",
        c.misconceptions.iter().map(|x| format!("{:?}", x.id)),
    );
    unique(
        &mut out,
        "confusables.toml",
        "group",
        c.groups.iter().map(|x| format!("{:?}", x.id)),
    );

    for class in 1..=5u8 {
        if !known_classes.contains(&class) {
            out.push(format!(
                "data/classes.toml: class {class}: missing ({class}xx needs an entry)"
            ));
        }
    }
    for k in &c.classes {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/classes.toml: class {}", k.class),
        };
        if !(1..=5).contains(&k.class) {
            p.add("class must be 1 to 5");
        }
        p.text("name", &k.name);
        p.text("meaning", &k.meaning);
        p.cite("the class", &k.source, &k.section);
    }
    for (name, rule) in [
        ("range", &c.rules.range),
        ("unknown_code", &c.rules.unknown_code),
    ] {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/classes.toml: rules.{name}"),
        };
        p.text("text", &rule.text);
        p.cite("the rule", &rule.source, &rule.section);
    }

    for x in &c.codes {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/status_codes.toml: code {}", x.code),
        };
        if !(100..=599).contains(&x.code) {
            p.add("outside 100 to 599, the range of valid status codes");
        } else if !known_classes.contains(&((x.code / 100) as u8)) {
            p.add(format!(
                "its class {}xx is not in data/classes.toml",
                x.code / 100
            ));
        }
        p.text("name", &x.name);
        p.text("meaning", &x.meaning);
        p.text("explanation", &x.explanation);
        p.one_of("status", &x.status, &STATUSES);
        match (&x.client_action, &x.client_action_section) {
            (None, None) => {}
            (Some(action), Some(section)) => {
                let names: Vec<&str> = CLIENT_ACTIONS.iter().map(|(n, _)| *n).collect();
                p.one_of("client_action", action, &names);
                p.cite("client_action", &x.source, section);
            }
            _ => p.add("client_action and client_action_section go together"),
        }
        p.importance(x.importance);
        if x.importance != 3 && (x.status != "registered" || x.code / 100 == 1) {
            p.add(format!(
                "importance {} for an interim, temporary, deprecated, obsoleted or unused code: \
                 those come last, with importance 3",
                x.importance
            ));
        }
        p.cite("the code", &x.source, &x.section);
        for former in &x.former_names {
            p.text("a former name", former);
        }
        for h in &x.headers {
            p.text("a header name", &h.name);
            p.text(&format!("header {}: note", h.name), &h.note);
            p.one_of(&format!("header {}: level", h.name), &h.level, &LEVELS);
            let source = h.source.as_deref().unwrap_or(&x.source);
            p.cite(&format!("header {}", h.name), source, &h.section);
        }
    }

    for m in &c.methods {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/methods.toml: method {:?}", m.name),
        };
        p.text("name", &m.name);
        p.importance(m.importance);
        p.cite("the method", &m.source, &m.section);
        let qualified = m.cacheable == "qualified";
        for (property, holds, reason) in [
            ("safe", Some(m.safe), &m.why.safe),
            ("idempotent", Some(m.idempotent), &m.why.idempotent),
            (
                "cacheable",
                (!qualified).then_some(m.cacheable == "yes"),
                &m.why.cacheable,
            ),
        ] {
            p.cite(&format!("why.{property}"), &m.source, &reason.section);
            p.text(&format!("why.{property}.text"), &reason.text);
            // The reason starts with the answer it explains.
            let opening = match holds {
                Some(true) => "Yes",
                Some(false) => "No",
                None => "Only",
            };
            if !reason.text.trim().is_empty() && !reason.text.starts_with(opening) {
                p.add(format!(
                    "why.{property}.text must start with \"{opening}\", the answer it explains"
                ));
            }
        }
        p.cite("its properties", &m.source, &m.properties_section);
        p.one_of("cacheable", &m.cacheable, &CACHEABILITY);
        match (m.cacheable.as_str(), &m.cacheable_note) {
            ("qualified", None) => {
                p.add("cacheable is \"qualified\" but there is no cacheable_note")
            }
            ("qualified", Some(note)) => p.text("cacheable_note", note),
            (_, Some(_)) => p.add("cacheable_note is only for cacheable = \"qualified\""),
            _ => {}
        }
        if m.safe && !m.idempotent {
            p.add("a safe method is always idempotent (RFC 9110 9.2.2)");
        }
        p.text("summary", &m.summary);
        p.text("request_content", &m.request_content);
        p.text("explanation", &m.explanation);
        p.codes("success code", &m.success, &known_codes);
        p.codes("error code", &m.errors, &known_codes);
    }

    for s in &c.scenarios {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/scenarios.toml: scenario {:?}", s.id),
        };
        p.text("id", &s.id);
        p.text("situation", &s.situation);
        p.text("why", &s.why);
        p.cite("the scenario", &s.source, &s.section);
        p.codes("best code", &[s.best], &known_codes);
        p.codes("also-defensible code", &s.also, &known_codes);
        if s.also.contains(&s.best) {
            p.add(format!("best code {} is listed in also as well", s.best));
        }
        if let Some(method) = &s.method {
            p.methods("method", std::slice::from_ref(method), &known_methods);
        }
    }

    for m in &c.misconceptions {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/misconceptions.toml: misconception {:?}", m.id),
        };
        p.text("id", &m.id);
        p.text("topic", &m.topic);
        p.text("claim", &m.claim);
        p.text("truth", &m.truth);
        p.cite("the truth", &m.source, &m.section);
        p.codes("code", &m.codes, &known_codes);
        p.methods("method", &m.methods, &known_methods);
    }

    for g in &c.groups {
        let mut p = Problems {
            out: &mut out,
            at: format!("data/confusables.toml: group {:?}", g.id),
        };
        p.text("title", &g.title);
        p.text("distinction", &g.distinction);
        p.codes("code", &g.codes, &known_codes);
        p.methods("method", &g.methods, &known_methods);
        let members: BTreeSet<String> = g
            .codes
            .iter()
            .map(u16::to_string)
            .chain(g.methods.iter().cloned())
            .collect();
        if members.len() < 2 {
            p.add("a group needs two or more members");
        }
        for member in &members {
            match g.tells.get(member) {
                None => p.add(format!("tells has no line for {member}")),
                Some(line) => p.text(&format!("tells.{member}"), line),
            }
        }
        for key in g.tells.keys() {
            if !members.contains(key) {
                p.add(format!("tells has a line for {key}, which is not a member"));
            }
        }
    }
    out
}

/// Rust source for the catalogue: statics of the types in `src/catalogue/model.rs`.
pub fn to_rust(c: &Catalogue) -> String {
    let mut s = String::from(
        "// Generated by build.rs from data/*.toml. Edit the data, not this file.\n\n",
    );
    let cite = |source: &str, section: &str| {
        format!("Citation {{ source: {source:?}, section: {section:?} }}")
    };
    let strs = |list: &[String]| {
        format!(
            "&[{}]",
            list.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let nums = |list: &[u16]| {
        format!(
            "&[{}]",
            list.iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let importance = |i: u8| match i {
        1 => "Importance::FirstMonth",
        2 => "Importance::ApiWork",
        _ => "Importance::Rare",
    };
    let variant = |word: &str| {
        let mut chars = word.chars();
        chars
            .next()
            .map(|f| f.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default()
    };

    // The example exchange of a code or a method, as a Rust value.
    let example = |code: Option<u16>, method: Option<&str>| {
        c.exchanges
            .iter()
            .find(|x| x.code == code && x.method.as_deref() == method)
            .map_or("None".to_string(), |x| {
                format!(
                    "Some(Exchange {{ request: {:?}, response: {:?}, by_origin: {} }})",
                    x.request.trim_end_matches('\n'),
                    x.response.trim_end_matches('\n'),
                    x.sender.as_deref() != Some("proxy")
                )
            })
    };
    let mut codes = c.codes.clone();
    codes.sort_by_key(|x| x.code);
    s.push_str("pub static STATUS_CODES: &[StatusCode] = &[\n");
    for x in &codes {
        let headers: Vec<String> = x
            .headers
            .iter()
            .map(|h| {
                format!(
                    "HeaderRule {{ name: {:?}, level: Requirement::{}, cite: {}, note: {:?} }}",
                    h.name,
                    variant(&h.level),
                    cite(h.source.as_deref().unwrap_or(&x.source), &h.section),
                    h.note
                )
            })
            .collect();
        let next = match (&x.client_action, &x.client_action_section) {
            (Some(a), Some(section)) => format!(
                "Some(ClientNext {{ action: ClientAction::{}, cite: {} }})",
                CLIENT_ACTIONS
                    .iter()
                    .find(|(n, _)| n == a)
                    .map_or("GiveUp", |(_, v)| v),
                cite(&x.source, section)
            ),
            _ => "None".to_string(),
        };
        let _ = writeln!(
            s,
            "    StatusCode {{ code: {}, name: {:?}, former_names: {}, importance: {}, status: RegistryStatus::{}, cite: {}, cacheable: {}, meaning: {:?}, explanation: {:?}, headers: &[{}], example: {}, next: {} }},",
            x.code,
            x.name,
            strs(&x.former_names),
            importance(x.importance),
            variant(&x.status),
            cite(&x.source, &x.section),
            x.cacheable,
            x.meaning,
            x.explanation,
            headers.join(", "),
            example(Some(x.code), None),
            next
        );
    }
    s.push_str("];\n\n");

    let mut classes = c.classes.clone();
    classes.sort_by_key(|k| k.class);
    s.push_str("pub static CLASSES: &[Class] = &[\n");
    for k in &classes {
        let _ = writeln!(
            s,
            "    Class {{ class: {}, name: {:?}, meaning: {:?}, cite: {} }},",
            k.class,
            k.name,
            k.meaning,
            cite(&k.source, &k.section)
        );
    }
    s.push_str("];\n\n");
    for (name, rule) in [
        ("RANGE_RULE", &c.rules.range),
        ("UNKNOWN_CODE_RULE", &c.rules.unknown_code),
    ] {
        let _ = writeln!(
            s,
            "pub static {name}: Rule = Rule {{ text: {:?}, cite: {} }};\n",
            rule.text,
            cite(&rule.source, &rule.section)
        );
    }

    s.push_str("pub static METHODS: &[Method] = &[\n");
    for m in &c.methods {
        let cacheable = match m.cacheable.as_str() {
            "yes" => "Cacheability::Yes".to_string(),
            "no" => "Cacheability::No".to_string(),
            _ => format!(
                "Cacheability::Qualified({:?})",
                m.cacheable_note.as_deref().unwrap_or_default()
            ),
        };
        let reason = |r: &Reason| {
            format!(
                "Reason {{ text: {:?}, cite: {} }}",
                r.text,
                cite(&m.source, &r.section)
            )
        };
        let why = format!(
            "PropertyReasons {{ safe: {}, idempotent: {}, cacheable: {} }}",
            reason(&m.why.safe),
            reason(&m.why.idempotent),
            reason(&m.why.cacheable)
        );
        let _ = writeln!(
            s,
            "    Method {{ name: {:?}, importance: {}, cite: {}, safe: {}, idempotent: {}, cacheable: {}, properties_cite: {}, summary: {:?}, request_content: {:?}, success: {}, errors: {}, explanation: {:?}, why: {}, example: {} }},",
            m.name,
            importance(m.importance),
            cite(&m.source, &m.section),
            m.safe,
            m.idempotent,
            cacheable,
            cite(&m.source, &m.properties_section),
            m.summary,
            m.request_content,
            nums(&m.success),
            nums(&m.errors),
            m.explanation,
            why,
            example(None, Some(&m.name))
        );
    }
    s.push_str("];\n\n");

    s.push_str("pub static SCENARIOS: &[Scenario] = &[\n");
    for x in &c.scenarios {
        let _ = writeln!(
            s,
            "    Scenario {{ id: {:?}, situation: {:?}, method: {:?}, best: {}, also: {}, why: {:?}, cite: {} }},",
            x.id,
            x.situation,
            x.method,
            x.best,
            nums(&x.also),
            x.why,
            cite(&x.source, &x.section)
        );
    }
    s.push_str("];\n\n");

    s.push_str("pub static MISCONCEPTIONS: &[Misconception] = &[\n");
    for x in &c.misconceptions {
        let _ = writeln!(
            s,
            "    Misconception {{ id: {:?}, topic: {:?}, claim: {:?}, truth: {:?}, cite: {}, codes: {}, methods: {} }},",
            x.id,
            x.topic,
            x.claim,
            x.truth,
            cite(&x.source, &x.section),
            nums(&x.codes),
            strs(&x.methods)
        );
    }
    s.push_str("];\n\n");

    s.push_str("pub static CONFUSABLE_GROUPS: &[ConfusableGroup] = &[\n");
    for g in &c.groups {
        let tells: Vec<String> = g
            .tells
            .iter()
            .map(|(k, v)| format!("({k:?}, {v:?})"))
            .collect();
        let _ = writeln!(
            s,
            "    ConfusableGroup {{ id: {:?}, title: {:?}, codes: {}, methods: {}, distinction: {:?}, tells: &[{}] }},",
            g.id,
            g.title,
            nums(&g.codes),
            strs(&g.methods),
            g.distinction,
            tells.join(", ")
        );
    }
    s.push_str("];\n");
    s
}

/// The exchange rules shared with the app (the quiz's faults and the lab use the same file).
#[path = "../src/exchange/rules.rs"]
#[allow(dead_code)]
mod rules;

/// Who sends an example's response: an origin server (the default) or a proxy.
const SENDERS: [&str; 2] = ["origin", "proxy"];

/// The longest request target a server is recommended to support (RFC 9110 §4.1): a 414's
/// example must ask for a longer one.
const TARGET_OCTETS: usize = 8000;

/// Every example exchange parses as HTTP/1.1 and keeps the rules its code or method sets; every
/// studied code and every method has exactly one.
pub fn check_exchanges(c: &Catalogue) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let required = |n: u16| -> Vec<String> {
        c.codes
            .iter()
            .filter(|k| k.code == n)
            .flat_map(|k| &k.headers)
            .filter(|h| h.level == "required" && !h.note.starts_with("If"))
            .map(|h| h.name.clone())
            .collect()
    };
    for x in &c.exchanges {
        let label = x.label();
        let mut p = Problems {
            out: &mut out,
            at: format!("data/exchanges.toml: {label}"),
        };
        if x.code.is_some() == x.method.is_some() {
            p.add("names neither a code nor a method, or both (give `code` or `method`)");
            continue;
        }
        if !seen.insert(label.clone()) {
            p.add("appears more than once");
        }
        let sender = x.sender.as_deref().unwrap_or("origin");
        p.one_of("sender", sender, &SENDERS);
        let code_entry = x.code.and_then(|n| c.codes.iter().find(|k| k.code == n));
        if let Some(n) = x.code {
            if code_entry.is_none() {
                p.add(format!("{n} is not in the catalogue"));
            }
        }
        if let Some(m) = &x.method {
            if !c.methods.iter().any(|k| &k.name == m) {
                p.add(format!("{m} is not a method in the catalogue"));
            }
        }
        // A multi-line TOML string ends with the line break after its last line.
        let request_text = x.request.strip_suffix('\n').unwrap_or(&x.request);
        let response_text = x.response.strip_suffix('\n').unwrap_or(&x.response);
        let request = match rules::parse_request(request_text) {
            Ok(r) => r,
            Err(e) => {
                p.add(e);
                continue;
            }
        };
        let responses = match rules::parse_responses(response_text) {
            Ok(r) => r,
            Err(e) => {
                p.add(e);
                continue;
            }
        };
        for problem in rules::request_problems(&request) {
            p.add(problem);
        }
        for problem in
            rules::response_problems(&request.method, &responses, &required, sender == "origin")
        {
            p.add(problem);
        }
        if let Some(m) = &x.method {
            if &request.method != m {
                p.add(format!(
                    "the request's method is {}, not {m}",
                    request.method
                ));
            }
        }
        if let Some(k) = code_entry {
            if k.client_action.as_deref() == Some("follow-get")
                && matches!(k.code, 301 | 302)
                && !matches!(request.method.as_str(), "GET" | "HEAD")
            {
                p.add(format!(
                    "a {} may be followed with the same method or with GET after a {}: its example must be a GET or HEAD for follow-get to be the one answer",
                    k.code, request.method
                ));
            }
            if k.code == 414 {
                let expanded = rules::expand(request_text);
                let target = expanded.split(' ').nth(1).unwrap_or_default();
                if target.len() <= TARGET_OCTETS {
                    p.add(format!(
                        "the 414's request target is {} octets; servers are recommended to accept at least {TARGET_OCTETS} (RFC 9110 4.1), so a realistic 414 asks for more",
                        target.len()
                    ));
                }
            }
            let first = responses[0].code;
            let last = responses[responses.len() - 1].code;
            let shown = if (100..200).contains(&k.code) {
                first
            } else {
                last
            };
            // 208 is only ever reported inside a 207 Multi-Status body (RFC 5842 7.1).
            let (expected, inside) = if k.code == 208 {
                (207, Some("208"))
            } else {
                (k.code, None)
            };
            if shown != expected {
                p.add(format!(
                    "the response's status code is {shown}, not {expected}"
                ));
            }
            if let Some(inner) = inside {
                if !responses[responses.len() - 1].body.contains(inner) {
                    p.add(format!("the 207 body does not report {inner}"));
                }
            }
        }
    }
    for k in c.codes.iter().filter(|k| k.status != "unused") {
        if !seen.contains(&format!("code {}", k.code)) {
            out.push(format!(
                "data/exchanges.toml: code {} has no example exchange",
                k.code
            ));
        }
    }
    for m in &c.methods {
        if !seen.contains(&format!("method {:?}", m.name)) {
            out.push(format!(
                "data/exchanges.toml: method {:?} has no example exchange",
                m.name
            ));
        }
    }
    out
}
