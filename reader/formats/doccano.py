"""doccano: one JSON line per article and annotator, for a sequence-labelling project.

Each line is doccano's import shape, ``{"text": ..., "label": [[start, end, "LABEL"], ...]}``,
with the sentence labels under their names in the store (``claim``, ``quote``, ...) and
the entity mentions under spaCy's labels (``PERSON``, ``ORG``, ``GPE``, ...), sorted by
start. doccano keeps any other field as metadata, so each line also carries what reader
needs to read it back with nothing lost: ``article_id``, ``path``, ``title``,
``annotator``, ``notes`` and ``attributions`` (each ``[[start, end, "text"], ...]``), and
``offsets`` (Python character offsets, code points, end exclusive, as doccano's own).

Sentence labels and entity spans nest, so import into a project that allows overlapping
spans, or export one kind only (``--only sentences`` or ``--only entities``). With
entities only, there is one line per article and no annotator.

The gold layer (``--layer gold``) is one line per article, with ``"annotator": "gold"``
and ``settled_by``: ``[[start, end, "agreed" or the reviewer], ...]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.analysis import Sentence
from reader.annotated import AnnotatedArticle, sentences_of_text
from reader.article import article_id as text_id
from reader.formats.base import (
    OFFSETS_NOTE,
    ExportOptions,
    ExportSummary,
    Format,
    entity_spans,
)
from reader.formats.importer import Importer, Skip, required_text
from reader.records import Annotation
from reader.safe_text import safe_json

#: A doccano span: start, end, label.
Span = tuple[int, int, str]


def lines(item: AnnotatedArticle, options: ExportOptions) -> list[dict[str, Any]]:
    """The doccano lines of one article: one per annotator (one in all for entities only)."""
    if item.article is None:
        return []
    base: dict[str, Any] = {
        "text": item.article.text,
        "label": [],
        "article_id": item.id,
        "path": item.path,
        "title": item.title,
        "offsets": OFFSETS_NOTE,
    }
    entity_labels: list[tuple[int, int, str]] = (
        [(span.start, span.end, span.label) for span in entity_spans(item, options.warn)]
        if options.entities
        else []
    )
    if not options.sentences:
        return [{**base, "label": [list(triple) for triple in entity_labels]}]
    if item.layer == "gold":  # one settled layer per article, whoever settled each sentence
        groups = {"gold": list(item.annotations)}
    else:
        groups = {
            name: [a for a in item.annotations if a.annotator == name]
            for name in sorted({annotation.annotator for annotation in item.annotations})
        }
    found = []
    for annotator, mine in groups.items():
        labels = [(a.start, a.end, a.label) for a in mine] + entity_labels
        line = {
            **base,
            "label": [list(t) for t in sorted(labels, key=lambda t: (t[0], -t[1], t[2]))],
            "annotator": annotator,
            "notes": [[a.start, a.end, a.note] for a in mine if a.note is not None],
            "attributions": [
                [a.start, a.end, a.attribution] for a in mine if a.attribution is not None
            ],
        }
        if item.layer == "gold":
            line["settled_by"] = [[a.start, a.end, a.annotator] for a in mine]
        found.append(line)
    return found


def write(
    items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
) -> ExportSummary:
    """Write the doccano lines of every article that could be loaded."""
    assert not isinstance(target, Path)
    articles = annotations = 0
    for item in items:
        written = lines(item, options)
        for line in written:
            target.write(safe_json(line) + "\n")
        if written:
            articles += 1
            annotations += len(item.annotations) if options.sentences else 0
    return ExportSummary(articles, annotations)


def recognises(record: dict[str, Any]) -> bool:
    """A doccano line has a ``text`` and a list of ``label`` spans (or ``entities``)."""
    return "text" in record and isinstance(record.get("label", record.get("entities")), list)


def read(importer: Importer, line: int, record: dict[str, Any]) -> None:
    """Import one doccano line: its spans with one of the store's labels."""
    text = required_text(record, "text")
    article = record.get("article_id")
    if article is None:
        article = text_id(text)
    elif not isinstance(article, str) or article != text_id(text):
        raise Skip("its text is not the text of article_id (was it edited?)")
    annotator = record.get("annotator")
    if not isinstance(annotator, str) or not annotator:
        annotator = importer.annotator
    path = record.get("path")
    title = record.get("title")
    importer.hint(
        article,
        text=text,
        path=path if isinstance(path, str) else "",
        title=title if isinstance(title, str) else None,
    )
    extras = {
        key: _span_texts(importer, line, key, record.get(key)) for key in ("notes", "attributions")
    }
    sentences = sentences_of_text(text)
    for start, end, label in _doccano_spans(importer, line, record):
        if importer.store.labels.by_name(label) is None:
            importer.report.ignored += 1  # an entity span, or a label of another project
            continue
        sentence = _sentence_for(sentences, start, end)
        if sentence is None:
            importer.skip(line, f"span {start}-{end} ({label}) is outside every sentence")
            continue
        if (sentence.start, sentence.end) != (start, end):
            importer.warn(
                f"{importer.name}: line {line}: span {start}-{end} ({label}) is not a whole "
                f"sentence; tagged sentence {sentence.index} "
                f"({sentence.start}-{sentence.end})"
            )
        incoming = Annotation(
            article_id=article,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            label=label,
            annotator=annotator,
            note=extras["notes"].get((start, end)),
            attribution=extras["attributions"].get((start, end)),
            created="",  # the store stamps its own times
            updated="",
        )
        try:
            importer.apply(incoming)
        except Skip as problem:  # one span of the line; the others still import
            importer.skip(line, f"span {start}-{end} ({label}): {problem}")


