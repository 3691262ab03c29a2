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
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.interchange import OFFSETS_NOTE
from reader.interchange.sources import ExportArticle, entity_spans
from reader.interchange.writing import ArticleFormat, ExportOptions, ExportSummary
from reader.safe_text import safe_json


def lines(item: ExportArticle, options: ExportOptions) -> list[dict[str, Any]]:
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
    found = []
    for annotator in sorted({annotation.annotator for annotation in item.annotations}):
        mine = [a for a in item.annotations if a.annotator == annotator]
        labels = [(a.start, a.end, a.label) for a in mine] + entity_labels
        found.append(
            {
                **base,
                "label": [list(t) for t in sorted(labels, key=lambda t: (t[0], -t[1], t[2]))],
                "annotator": annotator,
                "notes": [[a.start, a.end, a.note] for a in mine if a.note is not None],
                "attributions": [
                    [a.start, a.end, a.attribution] for a in mine if a.attribution is not None
                ],
            }
        )
    return found


def write(
    items: Sequence[ExportArticle], target: TextIO | Path, options: ExportOptions
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


FORMAT = ArticleFormat(
    name="doccano",
    description="doccano sequence labelling: text and [start, end, label] per article",
    output="text",
    write=write,
    need="entities",
    sentences_need="text",
)
