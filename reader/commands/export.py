"""``reader export [PATH...] [--db PATH] [--format F] [--annotator NAME] [--label L]
[--only sentences|entities] [--layer annotators|gold] [-o OUT]``.

Exports the annotations of the articles in ``PATH...`` (files or folders; default: every
annotated article) in one of the formats of :mod:`reader.formats`, to standard output or
to ``OUT`` (a folder for ``brat``; ``spacy`` is binary and always needs ``-o``). Reading
the store never writes to it; with ``-o`` the output appears complete or not at all.
Everything left out (a bad corpus line, a moved article) is one line on stderr.

``--layer gold`` exports the settled layer instead of each annotator's tags: a reviewer's
decision, else the label every annotator taking part agreed on (two or more); the count of
tagged sentences left unsettled is one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from reader.annotated import LAYERS
from reader.commands.options import add_db_option, add_model_option
from reader.config import store_path
from reader.errors import ArticleError, ReaderError
from reader.formats import ExportResult, all_formats, check_export, export, formats
from reader.formats.registry import BUILTIN_FORMATS, either
from reader.safe_text import visible
from reader.store import Store

if TYPE_CHECKING:
    from reader.article import Article

# Each format's module is imported when it is used (reader.formats.registry), and the
# loaders only for articles named on the command line: `reader export --format jsonl`
# imports no other format, no loader and no analysis (docs/benchmarks.md).

NAME = "export"
HELP = "export the annotations: " + either(BUILTIN_FORMATS)

T = TypeVar("T")

#: ``-o`` values that mean standard output (written as UTF-8, like any export).
STDOUT_NAMES = ("-", "/dev/stdout")


class _LazyHelp(argparse.Action):
    """Stores its value, as argparse's default action does; its help is made by
    ``describe`` only when help is shown (a help that names what every format does
    imports every format, which running an export does not need)."""

    def __init__(self, *args: Any, describe: Callable[[], str], **kwargs: Any) -> None:
        self._describe = describe
        super().__init__(*args, **kwargs)

    @property
    def help(self) -> str:
        """The help text, made now."""
        return self._describe()

    @help.setter
    def help(self, value: str | None) -> None:
        """argparse sets it on creation; the text comes from ``describe``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)


def _formats_help() -> str:
    return "output format (default: jsonl): " + "; ".join(
        f"{spec.name}: {spec.description}" for spec in all_formats()
    )


def _only_help() -> str:
    return (
        "only sentence labels or only entity spans ("
        + ", ".join(spec.name for spec in all_formats() if spec.sentences_need is not None)
        + ")"
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``export``'s arguments."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="only the articles in these files or folders (default: every annotated article)",
    )
    add_db_option(parser)
    parser.add_argument(
        "--format", choices=formats(), default="jsonl", action=_LazyHelp, describe=_formats_help
    )
    parser.add_argument(
        "--annotator", metavar="NAME", help="only this annotator's tags (default: everyone's)"
    )
    parser.add_argument("--label", metavar="LABEL", help="only this label's tags")
    parser.add_argument(
        "--layer",
        choices=LAYERS,
        default="annotators",
        help="annotators (default): every annotator's own tags, one row each; gold: the "
        "settled layer, one per sentence: a reviewer's decision (credited to the reviewer), "
        "else the label all the article's annotators agreed on (credited to 'agreed', two "
        "or more annotators); the count of unsettled sentences goes to stderr",
    )
    parser.add_argument(
        "--only", choices=("sentences", "entities"), action=_LazyHelp, describe=_only_help
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to the file OUT (a folder for brat) instead of standard output ('-'); "
        "never into the store; a link is written through, a FIFO or device as a stream",
    )
    add_model_option(parser)


def _warn(message: str) -> None:
    print(f"reader: {visible(message)}", file=sys.stderr)


def _to_stdout(write: Callable[[TextIO], T]) -> T:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        return write(sys.stdout)
    # Exports are UTF-8 whatever the locale says, like the files they go into.
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        result = write(stream)
        stream.flush()
        return result
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


def _load(paths: list[str]) -> dict[str, Article]:
    """The articles in ``paths`` by id; bad corpus lines are reported, not fatal."""
    from reader.loaders import expand_paths, load_articles
    from reader.loaders.notices import collect_warnings

    found: dict[str, Article] = {}
    with collect_warnings() as warnings:
        for path in expand_paths(paths):
            for article in load_articles(path):
                found.setdefault(article.id, article)
    for warning in warnings:
        _warn(str(warning))
    if not found:
        raise ArticleError("no articles found in " + ", ".join(visible(p) for p in paths))
    return found


def _report_unsettled(result: ExportResult) -> None:
    if result.unsettled is None:
        return
    count = result.unsettled
    print(
        f"reader: {count} tagged sentence{'' if count == 1 else 's'} unsettled (annotators "
        "differ and no reviewer decided, or only one annotator tagged the article); "
        "not in the gold layer",
        file=sys.stderr,
    )


def run(args: argparse.Namespace) -> int:
    """Export the store's annotations; returns the exit code."""
    store = Store(store_path(args.db), create=False)
    if args.label is not None and store.labels.by_name(args.label) is None:
        raise ReaderError(f"unknown label {args.label!r} (labels: {', '.join(store.labels.names)})")
    if args.output in STDOUT_NAMES:
        args.output = None
    check_export(args.format, only=args.only, to_path=args.output is not None)
    articles = _load(args.paths) if args.paths else None

    def run_export(target: TextIO | Path) -> ExportResult:
        return export(
            store,
            args.format,
            target,
            article_ids=list(articles) if articles is not None else None,
            articles=articles,
            annotator=args.annotator,
            label=args.label,
            only=args.only,
            model=args.model,
            warn=_warn,
            layer=args.layer,
        )

    if args.output is None:
        result = _to_stdout(run_export)
        _report_unsettled(result)
        return 1 if result.problems else 0
    result = run_export(Path(args.output))
    _report_unsettled(result)
    noun = "annotation" if result.annotations == 1 else "annotations"
    where = "article" if result.articles == 1 else "articles"
    print(
        f"reader: wrote {result.annotations} {noun} of {result.articles} {where} "
        f"to {visible(args.output)}",
        file=sys.stderr,
    )
    return 1 if result.problems else 0  # something damaged was left out, and said