def _shown(value: Any) -> str:
    """A malformed span as a message shows it: short, one line, inert."""
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 60 else text[:57] + "..."


def _doccano_spans(importer: Importer, line: int, record: dict[str, Any]) -> Iterator[Span]:
    """Spans as ``(start, end, label)`` from doccano's ``label`` triples or ``entities``;
    each one that is malformed or does not fit the text is reported and skipped."""
    spans = record.get("label", record.get("entities"))
    text_length = len(record["text"])
    for span in spans if isinstance(spans, list) else []:
        if isinstance(span, list) and len(span) == 3:
            start, end, label = span
        elif isinstance(span, dict):
            start, end, label = (span.get(k) for k in ("start_offset", "end_offset", "label"))
        else:
            importer.skip(line, f"span {_shown(span)} is not [start, end, label]")
            continue
        if type(start) is not int or type(end) is not int or not isinstance(label, str):
            importer.skip(line, f"span {_shown(span)} needs two integer offsets and a label")
        elif not 0 <= start < end <= text_length:
            importer.skip(
                line, f"span {start}-{end} does not fit the text ({text_length} characters)"
            )
        else:
            yield start, end, label


def _span_texts(importer: Importer, line: int, key: str, value: Any) -> dict[tuple[int, int], str]:
    """``notes`` or ``attributions`` by span; a malformed entry is reported and skipped."""
    found: dict[tuple[int, int], str] = {}
    if value is not None and not isinstance(value, list):
        importer.skip(line, f"{key!r} is not a list of [start, end, text]")
        return found
    for item in value or []:
        if (
            isinstance(item, list)
            and len(item) == 3
            and type(item[0]) is int
            and type(item[1]) is int
            and isinstance(item[2], str)
        ):
            found[(item[0], item[1])] = item[2]
        else:
            importer.skip(line, f"{key} entry {_shown(item)} is not [start, end, text]")
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


FORMAT = Format(
    name="doccano",
    suffix=".doccano.jsonl",
    description="doccano sequence labelling: text and [start, end, label] per article",
    output="text",
    write=write,
    need="entities",
    sentences_need="text",
    read=read,
    recognises=recognises,
)
