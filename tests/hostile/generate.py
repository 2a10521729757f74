#!/usr/bin/env python3
"""Writes the hostile input corpus: tests/hostile/cases/*.json and corpus.rs,
which lists each case with its expected outcome (rendered safely, or refused
with an error at an exact JSON path). Re-run after editing the cases below."""
import json
from pathlib import Path

HERE = Path(__file__).parent
BASE = {
    "id": "hostile",
    "title": "Hostile input",
    "published": "2026-11-01T10:00:00Z",
    "body": [{"type": "paragraph", "text": "Plain text."}],
}


def doc(**changes):
    article = json.loads(json.dumps(BASE))
    for key, value in changes.items():
        if value is DELETE:
            article.pop(key, None)
        else:
            article[key] = value
    return json.dumps(article, ensure_ascii=False, indent=1)


def body(*blocks):
    return doc(body=list(blocks))


DELETE = object()
P = lambda text: {"type": "paragraph", "text": text}  # noqa: E731
TRAP = "window.__pwned=1"
XSS_TEXTS = [
    "<script>" + TRAP + "</script>",
    "<img src=x onerror=\"" + TRAP + "\">",
    "</style><script>" + TRAP + "</script>",
    "{{constructor.constructor('" + TRAP + "')()}}",
    "<svg onload=" + TRAP + ">",
    "<a href=\"javascript:" + TRAP + "\">x</a>",
    "${" + TRAP + "}",
]
BAD_URLS = [
    "javascript:" + TRAP,
    "JaVaScRiPt:" + TRAP,
    "  javascript:" + TRAP,
    "\u0001javascript:" + TRAP,
    "java\tscript:" + TRAP,
    "java\nscript:" + TRAP,
    "data:text/html,<script>" + TRAP + "</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "\\\\evil.example/x",
    "file:///etc/passwd",
]

