"""Text articles as loaded, kept in the cache folder, so that reopening one skips the rules.

The text loader's rules (page chrome, layout, Markdown) compile about forty regular
expressions and define their records when first imported: most of the time the app spends
loading an article before its first paint, for a file that loads into the same article
every time. :func:`load_kept` keeps each text article it loads as a small JSON file in
``$XDG_CACHE_HOME/reader/articles`` and reads it back on the next start without importing
the rules.

An entry is keyed by a digest of everything that decides the article: the file's bytes,
its suffix (which tells Markdown), the Python version (decoding and Unicode data) and the
source of the loaders and of :mod:`reader.article` and :mod:`reader.safe_text` (so a
change to any rule reads the file again, with no number to remember to bump). An entry
that is missing, damaged or not this text's is ignored and the file is loaded as ever;
only a load that succeeds is kept, so every error is the loader's own. The path is the
one given now, never the one kept.

An entry also keeps the article's sentences, as each block's spans, and the splitter's
source (:mod:`reader.segment`) is in the key: the app's first frame needs them, and a
reopened article is then shown without importing the splitter or splitting again
(:func:`kept_spans`, which :func:`reader.analysis.split_article` asks).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from reader.article import BLOCK_KINDS, Article, Block, article_id
from reader.source_digest import source_digest

#: The sources whose rules decide a loaded text article and its sentences, relative to
#: the package.
_SOURCES = ("article.py", "safe_text.py", "segment.py", "loaders")

#: Each block's sentences, as ``(start, end)`` in the block's text.
Spans = tuple[tuple[tuple[int, int], ...], ...]

#: The last article read back and its kept sentences: one, since only the app's start
#: reads kept articles, and holding more would keep articles alive for nothing.
_last_read: list[tuple[Article, Spans]] = []


def kept_spans(article: Article) -> Spans | None:
    """The sentences kept with ``article`` (each block's spans, as
    :func:`reader.segment.split_spans` gives them), if it is the article last read back
    (that very object: an equal one is not asked about); ``None`` otherwise."""
    if _last_read and _last_read[0][0] is article:
        return _last_read[0][1]
    return None


def _spans(data: object, blocks: tuple[Block, ...]) -> Spans | None:
    """The kept sentences in ``data``, checked against the blocks: ``None`` if any span is
    not a growing run of non-empty spans inside its block."""
    if not (isinstance(data, list) and len(data) == len(blocks)):
        return None
    found = []
    for block, spans in zip(blocks, data, strict=True):
        if not isinstance(spans, list):
            return None
        end = 0
        for span in spans:
            if not (isinstance(span, list) and len(span) == 2):
                return None
            start, stop = span
            if not (type(start) is int and type(stop) is int):
                return None
            if not end <= start < stop <= block.end - block.start:
                return None
            end = stop
        found.append(tuple((start, stop) for start, stop in spans))
    return tuple(found)


@functools.cache
def _rules_digest() -> str:
    """A digest of the Python version and the loading rules' source (:data:`_SOURCES`);
    ``""`` where they cannot be read (a frozen application), which keeps nothing."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        return source_digest(package, _SOURCES, seed=sys.version.encode())
    except OSError:
        return ""


def entry_key(data: bytes, suffix: str) -> str | None:
    """The key of the article loaded from ``data`` in a file ending in ``suffix``, or
    ``None`` when nothing may be kept (the rules' source cannot be read)."""
    rules = _rules_digest()
    if not rules:
        return None
    digest = hashlib.sha256(f"{rules}\0{suffix.lower()}\0".encode())
    digest.update(data)
    return digest.hexdigest()[:32]


def read_entry(folder: Path, key: str, path: str) -> Article | None:
    """The article kept under ``key``, given the ``path`` it is opened from now; ``None``
    if there is none, or it is damaged (every field is checked, and the text against its
    id)."""
    try:
        with open(folder / f"{key}.json", encoding="utf-8") as file:
            data = json.load(file)
        text = data["text"]
        blocks = tuple(Block(kind, start, end) for kind, start, end in data["blocks"])
        fields = {name: data[name] for name in ("title", "date", "byline", "caption")}
        metadata = data["metadata"]
        kept = data["sentences"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # damaged: loaded again, and kept again
    if not (isinstance(text, str) and data.get("id") == article_id(text)):
        return None
    if not isinstance(data["format"], str) or not isinstance(metadata, dict):
        return None
    if not all(value is None or isinstance(value, str) for value in fields.values()):
        return None
    if not all(isinstance(value, str) for value in metadata.values()):
        return None
    for block in blocks:
        if not (
            block.kind in BLOCK_KINDS
            and type(block.start) is int
            and type(block.end) is int
            and 0 <= block.start < block.end <= len(text)
        ):
            return None
    spans = _spans(kept, blocks)
    if spans is None:
        return None
    article = Article(
        id=data["id"],
        path=path,
        text=text,
        blocks=blocks,
        format=data["format"],
        metadata=metadata,
        **fields,
    )
    _last_read[:] = [(article, spans)]
    return article


def write_entry(folder: Path, key: str, article: Article) -> None:
    """Keep ``article`` under ``key``; failures (a read-only or full disk) are ignored, and
    an article whose metadata is not all text is not kept."""
    metadata: dict[str, Any] = dict(article.metadata)
    if not all(isinstance(value, str) for value in metadata.values()):
        return
    from reader.segment import split_spans  # here: a reopened article needs no splitter

    data = {
        "id": article.id,
        "text": article.text,
        "blocks": [[block.kind, block.start, block.end] for block in article.blocks],
        "format": article.format,
        "title": article.title,
        "date": article.date,
        "byline": article.byline,
        "caption": article.caption,
        "metadata": metadata,
        "sentences": [
            [list(span) for span in split_spans(article.block_text(block))]
            for block in article.blocks
        ],
    }
    import tempfile  # here: only a first load writes

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file)
            os.replace(temporary, folder / f"{key}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
