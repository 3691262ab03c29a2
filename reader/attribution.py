"""Who said what: suggest a label and a speaker for sentences that quote or report speech.

A placeholder interface while the rules are written: see :func:`suggest`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from reader.article import Article
from reader.entities import Entity
from reader.syntax import Parse

SuggestionSource = Literal["rules"]


class Sentence(Protocol):
    """What attribution reads of a sentence (``reader.analysis.Sentence`` has it)."""

    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def block(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A label suggested for a sentence, with the speaker when it is a quote.

    Attributes:
        sentence: Index of the sentence.
        label: Suggested label (``quote`` or ``claim``).
        speaker: Canonical name of the entity that says it, or ``None`` when unnamed.
        cue: ``(start, end)`` in the article's text of the speech verb or quotation mark
            that triggered the suggestion.
        source: What made it (``rules``).
    """

    sentence: int
    label: str
    speaker: str | None
    cue: tuple[int, int]
    source: SuggestionSource = "rules"


def suggest(
    article: Article,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    parse: Parse,
) -> tuple[Suggestion, ...]:
    """Suggest labels and speakers for the article's sentences (none yet)."""
    return ()
