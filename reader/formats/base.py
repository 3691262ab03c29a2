"""What a format is: the :class:`Format` that every format module defines as ``FORMAT``.

A format writes annotated articles (:class:`reader.annotated.AnnotatedArticle`) to a text
stream, a binary file or a folder, and may read its own output back into a store. Row
formats (``jsonl``, ``csv``) write one record per annotated sentence, an
:class:`ExportRow`; :func:`row_format` describes them from a row writer. The others write
whole articles (the text, the entities, the tokens) and say what each article must come
with (:attr:`Format.need`).

Offsets everywhere are Python string offsets, that is Unicode code points, with an
exclusive end: ``text[start:end]`` is the annotated text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from reader.annotated import AnnotatedArticle, Need, Warn, ignore_warning
from reader.labels import DEFAULT_LABELS, LabelSet
from reader.records import Annotation
from reader.safe_text import visible

if TYPE_CHECKING:
    from reader.formats.importer import Importer

#: Said by every export, in the form each format allows (a field, a comment, the docs).
OFFSETS_NOTE = "offsets are Python character offsets (Unicode code points), end exclusive"
#: The one convention for sentence numbers, in every format and command: the index from 0.
SENTENCE_NOTE = (
    "sentence numbers count from 0, as the sentence field of every export and reader analyse"
)

#: What ``--only`` keeps in formats that carry both: sentence labels or entity spans.
Only = Literal["sentences", "entities"]

#: Where a format's output goes: a text stream (stdout or a file), a binary file (``-o``
#: required), or a folder of files (``-o`` required).
Output = Literal["text", "file", "folder"]


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to every article-level format.

    Attributes:
        labels: The store's label set (Prodigy's options, brat's entity types).
        only: Only sentence labels or only entity spans (``None``: both), where a format
            carries both.
        warn: Called with one line for each thing left out.
    """

    labels: LabelSet = DEFAULT_LABELS
    only: Only | None = None
    warn: Warn = ignore_warning

    @property
    def sentences(self) -> bool:
        """Whether sentence labels are exported."""
        return self.only != "entities"

    @property
    def entities(self) -> bool:
        """Whether entity spans are exported."""
        return self.only != "sentences"


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote.

    Attributes:
        articles: How many articles it wrote something for.
        annotations: How many sentence annotations it wrote.
    """

    articles: int
    annotations: int


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
        origin: ``analyst``, or ``suggestion`` for a suggestion the analyst accepted.
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
    origin: str = "analyst"

    def as_dict(self) -> dict[str, Any]:
        """Return the row as a dict whose keys are :data:`EXPORT_FIELDS`, in order."""
        return {field: getattr(self, field) for field in EXPORT_FIELDS}


#: The fields of an export row, in order (the JSON Lines keys, the CSV columns).
EXPORT_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(ExportRow))


def export_row(item: AnnotatedArticle, annotation: Annotation) -> ExportRow:
    """The export row of one annotation, with the path and title the store recorded."""
    record = item.record
    return ExportRow(
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
        origin=annotation.origin,
    )


#: Writes rows to a text stream and returns how many it wrote.
RowWriter = Callable[[Iterable[ExportRow], TextIO], int]

#: Writes the articles to a text stream (``output="text"``) or to a path (``file`` or
#: ``folder``) and says what it wrote.
ArticleWriter = Callable[[Sequence[AnnotatedArticle], TextIO | Path, ExportOptions], ExportSummary]

#: Reads one decoded JSON record of a file (with its line number) into the importer.
RecordReader = Callable[["Importer", int, dict[str, Any]], None]


@dataclass(frozen=True)
class Format:
    """One export format, and how to read it back if it can be.

    Attributes:
        name: The ``--format`` name.
        description: One line for ``reader export --help`` and the app's export dialog.
        suffix: The file name ending of its output (``.prodigy.jsonl``); ``""`` for a
            folder.
        write: The writer.
        output: ``text``, ``file`` (binary, ``-o`` required) or ``folder``.
        need: What each article must come with (``annotations``, ``text`` or
            ``entities``); a format that needs entities takes ``--only``.
        sentences_need: What the format needs when only sentence labels are exported
            (less than :attr:`need` when only the entities needed the analysis).
        without_text: What the format does with an article whose file cannot be loaded,
            for the one-line warning (``left out``, ``exported without its entities``).
        rows: For a row format, its row writer (``write`` then feeds it).
        read: Reads one record of this format into a store (``reader import-annotations``);
            ``None`` for a format that is only written.
        recognises: Whether a record is of this format, to tell an import file's format
            from its first record.
    """

    name: str
    description: str
    suffix: str
    write: ArticleWriter
    output: Output = "text"
    need: Need = "entities"
    sentences_need: Need | None = None
    without_text: str = "left out"
    rows: RowWriter | None = None
    read: RecordReader | None = None
    recognises: Callable[[dict[str, Any]], bool] | None = None

    def needs(self, options: ExportOptions) -> Need:
        """What each article must come with, given the options."""
        if not options.entities and self.sentences_need is not None:
            return self.sentences_need
        return self.need

    @property
    def takes_only(self) -> bool:
        """Whether ``--only`` applies: the format carries entities as well as labels."""
        return self.need == "entities"


def row_format(
    name: str,
    description: str,
    rows: RowWriter,
    *,
    suffix: str | None = None,
    read: RecordReader | None = None,
    recognises: Callable[[dict[str, Any]], bool] | None = None,
) -> Format:
    """The description of a format that writes one row per annotated sentence."""

    def write(
        items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
    ) -> ExportSummary:
        assert not isinstance(target, Path)
        count = rows((export_row(item, a) for item in items for a in item.annotations), target)
        return ExportSummary(len(items), count)

    return Format(
        name=name,
        description=description,
        suffix=f".{name}" if suffix is None else suffix,
        write=write,
        need="annotations",
        rows=rows,
        read=read,
        recognises=recognises,
    )


def timestamp(iso: str) -> int:
    """Seconds since the epoch of a store time (``2025-11-28T04:51:07.123Z``); 0 if bad."""
    try:
        return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 0


def one_line(text: str) -> str:
    """``text`` on one line (notes may hold line breaks; some formats are line-based)."""
    return " ".join(text.split())


def ensure_folder(path: Path) -> Path:
    """Create ``path`` as a folder (and its parents) if needed, and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_stem(item: AnnotatedArticle) -> str:
    """A safe, unique file name stem for an article: ``iran-iraq-vow-...-<id>``.

    Built from the title (else the file name) folded to ASCII, so that no title can
    name a path outside the export folder; the id keeps two articles apart.
    """
    # Imported here, the one use: the loaders cost every export of annotations alone.
    from reader.loaders.jsonl import split_corpus_path

    source = item.title or Path(split_corpus_path(item.path)[0]).stem
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")
    return f"{slug}-{item.id}" if slug else item.id


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One mention of an entity, as formats that list spans write it.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        label: The entity's spaCy label (``PERSON``, ``ORG``, ``GPE``, ...).
        kind: ``person``, ``organisation``, ``place`` or ``other``.
        text: ``article.text[start:end]``.
        name: The entity's canonical name.
    """

    start: int
    end: int
    label: str
    kind: str
    text: str
    name: str


def entity_spans(item: AnnotatedArticle, warn: Warn = ignore_warning) -> list[EntitySpan]:
    """Every entity mention of the article, in text order, without overlaps.

    Span formats (Prodigy's ``ner_manual``, spaCy's ``doc.ents``) allow no overlapping
    entities; consolidation never makes them, but an analyst's ``add`` correction can. The
    earlier (then longer) mention wins and the other is reported.
    """
    mentions = sorted(
        (
            EntitySpan(m.start, m.end, entity.label, entity.kind, m.text, entity.name)
            for entity in item.entities
            for m in entity.mentions
        ),
        key=lambda span: (span.start, -span.end),
    )
    kept: list[EntitySpan] = []
    for span in mentions:
        if kept and span.start < kept[-1].end:
            warn(
                f"{item.name}: entity mention {visible(span.text)!r} at {span.start}-{span.end} "
                f"overlaps {visible(kept[-1].text)!r}; left out"
            )
            continue
        kept.append(span)
    return kept
