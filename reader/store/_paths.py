"""The path index: which articles were opened from a path, without reading the store.

Private to :mod:`reader.store`. An article edited on disk is a new article (its id hashes
its text), so opening one looks for the earlier versions of the same file: the articles
last opened from the same path (:meth:`Store.find_by_path`, for :mod:`reader.reanchor`).
Reading every article's record to find them grows with the store; the index answers from
one small file::

    <root>/paths/<xx>.json      {"paths": {"<path>": ["<id>", ...]}}: for each path whose
                                SHA-256 starts with the hex digits xx, the ids registered
                                from it (so at most 256 files, whatever the store's size)
    <root>/paths/<xx>.lock      the lock every writer of <xx>.json takes
    <root>/paths/built.json     written once the index holds every article; without it the
                                index is rebuilt from the articles before it is used

The articles' records are the truth and the index is derived from them. It is kept a
*superset*: an id is added (locked, atomic, fsynced) *before* the article's record says
it came from that path, and never removed, so a crash between the two leaves an extra id,
and an article since opened from another path leaves an old one; :meth:`Store.find_by_path`
drops both by checking each candidate's record, which it reads anyway. Adding is done on
registration (the first opening of an article, or from a new path), never on a tag.

A shard whose content is damaged holds nothing that the articles do not: it is rebuilt
from them under its lock, the damaged bytes are kept beside it as ``<xx>.json.damaged``,
and one line is logged on the ``reader.store`` logger. A shard that cannot be read at all
(a symbolic link in its place, no permission) is an error like any store file's.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.atomic import atomic_write
from reader.errors import StoreError
from reader.store._files import describe_path_error, locked, read_regular_file
from reader.store._history import is_article_id

PATHS_DIR = "paths"
#: Present (a regular file) once every article's path is in the index.
BUILT = "built.json"

#: Every article's id and the path of its record (``None``: the file could not be read).
Scan = Callable[[], Iterable[tuple[str, str | None]]]
#: Path -> ids registered from it, for the paths of one shard.
Entries = dict[str, set[str]]


class _Damaged(Exception):
    """A shard's content does not parse or has the wrong shape (the message says how)."""


class _Unsaved(StoreError):
    """The index could not be saved (locked, written or its folder made)."""


class _Unreadable(StoreError):
    """A shard cannot be read at all (a link in its place, no permission)."""


@contextmanager
def _saving(path: Path, what: str) -> Iterator[None]:
    """:func:`locked` for an index file, its failures to lock or save as :class:`_Unsaved`."""
    try:
        with locked(path, what=what, make_folder=True):
            yield
    except (_Unreadable, _Unsaved):
        raise
    except StoreError as error:
        raise _Unsaved(error.message) from None


def shard_of(path: str) -> str:
    """The shard that holds ``path``: the first two hex digits of its SHA-256."""
    import hashlib  # here: its OpenSSL costs every command that opens a store (3 ms)

    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:2]


def _decode(raw: bytes) -> Entries:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise _Damaged("empty file" if not raw.strip() else f"not valid JSON: {error}") from None
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        raise _Damaged('not a JSON object with a "paths" object')
    entries: Entries = {}
    for path, ids in paths.items():
        if not isinstance(ids, list) or not all(
            isinstance(article_id, str) and is_article_id(article_id) for article_id in ids
        ):
            raise _Damaged(f"the ids of path {path!r} are not a list of article ids")
        entries[path] = set(ids)
    return entries


