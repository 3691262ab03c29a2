"""``reader orphans [PATH...] [--db PATH] [--json]``: tags that lost their sentence.

When an article file changes after it was tagged, opening it in the app carries each tag
over to the sentence with the same text (see :mod:`reader.reanchor`); a tag whose sentence
is gone is kept as an *orphan*. This command lists them: for the given article files, or
for every article in the store. It only reads the store.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.commands.options import add_db_option
from reader.config import store_path
from reader.formats.base import EXPORT_FIELDS
from reader.loaders import expand_paths, load_articles
from reader.records import Annotation
from reader.safe_text import visible, write_json_line
from reader.store import Store

NAME = "orphans"
HELP = "list the tags whose sentence is gone from an edited article"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``orphans``' arguments."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (default: every article in the store)",
    )
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def orphan_json(path: str, article_id: str, orphan: Annotation) -> dict[str, Any]:
    """The ``--json`` object for one orphan."""
    fields = {name: getattr(orphan, name) for name in EXPORT_FIELDS if hasattr(orphan, name)}
    return {"path": path, "article_id": article_id, "tagged_on": orphan.article_id} | {
        name: value for name, value in fields.items() if name != "article_id"
    }


def _articles(store: Store, paths: list[str]) -> list[tuple[str, str]]:
    """``(path, article id)`` of the given files' articles, else of the whole store."""
    if not paths:
        return [(record.path, record.id) for record in store.articles()]
    found: list[tuple[str, str]] = []
    for path in expand_paths(paths):
        found.extend((article.path, article.id) for article in load_articles(path))
    return found


def run(args: argparse.Namespace) -> int:
    """List the orphans; returns 0 (also when there are none)."""
    store = Store(store_path(args.db), create=False)
    rows = [
        (path, article_id, orphan)
        for path, article_id in _articles(store, list(args.paths))
        for orphan in store.orphans(article_id)
    ]
    if args.json:
        for path, article_id, orphan in rows:
            write_json_line(orphan_json(path, article_id, orphan), sys.stdout)
        return 0
    out = Console(highlight=False)
    if not rows:
        out.print(Text("No orphaned tags."))
        return 0
    table = Table(title="Orphaned tags", title_justify="left", expand=True)
    table.add_column("article", ratio=2)
    table.add_column("label", no_wrap=True)
    table.add_column("annotator", no_wrap=True)
    table.add_column("sentence (as tagged)", ratio=4)
    table.add_column("note", ratio=2)
    for path, _, orphan in rows:
        table.add_row(
            Text(visible(path)),
            Text(visible(orphan.label)),
            Text(visible(orphan.annotator)),
            Text(visible(orphan.text)),
            Text(visible(orphan.note or "")),
        )
    out.print(table)
    return 0
