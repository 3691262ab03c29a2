"""brat: a folder of ``NAME.txt`` + ``NAME.ann`` standoff files and an ``annotation.conf``.

``NAME.txt`` is the article's text, byte for byte as reader normalised it, and ``NAME.ann``
annotates it:

* ``T1<TAB>Person 0 9<TAB>Joe Biden``: an entity mention, typed ``Person``,
  ``Organisation``, ``Place`` or ``Other`` (by the entity's kind);
* ``T7<TAB>Claim 120 245<TAB>...``: a sentence label, typed by the label's name with a
  capital (``Claim``, ``Context``, ``Quote``, or the store's own labels);
* ``A1<TAB>Annotator T7 ana``: who gave that label (brat has no annotator of its own);
* ``#1<TAB>AnnotatorNotes T7<TAB>...``: the analyst's note;
* ``R1<TAB>Attribution Arg1:T7 Arg2:T3``: who makes the claim or quote, when the recorded
  attribution names one of the article's entities (the mention inside the sentence if
  there is one); otherwise the attribution is written into the note as
  ``attributed to: NAME``.

Offsets are Python character offsets (code points) with an exclusive end, which is how
brat counts; ``annotation.conf`` says so in a comment, and declares every type used.
NAME is the article's title made safe as a file name, then its id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.annotated import AnnotatedArticle
from reader.atomic import atomic_write
from reader.formats.base import (
    OFFSETS_NOTE,
    EntitySpan,
    ExportOptions,
    ExportSummary,
    Format,
    ensure_folder,
    entity_spans,
    file_stem,
    one_line,
)
from reader.records import Annotation
from reader.safe_text import encodable

ENTITY_TYPES = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "other": "Other",
}
CONF_FILE = "annotation.conf"


def label_type(label: str) -> str:
    """The brat type of a sentence label: its name with a capital, never an entity type."""
    name = label[:1].upper() + label[1:]
    return f"{name}-label" if name in ENTITY_TYPES.values() else name


def attribute_value(annotator: str) -> str:
    """An annotator's name as a brat attribute value (one word: no spaces or tabs)."""
    return re.sub(r"[^\w.@-]", "_", annotator)


def _speaker(attribution: str, annotation: Annotation, spans: list[EntitySpan]) -> int | None:
    """The index in ``spans`` of the mention an attribution names, if any."""
    wanted = attribution.casefold().strip()
    named = [
        index
        for index, span in enumerate(spans)
        if wanted in (span.name.casefold(), span.text.casefold())
    ]
    inside = [i for i in named if annotation.start <= spans[i].start < annotation.end]
    found = inside or named
    return found[0] if found else None


def standoff(item: AnnotatedArticle, options: ExportOptions) -> str:
    """The ``.ann`` file of one article."""
    spans = entity_spans(item, options.warn) if options.entities else []
    lines: list[str] = []
    entity_ids: list[str] = []
    for span in spans:
        entity_ids.append(f"T{len(entity_ids) + 1}")
        lines.append(
            f"{entity_ids[-1]}\t{ENTITY_TYPES[span.kind]} {span.start} {span.end}\t{span.text}"
        )
    number = len(entity_ids)
    notes = relations = 0
    tagged = item.annotations if options.sentences else ()
    for attribute, annotation in enumerate(tagged, start=1):
        number += 1
        tid = f"T{number}"
        lines.append(
            f"{tid}\t{label_type(annotation.label)} {annotation.start} {annotation.end}\t"
            f"{annotation.text}"
        )
        lines.append(f"A{attribute}\tAnnotator {tid} {attribute_value(annotation.annotator)}")
        note = [one_line(annotation.note)] if annotation.note else []
        if annotation.attribution:
            speaker = _speaker(annotation.attribution, annotation, spans)
            if speaker is None:
                note.append(f"attributed to: {one_line(annotation.attribution)}")
            else:
                relations += 1
                lines.append(f"R{relations}\tAttribution Arg1:{tid} Arg2:{entity_ids[speaker]}")
        if note:
            notes += 1
            lines.append(f"#{notes}\tAnnotatorNotes {tid}\t{' — '.join(note)}")
    return "".join(line + "\n" for line in lines)


def configuration(items: Sequence[AnnotatedArticle], options: ExportOptions) -> str:
    """``annotation.conf``: every entity, relation and attribute type the export uses."""
    labels = list(options.labels.names)
    labels += sorted({a.label for item in items for a in item.annotations} - set(labels))
    sentence_types = [label_type(label) for label in labels] if options.sentences else []
    entity_types = list(ENTITY_TYPES.values()) if options.entities else []
    annotators = sorted({attribute_value(a.annotator) for item in items for a in item.annotations})
    lines = [
        f"# reader export for brat: {OFFSETS_NOTE}.",
        "[entities]",
        *entity_types,
        *sentence_types,
        "",
        "[relations]",
    ]
    if sentence_types and entity_types:
        lines.append(f"Attribution\tArg1:{'|'.join(sentence_types)}, Arg2:{'|'.join(entity_types)}")
    lines += [
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    if sentence_types and annotators:
        lines.append(f"Annotator\tArg:{'|'.join(sentence_types)}, Value:{'|'.join(annotators)}")
    return "\n".join(lines) + "\n"


def write(
    items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
) -> ExportSummary:
    """Write ``NAME.txt`` and ``NAME.ann`` per article, and ``annotation.conf``, into the
    folder ``target``."""
    assert isinstance(target, Path)
    folder = ensure_folder(target)
    articles = annotations = 0
    written = []
    for item in items:
        if item.article is None:
            continue
        stem = file_stem(item)
        # Newlines stay "\n" and the text stays exactly the article's: offsets index it.
        atomic_write(folder / f"{stem}.txt", item.article.text.encode("utf-8"))
        # A note may hold a lone surrogate, which UTF-8 cannot: shown as \xNN or U+FFFD.
        atomic_write(folder / f"{stem}.ann", encodable(standoff(item, options)).encode("utf-8"))
        written.append(item)
        articles += 1
        annotations += len(item.annotations) if options.sentences else 0
    atomic_write(folder / CONF_FILE, configuration(written, options).encode("utf-8"))
    return ExportSummary(articles, annotations)


FORMAT = Format(
    name="brat",
    suffix="",
    description="brat standoff: NAME.txt, NAME.ann per article and annotation.conf, in a folder",
    output="folder",
    write=write,
    need="entities",
    sentences_need="text",
)
