//! Challenges: goals a learner reaches by sending requests to the lab ("Make the server answer
//! 304"). Each names the codes and methods it teaches (for the Reference pages' "Try it in the
//! lab"), gives a hint and the requests that solve it, and is solved by what the learner's
//! exchanges show, never by a typed answer.

use chrono::{DateTime, Utc};

use super::state::Lab;
use super::Exchange;
use crate::exchange::rules::expand;

/// How the lab stands when a challenge starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// As [`Lab::new`] makes it.
    Fresh,
    /// The search has just been used as often as a minute allows.
    SearchUsedUp,
}

/// What an exchange must show, besides its method, path and status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Test {
    Nothing,
    /// The request has this header.
    Has(&'static str),
    /// The request does not have this header.
    Lacks(&'static str),
    /// The response has this header with this value ("" for any value).
    Says(&'static str, &'static str),
    /// A 100 Continue came before the final response.
    Continued,
    /// The method is none of the nine the lab knows.
    UnknownMethod,
}

/// One exchange a challenge looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Step {
    /// The method, or "" for any.
    method: &'static str,
    /// The path, exactly, or a prefix ending in `*` ("/articles/*"), or "" for any.
    path: &'static str,
    status: u16,
    test: Test,
}

impl Step {
    fn matches(&self, x: &Exchange) -> bool {
        let path = x.path().unwrap_or_default();
        let path_ok = match self.path.strip_suffix('*') {
            _ if self.path.is_empty() => true,
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        let test_ok = match self.test {
            Test::Nothing => true,
            Test::Has(h) => x.request_header(h).is_some(),
            Test::Lacks(h) => x.request_header(h).is_none(),
            Test::Says(h, v) => x
                .response_header(h)
                .is_some_and(|got| v.is_empty() || got == v),
            Test::Continued => x.interim() == Some(100),
            Test::UnknownMethod => x
                .method()
                .is_some_and(|m| !super::server::METHODS.contains(&m)),
        };
        x.status() == self.status
            && (self.method.is_empty() || x.method() == Some(self.method))
            && path_ok
            && test_ok
    }
}

/// A goal to reach by sending requests to the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Challenge {
    /// Stable and kebab-case: what the learner's record and links name it by.
    pub id: &'static str,
    /// What to make the server do, in plain words.
    pub goal: &'static str,
    /// A nudge towards the request, without giving it away.
    pub hint: &'static str,
    /// The status codes it teaches.
    pub codes: &'static [u16],
    /// The methods it teaches.
    pub methods: &'static [&'static str],
    start: Start,
    /// The requests that solve it, in order, as the learner would write them (a long line may
    /// be abbreviated `[… 8,100 more characters …]`).
    reference: &'static [&'static str],
    /// The exchanges that solve it, in this order among the session's.
    steps: &'static [Step],
}

impl Challenge {
    /// A lab as this challenge starts it, opened at `at`.
    pub fn lab(&self, at: DateTime<Utc>) -> Lab {
        let mut lab = Lab::new();
        if self.start == Start::SearchUsedUp {
            lab.searches = vec![at; super::resources::SEARCHES_A_MINUTE];
        }
        lab
    }

    /// The requests that solve it, in order, written out in full: what the UI offers after
    /// the hint.
    pub fn reference(&self) -> Vec<String> {
        self.reference.iter().map(|r| expand(r)).collect()
    }

    /// The requests that solve it as written in the lab's table (long lines abbreviated).
    pub(super) fn requests(&self) -> &'static [&'static str] {
        self.reference
    }

    /// Whether `exchanges` (the session's, oldest first) solve it: they hold the exchanges it
    /// looks for, in order.
    pub fn solved_by(&self, exchanges: &[Exchange]) -> bool {
        let mut steps = self.steps.iter().peekable();
        for x in exchanges {
            if steps.peek().is_some_and(|s| s.matches(x)) {
                steps.next();
            }
        }
        steps.peek().is_none()
    }
}

/// Every challenge, in the order the lab offers them.
pub fn challenges() -> &'static [Challenge] {
    CHALLENGES
}

/// The challenge called `id`.
pub fn challenge(id: &str) -> Option<&'static Challenge> {
    CHALLENGES.iter().find(|c| c.id == id)
}

