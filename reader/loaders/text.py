"""Loaders for text articles: scraped pages, wire copy, plain text and Markdown."""

from __future__ import annotations

import re

from reader.article import Article, build_article
from reader.loaders.chrome import (
    chrome_lines,
    is_dateline,
    is_interface,
    reads_like_body,
    trailing_headlines,
)
from reader.loaders.layout import Layout, ends_sentence, parse_byline, parse_date, read_header
from reader.loaders.markdown import parse_markdown
from reader.loaders.paragraphs import split_paragraphs

# The scraped-page format starts with a line such as " date 2017-07-24 You are here":
# the word "date", an ISO date, then whatever page chrome the scraper caught.
_SCRAPED_FIRST_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(.*)$", re.I)
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")


def detect_format(text: str, suffix: str) -> str:
    """Name the text format of ``text``: ``scraped``, ``markdown`` or ``plain``."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if _SCRAPED_FIRST_LINE.match(first):
        return "scraped"
    if suffix.lower() in _MARKDOWN_SUFFIXES or first.startswith(("# ", "---")):
        return "markdown"
    return "plain"


def parse_text(text: str, *, path: str, suffix: str = "") -> Article:
    """Parse normalised text in whichever text format it is."""
    fmt = detect_format(text, suffix)
    if fmt == "markdown":
        layout = parse_markdown(text)
    else:
        layout = _parse_lines(text, scraped=fmt == "scraped")
        if layout.metadata.get("wrapped"):
            fmt = "wire"
    return build_article(
        layout.blocks,
        path=path,
        format=fmt,
        title=layout.title,
        date=layout.date,
        byline=layout.byline,
        caption=layout.caption,
        metadata={k: v for k, v in layout.metadata.items() if k != "wrapped"},
    )


def _date_line_rest(rest: str) -> tuple[str, bool]:
    """What to keep of the text after the date on a scraped page's first line.

    Returns the text and whether it opens the body. Page chrome ("You are here", a section
    name: a few words without a sentence's punctuation) is dropped; a dateline or a
    sentence is the first paragraph ("LONDON, June 27 British group Acme said ..."); a
    longer title-like line is the headline.
    """
    rest = rest.strip()
    if not rest or is_interface(rest):
        return "", False
    if is_dateline(rest) or reads_like_body(rest):
        return rest, True
    if len(rest.split()) <= 4 and not ends_sentence(rest):
        return "", False
    return rest, False


def _parse_lines(text: str, *, scraped: bool) -> Layout:
    layout = Layout()
    lines = text.split("\n")
    body_on_date_line = False
    if scraped:
        # Drop everything up to and including the date line; keep its date, and whatever
        # text of the article the scraper left on the same line.
        while lines and not lines[0].strip():
            lines.pop(0)
        match = _SCRAPED_FIRST_LINE.match(lines.pop(0))
        if match:
            layout.date = parse_date(match[1])
            rest, body_on_date_line = _date_line_rest(match[2])
            if rest:
                lines.insert(0, rest)
    chrome = chrome_lines(lines)
    lines = [line for index, line in enumerate(lines) if index not in chrome]
    if scraped:
        # A scraped page holds one paragraph per line, however alike their lengths.
        paragraphs, wrapped = [line.strip() for line in lines if line.strip()], False
    else:
        paragraphs, wrapped = split_paragraphs(lines)
    if wrapped:
        layout.metadata["wrapped"] = "yes"
    paragraphs = paragraphs[: len(paragraphs) - trailing_headlines(paragraphs)]
    used = 0 if body_on_date_line else read_header(paragraphs, layout, title_required=scraped)
    # A byline that the header missed (the page's chrome or its body came first) is still
    # a byline within the first lines: "By Jane Doe - Feb 11,2026 - Last updated at ...".
    late_byline = None
    if layout.byline is None:
        late_byline = next(
            (
                index
                for index in range(used, min(used + _LATE_BYLINE_LINES, len(paragraphs) - 1))
                if parse_byline(paragraphs[index]) is not None
            ),
            None,
        )
    for index, paragraph in enumerate(paragraphs[used:], start=used):
        found = parse_byline(paragraph) if index == late_byline else None
        if found is None:
            layout.add("paragraph", paragraph)
            continue
        layout.byline = found[0]
        if layout.date is None and found[1]:
            layout.date = found[1]
        layout.add("byline", paragraph)
    return layout


#: How far into a page a byline the header missed is looked for.
_LATE_BYLINE_LINES = 8