# (name, JSON text, expected): expected is "ok" or ("error", "json.path").
CASES = [
    ("not-json", "hello", ("error", "")),
    ("empty", "", ("error", "")),
    ("whitespace-only", " \n\t ", ("error", "")),
    ("top-level-array", "[]", ("error", "")),
    ("top-level-number", "42", ("error", "")),
    ("top-level-string", "\"article\"", ("error", "")),
    ("top-level-null", "null", ("error", "")),
    ("truncated", doc()[:40], ("error", "")),
    ("trailing-garbage", doc() + " x", ("error", "")),
    ("byte-order-mark", "\ufeff" + doc(), "ok"),
    ("escaped-nul", doc(title="a\u0000b"), "ok"),
    ("raw-control-character", doc(title="TITLE").replace("TITLE", "a\u0001b"), ("error", "")),
    ("lone-surrogate", doc(title="SURROGATE").replace("SURROGATE", "\\ud800"), "ok"),  # U+FFFD, as JavaScript's encoders make it
    ("missing-id", doc(id=DELETE), ("error", "")),
    ("missing-title", doc(title=DELETE), ("error", "")),
    ("missing-published", doc(published=DELETE), "ok"),
    ("missing-body", doc(body=DELETE), ("error", "")),
    ("id-number", doc(id=7), ("error", "id")),
    ("title-array", doc(title=["a"]), ("error", "title")),
    ("title-null", doc(title=None), ("error", "title")),
    ("published-number", doc(published=1730000000), ("error", "published")),
    ("body-object", doc(body={"type": "paragraph"}), ("error", "body")),
    ("body-null", doc(body=None), ("error", "body")),
    ("block-string", body("text"), ("error", "body[0]")),
    ("block-null", body(None), ("error", "body[0]")),
    ("block-without-type", body({"text": "x"}), ("error", "body[0]")),
    ("block-type-number", body({"type": 3}), ("error", "body[0].type")),
    ("paragraph-text-number", body(P("ok"), {"type": "paragraph", "text": 5}), ("error", "body[1].text")),
    ("heading-level-string", body({"type": "heading", "text": "h", "level": "2"}), ("error", "body[0].level")),
    ("heading-level-one", body({"type": "heading", "text": "h", "level": 1}), ("error", "body[0].level")),
    ("list-items-string", body({"type": "list", "items": "a, b"}), ("error", "body[0].items")),
    ("list-item-number", body({"type": "list", "items": ["a", 2]}), ("error", "body[0].items[1]")),
    ("image-without-alt", body({"type": "image", "src": "a.png"}), ("error", "body[0]")),
    ("image-negative-width", body({"type": "image", "src": "a.png", "alt": "", "width": -1}), ("error", "body[0].width")),
    ("image-huge-width", body({"type": "image", "src": "a.png", "alt": "", "width": 10**20}), ("error", "body[0].width")),
    # An unknown field is ignored whatever number it holds (numbers are kept as written).
    ("number-out-of-range", doc(title="T").replace("\"title\": \"T\"", "\"title\": \"T\", \"extra\": 1e400"), ("error", "")),  # as serde_json; the browser checks the same
    ("read-also-premium-string", body({"type": "readAlso", "title": "t", "url": "/a", "premium": "yes"}), ("error", "body[0].premium")),
    ("authors-string", doc(authors="Kari"), ("left out", "authors")),
    ("author-without-name", doc(authors=[{"url": "https://a.example"}]), ("left out", "authors[0]")),
    ("related-url-number", doc(related=[{"id": "r", "title": "t", "url": 5}]), ("left out", "related[0].url")),
    ("latest-bad-date", doc(latest=[{"id": "l", "title": "t", "url": "/l", "published": "today"}]), ("left out", "latest[0].published")),
    ("ai-disclosure-without-text", doc(aiDisclosure={"reviewedBy": "Desk"}), ("error", "aiDisclosure")),
    ("access-unknown-model", doc(access={"model": "sometimes"}), ("error", "access.model")),
    ("access-negative-free-articles", doc(access={"model": "metered", "freeArticles": -1}), ("error", "access.freeArticles")),
    ("access-teaser-overflow", doc(access={"model": "premium", "teaserBlocks": 4294967296}), ("error", "access.teaserBlocks")),
    ("notifications-without-topics", doc(notifications={"prompt": "p"}), ("left out", "notifications")),
    ("share-networks-string", doc(share={"networks": "x"}), ("left out", "share.networks")),
    ("strings-value-number", doc(strings={"share": 5}), ("left out", "strings.share")),
    ("lang-number", doc(lang=47), ("error", "lang")),
    ("nulls-everywhere", doc(url=None, lang=None, section=None, lede=None, updated=None, authors=None,
                             publisher=None, image=None, related=None, latest=None, aiDisclosure=None,
                             access=None, notifications=None, share=None), "ok"),
    ("date-only", doc(published="2025-11-01"), ("error", "published")),
    ("date-february-30", doc(published="2025-02-30T00:00:00Z"), ("error", "published")),
    ("date-year-10000", doc(published="10000-01-01T00:00:00Z"), ("error", "published")),
    ("date-hour-25", doc(published="2025-11-01T25:00:00Z"), ("error", "published")),
    ("date-without-offset", doc(published="2025-11-01T10:00:00"), ("error", "published")),
    ("date-year-zero", doc(published="0000-01-01T00:00:00Z"), "ok"),
    ("updated-bad", doc(updated="yesterday"), ("error", "updated")),
    ("duplicate-keys", doc(title="FIRST").replace("\"title\": \"FIRST\"", "\"title\": \"first\", \"title\": \"Second wins\""), "ok"),
    ("right-to-left", doc(lang="ar", title="عنوان المقال", body=[P("نص **عربي** مع [رابط](https://example.org)"), P("טקסט בעברית")]), "ok"),
    ("combining-marks", doc(title="Z\u0351\u0354a\u0300\u0301\u0302l\u0334g\u0335o\u0336" * 20, body=[P("e\u0301" * 500)]), "ok"),
    ("emoji-everywhere", doc(title="📰 Nyheter 🚢", section="🌊", lede="**🔥** *✨*",
                             authors=[{"name": "👩‍💻 Kari"}], body=[P("🏳️‍🌈 " * 100), {"type": "list", "items": ["😀", "🇳🇴"]}]), "ok"),
    ("markup-unclosed", body(P("**bold never closes"), P("*em never closes"), P("[link never closes"), P("[label](no end")), "ok"),
    ("markup-nested-links", body(P("[a [b](https://b.example) c](https://a.example)"), P("[[[[x](/y)]]]]")), "ok"),
    ("markup-escaped", body(P("\\*not em\\* \\[not link\\](x) \\\\ backslash \\q")), "ok"),
    ("markup-marker-storm", body(P("*" * 2000), P("[" * 1000 + "]" * 1000), P("**a*" * 500)), "ok"),
    # Robustness round 2 (issue 12): each shape once at the size that froze a page.
    ("markup-quadratic-links", body(P("[x](" * 50_000)), "ok"),
    ("markup-quadratic-brackets", body(P("[" * 50_000), P("*[" * 50_000)), "ok"),
    ("markup-quadratic-lede", doc(lede="[x](" * 50_000), "ok"),
    ("unknown-blocks-by-thousands", body(*([{"type": "poll"}] * 5_000 + [{"type": "quiz", "n": 1}] * 5)), "ok"),
    ("unknown-strings-by-thousands", doc(strings={f"key{i}": "x" for i in range(5_000)}), "ok"),
    ("id-too-long", doc(id="x" * 257), ("error", "id")),
    ("url-relative-or-mailto", doc(url="/relative/path", related=[{"id": "r", "title": "t", "url": "mailto:a@b.example"}]), "ok"),
    ("url-with-user-name", body(P("[bank](https://harbour-herald.example@evil.example/login)"),
                                {"type": "readAlso", "title": "t", "url": "https://a.example@evil.example/"}), "ok"),
    ("link-label-bidi-override", body(P("[\u202egnp.exe](https://example.org/a)")), "ok"),
    # Publisher-grade embedding (issue 13): what the docs promise.
    ("title-empty", doc(title=""), ("error", "title")),
    ("title-only-spaces", doc(title=" \u00a0\t "), ("error", "title")),
    ("image-a-string", doc(image="https://example.org/a.jpg"), ("left out", "image")),
    ("publisher-an-array", doc(publisher=[{"name": "x"}]), ("left out", "publisher")),
    ("related-not-a-list", doc(related={"id": "r"}), ("left out", "related")),
    ("related-image-an-object", doc(related=[{"id": "r", "title": "t", "url": "https://example.org/r", "image": {"src": "x"}},
                                             {"id": "s", "title": "kept", "url": "https://example.org/s"}]), ("left out", "related[0].image")),
    ("ids-repeated", doc(related=[{"id": "same", "title": "t", "url": "https://example.org/a"}] * 3, latest=[{"id": "same", "title": "t", "url": "https://example.org/a"}] * 2), "ok"),
    ("ai-source-type-unknown", doc(aiDisclosure={"text": "AI", "sourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/<script>"}), "ok"),
    ("markup-html-in-links", body(P("[<b>bold</b>](https://example.org/<script>)")), "ok"),
    ("xss-in-text", doc(title=XSS_TEXTS[0], section=XSS_TEXTS[4], lede=XSS_TEXTS[1],
                       body=[P(t) for t in XSS_TEXTS] + [{"type": "list", "items": XSS_TEXTS},
                                                          {"type": "quote", "text": XSS_TEXTS[2], "cite": XSS_TEXTS[3]},
                                                          {"type": "heading", "text": XSS_TEXTS[5]}]), "ok"),
    ("xss-in-metadata", doc(authors=[{"name": t} for t in XSS_TEXTS], publisher={"name": XSS_TEXTS[0]},
                            aiDisclosure={"text": XSS_TEXTS[1], "reviewedBy": XSS_TEXTS[2], "sourceType": XSS_TEXTS[3]},
                            strings={"share": XSS_TEXTS[0]}), "ok"),
    ("bad-urls-in-links", body(*[P(f"[click {i}]({url})") for i, url in enumerate(BAD_URLS)]), "ok"),
    ("bad-urls-in-read-also", body(*[{"type": "readAlso", "title": f"t{i}", "url": url} for i, url in enumerate(BAD_URLS)]), "ok"),
    ("bad-urls-in-images", doc(image={"src": BAD_URLS[0], "alt": "hero"},
                               body=[{"type": "image", "src": url, "alt": f"i{i}", "caption": "still here"} for i, url in enumerate(BAD_URLS)]), "ok"),
    ("bad-urls-in-metadata", doc(url=BAD_URLS[0], authors=[{"name": "A", "url": BAD_URLS[1]}],
                                 publisher={"name": "P", "url": BAD_URLS[2], "logo": BAD_URLS[6]},
                                 aiDisclosure={"text": "t", "policyUrl": BAD_URLS[3]},
                                 related=[{"id": f"r{i}", "title": "t", "url": url, "image": url} for i, url in enumerate(BAD_URLS)],
                                 latest=[{"id": f"l{i}", "title": "t", "url": url} for i, url in enumerate(BAD_URLS)],
                                 access={"model": "free", "subscribeUrl": BAD_URLS[4], "donateUrl": BAD_URLS[5], "loginUrl": BAD_URLS[7]}), "ok"),
    ("unknown-blocks-and-fields", doc(future={"nested": [1, {"x": None}]},
                                      body=[{"type": "poll", "question": {"deep": [1, 2]}}, P("kept"), {"type": "video", "src": 5}]), "ok"),
    ("duplicate-related-ids", doc(related=[{"id": "same", "title": "one", "url": "/1"}, {"id": "same", "title": "two", "url": "/2"}]), "ok"),
    ("nesting-200", doc(title="T").replace("\"title\": \"T\"", "\"title\": \"T\", \"deep\": " + "[" * 200 + "]" * 200), ("error", "")),
]


