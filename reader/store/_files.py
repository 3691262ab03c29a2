"""The store's files on disk: parsing, checking, migrating and saving TinyDB documents.

Private to :mod:`reader.store`, like TinyDB itself.

Every store file is a TinyDB JSON document, ``{"table": {"doc_id": {field: value}}}``.
This module is the only place that reads or writes them:

* :func:`load` parses a file, checks its shape field by field and its schema version,
  and migrates an older one in memory. A file that does not parse or has the wrong shape
  raises :class:`~reader.errors.CorruptStoreError` and is never written over: nothing can
  be saved to a file after a failed load, because saving needs a successful load first.
* :func:`transaction` is one read-modify-write: it takes the file's lock, loads the file
  *fresh*, hands a new :class:`~tinydb.TinyDB` over it to the caller, and saves once,
  atomically (see :mod:`reader.atomic`), if anything changed. A fresh TinyDB per
  operation is what makes the lock sufficient: TinyDB caches the next document id and
  query results inside each table, so a long-lived instance would act on stale data
  after another process saved, and a lock inside ``Storage.read``/``write`` alone would
  still lose updates.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import product, repeat
from pathlib import Path
from typing import Any, Literal

from tinydb import TinyDB
from tinydb.storages import Storage

from reader.atomic import atomic_write, describe_os_error, file_lock
from reader.errors import CorruptStoreError, NewerSchemaError, StoreError
from reader.records import (
    ENTITY_CORRECTION_KINDS,
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    STATE_FIELDS,
    annotation_types,
)

#: The version of the layout this code reads and writes. 2: an article may have a
#: journal next to its file (reader.store._journal), which a reader of version 1 would
#: ignore, and overwrite by its next save. 3: the path index (reader.store._paths), which
#: a reader of version 2 would not keep up to date when it registers an article.
SCHEMA_VERSION = 3

RawDocument = dict[str, dict[str, dict[str, Any]]]

#: Upgrades of an article file's document from schema N to N+1, applied in turn when an
#: older file is loaded (and saved in the new layout on its next write). store.json holds
#: only its ``meta`` table, whose version is raised when the store is next opened for
#: writing.
MIGRATIONS: dict[int, Callable[[RawDocument], RawDocument]] = {
    # Version 1 had no journal, and its documents are those of version 2.
    1: lambda data: data,
    # Version 2 had no path index, which is rebuilt from the articles; same documents.
    2: lambda data: data,
}

FileKind = Literal["store", "article"]

_NONE = type(None)
_ANNOTATION = annotation_types()
_STATE = {name: _ANNOTATION[name] for name in STATE_FIELDS if name not in OPTIONAL_FIELDS}
# Required fields and their JSON types, per table. Extra fields are kept and ignored, so
# that a later version may add optional ones without a schema change.
_SPECS: dict[FileKind, dict[str, dict[str, tuple[type, ...]]]] = {
    "store": {"meta": {"schema": (int,), "created": (str,)}},
    "article": {
        "meta": {"schema": (int,)},
        "article": {
            "id": (str,),
            "path": (str,),
            "title": (str, _NONE),
            "date": (str, _NONE),
            "byline": (str, _NONE),
            "sentences": (int, _NONE),
            "updated": (str, _NONE),
        },
        "annotations": {name: _ANNOTATION[name] for name in REQUIRED_FIELDS},
        "history": {
            "at": (str,),
            "annotator": (str,),
            "start": (int,),
            "end": (int,),
            "text": (str,),
            "before": (dict, _NONE),
            "after": (dict, _NONE),
            "undone": (bool,),
        },
        "state": {"annotator": (str,), "sentence": (int,), "updated": (str,)},
        "entities": {
            "kind": (str,),
            "name": (str,),
            "label": (str, _NONE),
            "target": (str, _NONE),
            "annotator": (str,),
            "created": (str,),
        },
        # One document per older version of the article whose annotations were carried
        # over (reader.reanchor); "orphans" are the annotations that matched no sentence,
        # each an annotation document plus the "article_id" of the version it was made on.
        # An optional table: a reader without it keeps it and ignores it (no new schema).
        # Optional "seen": the older version's "updated" when it was carried over.
        "reanchored": {"from": (str,), "at": (str,), "moved": (int,), "orphans": (list,)},
        # One document per suggestion an annotator rejected (the sentence's span), so that
        # it stays rejected. Optional, like "reanchored".
        "rejected": {"annotator": (str,), "start": (int,), "end": (int,), "at": (str,)},
        # Set on an older version once its annotations were carried over to the newer
        # version "by": it refuses new work from then on (optional table, as above).
        "superseded": {"by": (str,), "at": (str,)},
    },
}
_ORPHAN_SPEC = _ANNOTATION
_ENTITY_KINDS = frozenset(ENTITY_CORRECTION_KINDS)


def _corrupt(path: Path, reason: str) -> CorruptStoreError:
    return CorruptStoreError(
        f"store file {path} is damaged ({reason}); it was left untouched: "
        "repair it or move it aside, then try again"
    )


_MISSING = object()


class _Spec:
    """The required fields of a table's documents and the JSON types each may have."""

    def __init__(self, fields: Mapping[str, tuple[type, ...]]) -> None:
        self.fields = dict(fields)
        self._names = tuple(fields)
        # Every allowed combination of types, so that checking a document is one C-level
        # tuple build and set lookup: a save re-reads the whole file, and checking it
        # field by field in Python cost as much as parsing it.
        self._allowed = frozenset(product(*fields.values()))

    def check(self, path: Path, where: str, doc: Mapping[str, Any]) -> None:
        """Raise :class:`CorruptStoreError` unless ``doc`` has every field, well typed."""
        # type() rather than isinstance(): JSON true must not pass for an int.
        if tuple(map(type, map(doc.get, self._names, repeat(_MISSING)))) in self._allowed:
            return
        for field, types in self.fields.items():
            value = doc.get(field, _MISSING)
            if value is _MISSING:
                raise _corrupt(path, f"{where} has no {field!r}")
            if type(value) not in types:
                raise _corrupt(path, f"{where} has a {type(value).__name__} {field!r}")


