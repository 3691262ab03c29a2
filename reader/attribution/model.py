"""What a suggestion is (see :mod:`reader.attribution`): read by the cache, the session and
the screen without the rules that make one."""

from __future__ import annotations

from typing import Literal, NamedTuple, Protocol

SuggestionSource = Literal["rules"]


class Sentence(Protocol):
    """What attribution reads of a sentence (``reader.analysis.Sentence`` has it); a
    protocol, so that attribution does not import the analysis that calls it."""

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
    @property
    def block_index(self) -> int: ...


class Suggestion(NamedTuple):
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
