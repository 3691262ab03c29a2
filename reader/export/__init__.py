"""Export formats: annotations as rows, and a registry of writers that print them.

A writer is a function ``write(rows, stream) -> int`` that writes the rows to a text
stream in one format and returns how many it wrote. ``reader export --format NAME`` looks
the writer up here. To add a format, write ``reader/export/NAME.py`` with a ``write``
function and add one line to :data:`BUILTIN_FORMATS`; the module is imported only when
its format is used. Code outside the package (a plugin, a test) can also call
:func:`register_format`.

Formats that write whole articles (their text, entities and tokens) rather than rows are
listed in :data:`ARTICLE_FORMATS`: each module defines ``FORMAT``, a
:class:`reader.interchange.writing.ArticleFormat`. :func:`export_articles` runs any
format to a file or folder (the app's export); :mod:`reader.interchange.exporting` has the
rest of the machinery.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from reader.errors import ReaderError
from reader.store import Store

if TYPE_CHECKING:
    from reader.analysis import Analyser
    from reader.interchange.sources import Warn
    from reader.interchange.writing import ArticleFormat, Only

#: The fields of an export row, in order (the JSON Lines keys, the CSV columns).
EXPORT_FIELDS: tuple[str, ...] = (
    "article_id",
    "path",
    "title",
    "sentence",
    "start",
    "end",
    "text",
    "label",
    "annotator",
    "note",
    "attribution",
    "created",
    "updated",
)


@dataclass(frozen=True)
class ExportRow:
    """One annotated sentence, joined with its article's path and title.

    Attributes:
        article_id: The article's id.
        path: The file the article was loaded from (empty if the app never recorded it).
        title: The article's headline, if any.
        sentence: The sentence's index in the article.
        start: Offset of the sentence's first character in the article's text.
        end: Offset just past its last character.
        text: The sentence's text.
        label: The label's name.
        annotator: Who tagged it.
        note: The analyst's note, if any.
        attribution: Who makes the claim or quote, if recorded.
        created: When it was first tagged (UTC ISO 8601, ``Z``).
        updated: When it last changed.
    """

    article_id: str
    path: str
    title: str | None
    sentence: int
    start: int
    end: int
    text: str
    label: str
    annotator: str
    note: str | None
    attribution: str | None
    created: str
    updated: str

    def as_dict(self) -> dict[str, Any]:
        """Return the row as a dict whose keys are :data:`EXPORT_FIELDS`, in order."""
        return {field: getattr(self, field) for field in EXPORT_FIELDS}


Writer = Callable[[Iterable[ExportRow], TextIO], int]

#: Formats that ship with reader: name -> "module:function", imported on first use.
BUILTIN_FORMATS: dict[str, str] = {
    "jsonl": "reader.export.jsonl:write",
    "csv": "reader.export.csv:write",
}

#: Formats that write whole articles: name -> module whose ``FORMAT`` describes it.
ARTICLE_FORMATS: dict[str, str] = {
    "prodigy": "reader.export.prodigy",
    "doccano": "reader.export.doccano",
    "brat": "reader.export.brat",
    "spacy": "reader.export.spacy",
    "md": "reader.export.md",
}

_registered: dict[str, Writer] = {}


def register_format(name: str, writer: Writer) -> None:
    """Make ``writer`` available as ``reader export --format name``."""
    _registered[name] = writer


def formats() -> tuple[str, ...]:
    """Return the names of every available format, sorted."""
    return tuple(sorted(set(BUILTIN_FORMATS) | set(ARTICLE_FORMATS) | set(_registered)))


def article_format(name: str) -> ArticleFormat | None:
    """Return the article format ``name``, or ``None`` if it is a row format (or unknown)."""
    if name in _registered or name not in ARTICLE_FORMATS:
        return None
    return cast("ArticleFormat", import_module(ARTICLE_FORMATS[name]).FORMAT)


def get_writer(name: str) -> Writer:
    """Return the writer of format ``name``.

    Raises:
        ReaderError: There is no such format.
    """
    if name in _registered:
        return _registered[name]
    if name not in BUILTIN_FORMATS:
        raise ReaderError(f"unknown export format {name!r} (formats: {', '.join(formats())})")
    module_name, function = BUILTIN_FORMATS[name].split(":")
    writer = cast(Writer, getattr(import_module(module_name), function))
    _registered[name] = writer
    return writer


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
    records = {record.id: record for record in store.articles()}
    if article_ids is None:
        superseded = store.superseded()
        ids = [article_id for article_id in records if article_id not in superseded]
    else:
        ids = list(article_ids)
    for annotation in store.all_annotations(ids, annotator=annotator, label=label):
        record = records.get(annotation.article_id)
        yield ExportRow(
            article_id=annotation.article_id,
            path=record.path if record else "",
            title=record.title if record else None,
            sentence=annotation.sentence,
            start=annotation.start,
            end=annotation.end,
            text=annotation.text,
            label=annotation.label,
            annotator=annotation.annotator,
            note=annotation.note,
            attribution=annotation.attribution,
            created=annotation.created,
            updated=annotation.updated,
        )


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
    warn: Warn | None = None,
) -> Path:
    """Export the annotations of ``article_ids`` (``None``: every annotated article) in
    format ``fmt`` to ``out_path`` (a folder for ``brat``) and return ``out_path``.

    Blocking: it may load, and for formats with entities analyse, every article, so the
    app runs it in a worker thread. ``warn`` is called with one line for each article or
    record left out.

    Raises:
        ReaderError: an unknown format, or the output cannot be written.
    """
    from reader.interchange import exporting
    from reader.interchange.sources import ignore_warning

    return exporting.export_articles(
        store,
        article_ids,
        fmt,
        out_path,
        analyser=analyser,
        annotator=annotator,
        label=label,
        only=only,
        warn=warn or ignore_warning,
    )