def _encode(entries: Entries) -> bytes:
    doc = {"paths": {path: sorted(ids) for path, ids in sorted(entries.items())}}
    return json.dumps(doc, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


class PathIndex:
    """The ids registered from each path, in ``<root>/paths`` (see the module docstring).

    Args:
        root: The store folder.
        scan: Every article's id and recorded path, read from the articles themselves.
        writable: Whether reading may build or repair the index on disk; a store opened
            only to read (``reader export``) answers from a scan instead.
    """

    def __init__(self, root: Path, scan: Scan, *, writable: bool) -> None:
        self.folder = root / PATHS_DIR
        self._scan = scan
        self._writable = writable

    def _file(self, shard: str) -> Path:
        return self.folder / f"{shard}.json"

    def complete(self) -> bool:
        """Whether every article is in the index (``built.json`` is there).

        Raises:
            StoreError: The folder cannot be read.
        """
        try:
            found = os.lstat(self.folder / BUILT)
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as error:
            reason = describe_path_error(self.folder, error)
            raise StoreError(f"cannot read {self.folder}: {reason}") from None
        return stat.S_ISREG(found.st_mode)

    def ids(self, path: str) -> list[str]:
        """The ids registered from ``path``, sorted: a superset of those whose record
        still says ``path`` (the caller checks each record).

        Builds the index first if it is not complete (an older store, or ``paths``
        removed), which reads every article once; after that, one small file.

        Raises:
            StoreError: The index cannot be read or written (one line).
        """
        if not path:
            return []
        shard = shard_of(path)
        try:
            if not self.complete():
                if not self._writable:
                    return sorted(self._scanned(shard).get(path, set()))
                self.rebuild()
            try:
                entries = self._read(shard)
            except _Damaged:
                entries = self._merge(shard, {}) if self._writable else self._scanned(shard)
        except _Unsaved:
            # The index could not be saved (a read-only disk, a full one): the articles
            # still give the answer, and the next registration reports the problem.
            entries = self._scanned(shard)
        return sorted(entries.get(path, set()))

    def add(self, path: str, article_id: str) -> None:
        """Record, durably, that ``article_id`` is being registered from ``path``.

        Called before the article's record is saved, so that the index never misses it.

        Raises:
            StoreError: The index could not be locked, read or saved (one line).
        """
        if path:
            self._merge(shard_of(path), {path: {article_id}})

    def rebuild(self) -> None:
        """Put every article's path in the index, then mark it complete.

        Merged with what each shard holds (another process may be adding to it), so
        nothing is lost. The mark is left out while an article file cannot be read, so
        that the index is rebuilt again once it is repaired.

        Raises:
            StoreError: The index could not be saved (one line).
        """
        groups: dict[str, Entries] = {}
        clean = True
        for article_id, path in self._scan():
            if path is None:
                clean = False
            elif path:
                groups.setdefault(shard_of(path), {}).setdefault(path, set()).add(article_id)
        for shard, entries in sorted(groups.items()):
            self._merge(shard, entries, scanned=entries)
        if clean:
            built = self.folder / BUILT
            with _saving(built, "index"):
                atomic_write(built, b'{"built": true}\n', locked=True)

    def _read(self, shard: str) -> Entries:
        """A shard's entries (none if it has no file), read without a lock.

        Raises:
            _Damaged: Its content is damaged.
            StoreError: It cannot be read.
        """
        path = self._file(shard)
        try:
            raw = read_regular_file(path)
        except (FileNotFoundError, NotADirectoryError):
            return {}
        except OSError as error:
            raise _Unreadable(f"cannot read {path}: {describe_path_error(path, error)}") from None
        return _decode(raw)

    def _scanned(self, shard: str) -> Entries:
        """A shard's entries as the articles' records give them (reads every article)."""
        entries: Entries = {}
        for article_id, path in self._scan():
            if path and shard_of(path) == shard:
                entries.setdefault(path, set()).add(article_id)
        return entries

    def _merge(self, shard: str, wanted: Entries, *, scanned: Entries | None = None) -> Entries:
        """Add ``wanted`` to a shard under its lock; repair it first if it is damaged.

        Args:
            shard: The shard.
            wanted: The ids to add, by path.
            scanned: The shard's entries from a scan already made, if there is one.

        Returns:
            The shard's entries as saved.
        """
        path = self._file(shard)
        with _saving(path, "article's path"):
            try:
                current = self._read(shard)
            except _Damaged as damage:
                self._set_aside(shard, str(damage))
                current = self._scanned(shard) if scanned is None else scanned
            merged = {key: set(ids) for key, ids in current.items()}
            for key, ids in wanted.items():
                merged.setdefault(key, set()).update(ids)
            if merged != current or not path.exists():
                atomic_write(path, _encode(merged), locked=True)
        return merged

    def _set_aside(self, shard: str, reason: str) -> None:
        """Keep a damaged shard's bytes as ``.damaged`` and say so in one line (locked)."""
        path = self._file(shard)
        aside = path.with_name(path.name + ".damaged")
        os.replace(path, aside)
        import logging  # here, the one place it is used: it costs every command 5 ms

        logging.getLogger("reader.store").warning(
            "%s was damaged (%s): rebuilt from the articles, the damaged copy kept as %s",
            path,
            reason,
            aside.name,
        )
