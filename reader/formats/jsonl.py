"""JSON Lines: one JSON object per annotated sentence, keys in :data:`EXPORT_FIELDS` order.

Non-ASCII text is kept readable, but every character a terminal could act on (C1
controls, bidirectional overrides, line separators) is escaped by
:func:`reader.safe_text.safe_json`, so printing an export to a terminal is harmless.

Read back by ``reader import-annotations``: everything but the times (the store stamps
its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from reader.formats.base import ExportRow, row_format
from reader.formats.importer import Importer, optional_text, required_text
from reader.safe_text import safe_json


def write(rows: Iterable[ExportRow], stream: TextIO) -> int:
    """Write one JSON line per row to ``stream`` and return how many were written."""
    count = 0
    for row in rows:
        stream.write(safe_json(row.as_dict()) + "\n")
        count += 1
    return count


def recognises(record: dict[str, Any]) -> bool:
    """A ``jsonl`` record names its article, its sentence and its label."""
    return {"article_id", "sentence", "label"} <= record.keys() and isinstance(record["label"], str)


def read(importer: Importer, line: int, record: dict[str, Any]) -> None:
    """Import one ``jsonl`` record."""

    importer.take(
        record,
        text=required_text(record, "text"),
        label=required_text(record, "label"),
        annotator=optional_text(record, "annotator") or importer.annotator,
    )


FORMAT = row_format(
    "jsonl",
    "JSON Lines, one object per tagged sentence (the default)",
    write,
    read=read,
    recognises=recognises,
)
