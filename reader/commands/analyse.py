"""``reader analyse PATH... [--json]``: sentences and entities of articles, for people or
scripts.

With ``--json`` it prints one JSON object per article per line (the schema is in the
README); otherwise a Rich table per article. Many articles are analysed in one process per
core (``--processes``), each loading the model once and doing the whole job for a few
articles at a time, with a progress bar on stderr when that is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from reader.analysis import Analyser, Analysis
from reader.article import Article
from reader.commands.options import add_model_option
from reader.config import analysis_processes, load_settings
from reader.errors import ArticleError
from reader.loaders import expand_paths, load_articles
from reader.loaders.notices import collect_warnings
from reader.safe_text import visible, write_json_line

NAME = "analyse"
HELP = "print the sentences and entities of articles (a PATH may be a folder)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``analyse``'s arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--no-cache", action="store_true", help="ignore the analysis cache")
    parser.add_argument(
        "--processes",
        type=int,
        default=None,
        metavar="N",
        help=(
            "processes that run the model over many articles (default: the "
            "analysis_processes setting, else one per core)"
        ),
    )
    add_model_option(parser)


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    """The ``reader analyse --json`` object for one analysed article."""
    article = analysis.article
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "byline": article.byline,
        "caption": article.caption,
        "format": article.format,
        "text": article.text,
        "model": analysis.model,
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in article.blocks],
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "block": s.block,
                "block_index": s.block_index,
            }
            for s in analysis.sentences
        ],
        "entities": [
            {
                "name": e.name,
                "label": e.label,
                "kind": e.kind,
                "confidence": e.confidence,
                "uncertain": e.uncertain,
                "why": list(e.why),
                "mentions": [
                    {"start": m.start, "end": m.end, "text": m.text, "by": m.by} for m in e.mentions
                ],
            }
            for e in analysis.entities
        ],
        "suggestions": [
            {
                "sentence": s.sentence,
                "label": s.label,
                "speaker": s.speaker,
                "cue": list(s.cue),
                "source": s.source,
            }
            for s in analysis.suggestions
        ],
    }


def _safe(text: str | None) -> Text:
    return Text(visible(text or "–"))


def print_table(console: Console, analysis: Analysis) -> None:
    """Print one analysed article as Rich tables (all text shown literally)."""
    article = analysis.article
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for key, value in (
        ("title", article.title),
        ("path", article.path),
        ("id", article.id),
        ("date", article.date),
        ("byline", article.byline),
        ("format", article.format),
        ("model", analysis.model),
    ):
        meta.add_row(key, _safe(value))
    console.print(meta)

    sentences = Table(title="Sentences", title_justify="left", expand=True)
    sentences.add_column("# (from 0)", justify="right", no_wrap=True)
    sentences.add_column("block", no_wrap=True)
    sentences.add_column("start-end", no_wrap=True)
    sentences.add_column("text", ratio=1)
    for s in analysis.sentences:
        sentences.add_row(str(s.index), s.block, f"{s.start}-{s.end}", _safe(s.text))
    console.print(sentences)

    entities = Table(title="Entities", title_justify="left", expand=True)
    entities.add_column("name")
    entities.add_column("label", no_wrap=True)
    entities.add_column("mentions", justify="right")
    entities.add_column("found by")
    for e in analysis.entities:
        sources = sorted({m.by for m in e.mentions})
        entities.add_row(_safe(e.name), e.label, str(e.count), ", ".join(sources))
    console.print(entities)


def _load(paths: list[str]) -> tuple[list[Article], int]:
    """Load every article; a file that fails is reported and skipped, not fatal, so that
    one bad file does not stop a folder. Returns the articles and how many files failed."""
    articles: list[Article] = []
    failures: list[ArticleError] = []
    with collect_warnings() as warnings:
        for path in expand_paths(paths):
            try:
                articles.extend(load_articles(path))
            except ArticleError as error:
                failures.append(error)
    for warning in warnings:
        print(f"reader: {warning}", file=sys.stderr)
    if not articles:
        if failures:
            raise failures[0]
        raise ArticleError("no articles found in " + ", ".join(visible(p) for p in paths))
    for failure in failures:
        print(f"reader: {visible(failure.message)}; skipped", file=sys.stderr)
    return articles, len(failures)


def processes_wanted(args: argparse.Namespace) -> int:
    """How many processes run the model: ``--processes``, else the ``analysis_processes``
    setting that the app's background analysis also uses, else one per core."""
    wanted: int | None = args.processes
    return wanted if wanted is not None else analysis_processes(load_settings())


def run(args: argparse.Namespace) -> int:
    """Analyse the articles and print them."""
    articles, failed = _load(args.paths)
    if args.processes is not None and args.processes < 1:
        print("reader: --processes must be 1 or more", file=sys.stderr)
        return 2
    analyser = Analyser(args.model, use_cache=not args.no_cache, processes=processes_wanted(args))
    out = Console(highlight=False, soft_wrap=False)
    err = Console(stderr=True)
    show_progress = sys.stderr.isatty() and len(articles) > 1
    progress = Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("analyse", total=len(articles))
        found = analyser.analyse_many(articles, progress=lambda _: progress.advance(task))
        # Closed on the way out (an error, Ctrl+C, a closed pipe): that stops the workers.
        with contextlib.closing(found):
            for analysis in found:
                if args.json:
                    write_json_line(analysis_json(analysis), sys.stdout)
                    sys.stdout.flush()
                else:
                    print_table(out, analysis)
    # Some files were skipped: the output is incomplete, which scripts must be able to see.
    return 1 if failed else 0
