"""Loaders for text articles: scraped pages, wire copy, plain text and Markdown."""

from __future__ import annotations

import re

from reader.article import Article, build_article
from reader.loaders.chrome import (
    chrome_lines,
    copyright_credit,
    is_dateline,
    is_edge_chrome,
    is_interface,
    publisher,
    reads_like_body,
    trailing_headlines,
)
from reader.loaders.layout import (
    Layout,
    ends_sentence,
    is_caption,
    looks_like_title,
    parse_byline,
    parse_date,
    read_header,
)
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
    # The publisher a copyright line names is kept, at the end, as a credit (a byline block).
    credits = [credit for i in sorted(chrome) if (credit := copyright_credit(lines[i]))]
    lines = [line for index, line in enumerate(lines) if index not in chrome]
    if scraped:
        # A scraped page holds one paragraph per line, however alike their lengths.
        paragraphs, wrapped = [line.strip() for line in lines if line.strip()], False
    else:
        paragraphs, wrapped = split_paragraphs(lines)
    if wrapped:
        layout.metadata["wrapped"] = "yes"
    paragraphs = paragraphs[: len(paragraphs) - trailing_headlines(paragraphs)]
    if body_on_date_line:
        paragraphs, used = _header_after_lede(paragraphs, layout), 0
    else:
        paragraphs = _after_masthead(paragraphs, {publisher(credit) for credit in credits}, layout)
        used = read_header(paragraphs, layout, title_required=scraped)
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
    for credit in credits:
        layout.add("byline", credit)  # a credit, like a byline: not the story's text
        layout.metadata.setdefault("source", publisher(credit))
    return layout


#: How far into a page a byline the header missed is looked for.
_LATE_BYLINE_LINES = 8
#: How many lines after the lede a page's header may start ...
_HEADER_AFTER_LEDE = 10
#: ... and how long a section's kicker above its headline is ("POLITICS / BENIN").
_MAX_KICKER = 40


def _signature(line: str) -> bool:
    """A byline, or a line that signs and dates the story without "By" ("Legal
    Correspondent | CHENNAI, July 9, 2026 16:45 IST")."""
    return parse_byline(line) is not None or (
        len(line) <= 80
        and parse_date(line) is not None
        and not ends_sentence(line)
        and bool(re.search(r"\s[|\u00b7\u2022]\s", line))
    )


def _is_kicker(line: str, *, under_menu: bool) -> bool:
    """A section's label above a headline: short, and in capitals, a path ("POLITICS",
    "ÉCONOMIE / LABOUR", "Sport > Football") or right under the page's menu ("Courts")."""
    return (
        len(line) <= _MAX_KICKER
        and not ends_sentence(line)
        and (
            line.upper() == line
            or bool(re.search(r"\s[/>\u203a]\s", line))
            or (under_menu and len(line.split()) <= 3)
        )
    )


def _after_masthead(paragraphs: list[str], publishers: set[str], layout: Layout) -> list[str]:
    """Pass over a scraped page's masthead, the menus under it and a section's kicker.

    The masthead is the publisher's name that the copyright notice gives too ("Acme
    Herald" ... "© 2026 Acme Herald"): it stays a paragraph, but it is not the headline,
    nor are the menu bars under it; a short line right under the menu, above a title-like
    line, is the section's kicker. Returns the paragraphs from the headline on.
    """
    if not paragraphs or paragraphs[0] not in publishers:
        return paragraphs
    layout.add("paragraph", paragraphs[0])
    index = 1
    while index < len(paragraphs) - 1 and is_edge_chrome(paragraphs[index]):
        index += 1
    if (
        index > 1
        and index < len(paragraphs) - 2
        and _is_kicker(paragraphs[index], under_menu=True)
        and looks_like_title(paragraphs[index + 1])
    ):
        layout.metadata["section"] = paragraphs[index]
        index += 1
    return paragraphs[index:]


def _header_after_lede(paragraphs: list[str], layout: Layout) -> list[str]:
    """Read the header of a scraped page whose first paragraph (the lede) came on its
    date line, before the page's masthead, menus, headline and byline.

    The header is anchored on its byline within the first lines after the lede: the line
    above it is the headline, the short capitalised lines above that are the section's
    kicker (kept as metadata, not text: "POLITICS" is no organisation), and a date line,
    photo caption below it belong to the header too. The lede and the header are added
    to ``layout`` in the page's order; the page's other lines above the headline (its
    masthead: the outlet's name) stay as paragraphs, and navigation bars among them go.
    Returns the paragraphs still to read; without a byline, ``paragraphs`` unchanged.
    """
    end = min(len(paragraphs) - 1, 1 + _HEADER_AFTER_LEDE)
    anchor = next((i for i in range(2, end) if _signature(paragraphs[i])), None)
    if anchor is None:
        return paragraphs
    title = anchor - 1
    if not (looks_like_title(paragraphs[title]) and not ends_sentence(paragraphs[title])):
        return paragraphs
    first = title
    while first > 1 and _is_kicker(
        paragraphs[first - 1], under_menu=first > 2 and is_edge_chrome(paragraphs[first - 2])
    ):
        first -= 1
    above = [line for line in paragraphs[1:first] if not is_edge_chrome(line)]
    layout.add("paragraph", paragraphs[0])
    for line in above:
        layout.add("paragraph", line)
    if first < title:
        layout.metadata["section"] = " / ".join(paragraphs[first:title])
    layout.add("title", paragraphs[title])
    found = parse_byline(paragraphs[anchor])
    if found is not None:
        layout.byline = found[0]
    if layout.date is None:
        layout.date = found[1] if found is not None else parse_date(paragraphs[anchor])
    layout.add("byline", paragraphs[anchor])
    after = anchor + 1
    # A date line and a photo's caption may follow the byline.
    for _ in range(2):
        if after >= len(paragraphs) - 1:
            break
        line = paragraphs[after]
        if len(line) <= 60 and parse_date(line) and not ends_sentence(line):
            layout.add("byline", line)
        elif layout.caption is None and is_caption(line):
            layout.add("caption", line)
        else:
            break
        after += 1
    return paragraphs[after:]
