//! Reading an article: the serde types read through serde_path_to_error (so
//! every error names its JSON path), then the rules that read the whole
//! document (a headline with text, repeated ids, unknown languages, block
//! types and AI source types), each a warning rather than a refusal.

use super::{de, lenient, Article, Block, Lang, ParseError};
use crate::error::quoted;

/// An article and what was skipped while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The article as read.
    pub article: Article,
    /// Things a newer feed may contain that this version skips (unknown block
    /// types, languages), each with its JSON path, for the console.
    pub warnings: Vec<String>,
    /// In the browser, [`read_article_quickly`] left out a part without the
    /// path inside it where the mistake is (`related[0]`, not
    /// `related[0].image`): [`read_article`] reads the document again for
    /// the exact paths (the same article, as many warnings). Natively never.
    pub paths_pending: bool,
}

/// The terms of the IPTC digital source type vocabulary
/// (<https://cv.iptc.org/newscodes/digitalsourcetype/>), retired ones too.
const DIGITAL_SOURCE_TYPES: &[&str] = &[
    "digitalCapture",
    "computationalCapture",
    "negativeFilm",
    "positiveFilm",
    "print",
    "humanEdits",
    "minorHumanEdits",
    "algorithmicallyEnhanced",
    "compositeCapture",
    "compositeSynthetic",
    "compositeWithTrainedAlgorithmicMedia",
    "dataDrivenMedia",
    "digitalArt",
    "digitalCreation",
    "virtualRecording",
    "screenCapture",
    "algorithmicMedia",
    "trainedAlgorithmicMedia",
    "softwareImage",
];

fn is_digital_source_type(name: &str) -> bool {
    DIGITAL_SOURCE_TYPES.contains(&name)
}

/// One warning per kind of thing skipped, with a count and the first few
/// places, however many there are (a million unknown blocks must not write a
/// million console lines). `items` are (kind, path) in document order.
pub fn summarise<'a>(
    prefix: &str,
    items: impl Iterator<Item = (&'a str, String)>,
    describe: impl Fn(&str, usize) -> String,
) -> Vec<String> {
    const SHOWN: usize = 3;
    const KINDS: usize = 8;
    let mut kinds: Vec<(&str, usize, Vec<String>)> = Vec::new();
    let mut others = 0;
    for (kind, path) in items {
        match kinds.iter().position(|(k, _, _)| *k == kind) {
            Some(at) => {
                let (_, count, paths) = &mut kinds[at];
                *count += 1;
                if paths.len() < SHOWN {
                    paths.push(path);
                }
            }
            // A feed could invent a million kinds: past a few, just count.
            None if kinds.len() >= KINDS => others += 1,
            None => kinds.push((kind, 1, vec![path])),
        }
    }
    let mut summary: Vec<String> = kinds
        .into_iter()
        .map(|(kind, count, paths)| {
            let more = if count > paths.len() { ", …" } else { "" };
            match count {
                1 => format!("{}: {}", paths[0], describe(kind, 1)),
                _ => format!(
                    "{prefix}: {} ({}{more})",
                    describe(kind, count),
                    paths.join(", ")
                ),
            }
        })
        .collect();
    if others > 0 {
        summary.push(format!("{prefix}: {others} more of other kinds skipped"));
    }
    summary
}

/// The longest document the widget reads: 5,000,000 characters of JSON
/// text (or of text in an object), some 5 MB (a 50 MB paragraph took
/// 12.7 s to first show). The browser, Node's `renderToString` and the
/// command lines all stop there.
pub const MAX_DOCUMENT_CHARS: usize = 5_000_000;

/// Refuses text longer than [`MAX_DOCUMENT_CHARS`], counted as JavaScript
/// counts a string's length (UTF-16 units), so every reader draws the line
/// at the same place.
pub fn within_document_limit(text: &str) -> Result<(), ParseError> {
    // Bytes bound UTF-16 units from above: most documents need no count.
    if text.len() <= MAX_DOCUMENT_CHARS {
        return Ok(());
    }
    let length = text.encode_utf16().count();
    if length <= MAX_DOCUMENT_CHARS {
        return Ok(());
    }
    let grouped = |n: usize| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(digit);
        }
        out
    };
    Err(ParseError::new(
        "",
        format!(
            "the document is {} characters long; at most {} are read",
            grouped(length),
            grouped(MAX_DOCUMENT_CHARS)
        ),
    ))
}

/// One warning per part left out, for the first few; then how many more.
fn left_out_warnings(left_out: &[ParseError]) -> Vec<String> {
    const SHOWN: usize = 5;
    let mut warnings: Vec<String> = left_out
        .iter()
        .take(SHOWN)
        .map(|error| format!("{error}; left out"))
        .collect();
    if left_out.len() > SHOWN {
        warnings.push(format!(
            "{} more mistakes in optional parts; those parts left out",
            left_out.len() - SHOWN
        ));
    }
    warnings
}

