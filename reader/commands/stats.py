"""``reader stats [--db PATH] [--annotator NAME] [--json]``: how far the tagging has got.

Prints, per annotated article and in total, the sentences tagged by label and annotator,
progress, the agreement between annotators where two or more tagged (Krippendorff's
alpha; the JSON also gives kappa and units), and the people and organisations most often
found in claims and quotes, as
Rich tables (every title, name and path shown literally, never as markup), or, with
``--json``, as one JSON object (see :meth:`reader.stats.Stats.as_json`).
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.analysis import Analyser
from reader.commands.options import add_db_option, add_model_option
from reader.config import store_path
from reader.safe_text import visible, write_json_line
from reader.stats import EntityCount, Stats, Tally, compute_stats
from reader.store import Store

NAME = "stats"
HELP = "annotation progress per article, labels, annotators and who the claims are about"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``stats``' arguments."""
    add_db_option(parser)
    parser.add_argument(
        "--annotator", metavar="NAME", help="only this annotator's tags (default: everyone's)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    parser.add_argument(
        "--top", type=int, default=10, metavar="N", help="people and organisations shown (10)"
    )
    parser.add_argument(
        "--no-entities",
        action="store_true",
        help="skip the people and organisations (no analysis, so no spaCy)",
    )
    add_model_option(parser)


def _percent(tally: Tally) -> str:
    return "–" if tally.progress is None else f"{tally.progress:.0%}"


def _sentences(tally: Tally) -> str:
    return f"{tally.tagged}/{tally.sentences if tally.sentences else '?'}"


def _annotators(tally: Tally) -> Text:
    parts = [f"{visible(name)} {sum(c.values())}" for name, c in tally.annotators.items()]
    return Text(", ".join(parts))


def _names(entities: tuple[EntityCount, ...], limit: int = 3) -> Text:
    return Text(", ".join(f"{visible(e.name)} ({e.sentences})" for e in entities[:limit]))


def _agreement(tally: Tally) -> str:
    found = tally.agreement
    if found is None or found.alpha is None:
        return "–"
    return f"{found.alpha:.2f}"


def stats_table(stats: Stats) -> Table:
    """Progress per article and in total; Krippendorff's alpha where two or more tagged."""
    shared = stats.total.agreement is not None
    table = Table(title="Annotation progress", title_justify="left", expand=True)
    table.add_column("article", ratio=3)
    table.add_column("tagged", justify="right", no_wrap=True)
    table.add_column("done", justify="right", no_wrap=True)
    for label in stats.labels:
        table.add_column(Text(visible(label)), justify="right", no_wrap=True)
    table.add_column("annotators", ratio=2)
    if shared:
        table.add_column("α", justify="right", no_wrap=True)
    table.add_column("most in " + "/".join(stats.focus), ratio=3)
    for article in stats.articles:
        tally = article.tally
        table.add_row(
            Text(visible(article.title or article.path or article.id)),
            _sentences(tally),
            _percent(tally),
            *(str(tally.labels.get(label, 0)) for label in stats.labels),
            _annotators(tally),
            *([_agreement(tally)] if shared else []),
            _names(tally.entities),
        )
    total = stats.total
    table.add_section()
    table.add_row(
        Text(
            f"total ({len(stats.articles)} article{'' if len(stats.articles) == 1 else 's'})",
            style="bold",
        ),
        _sentences(total),
        _percent(total),
        *(str(total.labels.get(label, 0)) for label in stats.labels),
        _annotators(total),
        *([_agreement(total)] if shared else []),
        _names(total.entities),
    )
    if shared:
        table.caption = (
            "α: Krippendorff's alpha between the annotators (reader agree for the details)"
        )
        table.caption_justify = "left"
    return table


def entities_table(stats: Stats) -> Table:
    """The people and organisations most often found in claims and quotes, overall."""
    table = Table(
        title="People and organisations in " + " and ".join(stats.focus),
        title_justify="left",
    )
    table.add_column("name")
    table.add_column("kind", no_wrap=True)
    table.add_column("sentences", justify="right")
    table.add_column("articles", justify="right")
    for entity in stats.total.entities:
        table.add_row(
            Text(visible(entity.name)), entity.kind, str(entity.sentences), str(entity.articles)
        )
    return table


def run(args: argparse.Namespace) -> int:
    """Compute and print the statistics; returns the exit code."""
    store = Store(store_path(args.db), create=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per warning

    def warn(message: str) -> None:
        err.print(Text(f"reader: {visible(message)}"))

    analyser = None if args.no_entities else Analyser(args.model)
    stats = compute_stats(
        store,
        annotator=args.annotator,
        entities=not args.no_entities,
        analyser=analyser,
        top=max(0, args.top),
        warn=warn,
    )
    # Something damaged was left out (and said): the figures are incomplete, which
    # scripts must be able to see.
    code = 1 if stats.problems else 0
    if args.json:
        write_json_line(stats.as_json(), sys.stdout)
        return code
    out = Console(highlight=False)
    if not stats.articles:
        out.print(Text("No annotations yet."))
        return code
    out.print(stats_table(stats))
    if not args.no_entities and stats.total.entities:
        out.print(entities_table(stats))
    return code
