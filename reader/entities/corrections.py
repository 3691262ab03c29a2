"""An analyst's corrections of the entities, applied on top of the model's on every opening."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.article import Article
from reader.entities.model import Correction, Entity, Mention
from reader.entities.names import find_all, name_key


def apply_corrections(
    article: Article, entities: Sequence[Entity], corrections: Iterable[Correction]
) -> list[Entity]:
    """Apply an analyst's corrections on top of the model's entities, in order.

    ``reject`` drops an entity, ``relabel`` changes its label, ``merge`` moves its mentions
    into ``target``, ``split`` moves the mentions of ``name`` written as ``target`` (an
    alias: "Hayali") into an entity of their own with the same label, and ``add`` creates an
    entity from every occurrence of ``name`` in the text (taking those words from any entity
    that had them). Corrections that no longer apply (the entity or the form is gone) are
    skipped, never fatal.
    """
    current = list(entities)

    def find(name: str | None) -> int | None:
        if name is None:
            return None
        key = name_key(name)
        for index, entity in enumerate(current):
            if name_key(entity.name) == key:
                return index
        return None

    for correction in corrections:
        index = find(correction.name)
        if correction.kind == "reject" and index is not None:
            del current[index]
        elif correction.kind == "relabel" and index is not None and correction.label:
            current[index] = replace(current[index], label=correction.label)
        elif correction.kind == "merge" and index is not None:
            target = find(correction.target)
            if target is None or target == index:
                continue
            merged = sorted(
                current[target].mentions + current[index].mentions, key=lambda m: m.start
            )
            current[target] = replace(current[target], mentions=tuple(merged))
            del current[index]
        elif correction.kind == "split" and index is not None and correction.target:
            current = _split_entity(current, index, correction.target.strip())
        elif correction.kind == "add" and correction.name.strip():
            current = _add_entity(article, current, correction.name.strip(), correction.label)
    current.sort(key=lambda e: (-e.count, e.mentions[0].start if e.mentions else 0))
    return current


def _add_entity(
    article: Article, entities: list[Entity], name: str, label: str | None
) -> list[Entity]:
    spans = list(find_all(article.text, name))
    if not spans:
        return entities
    mentions = tuple(Mention(s, e, article.text[s:e], "analyst") for s, e in spans)
    kept: list[Entity] = []
    for entity in entities:
        if name_key(entity.name) == name_key(name):
            continue
        remaining = tuple(
            m for m in entity.mentions if not any(m.start < e and s < m.end for s, e in spans)
        )
        if remaining:
            kept.append(replace(entity, mentions=remaining))
    kept.append(Entity(name=name, label=label or "ORG", mentions=mentions, votes={}))
    return kept


def _split_entity(entities: list[Entity], index: int, form: str) -> list[Entity]:
    """Move the mentions of ``entities[index]`` written ``form`` into an entity of their own
    (joining an entity already named ``form``, if there is one)."""
    entity = entities[index]
    key = name_key(form)
    if not key or key == name_key(entity.name):
        return entities
    moved = tuple(m for m in entity.mentions if name_key(m.text) == key)
    remaining = tuple(m for m in entity.mentions if name_key(m.text) != key)
    if not moved or not remaining:
        return entities
    current = list(entities)
    current[index] = replace(entity, mentions=remaining)
    for position, other in enumerate(current):
        if position != index and name_key(other.name) == key:
            merged = sorted(other.mentions + moved, key=lambda m: m.start)
            current[position] = replace(other, mentions=tuple(merged))
            return current
    why = (f"split out of {entity.name} by an analyst",)
    current.append(Entity(name=moved[0].text, label=entity.label, mentions=moved, why=why))
    return current