_STATE_SPEC = _Spec(_STATE)
_ORPHAN = _Spec(_ORPHAN_SPEC)
_COMPILED = {
    kind: {name: _Spec(fields) for name, fields in tables.items()}
    for kind, tables in _SPECS.items()
}


def _check_shape(path: Path, data: Any, only: frozenset[str] | None = None) -> RawDocument:
    if not isinstance(data, dict):
        raise _corrupt(path, "not a JSON object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _corrupt(path, f"table {name!r} is not an object")
        if only is not None and name not in only:
            continue
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise _corrupt(path, f"table {name!r} has a bad document {doc_id!r}")
    return data


corrupt = _corrupt


def _check_tables(
    path: Path, data: RawDocument, kind: FileKind, only: frozenset[str] | None = None
) -> None:
    for name in _COMPILED[kind]:
        if only is not None and name not in only:
            continue
        for doc_id, doc in data.get(name, {}).items():
            check_doc(path, kind, name, doc_id, doc)


def check_doc(path: Path, kind: FileKind, name: str, doc_id: str, doc: dict[str, Any]) -> None:
    """Raise :class:`CorruptStoreError` unless a document of table ``name`` is well formed.

    Documents of tables this version does not know are kept and not checked.
    """
    spec = _COMPILED[kind].get(name)
    if spec is None:
        return
    where = f"{name} document {doc_id}"
    spec.check(path, where, doc)
    if name == "annotations":
        _check_optional(path, where, doc)
    elif name == "history":
        for side in ("before", "after"):
            if doc[side] is not None:
                _STATE_SPEC.check(path, f"{where} {side}", doc[side])
    elif name == "entities" and doc["kind"] not in _ENTITY_KINDS:
        raise _corrupt(path, f"{where} has an unknown kind {doc['kind']!r}")
    elif name == "reanchored":
        if type(doc.get("seen")) not in (str, _NONE):
            raise _corrupt(path, f"{where} has a bad 'seen'")
        for number, orphan in enumerate(doc["orphans"]):
            if not isinstance(orphan, dict):
                raise _corrupt(path, f"{where} orphan {number} is not an object")
            _ORPHAN.check(path, f"{where} orphan {number}", orphan)


def _check_optional(path: Path, where: str, doc: Mapping[str, Any]) -> None:
    """Raise :class:`CorruptStoreError` if an optional annotation field has a bad type."""
    for field in OPTIONAL_FIELDS:
        value = doc.get(field, _MISSING)
        if value is not _MISSING and type(value) not in _ANNOTATION[field]:
            raise _corrupt(path, f"{where} has a {type(value).__name__} {field!r}")


def schema_of(path: Path, data: RawDocument) -> int:
    """Return the schema version recorded in a document's ``meta`` table."""
    meta = data.get("meta")
    if not meta:
        raise _corrupt(path, "no schema version")
    doc = meta[min(meta, key=int)]
    version = doc.get("schema")
    if type(version) is not int or version < 1:
        raise _corrupt(path, "bad schema version")
    return version


def _migrate(path: Path, data: RawDocument, version: int) -> RawDocument:
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"{path} uses schema {version} and there is no migration from it")
        data = step(data)
        version += 1
    return data


