"""The library's index: what the rows of a folder (or corpus file) showed last time, so that
a warm reopen reads one file instead of every article.

One JSON Lines file per library in the cache (``$XDG_CACHE_HOME/reader/library/``): a
header, then one line per article file, keyed by its path and stamped with its size and
``mtime_ns`` (a corpus file's articles go on over as many lines as they take, the later
ones with the file's name only). A file whose size and time still match is not read
again: its articles' ids, titles, dates, sources, sentence and body counts and entity
counts come from its lines. Anything else (a new, changed or vanished file) is read as
before and its lines replaced.

Entity counts are kept only under the analysis key they were made with (model, rules and
gazetteer): a new model or new rules drop them, and the background analysis makes them
again. The analyst's tag counts are never kept here: the store is the truth, and it is read
for them in the background after the rows are on screen. A damaged or unreadable index is
ignored (the files are read); one that cannot be written only makes the next opening
slower.

The file is written and read a line at a time, a line at most :data:`LINE_ARTICLES`
articles, so a 10,000-row index never holds the interpreter in one long call while the app
draws.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import __version__
from reader.analysis import body_sentences, split_article
from reader.article import Article
from reader.atomic import atomic_write
from reader.cache import Finished
from reader.config import cache_dir
from reader.reading.library_rows import named, source_of

#: Bump when the lines' layout changes; an index of another version is not read.
INDEX_VERSION = 2

#: The most articles on one line: a file's further articles follow on lines of their own.
LINE_ARTICLES = 100


@dataclass
class Known:
    """What the index knows of one article of a file."""

    id: str
    path: str
    title: str
    date: str
    source: str
    sentences: int
    body: frozenset[int]
    #: People, organisations and places; ``None`` until the analysis has counted them.
    entities: int | None = None
    #: Where a corpus's article starts in its file (the byte offset of its line), so that
    #: opening it reads that line alone; ``None`` for an article file's articles.
    offset: int | None = None

    def line(self) -> dict[str, Any]:
        """As stored."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "sentences": self.sentences,
            "body": sorted(self.body),
            "entities": self.entities,
            "offset": self.offset,
        }

    @classmethod
    def read(cls, data: dict[str, Any]) -> Known:
        """From its stored form (``KeyError``, ``TypeError`` or ``ValueError`` if damaged)."""
        entities, offset = data["entities"], data["offset"]
        return cls(
            id=str(data["id"]),
            path=str(data["path"]),
            title=str(data["title"]),
            date=str(data["date"]),
            source=str(data["source"]),
            sentences=int(data["sentences"]),
            body=frozenset(map(int, data["body"])),
            entities=None if entities is None else int(entities),
            offset=None if offset is None else int(offset),
        )


def known_of(article: Article, finished: Finished | None, offset: int | None = None) -> Known:
    """What the index keeps of ``article``: from its finished analysis if the cache has one
    (no splitting), else from splitting it (no entity count yet); ``offset`` is where its
    line starts in a corpus file."""
    if finished is not None:
        sentences, body = finished.sentences, finished.body
        entities: int | None = named(finished.entities)
    else:
        split = split_article(article)
        sentences, body, entities = len(split), body_sentences(split), None
    return Known(
        id=article.id,
        path=article.path,
        title=article.title or "",
        date=article.date or "",
        source=source_of(article),
        sentences=sentences,
        body=body,
        entities=entities,
        offset=offset,
    )


@dataclass
class FileRecord:
    """One article file as it was last read: its stamp, and its articles or why it failed."""

    size: int
    mtime_ns: int
    articles: list[Known] = field(default_factory=list)
    error: str = ""
    #: What the loader said it skipped (a corpus file's bad lines), one line each.
    warnings: list[str] = field(default_factory=list)


def stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and ``mtime_ns``, or ``None`` if it cannot be looked at."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def index_path(target: Path) -> Path:
    """Where the index of the library at ``target`` lives."""
    name = hashlib.sha256(os.fsencode(os.path.abspath(target))).hexdigest()[:24]
    return cache_dir() / "library" / f"{name}.jsonl"


