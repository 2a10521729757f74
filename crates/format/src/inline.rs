//! The inline markup of article text: `**strong**`, `*emphasis*`,
//! `[label](url)` and backslash escapes. Everything else is literal text;
//! an opening marker without its closing partner is literal too.

use super::url::{safe_url, UrlUse};

/// One run of inline content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**strong**` text.
    Strong(Vec<Inline>),
    /// `*emphasized*` text.
    Emphasis(Vec<Inline>),
    /// `href` has passed the URL allow-list; a link whose URL did not is
    /// replaced by its label as plain content.
    Link {
        /// The address, which passed the allow-list.
        href: String,
        /// The link's label.
        children: Vec<Inline>,
    },
}

/// Inline text parsed from the markup, with the markup it was read from
/// (written back as is: an ambiguous reading, such as emphasis closing right
/// before strong text closes, is never re-spelt).
#[derive(Clone, Debug, Default)]
pub struct RichText(pub Vec<Inline>, String);

/// Two texts are the same when they read the same.
impl PartialEq for RichText {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for RichText {}

impl RichText {
    /// Reads inline markup; what is not markup is text, never HTML.
    pub fn parse(source: &str) -> Self {
        let mut out = Vec::new();
        let parser = Parser {
            text: source,
            bytes: source.as_bytes(),
            remember_closers: true,
        };
        parser.parse(0, source.len(), Context::default(), &mut out);
        RichText(out, source.to_owned())
    }

    /// The text a reader sees, without markup (for share texts and metadata).
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        push_plain(&self.0, &mut text);
        text
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The markup the text was read from.
    pub fn markup(&self) -> &str {
        &self.1
    }
}

impl serde::Serialize for RichText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.1)
    }
}

/// Appends the text a reader sees in `inlines`, without markup.
pub fn push_plain(inlines: &[Inline], text: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => text.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                push_plain(c, text)
            }
        }
    }
}

/// Which constructs enclose the current range: the same construct does not
/// nest in itself, which also bounds the recursion depth to three.
#[derive(Clone, Copy, Default)]
struct Context {
    in_strong: bool,
    in_emphasis: bool,
    in_link: bool,
}

/// What a backslash escapes. Every marker is ASCII, so the parser works on
/// bytes: an ASCII byte never occurs inside a multi-byte UTF-8 character, and
/// every index where it cuts the text is a character boundary.
const ESCAPABLE: &[u8] = b"\\*[]()";

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Off only in the test that checks remembering changes no result.
    remember_closers: bool,
}

