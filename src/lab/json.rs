//! Just enough JSON for the articles API: reading a request body (any valid JSON, so that a
//! body that is not JSON gets 400 and JSON of the wrong shape gets 422) and writing strings.
//! A small reader of our own: the articles need flat objects of strings, and a general JSON
//! value type would add more to the download than this does.

/// A member's value, as far as an article cares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Value {
    Null,
    Text(String),
    /// Any other value, named in words ("a number", "a list").
    Other(&'static str),
}

/// A body that is valid JSON: an object's members, or what else it is, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Json {
    Object(Vec<(String, Value)>),
    Not(&'static str),
}

/// How deep lists and objects may nest before the reader gives up.
const DEPTH: usize = 32;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b" \t\r\n".contains(b))
        {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.space();
        self.bytes.get(self.at).copied()
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        let found = match self.bytes.get(self.at) {
            Some(b) if b.is_ascii_graphic() => format!("\"{}\"", *b as char),
            Some(_) => "another character".to_string(),
            None => "the end of the body".to_string(),
        };
        Err(format!(
            "the body is not valid JSON: at byte {} it expects {what} but finds {found}",
            self.at + 1
        ))
    }

    fn eat(&mut self, b: u8, what: &str) -> Result<(), String> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            self.fail(what)
        }
    }

    fn word(&mut self, word: &str) -> Result<(), String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            self.fail("a value")
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat(b'"', "a \"")?;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return self.fail("a closing \"");
            };
            self.at += 1;
            match b {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.at) else {
                        return self.fail("an escape");
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' | b'\\' | b'/' => e as char,
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = self.bytes.get(self.at..self.at + 4).unwrap_or_default();
                            let code = std::str::from_utf8(hex)
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok());
                            let Some(code) = code.filter(|_| hex.len() == 4) else {
                                return self.fail("four hexadecimal digits after \\u");
                            };
                            self.at += 4;
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => {
                            self.at -= 1;
                            return self.fail("an escape such as \\n or \\\"");
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    self.at -= 1;
                    return self
                        .fail("no line break or control character inside a string (write \\n)");
                }
                _ => out.push(b),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > DEPTH {
            return self.fail("lists and objects nested less deeply");
        }
        match self.peek() {
            Some(b'"') => self.string().map(Value::Text),
            Some(b'n') => self.word("null").map(|()| Value::Null),
            Some(b't') => self.word("true").map(|()| Value::Other("true or false")),
            Some(b'f') => self.word("false").map(|()| Value::Other("true or false")),
            Some(b'{') => self.members(depth).map(|_| Value::Other("an object")),
            Some(b'[') => {
                self.at += 1;
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::Other("a list"));
                }
                loop {
                    self.value(depth + 1)?;
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Other("a list"));
                        }
                        _ => return self.fail("a , or a ]"),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| Value::Other("a number")),
            _ => self.fail("a value"),
        }
    }

    fn number(&mut self) -> Result<(), String> {
        let digits = |r: &mut Self| {
            let start = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at > start
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        if !digits(self) {
            return self.fail("a digit");
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return self.fail("a digit after the point");
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return self.fail("a digit in the exponent");
            }
        }
        Ok(())
    }

    fn members(&mut self, depth: usize) -> Result<Vec<(String, Value)>, String> {
        self.eat(b'{', "a {")?;
        let mut out = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(out);
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.fail("a member name in double quotes");
            }
            let name = self.string()?;
            self.eat(b':', "a : after the member name")?;
            let value = self.value(depth + 1)?;
            out.push((name, value));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(out);
                }
                _ => return self.fail("a , or a }"),
            }
        }
    }
}

/// Reads `text` as JSON; `Err` says in words where it stops being JSON.
pub(super) fn read(text: &str) -> Result<Json, String> {
    let mut r = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let json = if r.peek() == Some(b'{') {
        Json::Object(r.members(0)?)
    } else {
        match r.value(0)? {
            Value::Null => Json::Not("null"),
            Value::Text(_) => Json::Not("a string"),
            Value::Other(what) => Json::Not(what),
        }
    };
    if r.peek().is_some() {
        return r.fail("nothing more after the value");
    }
    Ok(json)
}

/// `text` as a JSON string, quotes included.
pub(super) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let n = c as u32;
                out.push_str("\\u00");
                out.push(char::from_digit(n >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(n & 15, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
