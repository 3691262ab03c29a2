"""Read ``jsonl``, ``prodigy`` and ``doccano`` exports back into a store.

The format is recognised from the first record (or given). Every record becomes, through
:meth:`Store.tag`, :meth:`Store.set_note` and :meth:`Store.set_attribution`, the annotation
it describes, so an import is recorded in the history and can be undone like any edit.
An import adds and updates: it never removes a tag, a note or an attribution that the
file does not mention.

What a format carries:

* ``jsonl``: everything but the times (the store stamps its own).
* ``prodigy``: sentence ``choice`` tasks with ``answer: "accept"`` and exactly one accepted
  option; the article, sentence and offsets come from ``meta`` (as ``reader export``
  writes them), the annotator from ``_annotator_id``. Article (``ner_manual``) tasks hold
  the model's entities, not annotations, and are not imported.
* ``doccano``: spans whose label is one of the store's labels are sentence labels; other
  spans (entities) are not imported. A span that is not exactly a sentence is moved to
  the sentence it overlaps most, and reported. ``notes`` and ``attributions``, when the
  line has them (``reader export`` writes them), are restored.

Bad lines and records are reported with their line number and skipped; the rest imports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reader.analysis import Sentence, split_article
from reader.article import article_id as text_id
from reader.errors import ArticleError, ReaderError, StoreError
from reader.interchange.sources import (
    Warn,
    ignore_warning,
    load_stored_article,
    sentences_of_text,
)
from reader.records import Annotation
from reader.safe_text import visible
from reader.store import Store, check_annotator, is_article_id

ImportFormat = Literal["jsonl", "prodigy", "doccano"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = ("jsonl", "prodigy", "doccano")


@dataclass(frozen=True)
class Incoming:
    """One annotation read from a file, before it reaches the store."""

    line: int
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str
    annotator: str
    note: str | None = None
    attribution: str | None = None


@dataclass
class ArticleHint:
    """What a file says about an article, to register it if the store does not know it."""

    path: str = ""
    title: str | None = None
    text: str | None = None


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        format: The format read.
        tagged: Annotations created or relabelled.
        unchanged: Annotations that were already in the store as the file has them.
        notes: Notes and attributions set.
        skipped: Records or spans not imported because something was wrong with them.
        ignored: Entity spans and entity tasks (the model's, not annotations), and
            rejected or skipped Prodigy tasks, which are not imported by design.
        articles: Ids of the articles that were touched.
    """

    format: ImportFormat
    tagged: int = 0
    unchanged: int = 0
    notes: int = 0
    skipped: int = 0
    ignored: int = 0
    articles: set[str] = field(default_factory=set)


class _Skip(Exception):
    """A record cannot be imported; the message says why."""


def read_lines(path: Path) -> Iterator[tuple[int, Any, str | None]]:
    """Yield ``(line number, decoded JSON, None)`` for each good line and
    ``(line number, None, problem)`` for each bad one; blank lines are skipped.

    Raises:
        ReaderError: the file cannot be read.
    """
    name = visible(str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReaderError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise ReaderError(f"{name} is a folder, not an export file") from None
    except UnicodeDecodeError:
        raise ReaderError(f"{name} is not UTF-8 text (exports are UTF-8 JSON Lines)") from None
    except OSError as error:
        raise ReaderError(f"cannot read {name}: {error.strerror or error}") from None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line), None
        except (ValueError, RecursionError) as error:
            if isinstance(error, json.JSONDecodeError):
                reason = f"at column {error.colno}: {error.msg}"
            else:
                reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            yield number, None, f"not valid JSON ({reason})"


def detect_format(record: Any) -> ImportFormat | None:
    """Recognise an export format from one of its records."""
    if not isinstance(record, dict):
        return None
    if {"article_id", "sentence", "label"} <= record.keys() and isinstance(record["label"], str):
        return "jsonl"
    if any(key in record for key in ("_view_id", "answer", "accept", "_annotator_id")):
        return "prodigy"
    if "text" in record and isinstance(record.get("label", record.get("entities")), list):
        return "doccano"
    return None