class LibraryIndex:
    """The rows of one library as they were, by file (see the module's docstring).

    Args:
        path: The index file (:func:`index_path`).
        analysis_key: The key of the analysis the entity counts come from; ``""`` keeps
            none.
    """

    def __init__(self, path: Path, analysis_key: str) -> None:
        self.path = path
        self.analysis_key = analysis_key
        self.files: dict[str, FileRecord] = {}
        self._by_id: dict[str, Known] | None = None
        self._changed = False

    def load(self) -> None:
        """Read the index; a missing, damaged or outdated one leaves it empty."""
        files: dict[str, FileRecord] = {}
        try:
            with self.path.open(encoding="utf-8") as stream:
                header = json.loads(next(stream, "{}"))
                if header.get("version") != INDEX_VERSION or header.get("reader") != __version__:
                    return
                same_analysis = bool(self.analysis_key) and header.get("analysis") == (
                    self.analysis_key
                )
                for line in stream:
                    data = json.loads(line)
                    articles = [Known.read(a) for a in data["articles"]]
                    if not same_analysis:
                        for known in articles:
                            known.entities = None
                    if "size" not in data:  # more of the articles of the file above
                        files[str(data["file"])].articles += articles
                        continue
                    files[str(data["file"])] = FileRecord(
                        size=int(data["size"]),
                        mtime_ns=int(data["mtime_ns"]),
                        articles=articles,
                        error=str(data["error"]),
                        warnings=[str(w) for w in data["warnings"]],
                    )
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            return  # read the files instead: the index is only a shortcut
        self.files = files
        self._by_id = None

    def record(self, file: str, now: tuple[int, int] | None) -> FileRecord | None:
        """The record of ``file`` if its size and time (``now``, see :func:`stamp`) still
        match."""
        found = self.files.get(file)
        if found is None or now is None or (found.size, found.mtime_ns) != now:
            return None
        return found

    def remember(self, file: str, record: FileRecord) -> None:
        """Keep ``record`` as what ``file`` holds now."""
        self.files[file] = record
        self._by_id = None
        self._changed = True

    def known(self, article_id: str) -> Known | None:
        """What the index knows of the article ``article_id``, in any file."""
        if self._by_id is None:
            self._by_id = {k.id: k for r in self.files.values() for k in r.articles}
        return self._by_id.get(article_id)

    def counted(self, article_id: str, entities: int) -> None:
        """The analysis counted ``entities`` in article ``article_id``."""
        known = self.known(article_id)
        if known is not None and known.entities != entities:
            known.entities = entities
            self._changed = True

    def keep_only(self, files: set[str]) -> None:
        """Forget the files not in ``files`` (gone from the folder)."""
        gone = set(self.files) - files
        for file in gone:
            del self.files[file]
        if gone:
            self._by_id = None
            self._changed = True

    def save(self) -> None:
        """Write the index if anything changed (``OSError`` is ignored: only slower)."""
        if not self._changed:
            return
        header = {"version": INDEX_VERSION, "reader": __version__, "analysis": self.analysis_key}
        # One dumps per line, not one for the whole index, and a corpus's articles over
        # many lines: the app's thread gets the interpreter between lines (10,000 articles
        # in one line were one dumps of 3.4 MB, 0.2 s under load, while a key waited).
        lines = [json.dumps(header)]
        for file, record in self.files.items():
            articles = [known.line() for known in record.articles]
            first = {
                "file": file,
                "size": record.size,
                "mtime_ns": record.mtime_ns,
                "error": record.error,
                "warnings": record.warnings,
                "articles": articles[:LINE_ARTICLES],
            }
            lines.append(json.dumps(first))
            for start in range(LINE_ARTICLES, len(articles), LINE_ARTICLES):
                more = articles[start : start + LINE_ARTICLES]
                lines.append(json.dumps({"file": file, "articles": more}))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, ("\n".join(lines) + "\n").encode("ascii"))
        except OSError:
            return
        self._changed = False
