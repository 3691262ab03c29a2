"""Markdown articles: ``# title``, optional front matter, paragraphs, headings, images.

Inline markup is reduced to its text (``**bold**`` -> ``bold``, ``[text](url)`` -> ``text``)
because the analyst reads and tags words, and entity recognition trips over asterisks.
"""

from __future__ import annotations

import re

from reader.article import BlockKind
from reader.loaders.layout import Layout, parse_byline, parse_date, who_signed

_FRONT_MATTER_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "author": "byline",
    "byline": "byline",
    "source": "source",
    "url": "url",
}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE_LINE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s*(```|~~~)")

_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # backslash escapes
)


def strip_inline(text: str) -> str:
    """Reduce Markdown inline markup to plain text."""
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return text


def _front_matter(lines: list[str], layout: Layout) -> list[str]:
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return lines
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        field = _FRONT_MATTER_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if not field or not value:
            continue
        if field == "date":
            layout.date = parse_date(value)
        elif field == "title":
            layout.title = strip_inline(value)
        elif field == "byline":
            layout.byline = who_signed(value)
        else:
            layout.metadata[field] = value
    return lines[end + 1 :]


def parse_markdown(text: str) -> Layout:
    """Parse a Markdown article into its layout."""
    layout = Layout()
    lines = _front_matter(text.split("\n"), layout)
    front_title = layout.title
    layout.title = None
    if front_title:
        layout.add("title", front_title)
    paragraph: list[str] = []
    in_fence = False
    body_started = False

    def flush() -> None:
        nonlocal body_started
        if not paragraph:
            return
        joined = strip_inline(" ".join(part.strip() for part in paragraph))
        paragraph.clear()
        if not body_started:
            byline = parse_byline(joined)
            if byline and layout.byline is None:
                layout.byline = byline[0]
                layout.date = layout.date or byline[1]
                layout.add("byline", joined)
                return
            if layout.date is None and len(joined) <= 40 and parse_date(joined):
                layout.date = parse_date(joined)
                layout.add("byline", joined)
                return
        body_started = True
        layout.add("paragraph", joined)

    for line in lines:
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            layout.add("paragraph", line)
            continue
        heading = _HEADING.match(line)
        image = _IMAGE_LINE.match(line)
        if heading:
            flush()
            kind: BlockKind = (
                "title" if len(heading[1]) == 1 and layout.title is None else "heading"
            )
            layout.add(kind, strip_inline(heading[2]))
        elif image:
            flush()
            if image[1].strip():
                layout.add("caption", strip_inline(image[1]))
        elif not line.strip() or _RULE.match(line):
            flush()
        elif _LIST_ITEM.match(line):
            flush()
            paragraph.append(_LIST_ITEM.sub("", line, count=1))
        else:
            paragraph.append(re.sub(r"^\s*>\s?", "", line))
    flush()
    return layout