impl Parser<'_> {
    fn at(&self, i: usize, end: usize, pattern: &str) -> bool {
        i + pattern.len() <= end && self.bytes[i..].starts_with(pattern.as_bytes())
    }

    fn escaped(&self, i: usize, end: usize) -> bool {
        self.bytes[i] == b'\\' && i + 1 < end && ESCAPABLE.contains(&self.bytes[i + 1])
    }

    /// Parses `text[start..end]` into `out`.
    fn parse(&self, start: usize, end: usize, ctx: Context, out: &mut Vec<Inline>) {
        let closers = Closers::new(end);
        let mut text = String::new();
        let mut i = start;
        while i < end {
            // Plain text up to the next byte that may start markup, in one go.
            let plain = self.bytes[i..end]
                .iter()
                .position(|b| matches!(b, b'\\' | b'*' | b'['))
                .unwrap_or(end - i);
            text.push_str(&self.text[i..i + plain]);
            i += plain;
            if i >= end {
                break;
            }
            if self.escaped(i, end) {
                text.push(char::from(self.bytes[i + 1]));
                i += 2;
                continue;
            }
            let strong = self.at(i, end, "**");
            let next = if strong && !ctx.in_strong {
                closers.find(self, i + 2, Marker::Strong).map(|close| {
                    let mut children = Vec::new();
                    self.parse(
                        i + 2,
                        close,
                        Context {
                            in_strong: true,
                            ..ctx
                        },
                        &mut children,
                    );
                    (vec![Inline::Strong(children)], close + 2)
                })
            } else if self.bytes[i] == b'*' && !strong && !ctx.in_emphasis {
                closers.find(self, i + 1, Marker::Emphasis).map(|close| {
                    let mut children = Vec::new();
                    self.parse(
                        i + 1,
                        close,
                        Context {
                            in_emphasis: true,
                            ..ctx
                        },
                        &mut children,
                    );
                    (vec![Inline::Emphasis(children)], close + 1)
                })
            } else if self.bytes[i] == b'[' && !ctx.in_link {
                self.link(i, &closers, ctx)
            } else {
                None
            };
            match next {
                Some((inlines, after)) => {
                    flush(&mut text, out);
                    for inline in inlines {
                        push_merged(inline, out);
                    }
                    i = after;
                }
                None => {
                    // Not markup here: a marker without a partner is literal.
                    let width = if strong { 2 } else { 1 };
                    text.push_str(&self.text[i..i + width]);
                    i += width;
                }
            }
        }
        flush(&mut text, out);
    }

    /// `[label](url)` starting at `open`; `None` when it is not complete.
    /// A link whose URL is refused becomes its label alone.
    fn link(&self, open: usize, closers: &Closers, ctx: Context) -> Option<(Vec<Inline>, usize)> {
        let end = closers.end;
        let label_end = closers.find(self, open + 1, Marker::LabelEnd)?;
        // A `[` inside the label starts the innermost link instead, as in
        // Markdown: `[a [b](/c)` links only "b".
        if !self.at(label_end, end, "](") || self.has_unescaped(open + 1, label_end, b'[') {
            return None;
        }
        let url_end = closers.find(self, label_end + 2, Marker::UrlEnd)?;
        let raw_url = self.unescape(label_end + 2, url_end);
        let mut children = Vec::new();
        self.parse(
            open + 1,
            label_end,
            Context {
                in_link: true,
                ..ctx
            },
            &mut children,
        );
        strip_direction_controls(&mut children);
        let inlines = match safe_url(&raw_url, UrlUse::Link) {
            Some(href) => vec![Inline::Link { href, children }],
            None => children,
        };
        Some((inlines, url_end + 1))
    }

    /// The first unescaped `marker` in `from..end` (a closer when it closes
    /// a non-empty range). For `*`, a `**` pair is skipped: it belongs to
    /// strong text.
    fn first_marker(&self, from: usize, end: usize, marker: &str) -> Option<usize> {
        let mut k = from;
        while k < end {
            // An escape, or a `**` pair while looking for a lone `*`, is
            // skipped whole.
            if self.bytes[k] == b'\\' || (marker == "*" && self.at(k, end, "**")) {
                k += 2;
            } else if self.at(k, end, marker) {
                return Some(k);
            } else {
                k += 1;
            }
        }
        None
    }

    fn has_unescaped(&self, from: usize, end: usize, wanted: u8) -> bool {
        let mut k = from;
        while k < end {
            match self.bytes[k] {
                b'\\' => k += 2,
                b if b == wanted => return true,
                _ => k += 1,
            }
        }
        false
    }

    fn unescape(&self, start: usize, end: usize) -> String {
        let mut unescaped = String::new();
        let mut run = start;
        let mut i = start;
        while i < end {
            if self.escaped(i, end) {
                unescaped.push_str(&self.text[run..i]);
                run = i + 1;
                i += 2;
            } else {
                i += 1;
            }
        }
        unescaped.push_str(&self.text[run..end]);
        unescaped
    }
}

/// The closing markers the parser looks for.
#[derive(Clone, Copy)]
enum Marker {
    Strong,
    Emphasis,
    LabelEnd,
    UrlEnd,
}

impl Marker {
    fn text(self) -> &'static str {
        match self {
            Marker::Strong => "**",
            Marker::Emphasis => "*",
            Marker::LabelEnd => "]",
            Marker::UrlEnd => ")",
        }
    }
}

/// The last search for each closing marker in one range, so the range is
/// scanned once per marker, not once per opener: the parser searches from
/// positions that only grow, and the first closer from `p` is also the
/// first from any later start up to it (escapes and `**` pairs are entered
/// at their start, after an opener). Without it `"[x]("` × 50,000 took 25 s.
struct Closers {
    end: usize,
    /// Per marker: the last scan, if any.
    last: [std::cell::Cell<Option<Scan>>; 4],
}

