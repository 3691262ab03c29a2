"""Page chrome is dropped by its shape, and no loader ever drops a word of the body.

The property test builds articles in every layout (scraped page, plain text, wire copy,
Markdown, HTML, JSON Lines), surrounds their paragraphs with page chrome at the top, in the
middle and at the bottom, and checks that every paragraph of the body is in the article's
text, word for word and in order.
"""

from __future__ import annotations

import html
import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import Article
from reader.loaders import load_articles
from reader.loaders.chrome import is_dateline, is_interface, reads_like_body

#: Chrome as scraped from real pages (issue 11), each a whole line.
CHROME = [
    "You are here",
    "Skip to Content",
    "Markets Briefing for Subscribers",
    "Photo ID",
    "Most read",
    "Sign in",
    "Subscribe",
    "Share on Facebook",
    "Share this article",
    "Follow us",
    "Follow us on Twitter",
    "Advertisement",
    "Read more",
    "Related stories",
    "Sign up for our newsletter",
    "Comments (12)",
    "3 min read",
]
EDGE_CHROME = [
    "Home | World | Business | Markets",
    "Home \u203a World \u203a Middle East",
    "We use cookies to give you the best experience. By continuing you agree to our policy.",
    "\u00a9 2024 Example News. All rights reserved.",
]
RELATED = ["Oil prices fall as demand slows", "Central bank keeps rates on hold in March"]

# Body words include the interface's own words: a sentence that uses them is text.
_WORDS = (
    "the minister said talks would resume on Monday after share prices fell home video "
    "subscribe read more sign in follow us related advertisement menu search and of a "
    "deal rival bank rates London Iran Acme markets briefing for subscribers photo most"
).split()


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=24))
    words[0] = words[0].capitalize()
    if len(words) > 16 and draw(st.booleans()):
        return " ".join(words)  # long enough to read as a sentence without its full stop
    return " ".join(words) + draw(st.sampled_from([".", "?", "!", '."', ".\u201d"]))


paragraphs = st.lists(
    st.lists(sentences(), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6
)
chrome_runs = st.lists(st.sampled_from(CHROME + EDGE_CHROME), max_size=3)


def _words(text: str) -> str:
    return " ".join(text.split())


def _assert_body_kept(article: Article, body: list[str]) -> None:
    text = _words(article.text)
    for paragraph in body:
        assert _words(paragraph) in text, (paragraph, article.text)


def _write(tmp_path: Path, name: str, content: str) -> list[Article]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return load_articles(path)


LAYOUTS = ["scraped", "scraped-body-on-date-line", "plain", "wire", "markdown", "html", "jsonl"]


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=paragraphs,
    top=chrome_runs,
    middle=st.lists(st.sampled_from(CHROME), max_size=2),
    bottom=chrome_runs,
    related=st.booleans(),
    width=st.integers(50, 78),
)
def test_no_loader_drops_a_word_of_the_body(
    tmp_path: Path,
    layout: str,
    body: list[str],
    top: list[str],
    middle: list[str],
    bottom: list[str],
    related: bool,
    width: int,
) -> None:
    title = "Acme agrees to buy its rival in record deal"
    tail = bottom + (RELATED if related else [])
    inner = body[:1] + middle + body[1:]
    if layout.startswith("scraped"):
        first = " date 2012-06-27 You are here"
        if layout == "scraped-body-on-date-line":
            first = f" date 2012-06-27 LONDON, June 27 {body[0]}"
            lines = [first, *middle, *body[1:], *tail]
        else:
            lines = [first, *top, title, "By Jane Doe - Jun 27,2012", *inner, *tail]
        if layout == "scraped-body-on-date-line":
            body = [f"LONDON, June 27 {body[0]}", *body[1:]]
        article = _write(tmp_path, "a.txt", "\n".join(lines) + "\n")[0]
    elif layout == "plain":
        content = "\n\n".join([*top, title, "By Jane Doe", *inner, *tail])
        article = _write(tmp_path, "a.txt", content)[0]
    elif layout == "wire":
        wrapped = [textwrap.fill(p, width, initial_indent="   ") for p in body]
        content = "\n".join([*top, title, "", "By Jane Doe", "", *wrapped, "", *tail])
        article = _write(tmp_path, "a.txt", content)[0]
    elif layout == "markdown":
        content = "\n\n".join([f"# {title}", *inner, *tail])
        article = _write(tmp_path, "a.md", content)[0]
    elif layout == "html":
        parts = [f"<p>{html.escape(line)}</p>" for line in [*top, *inner, *tail]]
        page = f"<html><body><article><h1>{title}</h1>{''.join(parts)}</article></body></html>"
        article = _write(tmp_path, "a.html", page)[0]
    else:
        record = {"title": title, "text": "\n\n".join(body)}
        article = _write(tmp_path, "a.jsonl", json.dumps(record) + "\n")[0]
    _assert_body_kept(article, body)


