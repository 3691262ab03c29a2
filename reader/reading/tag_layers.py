"""Someone else's tags on an article, for the reading screen to show read-only.

A reviewer reads the whole article as each analyst left it: the reading screen cycles the
tags it shows from the annotator's own (the :class:`~reader.reading.session.TaggingSession`)
to each other annotator's, then to the settled layer, then back. The others are a snapshot
(:class:`FixedTags`) with the article view's tag-source interface; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from reader.analysis import Sentence
from reader.attribution import Suggestion
from reader.store import Annotation, Store


class Layer(NamedTuple):
    """Whose tags are shown: an annotator's, or the settled layer (``annotator`` None).

    Any non-blank name is an annotator's, so the settled layer is told apart by the field,
    never by a reserved name.
    """

    annotator: str | None

    @property
    def title(self) -> str:
        """``ana's tags`` or ``the settled layer`` (the name still to be made visible)."""
        return "the settled layer" if self.annotator is None else f"{self.annotator}'s tags"


#: The settled layer: decisions, and what every annotator agreed on.
GOLD = Layer(None)


class FixedTags:
    """Tags read once, shown read-only: no suggestions, nothing unsaved, no changes.

    Args:
        annotations: The tags (anyone's; the settled layer's).
        sentences: The article's sentences, to find each tag's sentence by its span.
    """

    def __init__(self, annotations: Iterable[Annotation], sentences: Sequence[Sentence]) -> None:
        by_span = {(s.start, s.end): s.index for s in sentences}
        self.tags: dict[int, str] = {}
        self._notes: set[int] = set()
        self._speakers: dict[int, str] = {}
        for annotation in annotations:
            index = by_span.get((annotation.start, annotation.end))
            if index is None:
                continue  # a tag of an earlier split of the article
            self.tags[index] = annotation.label
            if annotation.note:
                self._notes.add(index)
            if annotation.attribution:
                self._speakers[index] = annotation.attribution
        self.unsaved: Mapping[int, str | None] = {}

    def has_note(self, sentence: int) -> bool:
        """Whether the sentence's tag has a note."""
        return sentence in self._notes

    def suggestion(self, sentence: int) -> Suggestion | None:
        """Never: suggestions are the annotator's own, on their own tags."""
        return None

    def speaker(self, sentence: int) -> str | None:
        """Who says the sentence, as the tag records it."""
        return self._speakers.get(sentence)

    def subscribe(self, listener: Callable[[int | None], object]) -> None:
        """Nothing changes: a snapshot."""


def others(store: Store, article_id: str, annotator: str) -> list[Layer]:
    """The other annotators who tagged the article, by name, then :data:`GOLD` when two or
    more annotators did (one alone settles nothing)."""
    names = sorted({a.annotator for a in store.annotations(article_id)})
    found = [Layer(name) for name in names if name != annotator]
    return found + ([GOLD] if len(names) >= 2 else [])


def layer(store: Store, article_id: str, which: Layer, sentences: Sequence[Sentence]) -> FixedTags:
    """An annotator's tags (or the settled layer), read now."""
    if which.annotator is None:
        # The review layer is imported when the settled layer is shown, not by opening an
        # article (the reading screen imports this module before its first frame).
        from reader.store.review import Review

        annotations: Iterable[Annotation] = (
            Review(store, article_id, sentences=len(sentences)).gold().annotations
        )
    else:
        annotations = store.annotations(article_id, which.annotator)
    return FixedTags(annotations, sentences)