/// Where a scan started and what it found (`None`: nothing before `end`).
type Scan = (usize, Option<usize>);

impl Closers {
    fn new(end: usize) -> Self {
        Closers {
            end,
            last: Default::default(),
        }
    }

    /// [`Parser::find_closer`] in this range, from the remembered scan when
    /// it answers for `from`.
    fn find(&self, parser: &Parser, from: usize, marker: Marker) -> Option<usize> {
        let memo = &self.last[marker as usize];
        let first = match memo.get().filter(|_| parser.remember_closers) {
            Some((scanned_from, None)) if scanned_from <= from => None,
            Some((scanned_from, Some(found))) if scanned_from <= from && from <= found => {
                Some(found)
            }
            _ => {
                let found = parser.first_marker(from, self.end, marker.text());
                memo.set(Some((from, found)));
                found
            }
        };
        first.filter(|&k| k > from)
    }
}

/// Removes bidirectional embedding, override and isolate controls from a
/// link's label: `[\u{202e}gnp.exe](…)` would otherwise show as "exe.png".
fn strip_direction_controls(inlines: &mut [Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => {
                if text.contains(is_direction_control) {
                    text.retain(|c| !is_direction_control(c));
                }
            }
            Inline::Strong(children)
            | Inline::Emphasis(children)
            | Inline::Link { children, .. } => strip_direction_controls(children),
        }
    }
}

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        push_merged(Inline::Text(std::mem::take(text)), out);
    }
}

