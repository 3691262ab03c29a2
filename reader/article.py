"""The article: one normalised text, its blocks, and its metadata.

An article's text is the normalised form of its source (decoded, cleaned of control
characters, paragraphs re-joined, blocks separated by one blank line). Every offset that
``reader`` stores or exports indexes into that text, and the article's id is a hash of it,
so a renamed or moved file keeps its annotations.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

BlockKind = Literal["title", "byline", "caption", "heading", "paragraph"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("title", "byline", "caption", "heading", "paragraph")

#: Blocks are separated by one blank line in the normalised text.
BLOCK_SEPARATOR = "\n\n"


class Block(NamedTuple):
    """A run of the article's text that sentences never cross.

    Attributes:
        kind: What the block is: ``title``, ``byline``, ``caption``, ``heading`` or
            ``paragraph``.
        start: Offset of the block's first character in :attr:`Article.text`.
        end: Offset just past its last character (exclusive).
    """

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A loaded, normalised article.

    Attributes:
        id: Stable id: the first 16 hex digits of the SHA-256 of :attr:`text`.
        path: Where it came from, as given (a JSON Lines article adds ``#LINE``).
        text: The normalised text that all offsets index into.
        blocks: The blocks, in order, with offsets into :attr:`text`.
        format: The loader that read it (``scraped``, ``plain``, ``wire``, ``markdown``, ...).
        title: The headline, if the source has one.
        date: Publication date as an ISO date (``YYYY-MM-DD``), if found.
        byline: Author or agency from the byline (``AFP``, ``Jane Doe, Reuters``).
        caption: The photo caption, if the page has one.
        metadata: Other fields the source carried (``url``, ``source``, ...).
    """

    id: str
    path: str
    text: str
    blocks: tuple[Block, ...]
    format: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    caption: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def block_text(self, block: Block) -> str:
        """Return the text of one of this article's blocks."""
        return self.text[block.start : block.end]


def article_id(text: str) -> str:
    """Return the stable id of a normalised article text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def build_article(
    parts: Iterable[tuple[BlockKind, str]],
    *,
    path: str,
    format: str,
    title: str | None = None,
    date: str | None = None,
    byline: str | None = None,
    caption: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """Assemble an :class:`Article` from its blocks' texts, computing offsets and the id.

    Empty blocks are dropped. Each block's text must already be normalised (one line, no
    surrounding white space); :mod:`reader.loaders` does that.
    """
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, block_text in parts:
        if not block_text:
            continue
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        pieces.append(block_text)
        blocks.append(Block(kind, offset, offset + len(block_text)))
        offset += len(block_text)
    text = "".join(pieces)
    return Article(
        id=article_id(text),
        path=path,
        text=text,
        blocks=tuple(blocks),
        format=format,
        title=title,
        date=date,
        byline=byline,
        caption=caption,
        metadata=dict(metadata or {}),
    )
