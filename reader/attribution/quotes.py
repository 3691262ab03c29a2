"""Quotation marks: pair opening and closing marks within a paragraph, across sentences.

A quotation may open in one sentence and close two sentences later, and by news convention
a paragraph that opens a quotation and never closes it continues it in the next paragraph.
Marks are paired by their shape (curly, guillemets, straight by alternation) and single
quotes are told from apostrophes by what surrounds them ("Kenya's" is no quotation).
"""

from __future__ import annotations

from dataclasses import dataclass

_DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
_DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
_SINGLE_OPEN = "\u2018\u2039"  # ‘ ‹
_SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
#: Every character that can open or close a quotation.
MARKS = frozenset(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'")
_CLOSERS = {"\u201c": '\u201d"', "\u201e": "\u201c\u201d", "\u00ab": "\u00bb"}
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/:"


@dataclass(frozen=True, slots=True)
class Quotation:
    """A stretch of quoted text.

    Attributes:
        start: Offset of the opening mark in the article's text.
        end: Offset just past the closing mark, or the end of the paragraph when the
            quotation is left open there.
        closed: Whether a closing mark was found in the paragraph.
        words: How many words the quoted text has.
        punctuated: Whether the quoted text ends with punctuation inside the marks (an
            utterance, ``"We will win,"``) rather than a bare phrase (``"unity"``).
    """

    start: int
    end: int
    closed: bool
    words: int
    punctuated: bool

    @property
    def substantial(self) -> bool:
        """Whether it quotes someone rather than marks a phrase ("so-called", titles)."""
        return self.words >= 5 or self.punctuated or not self.closed


def find_quotations(text: str, start: int, end: int) -> list[Quotation]:
    """The quotations in ``text[start:end]`` (one paragraph), in order.

    A quotation closes only with the mark that matches its opening one, so a quotation
    inside another (``« the critics called my films "little stories" »``) stays inside.
    """
    found: list[Quotation] = []
    opened: int | None = None
    closers = ""
    for i in range(start, end):
        char = text[i]
        if char not in MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if opened is None:
            if char in _DOUBLE_OPEN or (char == '"' and not _closes(before, after)):
                opened, closers = i, _CLOSERS.get(char, '"\u201d')
            elif (char in _SINGLE_OPEN or (char == "'" and before in _BEFORE_OPEN)) and (
                after.isalnum() or after in '"\u201c'
            ):
                opened, closers = i, "'\u2019\u203a"
            continue
        if char in closers and (closers[0] != "'" or _closes(before, after)):
            found.append(_quotation(text, opened, i + 1, closed=True))
            opened = None
        elif char == text[opened] and char in _DOUBLE_OPEN:  # opened again, never closed
            found.append(_quotation(text, opened, i, closed=False))
            opened = i
    if opened is not None:
        found.append(_quotation(text, opened, end, closed=False))
    return found


def _closes(before: str, after: str) -> bool:
    """Whether a mark between these characters closes (after a word or punctuation,
    before a space, punctuation or the end) rather than opens."""
    return not before.isspace() and before not in "([{" and not after.isalnum()


def _quotation(text: str, start: int, end: int, *, closed: bool) -> Quotation:
    inner = text[start + 1 : end - 1 if closed else end].rstrip()
    return Quotation(
        start=start,
        end=end,
        closed=closed,
        words=len(inner.split()),
        punctuated=bool(inner) and inner[-1] in ".,!?;:\u2026",
    )
