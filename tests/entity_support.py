"""Entities of a few paragraphs, found by the real analysis: the entity rules' tests each
write a short article and look at what the whole pipeline (model and rules) makes of it."""

from __future__ import annotations

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities import Entity


def entities_in(analyser: Analyser, *paragraphs: str) -> dict[str, Entity]:
    """The entities of a plain article of ``paragraphs``, by name."""
    article = build_article([("paragraph", p) for p in paragraphs], path="x.txt", format="plain")
    return {e.name: e for e in analyser.analyse(article).entities}


def people_in(analyser: Analyser, *paragraphs: str) -> set[str]:
    """The names labelled as people in a plain article of ``paragraphs``."""
    return {name for name, e in entities_in(analyser, *paragraphs).items() if e.label == "PERSON"}
