"""Tokens that respect reader's spans, for formats that count in tokens.

Prodigy's ``ner_manual`` spans and spaCy's ``doc.ents`` must start and end on token
boundaries. spaCy's tokenizer does not know where reader's entities and sentences end
(``Hayali's`` is one span boundary inside what could be one token), so rather than move a
span to fit the tokens, which would change its offsets, the tokens are split to fit the
spans. The tokenizer is ``spacy.blank("en")``: rules only, no model to load.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Token:
    """One token.

    Attributes:
        text: ``article_text[start:end]``.
        start: Offset of its first character.
        end: Offset just past its last character.
        ws: Whether one space follows it (spaCy's ``whitespace_``).
    """

    text: str
    start: int
    end: int
    ws: bool


@cache
def blank_english() -> Any:
    """spaCy's rule-based English tokenizer pipeline (no model; loaded once)."""
    import spacy

    return spacy.blank("en")


def tokenize(text: str, boundaries: Iterable[int] = ()) -> list[Token]:
    """Tokenise ``text``, splitting tokens so that each offset in ``boundaries`` falls
    between two tokens.

    The tokens with their ``ws`` flags rebuild ``text`` exactly (white space other than a
    single space after a token is a token of its own, as in spaCy).
    """
    doc = blank_english().make_doc(text)
    cuts = sorted(set(boundaries))
    tokens: list[Token] = []
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        inside = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
        edges = [start, *inside, end]
        for index, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
            last = index == len(edges) - 2
            tokens.append(Token(text[a:b], a, b, bool(token.whitespace_) and last))
    return tokens


def token_index(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The first and last (inclusive) token of the span ``start:end``, or ``None`` if the
    span does not fall on token boundaries."""
    first = bisect.bisect_left(tokens, start, key=lambda token: token.start)
    last = bisect.bisect_left(tokens, end, key=lambda token: token.end)
    if first == len(tokens) or last == len(tokens) or last < first:
        return None
    if tokens[first].start != start or tokens[last].end != end:
        return None
    return first, last
