"""``reader import-annotations FILE [--db PATH] [--format F] [--annotator NAME]``.

Reads a ``jsonl``, ``prodigy`` or ``doccano`` export back into a store (see
:mod:`reader.formats.importing`): each record is tagged through the store, so the
import shows in the app at once and can be undone like any edit. Skipped records are
reported on stderr, one line each, with their line number; a summary line ends the run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.options import add_db_option
from reader.config import resolve_annotator, store_path
from reader.formats.importing import IMPORT_FORMATS, import_annotations
from reader.formats.registry import either
from reader.safe_text import visible
from reader.store import Store

NAME = "import-annotations"
HELP = f"read annotations exported as {either(IMPORT_FORMATS)} back into the store"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``import-annotations``' arguments."""
    parser.add_argument("file", metavar="FILE", help="the export file (JSON Lines)")
    add_db_option(parser, creates=True)
    parser.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: recognised from its first record)",
    )
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="who made annotations whose record does not say (default: $READER_ANNOTATOR, "
        "else your login name)",
    )


def run(args: argparse.Namespace) -> int:
    """Import the file; returns the exit code (1 when some records were skipped)."""
    annotator = resolve_annotator(args.annotator)
    store = Store(store_path(args.db))

    def warn(message: str) -> None:
        print(f"reader: {visible(message)}", file=sys.stderr)

    report = import_annotations(
        store, Path(args.file), fmt=args.format, annotator=annotator, warn=warn
    )
    parts = [
        f"{report.tagged} tagged",
        f"{report.unchanged} already there",
        f"{report.notes} notes and attributions set",
    ]
    if report.skipped:
        parts.append(f"{report.skipped} skipped")
    if report.ignored:
        parts.append(f"{report.ignored} left out (entities, rejected tasks)")
    articles = len(report.articles)
    print(
        f"reader: imported {report.format} from {visible(args.file)} into "
        f"{articles} article{'s' if articles != 1 else ''}: " + ", ".join(parts),
        file=sys.stderr,
    )
    return 1 if report.skipped else 0