# Files this process has already checked (or written), by content: an unchanged file is
# parsed again on every operation, but not checked field by field again. Keyed by the
# exact bytes, so a file another process replaced is always checked.
_CHECKED: OrderedDict[Path, tuple[int, bytes]] = OrderedDict()
_CHECKED_SIZE = 16
_CHECKED_LOCK = threading.Lock()


def _remember_checked(path: Path, raw: bytes) -> None:
    with _CHECKED_LOCK:
        _CHECKED[path] = (SCHEMA_VERSION, raw)
        _CHECKED.move_to_end(path)
        while len(_CHECKED) > _CHECKED_SIZE:
            _CHECKED.popitem(last=False)


def _was_checked(path: Path, raw: bytes) -> bool:
    with _CHECKED_LOCK:
        return _CHECKED.get(path) == (SCHEMA_VERSION, raw)


def read_regular_file(path: Path) -> bytes:
    """Read a store file, refusing a symbolic link in its place (see :func:`read_with_stat`).

    Raises:
        FileNotFoundError: There is no such file.
        OSError: The file cannot be read, or is a link (``ELOOP``) or not a regular file.
    """
    return read_with_stat(path)[0]


def read_with_stat(path: Path) -> tuple[bytes, os.stat_result]:
    """Read a store file, refusing a symbolic link in its place.

    A link inside a store could make a save replace the link (and reads follow it
    somewhere else entirely): in a folder that several people can write to, that is a
    way to make someone else's ``reader`` read or shadow files outside the store. The
    store's folders may be links (a store on another disk); its files may not.

    Raises:
        FileNotFoundError: There is no such file.
        OSError: The file cannot be read, or is a link (``ELOOP``) or not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        # Read with the descriptor, to the end, without a buffered file object around it
        # (half the cost of reading a small file: reports read thousands).
        chunks: list[bytes] = []
        while chunk := os.read(fd, found.st_size + 1 if not chunks else 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), found
    finally:
        os.close(fd)


def describe_path_error(path: Path, error: OSError) -> str:
    """Return a short reason for an :class:`OSError` on a store path, naming loops.

    ``ELOOP`` means two things: the file itself is a symbolic link (which the store refuses
    to follow, see :func:`read_regular_file`), or the path goes round a loop of links; and
    ``EACCES`` on a path often means a folder on the way that cannot be entered.
    """
    if error.errno == errno.ELOOP:
        try:
            os.stat(path)  # follows links: fails only if they go round a loop
        except OSError:
            return "the path goes round a loop of symbolic links"
    if error.errno in (errno.EACCES, errno.EPERM) and not os.access(path.parent, os.X_OK):
        return "permission denied (a folder on the way cannot be entered)"
    return describe_os_error(error)


def load(path: Path, kind: FileKind) -> RawDocument | None:
    """Read, check and (in memory) migrate a store file; ``None`` if it does not exist.

    Raises:
        CorruptStoreError: The file does not parse or has the wrong shape.
        NewerSchemaError: The file was written by a newer version of ``reader``.
        StoreError: The file cannot be read.
    """
    loaded = load_with_stat(path, kind)
    return None if loaded is None else loaded[0]


def load_with_stat(
    path: Path, kind: FileKind, only: frozenset[str] | None = None
) -> tuple[RawDocument, os.stat_result] | None:
    """:func:`load`, with the status of the file that was read (to know if it changes);
    ``only``: as for :func:`parse`."""
    try:
        raw, found = read_with_stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {describe_path_error(path, error)}") from None
    return parse(path, raw, kind, only), found


def parse(
    path: Path, raw: bytes, kind: FileKind, only: frozenset[str] | None = None
) -> RawDocument:
    """Parse, check and (in memory) migrate the bytes of a store file (see :func:`load`).

    ``only``: check the documents of these tables alone (a report that reads nothing
    else need not pay for checking an article's history); the file's shape as a whole,
    its schema and those tables are checked as always. Such a read is for looking only,
    and is not remembered as checked.
    """
    if only is None and _was_checked(path, raw):
        checked: RawDocument = json.loads(raw)
        return checked
    try:
        parsed = json.loads(raw)
    except (ValueError, RecursionError) as error:  # ValueError covers bad UTF-8 too
        reason = "empty file" if not raw.strip() else f"not valid JSON: {error}"
        raise _corrupt(path, reason) from None
    data = _check_shape(path, parsed, only)
    version = schema_of(path, data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer reader (schema {version}; this one reads "
            f"{SCHEMA_VERSION}): upgrade reader to use this store"
        )
    if kind == "article":
        data = _migrate(path, data, version)
    _check_tables(path, data, kind, only)
    if version == SCHEMA_VERSION and only is None:
        _remember_checked(path, raw)
    return data


class BufferedStorage(Storage):
    """A TinyDB storage over one already-loaded document that saves once, on commit.

    TinyDB calls ``write`` after every table operation; one store operation makes several
    (the annotation, its history entry, the article's time), and they must reach the disk
    together or not at all. So ``write`` only keeps the new state, and :meth:`commit` saves
    it in one atomic write.
    """

    def __init__(self, path: Path, data: RawDocument | None, *, writable: bool) -> None:
        super().__init__()
        self.path = path
        self._data = data
        self._writable = writable
        self.dirty = False

    def read(self) -> RawDocument | None:
        """Return the document (TinyDB mutates it and hands it back to :meth:`write`)."""
        return self._data

    def write(self, data: RawDocument) -> None:
        """Keep TinyDB's new state until :meth:`commit`."""
        if not self._writable:
            raise RuntimeError(f"{self.path} was opened for reading only")
        self._data = data
        self.dirty = True

    def commit(self) -> None:
        """Save the document durably if anything changed, stamping the schema version.

        Raises:
            OSError: The file could not be written; it is unchanged.
        """
        if not self.dirty or self._data is None:
            return
        meta = self._data.get("meta") or {"1": {}}
        first = min(meta, key=int)
        meta[first] = {**meta[first], "schema": SCHEMA_VERSION}
        self._data["meta"] = meta
        encoded = json.dumps(self._data, ensure_ascii=True, separators=(",", ":"))
        raw = encoded.encode("ascii") + b"\n"
        atomic_write(self.path, raw, locked=True)
        self.dirty = False
        _remember_checked(self.path, raw)


def open_db(storage: BufferedStorage) -> TinyDB:
    """Return a new TinyDB over a storage (TinyDB wants a factory, not an instance)."""
    return TinyDB(storage=lambda: storage)


def read_db(path: Path, data: RawDocument) -> TinyDB:
    """Return a new, read-only TinyDB over an already-loaded document."""
    return open_db(BufferedStorage(path, data, writable=False))


def lock_path(path: Path) -> Path:
    """Return the lock file that guards writes to ``path``."""
    return path.with_suffix(".lock")


@contextmanager
def locked(path: Path, *, what: str = "change", make_folder: bool = False) -> Iterator[None]:
    """Hold the lock that guards writes to ``path`` for one read-modify-write.

    The one place that turns a failure to lock, read or save a store file into the one-line
    :class:`~reader.errors.StoreError` that the analyst sees: the block's changes were not
    saved and the file is as it was.

    Args:
        path: The file to change (its lock is :func:`lock_path`).
        what: What was not saved, for the message ("change", "decision").
        make_folder: Create the file's folder first (a failure to is reported the same way).

    Raises:
        StoreError: Another process held the lock for too long, or an :class:`OSError`
            (the message says why).
    """
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        with file_lock(lock_path(path)):
            yield
    except TimeoutError:
        raise StoreError(
            f"cannot save to {path}: another reader process has held it locked for too long"
        ) from None
    except OSError as error:
        raise StoreError(
            f"cannot save to {path}: {describe_os_error(error)}; the {what} was not saved"
        ) from None


@contextmanager
def transaction(path: Path, kind: FileKind) -> Iterator[TinyDB]:
    """Run one locked read-modify-write of a store file, saved once at the end.

    The caller's changes are saved only if the block completes; an exception discards
    them and leaves the file as it was.

    Raises:
        StoreError: The file could not be locked, read or written (the message says why);
            :class:`~reader.errors.CorruptStoreError` and
            :class:`~reader.errors.NewerSchemaError` as for :func:`load`.
    """
    with locked(path):
        storage = BufferedStorage(path, load(path, kind), writable=True)
        yield open_db(storage)
        storage.commit()
