"""``reader agree [PATH...] [--db PATH] [--annotator NAME ...] [--label L] [--json]``.

How far the annotators agree, sentence by sentence: for each pair, units, observed
agreement and Cohen's kappa; over all, Krippendorff's alpha; per label, the same figures
for "this label or not"; a confusion table; and the sentences on which they differ. The
figures are :mod:`reader.agreement`'s (its :data:`~reader.agreement.DEFINITIONS` is the
help's epilogue); this module reads the store once, article by article, and counts each
article's sentences without spaCy (as the store recorded them, else by splitting the
article again). Tags on sentences past the end of their article as it is split now are
left out, and said so. Only reads the store.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.agreement import DEFINITIONS, NONE, Agreement, compute_agreement
from reader.annotated import AnnotatedArticle, gather, sentence_counts, tags_by_annotator
from reader.article import Article
from reader.commands.options import add_db_option
from reader.config import store_path
from reader.errors import ArticleError, ReaderError
from reader.loaders import expand_paths, load_articles
from reader.loaders.notices import collect_warnings
from reader.safe_text import safe_json, visible
from reader.store import Store

NAME = "agree"
HELP = "agreement between annotators: Cohen's kappa per pair, Krippendorff's alpha, per label"

#: Disagreements listed in the table (``--json`` lists them all).
SHOWN = 30


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``agree``'s arguments, and the definitions as the help's epilogue."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "definitions:\n" + DEFINITIONS + "\n\nMore in docs/team.md."
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="only the articles in these files or folders (default: every annotated article)",
    )
    add_db_option(parser)
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        action="extend",
        nargs="+",
        help="compare only these annotators (repeatable; default: everyone who tagged)",
    )
    parser.add_argument(
        "--label",
        metavar="LABEL",
        help="per-label figures and disagreements for this label only",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")


def _warn(message: str) -> None:
    print(f"reader: {visible(message)}", file=sys.stderr)


def _load(paths: Sequence[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    with collect_warnings() as warnings:
        for path in expand_paths(list(paths)):
            for article in load_articles(path):
                found.setdefault(article.id, article)
    for warning in warnings:
        _warn(str(warning))
    if not found:
        raise ArticleError("no articles found in " + ", ".join(visible(p) for p in paths))
    return found


def measure(
    store: Store,
    *,
    articles: Mapping[str, Article] | None = None,
    annotators: Sequence[str] | None = None,
    label: str | None = None,
) -> tuple[Agreement, list[AnnotatedArticle]]:
    """Read the store once and compute the agreement (what ``run`` prints).

    Raises:
        ReaderError: An unknown label.
    """
    ids = list(articles) if articles is not None else None
    items = gather(store, ids, articles=articles, warn=_warn)
    if label is not None:
        used = {a.label for item in items for a in item.annotations}
        if store.labels.by_name(label) is None and label not in used:
            names = ", ".join(store.labels.names)
            raise ReaderError(f"unknown label {label!r} (labels: {names})")
    counts = sentence_counts(items, articles, _warn)
    tags, orphans = tags_by_annotator(items, counts)
    if orphans:
        _warn(
            f"{orphans} tag{' is' if orphans == 1 else 's are'} on sentences past the end of "
            "their article as it is split now; left out"
        )
    try:
        agreement = compute_agreement(
            tags,
            counts,
            annotators=annotators or None,
            labels=None if label is None else [label],
        )
    except ValueError as error:
        raise ReaderError(str(error)) from None
    return agreement, items


def _figure(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _pairs_table(agreement: Agreement) -> Table:
    table = Table(title="Pairs", title_justify="left")
    table.add_column("annotator")
    table.add_column("annotator")
    table.add_column("units", justify="right")
    table.add_column("observed", justify="right")
    table.add_column("kappa", justify="right")
    for pair in agreement.pairs:
        table.add_row(
            Text(visible(pair.a)),
            Text(visible(pair.b)),
            str(pair.units),
            _figure(pair.observed),
            _figure(pair.kappa),
        )
    return table


def _labels_table(agreement: Agreement) -> Table:
    table = Table(
        title="Per label",
        caption='"this label or not"',
        title_justify="left",
        caption_justify="left",
    )
    table.add_column("label")
    table.add_column("kappa", justify="right")
    table.add_column("alpha", justify="right")
    for name, figures in agreement.labels.items():
        table.add_row(Text(visible(name)), _figure(figures.kappa), _figure(figures.alpha))
    return table


def _confusion_table(agreement: Agreement) -> Table:
    table = Table(
        title="Confusion",
        caption="rows: the first of each pair in name order; columns: the second",
        title_justify="left",
        caption_justify="left",
    )
    table.add_column("")
    for column in agreement.confusion:
        table.add_column(Text(visible(column)), justify="right")
    for row, columns in agreement.confusion.items():
        table.add_row(Text(visible(row), style="bold"), *(str(n) for n in columns.values()))
    return table


def _disagreements_table(agreement: Agreement, items: Sequence[AnnotatedArticle]) -> Table:
    names = {item.id: item for item in items}
    texts = {(a.article_id, a.sentence): a.text for item in items for a in item.annotations}
    shown = agreement.disagreements[:SHOWN]
    more = len(agreement.disagreements) - len(shown)
    title = f"Disagreements ({len(agreement.disagreements)}"
    title += f"; the first {SHOWN}, --json lists all)" if more > 0 else ")"
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("article", ratio=2)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("sentence", ratio=4)
    for annotator in agreement.annotators:
        table.add_column(Text(visible(annotator)), no_wrap=True)
    for d in shown:
        item = names.get(d.article_id)
        table.add_row(
            Text(visible(item.title or item.path or item.id) if item else d.article_id),
            str(d.sentence + 1),
            Text(visible(texts.get((d.article_id, d.sentence), ""))),
            *(
                Text(visible(d.tags[name] or NONE) if name in d.tags else "")
                for name in agreement.annotators
            ),
        )
    return table


def run(args: argparse.Namespace) -> int:
    """Compute and print the agreement; returns the exit code."""
    store = Store(store_path(args.db), create=False)
    articles = _load(args.paths) if args.paths else None
    agreement, items = measure(
        store, articles=articles, annotators=args.annotator, label=args.label
    )
    if args.json:
        sys.stdout.write(safe_json(agreement.to_json()) + "\n")
        return 0
    out = Console(highlight=False)
    who = ", ".join(visible(name) for name in agreement.annotators) or "nobody"
    out.print(Text(f"Annotators: {who}"))
    if agreement.units == 0:
        out.print(Text("No article was tagged by two or more of them: nothing to compare."))
        return 0
    out.print(Text(f"Units: {agreement.units} sentences (of articles two or more tagged)"))
    out.print(Text(f"Krippendorff's alpha (nominal): {_figure(agreement.alpha)}"))
    out.print(_pairs_table(agreement))
    if agreement.labels:
        out.print(_labels_table(agreement))
    out.print(_confusion_table(agreement))
    if agreement.disagreements:
        out.print(_disagreements_table(agreement, items))
    return 0
