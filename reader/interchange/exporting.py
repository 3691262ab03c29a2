"""Run an export of any registered format, to a stream, a file or a folder.

This is what ``reader export`` and the app both call (the app through
:func:`reader.export.export_articles`). Row formats (``jsonl``, ``csv``) go through the
registry's row writers; article formats (``prodigy``, ``doccano``, ``brat``, ``spacy``,
``md``) gather each article's text and entities first (see
:mod:`reader.interchange.sources`). A file is written atomically: it appears complete or
not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from reader.analysis import Analyser
from reader.article import Article
from reader.atomic import atomic_text_file, describe_os_error
from reader.errors import ReaderError
from reader.export import ExportRow, article_format, export_rows, get_writer
from reader.interchange.sources import Warn, gather, ignore_warning
from reader.interchange.writing import ExportOptions, Only
from reader.safe_text import visible
from reader.store import Store

#: File name endings of the formats' output (``brat`` writes a folder).
SUFFIXES = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "prodigy": ".prodigy.jsonl",
    "doccano": ".doccano.jsonl",
    "md": ".md",
    "spacy": ".spacy",
    "brat": "",
}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        format: The format's name.
        target: The file or folder written, or ``None`` for a stream.
        articles: How many articles something was written for.
        annotations: How many sentence annotations were written.
    """

    format: str
    target: Path | None
    articles: int
    annotations: int


def output_kind(fmt: str) -> str:
    """``text``, ``file`` (binary) or ``folder``: where format ``fmt`` writes."""
    spec = article_format(fmt)
    return "text" if spec is None else spec.output


def export_filename(fmt: str, stem: str = "reader-export") -> str:
    """A default name for an export of ``fmt``: ``reader-export.prodigy.jsonl``."""
    return stem + SUFFIXES.get(fmt, f".{fmt}")


class _Counted:
    """Rows passed through, counting the distinct articles."""

    def __init__(self, rows: Iterable[ExportRow]) -> None:
        self._rows = rows
        self.articles: set[str] = set()

    def __iter__(self) -> Iterator[ExportRow]:
        for row in self._rows:
            self.articles.add(row.article_id)
            yield row


def _name(store: Store, article_id: str, article: Article | None) -> str:
    """How a message names an article: its path, else its id."""
    if article is not None:
        return visible(article.path)
    record = next((r for r in store.articles() if r.id == article_id), None)
    return visible(record.path) if record is not None and record.path else f"article {article_id}"


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
) -> ExportResult:
    """Export annotations in format ``fmt`` to a text stream, a file or a folder.

    Args:
        store: The store.
        fmt: A registered format (:func:`reader.export.formats`).
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

    Raises:
        ReaderError: unknown format, a binary or folder format without a path, an
            option the format does not take, or the output cannot be written.
    """
    ids = list(article_ids) if article_ids is not None else None
    spec = article_format(fmt)
    path = target if isinstance(target, Path) else None
    try:
        if spec is None:
            writer = get_writer(fmt)  # raises for an unknown format
            if only is not None:
                raise ReaderError(f"--only applies to formats with entities, not to {fmt}")
            rows = _Counted(export_rows(store, article_ids=ids, annotator=annotator, label=label))
            if path is None:
                assert not isinstance(target, Path)
                count = writer(rows, target)
            else:
                with atomic_text_file(path) as stream:
                    count = writer(rows, stream)
            for article_id in ids or ():
                if article_id not in rows.articles:
                    given = articles.get(article_id) if articles is not None else None
                    warn(f"{_name(store, article_id, given)}: no annotations")
            return ExportResult(fmt, path, len(rows.articles), count)

        if spec.output != "text" and path is None:
            what = "a folder" if spec.output == "folder" else f"a binary file ({spec.suffix})"
            raise ReaderError(f"the {fmt} format writes {what}: give its path with -o OUT")
        options = ExportOptions(store.labels, only, warn)
        need = spec.needs(options)
        if need == "entities" and analyser is None:
            analyser = Analyser(model)
        items = gather(
            store,
            ids,
            annotator=annotator,
            label=label,
            need=need,
            articles=articles,
            analyser=analyser,
            warn=warn,
            without=spec.without_text,
        )
        if spec.output == "text" and path is not None:
            with atomic_text_file(path) as stream:
                summary = spec.write(items, stream, options)
        else:
            summary = spec.write(items, target, options)
        return ExportResult(fmt, path, summary.articles, summary.annotations)
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
) -> Path:
    """Export articles' annotations to ``out_path`` (a folder for ``brat``); for the app.

    Blocking (it may load and analyse articles): run it in a worker thread.

    Returns:
        ``out_path``.

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
    )
    return Path(out_path)
