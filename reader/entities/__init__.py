"""People, organisations and places of an article: one entity per real-world name.

A small spaCy model tags each mention on its own: "Irfan Al Hayali" is a PERSON, a later
"Hayali" an ORG, and the next "Hayali" nothing at all. Analysts think in people and
organisations, so the model's spans are consolidated (:mod:`.consolidation`): trimmed to
the name (:mod:`.spans`), grouped by name, alias, acronym and spelling, found again
wherever they occur, and labelled by weighing evidence (:mod:`.evidence`). Every mention
records who found it (``model``, ``alias``, ``byline`` or ``analyst``) and every entity
why it got its label and how sure that is. An analyst's corrections apply on top
(:mod:`.corrections`). Nothing here knows any particular article's names.
"""

from typing import TYPE_CHECKING

from reader.entities.model import (
    KIND_OF_LABEL,
    NAME_LABELS,
    Correction,
    Entity,
    Mention,
    MentionSource,
    RawSpan,
)

if TYPE_CHECKING:
    from reader.entities.consolidation import consolidate
    from reader.entities.corrections import apply_corrections


def __getattr__(name: str) -> object:
    """The rules, imported when first asked for: the app opens an article from its
    cached analysis with the entity model alone, and importing the rules (their word
    lists, patterns and the gazetteer) would cost about 20 ms of every start."""
    if name == "consolidate":
        from reader.entities.consolidation import consolidate

        return consolidate
    if name == "apply_corrections":
        from reader.entities.corrections import apply_corrections

        return apply_corrections
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "KIND_OF_LABEL",
    "NAME_LABELS",
    "Correction",
    "Entity",
    "Mention",
    "MentionSource",
    "RawSpan",
    "apply_corrections",
    "consolidate",
]
