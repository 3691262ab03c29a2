"""An article's file and its journal: saves that cost the same however long the article.

Private to :mod:`reader.store`. An article is two files:

* ``<id>.json``, the *snapshot*: a TinyDB document (checked by :func:`._files.parse`),
  whose ``meta`` document names the journal that goes with it (``"journal": TOKEN``);
* ``<id>.journal``, optional: one JSON line per save since the snapshot was written,
  ``{"journal": TOKEN}`` first, then ``{"ops": [...]}`` lines, each op being
  ``["s", table, doc_id, document]`` (set) , ``["d", table, doc_id]`` (delete) or
  ``["x", table]`` (drop the table).

A save is one locked step (the article's ``.lock``, as before): bring the in-memory copy
up to date (re-read the snapshot only if it was replaced; read only the journal's new
lines), apply the change in memory, then either append its line to the journal with one
``write`` and ``fsync`` it, or, when the article is small or the journal has grown as large
as the snapshot, *compact*: write the whole snapshot atomically (:func:`atomic_write`) with
a new token and remove the journal. A save therefore costs a bounded amount of work, and
compaction's cost, spread over the saves that filled the journal, is bounded too. Small
articles are always compacted, so their snapshot is the whole story (``jq`` reads it).

Why it is safe:

* *kill -9 mid-append*: a line is written with one ``write`` ending in ``\\n``, so a torn
  write leaves a last line without its newline; readers ignore it, and the next save
  (under the lock) truncates it before appending. Older lines are never rewritten.
* *kill -9 mid-compaction*: the new snapshot replaces the old atomically before the
  journal is removed; a journal left behind has the old token and is ignored (everything
  in it is in the new snapshot).
* *readers take no lock*: a reader re-checks that the snapshot it read is still the one in
  place after it read the journal, and starts again if not.
* *damage*: a complete line that does not parse or has the wrong shape refuses the article
  with :class:`~reader.errors.CorruptStoreError`; nothing is saved until it is repaired,
  because a save needs a successful read first.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.table import Document

from reader.atomic import atomic_write, fsync_dir
from reader.errors import StoreError
from reader.store import _files as files

#: Articles whose snapshot and journal together stay below this many bytes are rewritten
#: whole on every save (no journal): cheap at that size, and ``jq`` sees everything.
COMPACT_BELOW = 256 * 1024

#: A journal is compacted once it is larger than its snapshot and than this many bytes, so
#: that compaction's cost, spread over the saves that filled the journal, stays bounded.
JOURNAL_AT_LEAST = 256 * 1024

#: How many times a reader starts again when a compaction replaced the files under it.
_READ_ATTEMPTS = 20

Op = list[Any]


class Key:
    """An annotation's key (offsets and annotator), looked up through an index.

    Callable like a TinyDB query, so that any table can still be searched with it.
    """

    __slots__ = ("value",)

    def __init__(self, start: int, end: int, annotator: str) -> None:
        self.value = (start, end, annotator)

    def __call__(self, doc: Mapping[str, Any]) -> bool:
        return (doc.get("start"), doc.get("end"), doc.get("annotator")) == self.value


class Table:
    """One table of an article, with the small part of TinyDB's ``Table`` the store uses.

    Documents come back as TinyDB :class:`~tinydb.table.Document` copies (with
    ``doc_id``); every change goes through :class:`Tables`, which records it.
    """

    def __init__(self, tables: Tables, name: str) -> None:
        self._tables = tables
        self.name = name

    def _docs(self) -> dict[str, dict[str, Any]]:
        return self._tables.data.get(self.name, {})

    def all(self) -> list[Document]:
        return [Document(doc, int(doc_id)) for doc_id, doc in self._docs().items()]

    def __iter__(self) -> Iterator[Document]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self._docs())

    def search(self, cond: Callable[[Mapping[str, Any]], bool]) -> list[Document]:
        return [Document(doc, int(i)) for i, doc in self._docs().items() if cond(doc)]

    def get(self, cond: Callable[[Mapping[str, Any]], bool]) -> Document | None:
        if isinstance(cond, Key) and self.name == "annotations":
            doc_id = self._tables.index().get(cond.value)
            doc = None if doc_id is None else self._docs().get(doc_id)
            return None if doc is None else Document(doc, int(doc_id))  # type: ignore[arg-type]
        found = self.search(cond)
        return found[0] if found else None

    def insert(self, doc: Mapping[str, Any]) -> int:
        doc_id = self._tables.next_id(self.name)
        self._tables.set(self.name, str(doc_id), dict(doc))
        return doc_id

    def update(self, fields: Mapping[str, Any], doc_ids: list[int]) -> None:
        docs = self._docs()
        for doc_id in doc_ids:
            self._tables.set(self.name, str(doc_id), {**docs[str(doc_id)], **fields})

    def remove(self, doc_ids: list[int]) -> None:
        for doc_id in doc_ids:
            self._tables.delete(self.name, str(doc_id))

    def upsert(self, doc: Mapping[str, Any], cond: Callable[[Mapping[str, Any]], bool]) -> None:
        found = self.search(cond)
        if found:
            self.update(doc, [entry.doc_id for entry in found])
        else:
            self.insert(doc)


class Tables:
    """An article's tables in memory, recording the changes a save makes as journal ops."""

    def __init__(self, data: files.RawDocument) -> None:
        self.data = data
        self.ops: list[Op] = []
        self._next: dict[str, int] = {}
        self._index: dict[tuple[Any, ...], str] | None = None

    def table(self, name: str) -> Table:
        return Table(self, name)

    def index(self) -> dict[tuple[Any, ...], str]:
        """The annotations' document ids by key, built once and kept up to date."""
        if self._index is None:
            self._index = {
                (doc["start"], doc["end"], doc["annotator"]): doc_id
                for doc_id, doc in self.data.get("annotations", {}).items()
            }
        return self._index

    def next_id(self, name: str) -> int:
        if name not in self._next:
            self._next[name] = max(map(int, self.data.get(name, {})), default=0) + 1
        return self._next[name]

    def set(self, name: str, doc_id: str, doc: dict[str, Any]) -> None:
        self.apply(["s", name, doc_id, doc])
        self.ops.append(["s", name, doc_id, doc])

    def delete(self, name: str, doc_id: str) -> None:
        self.apply(["d", name, doc_id])
        self.ops.append(["d", name, doc_id])

    def drop_table(self, name: str) -> None:
        if name in self.data:
            self.apply(["x", name])
            self.ops.append(["x", name])

    def apply(self, op: Op) -> None:
        """Apply one (checked) op, keeping the index and the next ids right."""
        name = op[1]
        if op[0] == "x":
            self.data.pop(name, None)
            self._next.pop(name, None)
            if name == "annotations":
                self._index = None
            return
        table = self.data.setdefault(name, {})
        doc_id = op[2]
        old = table.pop(doc_id, None) if op[0] == "d" else table.get(doc_id)
        if name == "annotations" and self._index is not None and old is not None:
            self._index.pop((old["start"], old["end"], old["annotator"]), None)
        if op[0] == "s":
            doc = op[3]
            table[doc_id] = doc
            if name == "annotations" and self._index is not None:
                self._index[(doc["start"], doc["end"], doc["annotator"])] = doc_id
            if name in self._next:
                self._next[name] = max(self._next[name], int(doc_id) + 1)