/// Keeps the first item of each id in `items` (a card twice is a mistake,
/// and ids key the list); one warning for the dropped ones.
fn drop_repeated_ids<T>(
    list: &str,
    items: &mut Vec<T>,
    id_of: impl Fn(&T) -> &String,
) -> Vec<String> {
    let mut seen = fnv::FnvHashSet::default();
    let mut dropped = Vec::new();
    let mut index = 0;
    items.retain(|item| {
        let first = seen.insert(id_of(item).clone());
        if !first {
            dropped.push((id_of(item).clone(), format!("{list}[{index}]")));
        }
        index += 1;
        first
    });
    summarise(
        list,
        dropped.iter().map(|(id, path)| (id.as_str(), path.clone())),
        |id, count| match count {
            1 => format!("id {} repeated; the later one left out", quoted(id)),
            _ => format!(
                "id {} repeated {count} times; the later ones left out",
                quoted(id)
            ),
        },
    )
}

/// Heading levels under the headline (an `h1`) as an outline needs them:
/// each heading is one level below the nearest heading before it with a
/// higher source level, and a top heading is an `h2`. A source that starts
/// at `h3`, or jumps from 2 to 4, would leave a screen reader's outline
/// with gaps; siblings stay siblings.
fn relevel_headings(body: &mut [Block]) {
    // (level in the source, level shown) of the open sections.
    let mut open: Vec<(u8, u8)> = Vec::new();
    for block in body {
        if let Block::Heading(heading) = block {
            while open
                .last()
                .is_some_and(|&(source, _)| source >= heading.level)
            {
                open.pop();
            }
            let shown = open.last().map_or(2, |&(_, shown)| shown + 1);
            open.push((heading.level, shown));
            heading.level = shown;
        }
    }
}

/// Reads an article with any serde deserializer (a JS value through
/// serde-wasm-bindgen in the browser, JSON through serde_json natively);
/// every error names its JSON path.
pub fn read_article<'de, D>(deserializer: D) -> Result<Parsed, ParseError>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let (read, left_out, _) = lenient::gathering_left_out(|| {
        lenient::with_exact_paths(|| {
            serde_path_to_error::deserialize::<_, de::ObjectOnly<Article>>(deserializer)
        })
    });
    let de::ObjectOnly(article) = read.map_err(ParseError::from_path)?;
    finish(article, &left_out, false)
}

/// Reads an article as [`read_article`] does, without tracking where the
/// reader is (natively 0.89x its time at 1,000 blocks; docs/cost.md): the
/// same article and warnings for a document the types
/// accept (in the browser, a part left out may be named without the path
/// inside it: see [`Parsed::paths_pending`]), and
/// [`NeedsPath`] for one they refuse, which [`read_article`] then reads
/// again to name the exact path of the mistake. The widget keeps that
/// second reader out of the code it loads first.
pub fn read_article_quickly<'de, D>(
    deserializer: D,
) -> Result<Result<Parsed, ParseError>, NeedsPath>
where
    D: serde::Deserializer<'de>,
{
    let (read, left_out, paths_pending) = lenient::gathering_left_out(|| {
        <de::ObjectOnly<Article> as serde::Deserialize>::deserialize(deserializer)
    });
    let de::ObjectOnly(article) = read.map_err(|_| NeedsPath)?;
    Ok(finish(article, &left_out, paths_pending))
}

/// The types refused the document: read it with [`read_article`] for the
/// path and words of the mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NeedsPath;

/// The rules that read the whole document, after the types have read it.
fn finish(
    mut article: Article,
    left_out: &[ParseError],
    paths_pending: bool,
) -> Result<Parsed, ParseError> {
    if article.title.trim().is_empty() {
        return Err(ParseError::new(
            "title",
            format!(
                "expected a headline, found {}",
                if article.title.is_empty() {
                    "an empty string"
                } else {
                    "only spaces"
                }
            ),
        ));
    }
    relevel_headings(&mut article.body);
    let mut warnings = left_out_warnings(left_out);
    warnings.extend(drop_repeated_ids("related", &mut article.related, |r| {
        &r.id
    }));
    warnings.extend(drop_repeated_ids("latest", &mut article.latest, |l| &l.id));
    if let Some(tag) = article.lang.as_deref() {
        if Lang::from_tag(tag).is_none() {
            warnings.push(format!(
                "lang: {} has no UI strings here; showing English",
                quoted(tag)
            ));
        }
    }
    if let Some(ai) = article.ai_disclosure.as_mut() {
        if let Some(name) = ai
            .source_type_name()
            .filter(|name| !is_digital_source_type(name))
        {
            warnings.push(format!(
                "aiDisclosure.sourceType: {} is not an IPTC digital source type; left out",
                quoted(name)
            ));
            ai.source_type = None;
        }
    }
    let unknown: Vec<(usize, &str)> = article
        .body
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match block {
            Block::Unknown(unknown) => Some((index, unknown.type_name.as_str())),
            _ => None,
        })
        .collect();
    warnings.extend(summarise(
        "body",
        unknown
            .iter()
            .map(|(index, name)| (*name, format!("body[{index}]"))),
        |name, count| match count {
            1 => format!("unknown block type {} skipped", quoted(name)),
            _ => format!("{count} blocks of unknown type {} skipped", quoted(name)),
        },
    ));
    Ok(Parsed {
        article,
        warnings,
        paths_pending,
    })
}