# --- chrome is dropped ----------------------------------------------------------------

_BODY = [
    "LONDON (Reuters) - British group Acme said on Wednesday it would buy a rival.",
    "The deal values the company at 2 billion pounds, the firm said.",
    "Shares in Acme rose 4 percent in early trading.",
]


@pytest.mark.parametrize("chrome", CHROME + EDGE_CHROME)
@pytest.mark.parametrize("layout", ["scraped", "plain", "html"])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_chrome_at_the_edges_is_dropped(
    tmp_path: Path, chrome: str, layout: str, where: str
) -> None:
    title, byline = "Acme buys rival in record deal", "By Jane Doe, Reuters"
    above = [chrome] if where == "top" else []
    below = [chrome] if where == "bottom" else []
    if layout == "html":
        parts = "".join(f"<p>{html.escape(p)}</p>" for p in [*above, *_BODY, *below])
        page = f"<html><body><article><h1>{title}</h1>{parts}</article></body></html>"
        article = _write(tmp_path, "a.html", page)[0]
    else:
        head = [" date 2012-06-27 You are here"] if layout == "scraped" else []
        lines = [*head, *above, title, byline, *_BODY, *below]
        article = _write(tmp_path, "a.txt", "\n".join(lines) + "\n")[0]
    assert article.title == title
    assert chrome not in article.text
    assert [article.block_text(b) for b in article.blocks if b.kind == "paragraph"] == _BODY


@pytest.mark.parametrize("chrome", CHROME)
def test_interface_lines_between_paragraphs_are_dropped(tmp_path: Path, chrome: str) -> None:
    lines = ["Acme buys rival in record deal", "By Jane Doe", _BODY[0], chrome, *_BODY[1:]]
    article = _write(tmp_path, "a.txt", "\n".join(lines))[0]
    assert [article.block_text(b) for b in article.blocks if b.kind == "paragraph"] == _BODY


def test_related_headlines_after_the_last_paragraph_are_dropped(tmp_path: Path) -> None:
    lines = ["Acme buys rival in record deal", "By Jane Doe", *_BODY, *RELATED]
    article = _write(tmp_path, "a.txt", "\n".join(lines))[0]
    assert article.text.endswith(_BODY[-1])
    # under a list heading, even one headline is another story
    lines = ["Acme buys rival in record deal", "By Jane Doe", *_BODY, "Read more", RELATED[0]]
    article = _write(tmp_path, "b.txt", "\n".join(lines))[0]
    assert article.text.endswith(_BODY[-1])