/// Appends, joining adjacent text runs so a dropped link leaves one run.
fn push_merged(inline: Inline, out: &mut Vec<Inline>) {
    match (out.last_mut(), inline) {
        (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
        (_, other) => out.push(other),
    }
}

#[cfg(test)]
mod tests {
    use super::Inline::*;
    use super::*;

    fn parse(s: &str) -> Vec<Inline> {
        RichText::parse(s).0
    }

    fn text(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn plain_text_stays_one_run() {
        assert_eq!(parse("Hello, world."), vec![text("Hello, world.")]);
        assert_eq!(parse(""), vec![]);
    }

    #[test]
    fn strong_emphasis_and_links() {
        assert_eq!(
            parse("a **b** *c* [d](https://e.example)"),
            vec![
                text("a "),
                Strong(vec![text("b")]),
                text(" "),
                Emphasis(vec![text("c")]),
                text(" "),
                Link {
                    href: "https://e.example".into(),
                    children: vec![text("d")]
                },
            ]
        );
    }

    #[test]
    fn nesting_of_different_constructs() {
        assert_eq!(
            parse("**a *b* [c](/x)**"),
            vec![Strong(vec![
                text("a "),
                Emphasis(vec![text("b")]),
                text(" "),
                Link {
                    href: "/x".into(),
                    children: vec![text("c")]
                },
            ])]
        );
        assert_eq!(
            parse("*a **b** c*"),
            vec![Emphasis(vec![
                text("a "),
                Strong(vec![text("b")]),
                text(" c")
            ])]
        );
    }

    #[test]
    fn unclosed_markers_are_literal() {
        assert_eq!(parse("**never closed"), vec![text("**never closed")]);
        assert_eq!(parse("2 * 3 = 6"), vec![text("2 * 3 = 6")]);
        assert_eq!(parse("[not a link"), vec![text("[not a link")]);
        assert_eq!(parse("[label] (x)"), vec![text("[label] (x)")]);
        assert_eq!(parse("[label](no end"), vec![text("[label](no end")]);
        assert_eq!(parse("****"), vec![text("****")]);
        assert_eq!(parse("**"), vec![text("**")]);
    }

    #[test]
    fn escapes() {
        assert_eq!(parse(r"\*not em\*"), vec![text("*not em*")]);
        assert_eq!(parse(r"\[x\](y)"), vec![text("[x](y)")]);
        assert_eq!(parse(r"a\\b"), vec![text(r"a\b")]);
        assert_eq!(parse(r"C:\dir"), vec![text(r"C:\dir")]);
        assert_eq!(parse("end\\"), vec![text("end\\")]);
        assert_eq!(
            parse(r"[a](https://x.example/\))"),
            vec![Link {
                href: "https://x.example/)".into(),
                children: vec![text("a")]
            }]
        );
    }

    #[test]
    fn a_bracket_right_after_the_opener_starts_the_link() {
        assert_eq!(
            parse("[[b](/c)"),
            vec![
                text("["),
                Link {
                    href: "/c".into(),
                    children: vec![text("b")]
                }
            ]
        );
    }

    #[test]
    fn nested_links_are_literal_inside() {
        assert_eq!(
            parse("[a [b](/c) d](/e)"),
            vec![
                text("[a "),
                Link {
                    href: "/c".into(),
                    children: vec![text("b")]
                },
                text(" d](/e)"),
            ]
        );
    }

    #[test]
    fn disallowed_links_keep_their_text() {
        assert_eq!(
            parse("see [this](javascript:alert(1)) now"),
            vec![text("see this) now")]
        );
        assert_eq!(
            parse("see [**this**](vbscript:x)"),
            vec![text("see "), Strong(vec![text("this")])]
        );
        assert_eq!(parse("[x](  JaVaScRiPt:alert(1))").len(), 1);
    }

    #[test]
    fn link_labels_lose_direction_overrides() {
        assert_eq!(
            parse("[\u{202e}gnp.exe](https://example.org/a) \u{202e}kept outside"),
            vec![
                Link {
                    href: "https://example.org/a".into(),
                    children: vec![text("gnp.exe")]
                },
                text(" \u{202e}kept outside")
            ]
        );
    }

    #[test]
    fn html_is_only_text() {
        let s = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        assert_eq!(parse(s), vec![text(s)]);
    }

    #[test]
    fn plain_text_drops_markup() {
        let rich = RichText::parse("A **bold** and *em* [link](https://x.example) \\*star\\*");
        assert_eq!(rich.plain_text(), "A bold and em link *star*");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text dense with markup characters, URLs and arbitrary Unicode.
    fn markup_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("*".to_owned()),
            Just("**".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just("](".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
            Just("\\".to_owned()),
            Just("javascript:alert(1)".to_owned()),
            Just(" JaVaScRiPt:x".to_owned()),
            Just("https://a.example/p".to_owned()),
            Just("data:text/html,x".to_owned()),
            "[a-z ]{0,4}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
    }

    fn escape_all(text: &str) -> String {
        let mut escaped = String::new();
        for c in text.chars() {
            if c.is_ascii() && ESCAPABLE.contains(&(c as u8)) {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        escaped
    }

    fn links(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Text(_) => {}
                Inline::Strong(c) | Inline::Emphasis(c) => links(c, out),
                Inline::Link { href, children } => {
                    out.push(href.clone());
                    links(children, out);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn never_panics_and_keeps_text_in_order(text in markup_soup()) {
            let plain = RichText::parse(&text).plain_text();
            // What is shown is the input minus markup: a subsequence of it.
            let mut rest = text.chars();
            for c in plain.chars() {
                prop_assert!(rest.any(|r| r == c), "{plain:?} is not drawn from {text:?}");
            }
        }

        #[test]
        fn links_only_with_allowed_schemes(text in markup_soup()) {
            let mut hrefs = Vec::new();
            links(&RichText::parse(&text).0, &mut hrefs);
            for href in hrefs {
                prop_assert_eq!(safe_url(&href, UrlUse::Link), Some(href.clone()));
            }
        }

        #[test]
        fn escaped_text_is_shown_exactly(text in markup_soup()) {
            let parsed = RichText::parse(&escape_all(&text));
            prop_assert_eq!(parsed.plain_text(), text.clone());
            prop_assert!(parsed.0.len() <= 1 && parsed.0.iter().all(|i| matches!(i, Inline::Text(_))));
        }

        #[test]
        fn remembering_closers_changes_no_result(text in markup_soup()) {
            let parse = |remember_closers| {
                let parser = Parser { text: &text, bytes: text.as_bytes(), remember_closers };
                let mut out = Vec::new();
                parser.parse(0, text.len(), Context::default(), &mut out);
                out
            };
            prop_assert_eq!(parse(true), parse(false));
        }

        #[test]
        fn text_without_markup_characters_is_itself(text in "[^*\\[\\]()\\\\]{0,64}") {
            prop_assert_eq!(RichText::parse(&text).plain_text(), text);
        }
    }
}
