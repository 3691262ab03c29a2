"""Markdown: a readable report per article, for people rather than tools.

Per article: the title, the source and date, the people and organisations found (with
their mention counts, after the analyst's corrections), then the tagged sentences grouped
by label (claims, quotes, context, then any other label of the store), each with its
speaker when attributed, its note, its sentence number (from 0, as in every export) and
offsets, and who tagged it.

Every string from an article or an analyst is written as plain text: characters that
could start Markdown formatting, links or HTML (``\\ ` * _ [ ] < > | ~ &``, and ``#``,
``>``, ``-``, ``+``, ``=`` or ``1.`` at the start of a value) are backslash-escaped, line
breaks are folded to spaces, and control and invisible characters are shown as visible
stand-ins (the report may well be printed to a terminal). An HTML comment at the top says
how offsets count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.annotated import AnnotatedArticle
from reader.entities import Entity
from reader.formats.base import (
    OFFSETS_NOTE,
    SENTENCE_NOTE,
    ExportOptions,
    ExportSummary,
    Format,
    one_line,
)
from reader.records import Annotation
from reader.safe_text import visible
from reader.store import AGREED

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_START = re.compile(r"^(#|>|-|\+|=|\d+[.)])")
_HEADINGS = {"claim": "Claims", "quote": "Quotes", "context": "Context"}
_ORDER = ("claim", "quote", "context")


def plain(text: str) -> str:
    """``text`` as literal Markdown text on one line."""
    escaped = _INLINE.sub(r"\\\1", visible(one_line(text)))
    return _BLOCK_START.sub(lambda m: m[1][:-1] + "\\" + m[1][-1], escaped, count=1)


def heading(label: str) -> str:
    """The section heading of a label (``Claims`` for ``claim``)."""
    return _HEADINGS.get(label, label[:1].upper() + label[1:])


def _entities(entities: Sequence[Entity], kind: str) -> str:
    found = sorted((e for e in entities if e.kind == kind), key=lambda e: (-e.count, e.name))
    return ", ".join(f"{plain(e.name)} ({e.count})" for e in found) or "none found"


def _credit(annotation: Annotation, layer: str) -> str:
    """Who the line is by: the tagger, or for the gold layer who settled it."""
    if layer != "gold":
        return f"tagged by {plain(annotation.annotator)}"
    if annotation.annotator == AGREED:
        return "agreed by every annotator"
    return f"decided by {plain(annotation.annotator)}"


def _annotation(number: int, annotation: Annotation, layer: str = "annotators") -> list[str]:
    lines = [f"{number}. {plain(annotation.text)}"]
    if annotation.attribution:
        lines.append(f"   - Speaker: {plain(annotation.attribution)}")
    if annotation.origin == "suggestion":
        lines.append("   - Accepted from a suggestion")
    if annotation.note:
        lines.append(f"   - Note: {plain(annotation.note)}")
    lines.append(
        f"   - Sentence {annotation.sentence} ({annotation.start}–{annotation.end}), "
        f"{_credit(annotation, layer)}"
    )
    return lines


def report(item: AnnotatedArticle, options: ExportOptions) -> str:
    """The Markdown report of one article."""
    lines = [f"# {plain(item.title or item.path or item.id)}", ""]
    source = item.article.metadata.get("source") if item.article is not None else None
    facts = [
        ("Source", " · ".join(plain(str(s)) for s in (item.byline, source) if s) or "unknown"),
        ("Date", plain(item.date) if item.date else "unknown"),
        ("File", plain(item.path) if item.path else "unknown"),
        ("Article id", item.id),
    ]
    lines += [f"- **{key}:** {value}" for key, value in facts]
    lines += ["", f"_{SENTENCE_NOTE[:1].upper()}{SENTENCE_NOTE[1:]}._", ""]
    if item.analysis is not None:
        lines.append(f"**People:** {_entities(item.entities, 'person')}")
        lines.append("")
        lines.append(f"**Organisations:** {_entities(item.entities, 'organisation')}")
    else:
        lines.append("**People and organisations:** unknown (the article could not be loaded)")
    labels = list(_ORDER) + [name for name in options.labels.names if name not in _ORDER]
    labels += sorted({a.label for a in item.annotations} - set(labels))
    for label in labels:
        tagged = [a for a in item.annotations if a.label == label]
        if not tagged:
            continue
        lines += ["", f"## {plain(heading(label))} ({len(tagged)})", ""]
        for number, annotation in enumerate(tagged, start=1):
            lines += _annotation(number, annotation, item.layer)
    return "\n".join(lines) + "\n"


def write(
    items: Sequence[AnnotatedArticle], target: TextIO | Path, options: ExportOptions
) -> ExportSummary:
    """Write one report per article, separated by a rule."""
    assert not isinstance(target, Path)
    target.write(f"<!-- reader report: {OFFSETS_NOTE}; {SENTENCE_NOTE}. -->\n\n")
    annotations = 0
    for index, item in enumerate(items):
        if index:
            target.write("\n---\n\n")
        target.write(report(item, options))
        annotations += len(item.annotations)
    return ExportSummary(len(items), annotations)


FORMAT = Format(
    name="md",
    suffix=".md",
    description="Markdown report per article: people, organisations, claims, quotes, context",
    output="text",
    write=write,
    need="entities",
    without_text="exported without its people and organisations",
)
