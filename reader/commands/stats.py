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
from typing import TYPE_CHECKING

from reader.commands.options import add_db_option, add_model_option
from reader.commands.output import output_width, plain_output
from reader.config import store_path
from reader.safe_text import visible, write_json_line
from reader.stats import EntityCount, Stats, Tally, compute_stats
from reader.store import Store

if TYPE_CHECKING:
    from reader.commands.grid import Grid

# Rich (for the tables) and the analysis (for the entities) are imported only when they
# are used: `stats --json` and `stats --no-entities` should cost little more than reading
# the store (docs/benchmarks.md).

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


def _annotators(tally: Tally) -> str:
    return ", ".join(f"{visible(name)} {sum(c.values())}" for name, c in tally.annotators.items())


def _names(entities: tuple[EntityCount, ...], limit: int = 3) -> str:
    return ", ".join(f"{visible(e.name)} ({e.sentences})" for e in entities[:limit])


def _agreement(tally: Tally) -> str:
    found = tally.agreement
    if found is None or found.alpha is None:
        return "–"
    return f"{found.alpha:.2f}"


def stats_table(stats: Stats) -> Grid:
    """Progress per article and in total; Krippendorff's alpha where two or more tagged."""
    from reader.commands.grid import Column, Grid

    shared = stats.total.agreement is not None
    columns = [
        Column("article", ratio=3),
        Column("tagged", "right"),
        Column("done", "right"),
        *(Column(visible(label), "right") for label in stats.labels),
        Column("annotators", ratio=2),
        *([Column("α", "right")] if shared else []),
        Column("most in " + "/".join(visible(label) for label in stats.focus), ratio=3),
    ]
    caption = "α: Krippendorff's alpha between the annotators (reader agree for the details)"
    table = Grid(
        columns, title="Annotation progress", caption=caption if shared else None, expand=True
    )
    for article in stats.articles:
        tally = article.tally
        table.add_row(
            visible(article.title or article.path or article.id),
            _sentences(tally),
            _percent(tally),
            *(str(tally.labels.get(label, 0)) for label in stats.labels),
            _annotators(tally),
            *([_agreement(tally)] if shared else []),
            _names(tally.entities),
        )
    total = stats.total
    table.add_section()
    count = len(stats.articles)
    table.add_row(
        f"total ({count} article{'' if count == 1 else 's'})",
        _sentences(total),
        _percent(total),
        *(str(total.labels.get(label, 0)) for label in stats.labels),
        _annotators(total),
        *([_agreement(total)] if shared else []),
        _names(total.entities),
        bold=True,
    )
    return table


def entities_table(stats: Stats) -> Grid:
    """The people and organisations most often found in claims and quotes, overall."""
    from reader.commands.grid import Column, Grid

    focus = " and ".join(visible(label) for label in stats.focus)
    table = Grid(
        [
            Column("name", ratio=1),
            Column("kind"),
            Column("sentences", "right"),
            Column("articles", "right"),
        ],
        title="People and organisations in " + focus,
    )
    for entity in stats.total.entities:
        table.add_row(
            visible(entity.name), entity.kind, str(entity.sentences), str(entity.articles)
        )
    return table


def run(args: argparse.Namespace) -> int:
    """Compute and print the statistics; returns the exit code."""
    store = Store(store_path(args.db), create=False)

    def warn(message: str) -> None:
        print(f"reader: {visible(message)}", file=sys.stderr)  # one line per warning

    analyser = None
    if not args.no_entities:
        from reader.analysis import Analyser
        from reader.config import analysis_processes, load_settings

        # Articles not analysed yet are analysed on every core, like `reader analyse`.
        analyser = Analyser(args.model, processes=analysis_processes(load_settings()))
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
    tables = [stats_table(stats)] if stats.articles else []
    if tables and not args.no_entities and stats.total.entities:
        tables.append(entities_table(stats))
    if plain_output(sys.stdout):
        width = output_width()
        if not tables:
            print("No annotations yet.")
        for table in tables:
            table.write(sys.stdout, width)
        return code
    from rich.console import Console

    out = Console(highlight=False)
    if not tables:
        out.print("No annotations yet.", markup=False)
    for table in tables:
        # Not cropped: a terminal too narrow for the columns wraps the lines; nothing is lost.
        out.print(table, crop=False)
    return code
