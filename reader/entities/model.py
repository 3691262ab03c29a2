"""What the entity rules produce: mentions, entities, raw model spans and corrections."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol

MentionSource = Literal["model", "alias", "byline", "analyst"]

#: An entity whose label holds less than this share of the evidence is shown as uncertain.
UNCERTAIN_BELOW = 0.7

#: Labels that name something, and are worth finding again by their name.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
#: How the app groups labels.
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


class Mention(NamedTuple):
    """One occurrence of an entity in the article.

    Attributes:
        start: Offset of the first character in the article's text.
        end: Offset just past the last character (exclusive).
        text: ``article.text[start:end]``.
        by: Who found it: ``model`` (spaCy tagged it), ``alias`` (the name or its short
            form found again in the text), ``byline`` (the byline's agency or author),
            ``analyst`` (added by a correction).
    """

    start: int
    end: int
    text: str
    by: MentionSource = "model"


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or other named thing, with all its mentions.

    Attributes:
        name: Canonical name: the longest full form found ("Irfan Al Hayali").
        label: spaCy label decided over all mentions (``PERSON``, ``ORG``, ``GPE``, ...).
        mentions: Every mention, in text order.
        votes: How many model mentions carried each label, for honesty about the vote.
        confidence: The winning label's share of the evidence, from 0 to 1.
        why: The evidence for the label, in words ("spaCy: ORG x2", "organisation word:
            Party", "title before it: Dr").
    """

    name: str
    label: str
    mentions: tuple[Mention, ...]
    votes: dict[str, int] = field(default_factory=dict)
    confidence: float = 1.0
    why: tuple[str, ...] = ()

    @property
    def uncertain(self) -> bool:
        """Whether the evidence is weak or conflicting, so the analyst should check it."""
        return self.confidence < UNCERTAIN_BELOW

    @property
    def kind(self) -> str:
        """``person``, ``organisation``, ``place`` or ``other``."""
        return KIND_OF_LABEL.get(self.label, "other")

    @property
    def count(self) -> int:
        """Number of mentions."""
        return len(self.mentions)


class RawSpan(NamedTuple):
    """A span as the model tagged it: offsets into the article's text and a label."""

    start: int
    end: int
    label: str


class Correction(Protocol):
    """An analyst's correction of the entities (see ``reader.store.EntityCorrection``)."""

    @property
    def kind(self) -> str: ...  # "relabel" | "merge" | "add" | "reject" | "split"
    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str | None: ...
    @property
    def target(self) -> str | None: ...