def journal_path(path: Path) -> Path:
    """Return the journal that goes with an article's snapshot."""
    return path.with_suffix(".journal")


def _identity(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class Article:
    """An article's tables as of its snapshot and the journal lines read so far."""

    def __init__(self, path: Path, tables: Tables, snapshot: tuple[int, int, int] | None) -> None:
        self.path = path
        self.journal = journal_path(path)
        self.tables = tables
        self.snapshot = snapshot
        self.size = snapshot[1] if snapshot else 0
        meta = tables.data.get("meta", {})
        first = meta[min(meta, key=int)] if meta else {}
        token = first.get("journal")
        self.token: str | None = token if isinstance(token, str) else None
        self.journal_id: int | None = None  # the journal's inode, once its header matched
        self.offset = 0  # bytes of it applied (whole lines only)

    def identity(self) -> tuple[Any, ...]:
        """What changes whenever the article does (for caches of what is derived)."""
        return (self.snapshot, self.journal_id, self.offset)

    def catch_up(self) -> bool:
        """Apply the journal's new complete lines; ``False``: the files changed, read again.

        Raises:
            CorruptStoreError: A complete line is damaged.
            StoreError: The journal cannot be read.
        """
        try:
            fd = os.open(self.journal, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return self.journal_id is None and self._snapshot_unchanged()
        except OSError as error:
            reason = files.describe_path_error(self.journal, error)
            raise StoreError(f"cannot read {self.journal}: {reason}") from None
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise StoreError(f"cannot read {self.journal}: not a regular file")
            if self.journal_id is not None and (
                st.st_ino != self.journal_id or st.st_size < self.offset
            ):
                return False
            handle.seek(self.offset)
            raw = handle.read()
        end = raw.rfind(b"\n") + 1  # a last line without its newline is a torn write
        lines = raw[:end].splitlines()
        if self.journal_id is None:
            if not lines or self.token is None or _header(lines[0]) != self.token:
                # Not this snapshot's journal: one a compaction left behind (everything
                # in it is in the snapshot), or one that is not written yet.
                return self._snapshot_unchanged()
            self.journal_id, lines = st.st_ino, lines[1:]
        for line in lines:
            for op in _ops(self.journal, line):
                self.tables.apply(op)
        self.offset += end
        return self._snapshot_unchanged()

    def _snapshot_unchanged(self) -> bool:
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            return self.snapshot is None
        except OSError:
            return False
        return self.snapshot == _identity(st)


def _header(line: bytes) -> str | None:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError):
        return None
    token = value.get("journal") if isinstance(value, dict) else None
    return token if isinstance(token, str) else None


def _ops(path: Path, line: bytes) -> list[Op]:
    """Parse and check one journal line.

    Raises:
        CorruptStoreError: It does not parse or has the wrong shape.
    """
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise files.corrupt(path, f"a line is not valid JSON: {error}") from None
    ops = value.get("ops") if isinstance(value, dict) else None
    if not isinstance(ops, list):
        raise files.corrupt(path, "a line has no list of changes")
    for op in ops:
        ok = isinstance(op, list) and len(op) >= 2 and isinstance(op[1], str)
        kind = op[0] if ok else None
        if kind == "s" and len(op) == 4 and isinstance(op[3], dict):
            ok = isinstance(op[2], str) and op[2].isdigit()
            if ok:
                files.check_doc(path, "article", op[1], op[2], op[3])
        elif kind == "d" and len(op) == 3:
            ok = isinstance(op[2], str) and op[2].isdigit()
        elif not (kind == "x" and len(op) == 2):
            ok = False
        if not ok or op[1] == "meta":
            raise files.corrupt(path, f"a line has a bad change {str(op)[:40]!r}")
    return ops


def read(path: Path, cached: Article | None, only: frozenset[str] | None = None) -> Article | None:
    """Return an article brought up to date (``cached`` if it still applies); ``None``: none.

    Takes no lock: a snapshot is only ever replaced whole, and journal lines only appended.
    ``only``: check only these tables of the snapshot (see :func:`._files.parse`): for
    readers that look at nothing else, never for one that saves.

    Raises:
        CorruptStoreError, NewerSchemaError: As for :func:`._files.load`.
        StoreError: The files cannot be read.
    """
    for _ in range(_READ_ATTEMPTS):
        article = cached
        if article is None or not article._snapshot_unchanged():
            article = _read_snapshot(path, only)
            if article is None:
                return None
        if article.catch_up():
            return article
        cached = None
    raise StoreError(f"cannot read {path}: it keeps being rewritten; try again")


def read_tables(path: Path, only: frozenset[str]) -> files.RawDocument | None:
    """The tables :func:`read` would give an article, for a reader that keeps nothing
    (a report reads each of thousands of files once); ``None``: there is none.

    The same files, checks and journal as :func:`read` (``only`` as there). Where the
    article has no journal, as most have, the snapshot is used as read, once it is seen
    unchanged, without making the :class:`Article` that later reads and saves need.

    Raises:
        CorruptStoreError, NewerSchemaError: As for :func:`._files.load`.
        StoreError: The files cannot be read.
    """
    loaded = files.load_with_stat(path, "article", only)
    if loaded is None:
        return None
    data, st = loaded
    try:
        os.close(os.open(journal_path(path), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC))
    except FileNotFoundError:
        # No journal, as Article.catch_up finds: the snapshot, if it is still the one read.
        with contextlib.suppress(OSError):
            if _identity(os.lstat(path)) == _identity(st):
                return data
    except OSError:
        pass  # read() says why, in one line
    article: Article | None = Article(path, Tables(data), _identity(st))
    if article is not None and not article.catch_up():  # rewritten meanwhile: read again
        article = read(path, None, only)
    return None if article is None else article.tables.data


def _read_snapshot(path: Path, only: frozenset[str] | None = None) -> Article | None:
    loaded = files.load_with_stat(path, "article", only)
    if loaded is None:
        return None
    data, st = loaded
    return Article(path, Tables(data), _identity(st))


@contextmanager
def edit(path: Path, cached: Article | None) -> Iterator[Article]:
    """One locked change of an article: up to date, changed in memory, saved durably.

    The block changes ``article.tables``; if it completes, the change is saved (appended
    or compacted) before this returns. If anything fails, the caller must drop the
    article (its tables may hold a change that was not saved).

    Raises:
        StoreError: The article could not be locked, read or saved (the message says
            why; the files are as they were, or hold a torn last line that is ignored).
    """
    with files.locked(path):
        article = read(path, cached) or Article(path, Tables({}), None)
        article.tables.ops = []
        yield article
        if article.tables.ops:
            _save(article)


def _save(article: Article) -> None:
    line = json.dumps({"ops": article.tables.ops}, ensure_ascii=True, separators=(",", ":"))
    encoded = line.encode("ascii") + b"\n"
    article.tables.ops = []
    journal = article.offset + len(encoded)
    if (
        article.snapshot is None
        or article.token is None
        or article.size + journal < COMPACT_BELOW
        or journal > max(article.size, JOURNAL_AT_LEAST)
    ):
        compact(article)
    else:
        _append(article, encoded)


def compact(article: Article) -> None:
    """Write the whole snapshot with a new token, then remove the journal (locked)."""
    data = article.tables.data
    # os.urandom, as secrets.token_hex uses, without importing secrets (and with it hmac
    # and OpenSSL: a few milliseconds of every command that reads the store).
    token = os.urandom(8).hex()
    meta = data.get("meta") or {"1": {}}
    first = min(meta, key=int)
    meta[first] = {**meta[first], "schema": files.SCHEMA_VERSION, "journal": token}
    data["meta"] = meta
    encoded = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
    atomic_write(article.path, encoded, locked=True)
    # Left behind by a crash here, it has the old token and is ignored, then replaced.
    with contextlib.suppress(FileNotFoundError):
        os.unlink(article.journal)
    article.snapshot = _identity(os.lstat(article.path))
    article.size, article.token = len(encoded), token
    article.journal_id, article.offset = None, 0


def _append(article: Article, line: bytes) -> None:
    """Append one line durably: one write, then fsync (locked)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    if article.journal_id is None:
        # A journal that is not this snapshot's (left by a crash): its content is in the
        # snapshot already.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(article.journal)
    fd = os.open(article.journal, flags, 0o666)
    try:
        st = os.fstat(fd)
        created = article.journal_id is None
        if created:
            header = json.dumps({"journal": article.token}).encode("ascii") + b"\n"
            article.offset = 0
            line = header + line
        elif st.st_size > article.offset:
            os.ftruncate(fd, article.offset)  # a torn line from a killed save: never shown
        try:
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, "short write")
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, article.offset)
            raise
        if created:
            fsync_dir(article.path.parent)
            article.journal_id = st.st_ino
        article.offset += len(line)
    finally:
        os.close(fd)
