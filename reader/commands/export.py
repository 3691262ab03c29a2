"""``reader export [--db PATH] [--format jsonl] [--annotator NAME] [--label L] [-o OUT]``.

Prints one record per annotated sentence, joined with its article's path and title (see
:mod:`reader.export` for the fields and the formats). Reading the store never writes to
it; with ``-o`` the output file appears complete or not at all.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from reader.atomic import atomic_text_file, describe_os_error
from reader.config import store_path
from reader.errors import ReaderError
from reader.export import ExportRow, Writer, export_rows, formats, get_writer
from reader.safe_text import visible
from reader.store import Store

NAME = "export"
HELP = "print the annotations, one line per annotated sentence (JSON Lines)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``export``'s arguments."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation store folder (default: $READER_DB, else $XDG_DATA_HOME/reader)",
    )
    parser.add_argument(
        "--format", choices=formats(), default="jsonl", help="output format (default: jsonl)"
    )
    parser.add_argument(
        "--annotator", metavar="NAME", help="only this annotator's tags (default: everyone's)"
    )
    parser.add_argument("--label", metavar="LABEL", help="only this label's tags")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to the file OUT instead of standard output"
    )


def _to_stdout(writer: Writer, rows: Iterable[ExportRow]) -> int:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        return writer(rows, sys.stdout)
    # Exports are UTF-8 whatever the locale says, like the files they go into.
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        count = writer(rows, stream)
        stream.flush()
        return count
    except BrokenPipeError:
        # `reader export | head`: the reader left. Point stdout at /dev/null so that the
        # flush at exit does not fail again, and let the CLI exit quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise
    finally:
        with contextlib.suppress(ValueError, OSError):
            stream.detach()  # leave sys.stdout's buffer open


def run(args: argparse.Namespace) -> int:
    """Export the store's annotations; returns the exit code."""
    store = Store(store_path(args.db), create=False)
    if args.label is not None and store.labels.by_name(args.label) is None:
        raise ReaderError(f"unknown label {args.label!r} (labels: {', '.join(store.labels.names)})")
    writer = get_writer(args.format)
    rows = export_rows(store, annotator=args.annotator, label=args.label)
    if args.output is None:
        _to_stdout(writer, rows)
        return 0
    output = Path(args.output)
    try:
        with atomic_text_file(output) as stream:
            count = writer(rows, stream)
    except OSError as error:
        raise ReaderError(f"cannot write {output}: {describe_os_error(error)}") from None
    noun = "annotation" if count == 1 else "annotations"
    print(f"reader: wrote {count} {noun} to {visible(str(output))}", file=sys.stderr)
    return 0