def test_chrome_in_wire_copy(tmp_path: Path) -> None:
    paragraphs = [f"{p[:-1]}, and {p[0].lower()}{p[1:]}" for p in _BODY]  # several lines each
    body = "\n".join(textwrap.fill(p, 64, initial_indent="   ") for p in paragraphs)
    content = (
        f"Skip to Content\nAcme buys rival\n\nBy Reuters\n\n{body}\n\n"
        "Advertisement\nRelated stories\nOil prices fall as demand slows\n"
    )
    article = _write(tmp_path, "a.txt", content)[0]
    assert article.format == "wire"
    assert [article.block_text(b) for b in article.blocks if b.kind == "paragraph"] == paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Share prices slumped on Monday.",
        "Subscribe",  # the shape: it is an interface label ...
        "Read more about the deal in our guide to the rules, the regulator said.",
        "Sign in to the new system is required from Monday, officials said.",
        "home.",  # ... but the last word of a wrapped paragraph is not
        "Share prices slump",  # a heading, not a button
    ],
)
def test_sentences_that_use_interface_words_are_text(line: str) -> None:
    assert is_interface(line) == (line == "Subscribe")


def test_a_single_short_last_line_is_kept(tmp_path: Path) -> None:
    # One title-like line after the body may be the article's own end (a sign-off).
    lines = ["Acme buys rival in record deal", "By Jane Doe", *_BODY, "Jane Doe in London"]
    assert _write(tmp_path, "a.txt", "\n".join(lines))[0].text.endswith("Jane Doe in London")


def test_credits_are_kept(tmp_path: Path) -> None:
    credits = ["Additional reporting by Ann Lee in Paris", "Editing by Mark Smith"]
    lines = ["Acme buys rival in record deal", "By Jane Doe", *_BODY, *credits]
    assert _write(tmp_path, "a.txt", "\n".join(lines))[0].text.endswith("Editing by Mark Smith")


# --- the scraped page's date line -------------------------------------------------------


def test_body_text_on_the_date_line_is_kept(tmp_path: Path) -> None:
    content = (
        " date 2012-06-27 LONDON, June 27 British group Acme said on Wednesday it would buy"
        " a rival for 2 billion pounds.\n"
        "The deal values the company at 2 billion pounds, the firm said.\n"
        "Shares rose 4 percent in early trading.\n"
    )
    article = _write(tmp_path, "a.txt", content)[0]
    assert article.format == "scraped" and article.date == "2012-06-27"
    assert [article.block_text(b) for b in article.blocks] == [
        "LONDON, June 27 British group Acme said on Wednesday it would buy a rival for 2"
        " billion pounds.",
        "The deal values the company at 2 billion pounds, the firm said.",
        "Shares rose 4 percent in early trading.",
    ]
    assert {b.kind for b in article.blocks} == {"paragraph"}


@pytest.mark.parametrize(
    ("rest", "kept"),
    [
        ("You are here", None),
        ("Business", None),
        ("World / Middle East", None),
        ("Skip to Content", None),
        ("TEHRAN \u2014 Iran and Iraq on Sunday signed deals", "paragraph"),
        ("BRUSSELS (Reuters) - EU ministers agreed", "paragraph"),
        ("Iran and Iraq signed deals on Sunday, state media said.", "paragraph"),
        ("Iran and Iraq vow to boost their military ties", "title"),
    ],
)
def test_the_date_line_tells_chrome_from_text(tmp_path: Path, rest: str, kept: str | None) -> None:
    content = f" date 2017-07-24 {rest}\nHeadline of the story\n{_BODY[1]}\n{_BODY[2]}\n"
    article = _write(tmp_path, "a.txt", content)[0]
    blocks = {article.block_text(b): b.kind for b in article.blocks}
    assert blocks.get(rest) == kept
    assert _BODY[1] in blocks and _BODY[2] in blocks


@pytest.mark.parametrize(
    "line",
    [
        "LONDON, June 27 British group",
        "TEHRAN \u2014 Iran and Iraq",
        "BRUSSELS (Reuters) - European",
        "CHICAGO (AP) -- A federal judge",
        "NEW YORK, 2 August The",
    ],
)
def test_datelines(line: str) -> None:
    assert is_dateline(line) and reads_like_body(line)


def test_headlines_are_not_datelines() -> None:
    assert not is_dateline("Iran, Iraq vow to boost military ties")
    assert not is_dateline("ECB holds rates as Holtz warns wage growth is still too strong")