def main():
    cases = HERE / "cases"
    for old in cases.glob("*.json"):
        old.unlink()
    lines = [
        "// Generated by tests/hostile/generate.py: the hostile input corpus and the",
        "// outcome each case must have. Edit the generator, not this file.",
        "",
        "pub enum Expect {",
        "    /// Parses, and must render safely.",
        "    Renders,",
        "    /// Refused, with the error at this JSON path.",
        "    Refused(&'static str),",
        "    /// Renders without the optional part at this JSON path (a warning names it).",
        "    LeftOut(&'static str),",
        "}",
        "",
        "pub const CORPUS: &[(&str, &str, Expect)] = &[",
    ]
    for name, text, expected in CASES:
        (cases / f"{name}.json").write_text(text, encoding="utf-8", newline="")
        if expected == "ok":
            outcome = "Expect::Renders"
        elif expected[0] == "left out":
            outcome = f"Expect::LeftOut({json.dumps(expected[1])})"
        else:
            outcome = f"Expect::Refused({json.dumps(expected[1])})"
        lines.append(f"    (\"{name}\", include_str!(\"cases/{name}.json\"), {outcome}),")
    lines.append("];")
    (HERE / "corpus.rs").write_text("\n".join(lines) + "\n")
    print(f"{len(CASES)} cases")


main()