def _int(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    if type(value) is not int:
        raise _Skip(f"{key!r} must be an integer")
    return value


def _str(record: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = record.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise _Skip(f"{key!r} must be a non-empty string")
    return value


def _required(record: dict[str, Any], key: str) -> str:
    value = _str(record, key)
    assert value is not None
    return value


class _Importer:
    def __init__(
        self, store: Store, fmt: ImportFormat, annotator: str, warn: Warn, name: str
    ) -> None:
        self.store = store
        self.annotator = annotator
        self.warn = warn
        self.name = name
        self.report = ImportReport(fmt)
        self.hints: dict[str, ArticleHint] = {}
        self._existing: dict[str, dict[tuple[int, int, str], Annotation]] = {}
        self._articles: dict[str, str | None] = {}  # id -> text when it could be loaded
        self._paths: dict[str, str] | None = None  # id -> path, as the store had them
        self.read = {"jsonl": self.jsonl, "prodigy": self.prodigy, "doccano": self.doccano}[fmt]

    def skip(self, line: int, message: str) -> None:
        self.report.skipped += 1
        self.warn(f"{self.name}: line {line}: {message}; skipped")

    def hint(self, article_id: str, **values: Any) -> None:
        hint = self.hints.setdefault(article_id, ArticleHint())
        for key, value in values.items():
            if value and not getattr(hint, key):
                setattr(hint, key, value)

    # -- reading each format -------------------------------------------------------

    def _take(
        self, line: int, fields: dict[str, Any], *, text: str, label: str, annotator: str
    ) -> None:
        """Read an annotation's place and extras from ``fields`` (a jsonl record, or a
        Prodigy task's ``meta``), note its article's path and title, and apply it."""
        incoming = Incoming(
            line=line,
            article_id=_required(fields, "article_id"),
            sentence=_int(fields, "sentence"),
            start=_int(fields, "start"),
            end=_int(fields, "end"),
            text=text,
            label=label,
            annotator=annotator,
            note=_str(fields, "note", optional=True),
            attribution=_str(fields, "attribution", optional=True),
        )
        path = fields.get("path")
        title = fields.get("title")
        self.hint(
            incoming.article_id,
            path=path if isinstance(path, str) else "",
            title=title if isinstance(title, str) else None,
        )
        self.apply(incoming)

    def jsonl(self, line: int, record: dict[str, Any]) -> None:
        self._take(
            line,
            record,
            text=_required(record, "text"),
            label=_required(record, "label"),
            annotator=_str(record, "annotator", optional=True) or self.annotator,
        )

    def prodigy(self, line: int, record: dict[str, Any]) -> None:
        meta = record.get("meta")
        if not isinstance(meta, dict):
            meta = {}
        if "spans" in record and "accept" not in record:
            # An article task: the model's entities, which re-analysis gives back anyway.
            self.report.ignored += 1
            article = meta.get("article_id")
            if isinstance(article, str) and isinstance(record.get("text"), str):
                path = meta.get("path")
                self.hint(article, text=record["text"], path=path if isinstance(path, str) else "")
            return
        if record.get("answer", "accept") != "accept":
            self.report.ignored += 1  # rejected or skipped in Prodigy: not a label
            return
        accepted = record.get("accept")
        if not isinstance(accepted, list) or len(accepted) != 1:
            count = len(accepted) if isinstance(accepted, list) else 0
            raise _Skip(f"{count} options accepted; reader keeps exactly one label per sentence")
        label = accepted[0]
        if not isinstance(label, str):
            raise _Skip("the accepted option must be a label name")
        annotator = record.get("_annotator_id") or record.get("_session_id")
        self._take(
            line,
            meta,
            text=_required(record, "text"),
            label=label,
            annotator=annotator if isinstance(annotator, str) and annotator else self.annotator,
        )

    def doccano(self, line: int, record: dict[str, Any]) -> None:
        text = _required(record, "text")
        article = record.get("article_id")
        if article is None:
            article = text_id(text)
        elif not isinstance(article, str) or article != text_id(text):
            raise _Skip("its text is not the text of article_id (was it edited?)")
        annotator = record.get("annotator")
        if not isinstance(annotator, str) or not annotator:
            annotator = self.annotator
        path = record.get("path")
        title = record.get("title")
        self.hint(
            article,
            text=text,
            path=path if isinstance(path, str) else "",
            title=title if isinstance(title, str) else None,
        )
        extras = {key: _span_texts(record.get(key)) for key in ("notes", "attributions")}
        sentences = sentences_of_text(text)
        for start, end, label in _doccano_spans(record):
            if self.store.labels.by_name(label) is None:
                self.report.ignored += 1  # an entity span, or a label of another project
                continue
            sentence = _sentence_for(sentences, start, end)
            if sentence is None:
                self.skip(line, f"span {start}-{end} ({label}) is outside every sentence")
                continue
            if (sentence.start, sentence.end) != (start, end):
                self.warn(
                    f"{self.name}: line {line}: span {start}-{end} ({label}) is not a whole "
                    f"sentence; tagged sentence {sentence.index} "
                    f"({sentence.start}-{sentence.end})"
                )
            self.apply(
                Incoming(
                    line=line,
                    article_id=article,
                    sentence=sentence.index,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                    label=label,
                    annotator=annotator,
                    note=extras["notes"].get((start, end)),
                    attribution=extras["attributions"].get((start, end)),
                )
            )

    # -- into the store --------------------------------------------------------------

    def _article_text(self, article_id: str) -> str | None:
        """The article's text, when the store's path or the file's hints give it."""
        if article_id not in self._articles:
            hint = self.hints.get(article_id, ArticleHint())
            text = hint.text
            if text is None:
                if self._paths is None:
                    self._paths = {r.id: r.path for r in self.store.articles()}
                for path in (self._paths.get(article_id, ""), hint.path):
                    try:
                        text = load_stored_article(article_id, path).text
                        break
                    except ArticleError:
                        continue
            self._articles[article_id] = text
        return self._articles[article_id]

    def check(self, incoming: Incoming) -> None:
        """Refuse what the store would refuse, so that a store error means a failed save."""
        if self.store.labels.by_name(incoming.label) is None:
            names = ", ".join(self.store.labels.names)
            raise _Skip(f"unknown label {incoming.label!r} (labels: {names})")
        if incoming.sentence < 0 or not 0 <= incoming.start < incoming.end:
            raise _Skip(f"invalid sentence span {incoming.start}-{incoming.end}")
        if not is_article_id(incoming.article_id):
            raise _Skip(f"invalid article id {incoming.article_id!r}")
        try:
            check_annotator(incoming.annotator)
        except StoreError as error:
            raise _Skip(error.message) from None
        text = self._article_text(incoming.article_id)
        if text is not None and text[incoming.start : incoming.end] != incoming.text:
            raise _Skip(
                f"the text at {incoming.start}-{incoming.end} of article "
                f"{incoming.article_id} is not the sentence given"
            )

    def apply(self, incoming: Incoming) -> None:
        self.check(incoming)
        if incoming.article_id not in self._existing:
            self._existing[incoming.article_id] = {
                (a.start, a.end, a.annotator): a
                for a in self.store.annotations(incoming.article_id)
            }
        existing = self._existing[incoming.article_id]
        key = (incoming.start, incoming.end, incoming.annotator)
        before = existing.get(key)
        saved = self.store.tag(
            incoming.article_id,
            sentence=incoming.sentence,
            start=incoming.start,
            end=incoming.end,
            text=incoming.text,
            label=incoming.label,
            annotator=incoming.annotator,
        )
        assert saved is not None  # a label was given, so the sentence is tagged
        if incoming.note is not None and saved.note != incoming.note:
            saved = self.store.set_note(
                incoming.article_id,
                start=incoming.start,
                end=incoming.end,
                annotator=incoming.annotator,
                note=incoming.note,
            )
            self.report.notes += 1
        if incoming.attribution is not None and saved.attribution != incoming.attribution:
            saved = self.store.set_attribution(
                incoming.article_id,
                start=incoming.start,
                end=incoming.end,
                annotator=incoming.annotator,
                attribution=incoming.attribution,
            )
            self.report.notes += 1
        existing[key] = saved
        if before is not None and (before.label, before.sentence) == (saved.label, saved.sentence):
            self.report.unchanged += 1
        else:
            self.report.tagged += 1
        self.report.articles.add(incoming.article_id)

    def register(self) -> None:
        """Tell the store where each imported article lives, when it does not know yet."""
        records = {record.id: record for record in self.store.articles()}
        for article_id in sorted(self.report.articles):
            record = records.get(article_id)
            if record is not None and record.path:
                continue
            hint = self.hints.get(article_id, ArticleHint())
            try:
                article = load_stored_article(article_id, hint.path)
            except ArticleError:
                article = None
            if article is not None:
                self.store.register_article(
                    article_id,
                    path=article.path,
                    title=article.title,
                    date=article.date,
                    byline=article.byline,
                    sentences=len(split_article(article)),
                )
            elif hint.text is not None:
                self.store.register_article(
                    article_id,
                    path=hint.path,
                    title=hint.title,
                    date=None,
                    byline=None,
                    sentences=len(sentences_of_text(hint.text)),
                )
            else:
                shown = visible(hint.path) if hint.path else f"article {article_id}"
                self.warn(
                    f"{shown}: the article's file was not found, so the store does not know "
                    "where it is; open it in reader to record that"
                )


def _doccano_spans(record: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """Spans as ``(start, end, label)`` from doccano's ``label`` triples or ``entities``."""
    spans = record.get("label", record.get("entities"))
    text_length = len(record["text"])
    for span in spans if isinstance(spans, list) else []:
        if isinstance(span, list) and len(span) == 3:
            start, end, label = span
        elif isinstance(span, dict):
            start, end, label = (span.get(k) for k in ("start_offset", "end_offset", "label"))
        else:
            continue
        if (
            type(start) is int
            and type(end) is int
            and isinstance(label, str)
            and 0 <= start < end <= text_length
        ):
            yield start, end, label


def _span_texts(value: Any) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for item in value if isinstance(value, list) else []:
        if (
            isinstance(item, list)
            and len(item) == 3
            and type(item[0]) is int
            and type(item[1]) is int
            and isinstance(item[2], str)
        ):
            found[(item[0], item[1])] = item[2]
    return found


def _sentence_for(sentences: tuple[Sentence, ...], start: int, end: int) -> Sentence | None:
    """The sentence at exactly ``start:end``, else the one it overlaps most."""
    best: Sentence | None = None
    best_overlap = 0
    for sentence in sentences:
        if (sentence.start, sentence.end) == (start, end):
            return sentence
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best


def import_annotations(
    store: Store,
    path: Path,
    *,
    fmt: ImportFormat | None = None,
    annotator: str,
    warn: Warn = ignore_warning,
) -> ImportReport:
    """Import an export file into ``store``.

    Args:
        store: The store to import into.
        path: The file (``jsonl``, ``prodigy`` or ``doccano`` JSON Lines).
        fmt: The format; recognised from the first record when ``None``.
        annotator: Who the annotations are by when a record does not say.
        warn: Called with one line per record skipped or changed on the way.

    Raises:
        ReaderError: the file cannot be read, or its format cannot be recognised.
        StoreError: the store cannot be written.
    """
    name = visible(str(path))
    importer: _Importer | None = None
    early: list[tuple[int, str]] = []  # bad lines before the format is known
    for line, record, problem in read_lines(path):
        if problem is not None:
            if importer is None:
                early.append((line, problem))
            else:
                importer.skip(line, problem)
            continue
        if importer is None:
            found = fmt or detect_format(record)
            if found is None:
                raise ReaderError(
                    f"{name}: line {line} is not a jsonl, prodigy or doccano record "
                    "(use --format to say which it is)"
                )
            importer = _Importer(store, found, annotator, warn, name)
            for early_line, early_problem in early:
                importer.skip(early_line, early_problem)
        if not isinstance(record, dict):
            importer.skip(line, "not a JSON object")
            continue
        try:
            importer.read(line, record)
        except _Skip as problem:
            importer.skip(line, str(problem))
    if importer is None:
        raise ReaderError(f"{name} holds no records")
    importer.register()
    return importer.report
