"""Run an export of any format, to a stream, a file or a folder.

This is what ``reader export`` and the app both call. Each article is gathered with as
much as the format needs (see :mod:`reader.annotated`), then the format writes them all.
A file is written atomically: it appears complete or not at all; never into the store,
through a symbolic link, and to a FIFO or a device as a stream (:mod:`.output`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.annotated import Layer, Problems, Warn, gather, ignore_warning
from reader.atomic import describe_os_error
from reader.config import analysis_processes, load_settings
from reader.errors import ReaderError
from reader.formats.base import ExportOptions, ExportRow, Only, export_row
from reader.formats.output import check_target, text_output
from reader.formats.registry import check_export
from reader.safe_text import visible
from reader.store import Store

if TYPE_CHECKING:
    from reader.analysis import Analyser
    from reader.article import Article
    from reader.store import ReviewItem

# The analysis (and with it the entity rules and the segmenter) is imported only for a
# format that needs entities: an export of the annotations alone (`--format jsonl`, csv)
# reads the store and writes, like `reader stats --no-entities` (docs/benchmarks.md).


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        format: The format's name.
        target: The file or folder written, or ``None`` for a stream.
        articles: How many articles something was written for.
        annotations: How many sentence annotations were written.
        unsettled: For the gold layer, how many tagged sentences of the articles exported
            are neither decided nor agreed (so not exported); ``None`` for annotators'.
        problems: How many things were left out because they are damaged (tags that do
            not fit their article's text, analyses that failed), each reported.
    """

    format: str
    target: Path | None
    articles: int
    annotations: int
    unsettled: int | None = None
    problems: int = 0


def export_rows(
    store: Store,
    *,
    article_ids: Iterable[str] | None = None,
    annotator: str | None = None,
    label: str | None = None,
) -> Iterator[ExportRow]:
    """Yield the store's annotations as export rows: by article path, then by start.

    Args:
        store: The store to read.
        article_ids: Only these articles, in this order (default: all, by path).
        annotator: Only this annotator's annotations.
        label: Only this label's.
    """
    for item in gather(store, article_ids, annotator=annotator, label=label):
        for annotation in item.annotations:
            yield export_row(item, annotation)


def export(
    store: Store,
    fmt: str,
    target: TextIO | Path,
    *,
    article_ids: Iterable[str] | None = None,
    articles: Mapping[str, Article] | None = None,
    annotator: str | None = None,
    label: str | None = None,
    only: Only | None = None,
    analyser: Analyser | None = None,
    model: str | None = None,
    warn: Warn = ignore_warning,
    layer: Layer = "annotators",
) -> ExportResult:
    """Export annotations in format ``fmt`` to a text stream, a file or a folder.

    Args:
        store: The store.
        fmt: A registered format (:func:`reader.formats.formats`).
        target: A text stream (text formats only), or the file or folder to write.
        article_ids: Only these articles, in this order (default: every annotated one).
        articles: Articles already loaded, by id (so they need not be loaded again).
        annotator: Only this annotator's annotations.
        label: Only this label's annotations.
        only: ``sentences`` or ``entities`` only, for formats that carry both.
        analyser: Analyser for the formats that need entities (default: one for
            ``model``, which loads spaCy only if an analysis is not cached).
        model: The spaCy model for that default analyser.
        warn: Called with one line for everything left out.
        layer: ``annotators`` (each annotator's tags) or ``gold`` (the settled layer:
            decisions and agreed labels, see :meth:`reader.store.Review.gold`).

    Raises:
        ReaderError: unknown format, a binary or folder format without a path, an
            option the format does not take, an annotator with the gold layer, or the
            output cannot be written.
    """
    path = target if isinstance(target, Path) else None
    spec = check_export(fmt, only=only, to_path=path is not None)
    if layer == "gold" and annotator is not None:
        raise ReaderError("the gold layer is everyone's: --annotator applies to --layer annotators")
    unsettled: list[ReviewItem] = []
    # Decided before anything is read or written: never into the store, links written
    # through, FIFOs and devices as streams (see reader.formats.output).
    destination = check_target(path, store.root, spec.output) if path is not None else None
    options = ExportOptions(store.labels, only, warn)
    need = spec.needs(options)
    if need == "entities" and analyser is None:
        from reader.analysis import Analyser

        # Articles not analysed yet are analysed on every core, like `reader analyse`.
        analyser = Analyser(model, processes=analysis_processes(load_settings()))
    problems = Problems()
    try:
        items = gather(
            store,
            list(article_ids) if article_ids is not None else None,
            annotator=annotator,
            label=label,
            need=need,
            articles=articles,
            analyser=analyser,
            warn=warn,
            without=spec.without_text,
            layer=layer,
            unsettled=unsettled,
            problems=problems,
        )
        if destination is None:
            summary = spec.write(items, target, options)
        elif spec.output == "text":
            with text_output(destination) as stream:
                summary = spec.write(items, stream, options)
        else:
            summary = spec.write(items, destination.path, options)
        return ExportResult(
            fmt,
            path,
            summary.articles,
            summary.annotations,
            len(unsettled) if layer == "gold" else None,
            problems.count,
        )
    except BrokenPipeError:
        raise  # `reader export | head`: the command line ends quietly
    except OSError as error:
        shown = visible(str(path)) if path is not None else "the output"
        raise ReaderError(f"cannot write {shown}: {describe_os_error(error)}") from None


def export_articles(
    store: Store,
    article_ids: Iterable[str] | None,
    fmt: str,
    out_path: Path,
    *,
    analyser: Analyser | None = None,
    annotator: str | None = None,
    label: str | None = None,
    only: Only | None = None,
    warn: Warn = ignore_warning,
    layer: Layer = "annotators",
) -> Path:
    """Export the annotations of ``article_ids`` (``None``: every annotated article) in
    format ``fmt`` to ``out_path`` (a folder for ``brat``) and return ``out_path``; for
    the app.

    Blocking: it may load, and for formats with entities analyse, every article, so the
    app runs it in a worker thread. ``warn`` is called with one line for each article or
    record left out.

    Raises:
        ReaderError: see :func:`export`.
    """
    export(
        store,
        fmt,
        Path(out_path),
        article_ids=article_ids,
        annotator=annotator,
        label=label,
        only=only,
        analyser=analyser,
        warn=warn,
        layer=layer,
    )
    return Path(out_path)
