"""Read exports back into a store: ``jsonl``, ``prodigy`` and ``doccano``.

The format is recognised from the first record (or given). Every record becomes, through
:meth:`Store.tag`, :meth:`Store.set_note` and :meth:`Store.set_attribution`, the annotation
it describes, so an import is recorded in the history and can be undone like any edit.
An import adds and updates: it never removes a tag, a note or an attribution that the
file does not mention.

What a format carries:

* ``jsonl``: everything but the times (the store stamps its own).
* ``prodigy``: sentence ``choice`` tasks with ``answer: "accept"`` and exactly one accepted
  option; the article, sentence and offsets come from ``meta`` (as ``reader export``
  writes them), the annotator from ``_annotator_id``. Article (``ner_manual``) tasks hold
  the model's entities, not annotations, and are not imported.
* ``doccano``: spans whose label is one of the store's labels are sentence labels; other
  spans (entities) are not imported. A span that is not exactly a sentence is moved to
  the sentence it overlaps most, and reported. ``notes`` and ``attributions``, when the
  line has them (``reader export`` writes them), are restored.

Each format that can be read has a ``read`` in its :class:`~reader.formats.base.Format`
(its module says what it carries); :class:`~reader.formats.importer.Importer` does what they
share. Bad lines and records are reported with their line number and skipped; the rest imports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.annotated import Warn, ignore_warning
from reader.errors import ReaderError
from reader.files import read_bytes_guarded
from reader.formats.base import RecordReader
from reader.formats.importer import Importer, ImportReport, Skip
from reader.formats.registry import either, get_format, import_formats
from reader.safe_text import visible
from reader.store import Store

__all__ = [
    "IMPORT_FORMATS",
    "MAX_IMPORT_BYTES",
    "ImportReport",
    "detect_format",
    "import_annotations",
]

#: The largest file ``reader import-annotations`` reads: 200 MB, several times the export
#: of a large team store, and little enough to decode and split in memory.
MAX_IMPORT_BYTES = 200_000_000

#: The formats that can be imported, in the order they are tried on a file's first record.
IMPORT_FORMATS: tuple[str, ...] = import_formats()


def read_lines(path: Path) -> Iterator[tuple[int, Any, str | None]]:
    """Yield ``(line number, decoded JSON, None)`` for each good line and
    ``(line number, None, problem)`` for each bad one; blank lines are skipped.

    Raises:
        ReaderError: the file cannot be read.
    """
    name = visible(str(path))
    # Through the guarded opener: a FIFO, a device (/dev/zero) or a socket is refused
    # before it is opened, and reading stops past the limit, whatever size the file claims.
    data = read_bytes_guarded(
        path, limit=MAX_IMPORT_BYTES, what="an export file", name=name, noun="export files"
    )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReaderError(f"{name} is not UTF-8 text (exports are UTF-8 JSON Lines)") from None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except (ValueError, RecursionError) as error:
            if isinstance(error, json.JSONDecodeError):
                reason = f"at column {error.colno}: {error.msg}"
            else:
                reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            yield number, None, f"not valid JSON ({reason})"


def detect_format(record: Any) -> str | None:
    """Recognise an import format from one of its records."""
    if not isinstance(record, dict):
        return None
    for name in IMPORT_FORMATS:
        recognises = get_format(name).recognises
        if recognises is not None and recognises(record):
            return name
    return None


def import_annotations(
    store: Store,
    path: Path,
    *,
    fmt: str | None = None,
    annotator: str,
    warn: Warn = ignore_warning,
) -> ImportReport:
    """Import an export file into ``store``.

    Args:
        store: The store to import into.
        path: The file (``jsonl``, ``prodigy`` or ``doccano`` JSON Lines).
        fmt: The format; recognised from the first record when ``None``.
        annotator: Who the annotations are by when a record does not say.
        warn: Called with one line per record skipped or changed on the way.

    Raises:
        ReaderError: the file cannot be read, its format cannot be recognised, or ``fmt``
            is not one that can be read.
        StoreError: the store cannot be written.
    """
    if fmt is not None and fmt not in IMPORT_FORMATS:
        raise ReaderError(f"cannot import {fmt} (formats: {', '.join(IMPORT_FORMATS)})")
    name = visible(str(path))
    importer: Importer | None = None
    read: RecordReader | None = None
    early: list[tuple[int, str]] = []  # bad lines before the format is known
    for line, record, problem in read_lines(path):
        if problem is not None:
            if importer is None:
                early.append((line, problem))
            else:
                importer.skip(line, problem)
            continue
        if importer is None:
            found = fmt or detect_format(record)
            if found is None:
                raise ReaderError(
                    f"{name}: line {line} is not a {either(IMPORT_FORMATS)} record "
                    "(use --format to say which it is)"
                )
            importer = Importer(store, found, annotator, warn, name)
            read = get_format(found).read
            for early_line, early_problem in early:
                importer.skip(early_line, early_problem)
        if not isinstance(record, dict):
            importer.skip(line, "not a JSON object")
            continue
        assert read is not None  # every format in IMPORT_FORMATS reads
        try:
            read(importer, line, record)
        except Skip as problem:
            importer.skip(line, str(problem))
    if importer is None:
        raise ReaderError(f"{name} holds no records")
    importer.register()
    return importer.report
