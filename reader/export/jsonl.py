"""JSON Lines: one JSON object per annotated sentence, keys in :data:`EXPORT_FIELDS` order.

Non-ASCII text is kept readable, but every character a terminal could act on (C1
controls, bidirectional overrides, line separators) is escaped by
:func:`reader.safe_text.safe_json`, so printing an export to a terminal is harmless.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from reader.export import ExportRow
from reader.safe_text import safe_json


def write(rows: Iterable[ExportRow], stream: TextIO) -> int:
    """Write one JSON line per row to ``stream`` and return how many were written."""
    count = 0
    for row in rows:
        stream.write(safe_json(row.as_dict()) + "\n")
        count += 1
    return count
