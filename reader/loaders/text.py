"""Loaders for text articles: scraped pages, wire copy, plain text and Markdown."""

from __future__ import annotations

import re

from reader.article import Article, build_article
from reader.loaders.layout import Layout, is_chrome, parse_date, read_header
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


def _parse_lines(text: str, *, scraped: bool) -> Layout:
    layout = Layout()
    lines = text.split("\n")
    if scraped:
        # Drop everything up to and including the date line; keep its date.
        while lines and not lines[0].strip():
            lines.pop(0)
        match = _SCRAPED_FIRST_LINE.match(lines.pop(0))
        if match:
            layout.date = parse_date(match[1])
    lines = [line for line in lines if not is_chrome(line)]
    paragraphs, wrapped = split_paragraphs(lines)
    if wrapped:
        layout.metadata["wrapped"] = "yes"
    used = read_header(paragraphs, layout, title_required=scraped)
    for paragraph in paragraphs[used:]:
        layout.add("paragraph", paragraph)
    return layout
