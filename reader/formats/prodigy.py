"""Prodigy: JSON Lines tasks ready for ``prodigy db-in DATASET FILE``.

Two kinds of task, in Prodigy's own shapes:

* per annotated sentence, a ``choice`` task: the sentence as ``text``, the store's labels
  as ``options``, the label given as the one ``accept``-ed option, ``answer: "accept"``,
  ``_annotator_id`` and ``_session_id`` (the annotator), ``_timestamp`` (Unix seconds of the
  last change), and a ``meta`` with the article id, title, path, sentence index and offsets
  (and the note and attribution, when there are);
* per article, first, an ``ner_manual`` task: the article text, its ``tokens`` and the
  entity ``spans`` (``start``, ``end``, ``label``, ``token_start``, ``token_end`` with an
  inclusive token end, as Prodigy counts).

``_input_hash`` and ``_task_hash`` are left for ``db-in`` to compute with Prodigy's own
hashing. Offsets are Python character offsets (code points) with an exclusive end, as
Prodigy's are; every task's ``meta.offsets`` says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.annotated import AnnotatedArticle
from reader.formats.base import (
    OFFSETS_NOTE,
    ExportOptions,
    ExportSummary,
    Format,
    entity_spans,
    timestamp,
)
from reader.formats.importer import Importer, Skip, required_text
from reader.formats.tokens import token_index, tokenize
from reader.records import Annotation
from reader.safe_text import safe_json


def _meta(item: AnnotatedArticle) -> dict[str, Any]:
    return {
        "article_id": item.id,
        "title": item.title or "",
        "path": item.path,
        "offsets": OFFSETS_NOTE,
    }


def sentence_task(
    item: AnnotatedArticle, annotation: Annotation, options: ExportOptions
) -> dict[str, Any]:
    """The ``choice`` task of one annotated sentence."""
    names = list(options.labels.names)
    if annotation.label not in names:  # a label since removed from the label set
        names.append(annotation.label)
    meta = {
        **_meta(item),
        "sentence": annotation.sentence,
        "start": annotation.start,
        "end": annotation.end,
    }
    for key in ("note", "attribution"):
        value = getattr(annotation, key)
        if value is not None:
            meta[key] = value
    meta["created"] = annotation.created
    meta["updated"] = annotation.updated
    return {
        "text": annotation.text,
        "meta": meta,
        "options": [{"id": name, "text": name} for name in names],
        "accept": [annotation.label],
        "answer": "accept",
        "_view_id": "choice",
        "_annotator_id": annotation.annotator,
        "_session_id": annotation.annotator,
        "_timestamp": timestamp(annotation.updated),
    }


def article_task(item: AnnotatedArticle, options: ExportOptions) -> dict[str, Any] | None:
    """The ``ner_manual`` task of one article; ``None`` without its text or analysis."""
    if item.article is None or item.analysis is None:
        return None
    text = item.article.text
    spans = entity_spans(item, options.warn)
    tokens = tokenize(text, (edge for span in spans for edge in (span.start, span.end)))
    task_spans = []
    for span in spans:
        found = token_index(tokens, span.start, span.end)
        if found is None:  # cannot happen: tokens were split at every span edge
            raise AssertionError(f"span {span.start}-{span.end} is not on token boundaries")
        task_spans.append(
            {
                "start": span.start,
                "end": span.end,
                "label": span.label,
                "token_start": found[0],
                "token_end": found[1],
                "text": span.text,
            }
        )
    updated = max(annotation.updated for annotation in item.annotations)
    return {
        "text": text,
        "meta": _meta(item),
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws}
            for i, t in enumerate(tokens)
        ],
        "spans": task_spans,
        "answer": "accept",
        "_view_id": "ner_manual",
        "_timestamp": timestamp(updated),
    }


def write(
    items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
) -> ExportSummary:
    """Write each article's entity task, then its sentence tasks, one JSON per line."""
    assert not isinstance(target, Path)
    articles = annotations = 0
    for item in items:
        wrote = False
        if options.entities:
            task = article_task(item, options)
            if task is not None:
                target.write(safe_json(task) + "\n")
                wrote = True
        if options.sentences:
            for annotation in item.annotations:
                target.write(safe_json(sentence_task(item, annotation, options)) + "\n")
                annotations += 1
                wrote = True
        articles += wrote
    return ExportSummary(articles, annotations)


def recognises(record: dict[str, Any]) -> bool:
    """A Prodigy task has an ``answer``, ``accept``-ed options or Prodigy's own keys."""
    return any(key in record for key in ("_view_id", "answer", "accept", "_annotator_id"))


def read(importer: Importer, line: int, record: dict[str, Any]) -> None:
    """Import one Prodigy task: an accepted sentence ``choice`` task is a label."""
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    if "spans" in record and "accept" not in record:
        # An article task: the model's entities, which re-analysis gives back anyway.
        importer.report.ignored += 1
        article = meta.get("article_id")
        if isinstance(article, str) and isinstance(record.get("text"), str):
            path = meta.get("path")
            importer.hint(article, text=record["text"], path=path if isinstance(path, str) else "")
        return
    if record.get("answer", "accept") != "accept":
        importer.report.ignored += 1  # rejected or skipped in Prodigy: not a label
        return
    accepted = record.get("accept")
    if not isinstance(accepted, list) or len(accepted) != 1:
        count = len(accepted) if isinstance(accepted, list) else 0
        raise Skip(f"{count} options accepted; reader keeps exactly one label per sentence")
    label = accepted[0]
    if not isinstance(label, str):
        raise Skip("the accepted option must be a label name")
    annotator = record.get("_annotator_id") or record.get("_session_id")
    importer.take(
        meta,
        text=required_text(record, "text"),
        label=label,
        annotator=annotator if isinstance(annotator, str) and annotator else importer.annotator,
    )


FORMAT = Format(
    name="prodigy",
    suffix=".prodigy.jsonl",
    description="Prodigy tasks for db-in: a choice task per sentence, an ner_manual per article",
    output="text",
    write=write,
    need="entities",
    sentences_need="annotations",
    without_text="exported without its entity task",
    read=read,
    recognises=recognises,
)
