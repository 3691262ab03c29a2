"""The dependency parse of an article, as plain data that the rules read.

spaCy's ``Doc`` cannot be cached cheaply and needs spaCy to read, so the parse is copied
out once into :class:`Token` records with offsets into the article's text. The cache keeps
them beside the entity spans, so that entity consolidation and speaker attribution run on
every opening without importing spaCy. Token indices (``head``) count over the whole
article, so a token's head is ``parse.tokens[token.head]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class Token(NamedTuple):
    """One token of the parse.

    Attributes:
        start: Offset of its first character in the article's text.
        end: Offset just past its last character (exclusive).
        tag: Fine-grained part-of-speech tag (``NNP``, ``VBD``, ...).
        pos: Coarse part of speech (``PROPN``, ``VERB``, ...).
        dep: Dependency relation to its head (``nsubj``, ``appos``, ``ROOT``, ...).
        head: Index of its head among the article's tokens (itself for a root).
        lemma: Base form (``say`` for "said").
    """

    start: int
    end: int
    tag: str
    pos: str
    dep: str
    head: int
    lemma: str


@dataclass(frozen=True)
class Parse:
    """All tokens of an article, in text order, with look-ups the rules need.

    Attributes:
        tokens: The tokens, in text order.
    """

    tokens: tuple[Token, ...] = ()
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)
    _children: list[list[int]] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts.extend(token.start for token in self.tokens)
        self._children.extend([] for _ in self.tokens)
        for index, token in enumerate(self.tokens):
            if token.head != index and 0 <= token.head < len(self.tokens):
                self._children[token.head].append(index)

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def between(self, start: int, end: int) -> range:
        """Indices of the tokens that start within ``[start, end)``."""
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def at(self, offset: int) -> int | None:
        """Index of the token that covers ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return index
        return None

    def last_of(self, start: int, end: int) -> int | None:
        """Index of the last token of the span ``[start, end)`` (a name's usual head in
        English), or ``None`` if no token covers ``start``."""
        index = self.at(start)
        if index is None:
            return None
        inside = self.between(start, end)
        return inside[-1] if inside else index

    def children(self, index: int) -> Sequence[int]:
        """Indices of the tokens whose head is ``index``, in text order."""
        return self._children[index]

    def head_of(self, index: int) -> int:
        """Index of the head of token ``index`` (itself for a root)."""
        return self.tokens[index].head

    def subtree(self, index: int) -> tuple[int, int]:
        """First and last token index (inclusive) of the subtree under ``index``."""
        low = high = index
        stack = [index]
        while stack:
            current = stack.pop()
            low, high = min(low, current), max(high, current)
            stack.extend(self._children[current])
        return low, high

    def ancestors(self, index: int) -> list[int]:
        """The chain of heads above ``index``, nearest first (cycles are cut)."""
        chain: list[int] = []
        seen = {index}
        current = index
        while True:
            head = self.tokens[current].head
            if head == current or head in seen or not 0 <= head < len(self.tokens):
                return chain
            chain.append(head)
            seen.add(head)
            current = head
