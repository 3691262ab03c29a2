"""CSV: the ``jsonl`` export's fields as columns, one row per annotated sentence.

RFC 4180 with a header row, UTF-8, ``\\r\\n`` row ends, fields quoted when they hold a
comma, a quote or a line break; a missing note, attribution or title is an empty cell.
Offsets are Python character offsets (code points) with an exclusive end.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and
article text and notes come from outside, so such a text cell gets a leading apostrophe
(the OWASP advice against CSV injection); the numbers are never changed. A CSV is read
by people, in a spreadsheet or a terminal, so control, bidirectional and zero-width
characters (from a note, say) are shown as visible stand-ins, one for one, so that offsets
still hold. Use ``jsonl`` when the exact text matters.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from reader.formats.base import EXPORT_FIELDS, ExportRow, row_format
from reader.safe_text import visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """One CSV cell: ``None`` as empty, text defused and made visible, numbers unchanged."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return visible(value, keep_newlines=True)


def write(rows: Iterable[ExportRow], stream: TextIO) -> int:
    """Write a header and one CSV row per annotation; return how many rows."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(EXPORT_FIELDS)
    count = 0
    for row in rows:
        record = row.as_dict()
        writer.writerow([cell(record[field]) for field in EXPORT_FIELDS])
        count += 1
    return count


FORMAT = row_format("csv", "CSV for spreadsheets: the jsonl fields as columns", write)
