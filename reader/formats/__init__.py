"""Export and import formats: one description per format, one registry, one runner.

Shaped like :mod:`reader.loaders`:

* :mod:`reader.formats.base`: :class:`Format`, what a format is (name, description,
  suffix, where it writes, its writer, and its reader if it can be imported), and what
  writers share (:class:`ExportRow`, :class:`ExportOptions`, entity spans, file names).
* :mod:`reader.formats.registry`: the formats by name (:func:`formats`,
  :func:`get_format`), which ``reader export``, ``reader import-annotations``, their help
  and the app's export dialog all read.
* :mod:`reader.formats.run`: :func:`export`, the one runner, to a stream, file or folder.
* :mod:`reader.formats.importing`: :func:`import_annotations`, reading exports back.
* one module per format: ``jsonl``, ``csv``, ``prodigy``, ``doccano``, ``brat``, ``spacy``,
  ``md``, each defining ``FORMAT``.

To add a format: write ``reader/formats/NAME.py`` with a ``FORMAT`` and add ``NAME`` to
:data:`~reader.formats.registry.BUILTIN_FORMATS`.
"""

from __future__ import annotations

from reader.formats.base import EXPORT_FIELDS, OFFSETS_NOTE, ExportOptions, ExportRow, Format, Only
from reader.formats.registry import (
    all_formats,
    article_format,
    check_export,
    export_filename,
    formats,
    get_format,
    get_writer,
    output_kind,
    register_format,
)
from reader.formats.run import ExportResult, export, export_articles, export_rows

__all__ = [
    "EXPORT_FIELDS",
    "OFFSETS_NOTE",
    "ExportOptions",
    "ExportResult",
    "ExportRow",
    "Format",
    "Only",
    "all_formats",
    "article_format",
    "check_export",
    "export",
    "export_articles",
    "export_filename",
    "export_rows",
    "formats",
    "get_format",
    "get_writer",
    "output_kind",
    "register_format",
]
