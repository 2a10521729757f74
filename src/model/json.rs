//! A small JSON reader and writer: all the widget needs from JSON, in a
//! fraction of the code of a general serialisation framework (the bundle is
//! what a host pays for). Strict RFC 8259: no comments, no trailing commas,
//! no lone surrogates, no raw control characters in strings.

use std::fmt::Write as _;

/// A parsed JSON value. Objects keep their keys in document order; when a
/// key appears twice, [`Json::get`] returns the last one.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number written without a fraction or exponent that fits in `i64`.
    Int(i64),
    /// Any other number, as written: the widget reads no fractions, and
    /// keeping the text spares the bundle float parsing and printing.
    Float(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Deeper documents are refused: the reader recurses, and no article needs
/// more than a handful of levels.
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl Json {
    /// The value of `key` in an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// How an error message names this value: `integer `5``, `string "x"`,
    /// `an object`.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Int(n) => format!("integer `{n}`"),
            Json::Float(n) => format!("number `{n}`"),
            Json::String(text) => {
                const SHOWN: usize = 40;
                match text.char_indices().nth(SHOWN) {
                    Some((cut, _)) => format!("string {}…", quoted(&text[..cut])),
                    None => format!("string {}", quoted(text)),
                }
            }
            Json::Array(_) => "an array".to_owned(),
            Json::Object(_) => "an object".to_owned(),
        }
    }

    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Float(n) => out.push_str(n),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::String(text.to_owned())
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Self {
        Json::Int(n)
    }
}

/// `text` as a JSON string literal for a message: quoted and escaped, with
/// invisible direction marks spelled out so they cannot reorder the message.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(text, &mut out);
    if out.contains(is_direction_mark) {
        out = out
            .chars()
            .map(|c| {
                if is_direction_mark(c) {
                    format!("\\u{:04x}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
    }
    out
}

fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    let mut plain_from = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[plain_from..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        plain_from = i + 1;
    }
    out.push_str(&text[plain_from..]);
    out.push('"');
}

/// Parses a whole JSON text (surrounding white space allowed).
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let result = parser.value().and_then(|value| {
        parser.skip_white_space();
        if parser.pos < parser.bytes.len() {
            Err("trailing characters after the value")
        } else {
            Ok(value)
        }
    });
    result.map_err(|message| parser.error(message))
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

type Step<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text[..self.text.floor_char_boundary(self.pos)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            message,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_white_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Step<()> {
        self.skip_white_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(message)
        }
    }

    fn value(&mut self) -> Step<Json> {
        self.skip_white_space();
        match self.peek() {
            None => Err("unexpected end of input"),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected a value"),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Step<Json>) -> Step<Json> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("nested more than 128 levels deep");
        }
        self.pos += 1; // the opening bracket
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Step<Json> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err("expected a value")
        }
    }

    fn array(&mut self) -> Step<Json> {
        let mut items = Vec::new();
        self.skip_white_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_white_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err("unexpected end of input in an array"),
                Some(_) => return Err("expected `,` or `]` in an array"),
            }
        }
    }

    fn object(&mut self) -> Step<Json> {
        let mut fields = Vec::new();
        self.skip_white_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_white_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err("unexpected end of input in an object"),
                Some(_) => return Err("expected a key in quotes"),
            }
            let key = self.string()?;
            self.expect(b':', "expected `:` after a key")?;
            fields.push((key, self.value()?));
            self.skip_white_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(fields));
                }
                None => return Err("unexpected end of input in an object"),
                Some(_) => return Err("expected `,` or `}` in an object"),
            }
        }
    }

    /// A string, from its opening quote. Runs without escapes are copied
    /// whole; the text is UTF-8 already, and every byte the loop stops at is
    /// ASCII, so each run is whole characters.
    fn string(&mut self) -> Step<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let Some(byte) = self.peek() else {
                return Err("unexpected end of input in a string");
            };
            match byte {
                b'"' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run_start..self.pos]);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run_start = self.pos;
                }
                0..=0x1f => return Err("control character in a string (escape it)"),
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Step<()> {
        let Some(byte) = self.peek() else {
            return Err("unexpected end of input in a string");
        };
        self.pos += 1;
        let decoded = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xd800..=0xdbff => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err("lone surrogate in a \\u escape");
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err("lone surrogate in a \\u escape");
                        }
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err("lone surrogate in a \\u escape"),
                    _ => unit,
                };
                char::from_u32(code).ok_or("invalid \\u escape")?
            }
            _ => return Err("invalid escape in a string"),
        };
        out.push(decoded);
        Ok(())
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or("unexpected end of input in a \\u escape")?;
        let mut value = 0;
        for &digit in digits {
            let nibble = (digit as char).to_digit(16).ok_or("invalid \\u escape")?;
            value = value * 16 + nibble;
        }
        self.pos += 4;
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Step<Json> {
        const INVALID: &str = "invalid number";
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(INVALID),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(INVALID);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(INVALID);
            }
        }
        let text = &self.text[start..self.pos];
        match text.parse() {
            Ok(n) if integer => Ok(Json::Int(n)),
            _ => Ok(Json::Float(text.to_owned())),
        }
    }
}