/// The challenges that teach status code `code`.
pub fn challenges_for_code(code: u16) -> impl Iterator<Item = &'static Challenge> {
    CHALLENGES.iter().filter(move |c| c.codes.contains(&code))
}

/// The challenges that teach `method` ("PATCH").
pub fn challenges_for_method(method: &str) -> impl Iterator<Item = &'static Challenge> + '_ {
    CHALLENGES
        .iter()
        .filter(move |c| c.methods.contains(&method))
}

const fn step(method: &'static str, path: &'static str, status: u16, test: Test) -> Step {
    Step {
        method,
        path,
        status,
        test,
    }
}

const fn simple(
    id: &'static str,
    goal: &'static str,
    hint: &'static str,
    codes: &'static [u16],
    methods: &'static [&'static str],
    reference: &'static [&'static str],
    steps: &'static [Step],
) -> Challenge {
    Challenge {
        id,
        goal,
        hint,
        codes,
        methods,
        start: Start::Fresh,
        reference,
        steps,
    }
}

use Test::{Continued, Has, Lacks, Nothing, Says, UnknownMethod};

static CHALLENGES: &[Challenge] = &[
    simple(
        "read-an-article",
        "Read article 1.",
        "GET asks for a resource. Articles live at /articles/ and their number, and every HTTP/1.1 request names its host.",
        &[200],
        &["GET"],
        &["GET /articles/1 HTTP/1.1\nHost: lab.example\n"],
        &[step("GET", "/articles/*", 200, Nothing)],
    ),
    simple(
        "size-without-download",
        "Find out how big /files/big.txt is without downloading it.",
        "One method asks for exactly the headers a GET would get, and no body.",
        &[200],
        &["HEAD"],
        &["HEAD /files/big.txt HTTP/1.1\nHost: lab.example\n"],
        &[step("HEAD", "/files/big.txt", 200, Nothing)],
    ),
    simple(
        "publish-an-article",
        "Publish a new article.",
        "Send JSON such as {\"title\":\"…\",\"body\":\"…\"} to the collection /articles, with Content-Type and a Content-Length that counts the body's bytes.",
        &[201],
        &["POST"],
        &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 36\n\n{\"title\":\"My first\",\"body\":\"Hello!\"}"],
        &[step("POST", "/articles", 201, Nothing)],
    ),
    simple(
        "create-with-put",
        "Create article 20 at the address you choose.",
        "One method stores what you send at the very URI you name, creating it if it is not there.",
        &[201],
        &["PUT"],
        &["PUT /articles/20 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 33\n\n{\"title\":\"Twenty\",\"body\":\"Mine.\"}"],
        &[step("PUT", "/articles/*", 201, Nothing)],
    ),
    simple(
        "delete-twice",
        "Delete article 7 twice. What does the second DELETE get, and why is DELETE still idempotent?",
        "Send the same DELETE /articles/7 two times, and compare the answers.",
        &[204, 410],
        &["DELETE"],
        &[
            "DELETE /articles/7 HTTP/1.1\nHost: lab.example\n",
            "DELETE /articles/7 HTTP/1.1\nHost: lab.example\n",
        ],
        &[
            step("DELETE", "/articles/7", 204, Nothing),
            step("DELETE", "/articles/7", 410, Nothing),
        ],
    ),
    simple(
        "last-100-bytes",
        "Get only the last 100 bytes of /files/big.txt.",
        "Range asks for part of a representation, in bytes. A range can count from the end.",
        &[206],
        &["GET"],
        &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=-100\n"],
        &[step("GET", "/files/big.txt", 206, Says("Content-Range", "bytes 3900-3999/4000"))],
    ),
    simple(
        "range-past-the-end",
        "Ask for a part of /files/big.txt that does not exist.",
        "The file has 4000 bytes, numbered from 0.",
        &[416],
        &["GET"],
        &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nRange: bytes=5000-5999\n"],
        &[step("GET", "/files/big.txt", 416, Nothing)],
    ),
    simple(
        "not-modified",
        "Make the server answer 304.",
        "GET an article and note its ETag. Then ask again, saying that you already have that version.",
        &[304],
        &["GET"],
        &["GET /articles/1 HTTP/1.1\nHost: lab.example\nIf-None-Match: \"v1\"\n"],
        &[step("", "", 304, Has("If-None-Match"))],
    ),
    simple(
        "not-modified-since",
        "Get a 304 for /files/big.txt with a date instead of an ETag.",
        "GET the file and note its Last-Modified. Then ask for it only if it changed after that date.",
        &[304],
        &["GET"],
        &["GET /files/big.txt HTTP/1.1\nHost: lab.example\nIf-Modified-Since: Mon, 06 Jan 2025 08:00:00 GMT\n"],
        &[step("", "", 304, Lacks("If-None-Match"))],
    ),
    simple(
        "update-without-overwriting",
        "You loaded article 7 a week ago, when its ETag was \"v1\". Someone has changed it since. Change its title without overwriting their change.",
        "GET it to see their change and its current ETag, then PUT your version with If-Match and that ETag.",
        &[204, 412],
        &["PUT"],
        &["PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match: \"v2\"\nContent-Type: application/json\nContent-Length: 93\n\n{\"title\":\"Caching with ETags, again\",\"body\":\"A validator lets a client ask: has it changed?\"}"],
        &[step("PUT", "/articles/7", 204, Has("If-Match"))],
    ),
    simple(
        "stale-update",
        "Send a PUT of article 7 that the server refuses because your copy is out of date (its ETag was \"v1\").",
        "Say which version you changed with If-Match.",
        &[412],
        &["PUT"],
        &["PUT /articles/7 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 24\n\n{\"title\":\"My old title\"}"],
        &[step("PUT", "/articles/*", 412, Nothing)],
    ),
    simple(
        "precondition-required",
        "Replace article 1 without saying which version of it you changed.",
        "A PUT of an article that exists, with no If-Match.",
        &[428],
        &["PUT"],
        &["PUT /articles/1 HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"],
        &[step("PUT", "/articles/*", 428, Nothing)],
    ),
    simple(
        "patch-a-title",
        "Change only the title of article 3, leaving its body as it is.",
        "PATCH sends just the changes. This API takes them as a JSON merge patch (application/merge-patch+json), and, like PUT, wants If-Match.",
        &[200],
        &["PATCH"],
        &["PATCH /articles/3 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/merge-patch+json\nContent-Length: 26\n\n{\"title\":\"Status classes\"}"],
        &[step("PATCH", "/articles/*", 200, Nothing)],
    ),
    simple(
        "wrong-patch-format",
        "Send a PATCH in a format the articles do not take, and find out which one they do.",
        "Send the patch as plain application/json.",
        &[415],
        &["PATCH"],
        &["PATCH /articles/3 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 26\n\n{\"title\":\"Status classes\"}"],
        &[step("PATCH", "", 415, Says("Accept-Patch", ""))],
    ),
    simple(
        "method-not-allowed",
        "Try to delete the whole article list at once.",
        "DELETE the collection, /articles. Read the Allow header of the answer.",
        &[405],
        &["DELETE"],
        &["DELETE /articles HTTP/1.1\nHost: lab.example\n"],
        &[step("DELETE", "/articles", 405, Nothing)],
    ),
    simple(
        "unknown-method",
        "Use a method the server has never heard of.",
        "Any name made of letters will do, such as PURGE. (Method names are case-sensitive, too.)",
        &[501],
        &[],
        &["PURGE /articles/1 HTTP/1.1\nHost: lab.example\n"],
        &[step("", "", 501, UnknownMethod)],
    ),
    simple(
        "what-may-i-do",
        "Ask article 7 which methods it supports.",
        "One method asks about the communication options of a resource, and changes nothing.",
        &[204],
        &["OPTIONS"],
        &["OPTIONS /articles/7 HTTP/1.1\nHost: lab.example\n"],
        &[step("OPTIONS", "/articles/*", 204, Nothing)],
    ),
    simple(
        "echo",
        "Have the server show you the request exactly as it received it.",
        "One method asks for a loop-back of the request, for debugging.",
        &[200],
        &["TRACE"],
        &["TRACE /articles HTTP/1.1\nHost: lab.example\n"],
        &[step("TRACE", "", 200, Nothing)],
    ),
    simple(
        "open-a-tunnel",
        "Ask the lab to open a tunnel to lab.example:443, as a browser asks a proxy.",
        "The tunnel method names a host and a port instead of a path.",
        &[501],
        &["CONNECT"],
        &["CONNECT lab.example:443 HTTP/1.1\nHost: lab.example:443\n"],
        &[step("CONNECT", "", 501, Nothing)],
    ),
    simple(
        "bad-request",
        "Send a request the server cannot parse.",
        "Leave the colon out of a header line.",
        &[400],
        &[],
        &["GET /articles HTTP/1.1\nHost lab.example\n"],
        &[step("", "", 400, Says("Connection", "close"))],
    ),
    simple(
        "wrong-version",
        "Speak HTTP/2 to a server that speaks HTTP/1.1.",
        "The version is the last part of the request line.",
        &[505],
        &[],
        &["GET /articles HTTP/2.0\nHost: lab.example\n"],
        &[step("", "", 505, Nothing)],
    ),
    simple(
        "not-found",
        "Ask for an article that never existed.",
        "The articles are 1, 3 and 7 (and 2, which was deleted).",
        &[404],
        &["GET"],
        &["GET /articles/99 HTTP/1.1\nHost: lab.example\n"],
        &[step("GET", "/articles/*", 404, Nothing)],
    ),
    simple(
        "gone",
        "Read article 2, which was deleted last week.",
        "It is at /articles/2. Is the answer the same as for an article that never existed?",
        &[410],
        &["GET"],
        &["GET /articles/2 HTTP/1.1\nHost: lab.example\n"],
        &[step("GET", "/articles/*", 410, Nothing)],
    ),
    simple(
        "moved-for-good",
        "Open the old blog address, /blog.",
        "Read the Location header of the answer.",
        &[301],
        &["GET"],
        &["GET /blog HTTP/1.1\nHost: lab.example\n"],
        &[step("", "/blog", 301, Nothing)],
    ),
    simple(
        "moved-for-now",
        "Open /news, which is somewhere else for the time being.",
        "Read the Location header of the answer: should you update your bookmark?",
        &[302],
        &["GET"],
        &["GET /news HTTP/1.1\nHost: lab.example\n"],
        &[step("", "/news", 302, Nothing)],
    ),
    simple(
        "post-then-see-other",
        "Send the contact form, and see where the server sends you next.",
        "POST to /contact with form content, such as message=Hi.",
        &[303],
        &["POST"],
        &["POST /contact HTTP/1.1\nHost: lab.example\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 10\n\nmessage=Hi"],
        &[step("POST", "/contact", 303, Nothing)],
    ),
    simple(
        "post-stays-post",
        "POST a new article to /inbox, which is handled elsewhere for now. Does your POST stay a POST?",
        "Send the same POST you would send to /articles, to /inbox instead.",
        &[307],
        &["POST"],
        &["POST /inbox HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Inbox\"}"],
        &[step("POST", "/inbox", 307, Nothing)],
    ),
    simple(
        "old-api-address",
        "Update article 1 through the old API address, /api/v1/articles/1.",
        "Any method there gets the same kind of answer. Which one keeps your method when the client follows it?",
        &[308],
        &["PUT"],
        &["PUT /api/v1/articles/1 HTTP/1.1\nHost: lab.example\nIf-Match: \"v1\"\nContent-Type: application/json\nContent-Length: 17\n\n{\"title\":\"Hello\"}"],
        &[step("", "/api/v1/articles*", 308, Nothing)],
    ),
    simple(
        "log-in",
        "Open /account: first see what the server asks of you, then give it.",
        "Without credentials, read WWW-Authenticate. The Basic scheme wants Authorization: Basic and then user:password in base64 (ada:lovelace is YWRhOmxvdmVsYWNl).",
        &[401],
        &["GET"],
        &[
            "GET /account HTTP/1.1\nHost: lab.example\n",
            "GET /account HTTP/1.1\nHost: lab.example\nAuthorization: Basic YWRhOmxvdmVsYWNl\n",
        ],
        &[
            step("GET", "/account", 401, Nothing),
            step("GET", "/account", 200, Nothing),
        ],
    ),
    simple(
        "forbidden",
        "Log in as ada and open the admin area, /admin.",
        "Authorization: Basic YWRhOmxvdmVsYWNl logs you in as ada. Is ada an administrator?",
        &[403],
        &["GET"],
        &["GET /admin HTTP/1.1\nHost: lab.example\nAuthorization: Basic YWRhOmxvdmVsYWNl\n"],
        &[step("", "/admin", 403, Nothing)],
    ),
    Challenge {
        id: "too-many-searches",
        goal: "The search allows three searches a minute, and you have just used them. Search once more.",
        hint: "GET /search?q= and a word. Read Retry-After in the answer.",
        codes: &[429],
        methods: &["GET"],
        start: Start::SearchUsedUp,
        reference: &["GET /search?q=etag HTTP/1.1\nHost: lab.example\n"],
        steps: &[step("", "/search", 429, Nothing)],
    },
    simple(
        "maintenance",
        "Read the reports at /reports.",
        "They are being rebuilt. When should you try again?",
        &[503],
        &["GET"],
        &["GET /reports HTTP/1.1\nHost: lab.example\n"],
        &[step("", "/reports", 503, Nothing)],
    ),
    simple(
        "ask-before-sending",
        "Upload a note to /uploads the careful way: ask first whether the server wants it.",
        "POST with Expect: 100-continue. (The lab reads your whole request at once, and shows what a server and a client say in turn.)",
        &[100],
        &["POST"],
        &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 11\nExpect: 100-continue\n\nBuy stamps."],
        &[step("POST", "/uploads", 201, Continued)],
    ),
    simple(
        "expectation-failed",
        "Expect something of the server that it cannot promise.",
        "The Expect header. Only one expectation is defined.",
        &[417],
        &[],
        &["GET /articles HTTP/1.1\nHost: lab.example\nExpect: a-quick-answer\n"],
        &[step("", "", 417, Nothing)],
    ),
    simple(
        "length-required",
        "Upload to /uploads without saying how long your content is.",
        "Leave out Content-Length.",
        &[411],
        &["POST"],
        &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\n"],
        &[step("POST", "", 411, Nothing)],
    ),
    simple(
        "too-large",
        "Offer /uploads 5000 bytes, without typing them.",
        "The server can refuse from Content-Length alone. With Expect: 100-continue, a client waits before sending the body.",
        &[413],
        &["POST"],
        &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 5000\nExpect: 100-continue\n"],
        &[step("POST", "", 413, Nothing)],
    ),
    simple(
        "request-timeout",
        "Promise more content than you send.",
        "Content-Length says how many bytes follow the blank line. Say more than you write.",
        &[408],
        &[],
        &["POST /uploads HTTP/1.1\nHost: lab.example\nContent-Type: text/plain\nContent-Length: 20\n\nshort"],
        &[step("", "", 408, Nothing)],
    ),
    simple(
        "uri-too-long",
        "Search for a word more than 8000 characters long.",
        "The search word goes in the target, /search?q=…, and a server need not take targets of any length.",
        &[414],
        &["GET"],
        &["GET /search?q=[… 8,100 more characters …] HTTP/1.1\nHost: lab.example\n"],
        &[step("", "", 414, Nothing)],
    ),
    simple(
        "header-too-large",
        "Send a header line more than 8000 bytes long.",
        "A cookie is the usual culprit: Cookie: and a very long value.",
        &[431],
        &[],
        &["GET /articles HTTP/1.1\nHost: lab.example\nCookie: session=[… 8,100 more characters …]\n"],
        &[step("", "", 431, Nothing)],
    ),
    simple(
        "not-acceptable",
        "Ask for article 1 as a web page, and only as a web page.",
        "Accept says which media types you take. Web pages are text/html.",
        &[406],
        &["GET"],
        &["GET /articles/1 HTTP/1.1\nHost: lab.example\nAccept: text/html\n"],
        &[step("GET", "", 406, Nothing)],
    ),
    simple(
        "conflict",
        "Publish an article with the same title as article 1.",
        "GET /articles shows the titles. Titles must be unique.",
        &[409],
        &["POST"],
        &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 23\n\n{\"title\":\"Hello, HTTP\"}"],
        &[step("", "/articles*", 409, Nothing)],
    ),
    simple(
        "unprocessable",
        "Publish an article that is valid JSON but has no title.",
        "The JSON must parse (or the answer is another code), but lack what an article needs.",
        &[422],
        &["POST"],
        &["POST /articles HTTP/1.1\nHost: lab.example\nContent-Type: application/json\nContent-Length: 24\n\n{\"body\":\"No title here\"}"],
        &[step("", "/articles*", 422, Nothing)],
    ),
    simple(
        "wrong-host",
        "Ask this server for a page of another site, shop.example.",
        "The Host line says which site a request is for.",
        &[421],
        &[],
        &["GET / HTTP/1.1\nHost: shop.example\n"],
        &[step("", "", 421, Nothing)],
    ),
];
