"""Words of a sentence, for selecting a name from the keyboard (no Textual here)."""

from __future__ import annotations

import re

from reader.reading.finding import Span

_TOKEN = re.compile(r"\S+")
#: Punctuation that is never part of a name at either end of a word.
_EDGES = "\"'“”‘’«»()[]{},;:!?"


def word_spans(text: str) -> list[Span]:
    """The words of ``text`` as ``(start, end)``, without the quotation marks, brackets and
    punctuation around them; a final full stop stays only on an abbreviation (``U.S.``)."""
    spans: list[Span] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _EDGES:
            start += 1
        while end > start and text[end - 1] in _EDGES:
            end -= 1
        if end > start and text[end - 1] == "." and "." not in text[start : end - 1]:
            end -= 1
        while end > start and text[end - 1] in _EDGES:
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