// Native only: serde_json and proptest are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json (a dev-dependency) as the reference: the same texts must
    /// be accepted, and read as the same values.
    fn same_as_serde(json: &Json, reference: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (json, reference) {
            (Json::Null, Value::Null) => true,
            (Json::Bool(a), Value::Bool(b)) => a == b,
            // serde_json reads `-0` as a float.
            (Json::Int(a), Value::Number(b)) => {
                b.as_i64() == Some(*a) || b.as_f64() == Some(*a as f64)
            }
            (Json::Float(a), Value::Number(b)) => b.as_f64() == a.parse().ok(),
            (Json::String(a), Value::String(b)) => a == b,
            (Json::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_as_serde(x, y))
            }
            (Json::Object(_), Value::Object(b)) => b
                .iter()
                .all(|(key, value)| json.get(key).is_some_and(|v| same_as_serde(v, value))),
            _ => false,
        }
    }

    fn check(text: &str) {
        let ours = parse(text);
        let reference = serde_json::from_str::<serde_json::Value>(text);
        match (&ours, &reference) {
            (Ok(a), Ok(b)) => assert!(same_as_serde(a, b), "{text:?}: {a:?} vs {b:?}"),
            (Err(_), Err(_)) => {}
            // Numbers are kept as written, so ours has no range limit.
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            _ => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
        }
    }

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        for text in [
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1",
            "-1",
            "01",
            "1.",
            ".5",
            "1.5",
            "1e5",
            "1E+5",
            "1e-5",
            "1e",
            "-",
            "+1",
            "1e400",
            "-1e400",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "123456789012345678901234567890",
            "\"\"",
            "\"a\\\"b\"",
            "\"\\u00e6\\u00F8\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\u0041\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"tab\there\"",
            "\"nul\\u0000\"",
            "\"æøå 😀\"",
            "[]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1,\"a\":2}",
            "[1]x",
            "  [1]  ",
            "[[[]]]",
            "{\"a\":[{\"b\":null}]}",
            "",
            " ",
            "nul",
            "truex",
            "[\"a\"",
            "{\"a\":",
            "\u{feff}1",
            "1 2",
            "[1e5,-0.0,2.5E-3]",
            "\"\\/\\b\\f\\n\\r\\t\"",
        ] {
            check(text);
        }
    }

    #[test]
    fn depth_limit() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "nested more than 128 levels deep"
        );
        let very_deep = "[".repeat(100_000);
        assert!(parse(&very_deep).is_err());
    }

    #[test]
    fn error_positions_count_characters() {
        let error = parse("{\n  \"æ\": tru\n}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 8));
        let error = parse("[1,").unwrap_err();
        assert_eq!(
            (error.message, error.line, error.column),
            ("unexpected end of input", 1, 4)
        );
    }

    #[test]
    fn last_key_wins_and_describe() {
        let value = parse(r#"{"a":1,"a":"two"}"#).unwrap();
        assert_eq!(value.get("a"), Some(&Json::String("two".into())));
        assert_eq!(Json::Int(5).describe(), "integer `5`");
        assert_eq!(parse("1.50").unwrap().describe(), "number `1.50`");
        assert_eq!(parse("-1e400").unwrap(), Json::Float("-1e400".into()));
        assert_eq!(
            Json::String("x".repeat(50)).describe(),
            format!("string \"{}\"…", "x".repeat(40))
        );
    }

    #[test]
    fn writes_what_serde_json_reads_back() {
        let value = Json::Object(vec![
            (
                "text".into(),
                "quote \" slash \\ nl \n nul \u{0} æ 😀 </script>".into(),
            ),
            ("n".into(), Json::Int(-42)),
            ("f".into(), Json::Float("2.5e-1".into())),
            ("list".into(), Json::Array(vec![Json::Null, true.into()])),
        ]);
        let text = value.to_text();
        let reference: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(same_as_serde(&value, &reference));
        assert_eq!(parse(&text).unwrap(), value);
    }

    fn json_soup() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\"k\"", "\"v\"", "\\", "\\u", "d83d", "de00",
            "00", "0", "1", "-", ".", "e", "+", "true", "null", "fals", " ", "\n", "é", "\u{1}",
            "😀",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn accepts_exactly_what_serde_json_accepts(text in json_soup()) {
            check(&text);
        }

        #[test]
        fn reads_what_serde_json_writes(value in json_value()) {
            let text = serde_json::to_string(&value).unwrap();
            let ours = parse(&text).unwrap();
            prop_assert!(same_as_serde(&ours, &value), "{}", text);
            // Numbers are written back as they were read, so our own reading
            // of our text must give the same value exactly.
            prop_assert_eq!(parse(&ours.to_text()).unwrap(), ours);
        }
    }
}
