"""Carry annotations over to a new version of an article, or say which could not be.

An article's id is a hash of its normalised text, so an article edited on disk is, to the
store, a new article with no annotations. The analyst's tags on the old version are not
lost: each one kept the text of its sentence (:attr:`~reader.records.Annotation.text`).
:func:`reanchor` matches those texts against the new version's sentences:

* an annotation whose sentence text occurs, identically, among the new sentences moves to
  that sentence (to the occurrence nearest its old position when the text occurs more
  than once);
* one whose text no longer occurs, or whose every occurrence is already taken by the same
  annotator's other annotations (a sentence that was repeated and is now there once), is
  *orphaned*: it is reported, and the caller keeps it listed, never deletes it.

Pure: no store, no files, no Textual; the caller decides what to save.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis import Sentence
from reader.records import Annotation


@dataclass(frozen=True)
class Moved:
    """An annotation matched to a sentence of the new version.

    Attributes:
        annotation: The annotation as it was on the old version.
        sentence: The new version's sentence with the same text.
    """

    annotation: Annotation
    sentence: Sentence

    @property
    def shifted(self) -> bool:
        """Whether the sentence's offsets or index differ from the annotation's."""
        a, s = self.annotation, self.sentence
        return (a.start, a.end, a.sentence) != (s.start, s.end, s.index)


@dataclass(frozen=True)
class Reanchoring:
    """The outcome of :func:`reanchor`: every annotation given is in exactly one list.

    Attributes:
        moved: Annotations matched to a new sentence, in the order they were given.
        orphaned: Annotations that match no free sentence, in the order they were given.
    """

    moved: tuple[Moved, ...]
    orphaned: tuple[Annotation, ...]

    def summary(self) -> str:
        """One line for the analyst: ``3 tags re-anchored, 1 orphaned``."""
        tags = "tag" if len(self.moved) == 1 else "tags"
        return f"{len(self.moved)} {tags} re-anchored, {len(self.orphaned)} orphaned"


def reanchor(annotations: Iterable[Annotation], sentences: Sequence[Sentence]) -> Reanchoring:
    """Match annotations of an old version of an article to the new version's sentences.

    Each annotation goes to a new sentence whose text is identical to its own. Within one
    annotator, a sentence takes at most one annotation (the store keys an annotation by
    its span and its annotator); the pairs closest in position are matched first, so a
    sentence that occurs several times keeps its tags in the same order.

    Args:
        annotations: The old version's annotations (any annotators).
        sentences: The new version's sentences (from :func:`reader.analysis.split_article`).

    Returns:
        Which annotations moved where, and which are orphaned.
    """
    given = list(annotations)
    where: defaultdict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        where[sentence.text].append(sentence)

    # Every candidate pair, nearest first; ties go to the earlier annotation, then the
    # earlier sentence, so the result does not depend on anything but the input.
    pairs: list[tuple[int, int, int, int]] = []
    for number, annotation in enumerate(given):
        for sentence in where.get(annotation.text, ()):
            distance = abs(sentence.start - annotation.start)
            pairs.append((distance, number, sentence.start, sentence.index))
    pairs.sort()

    by_index = {sentence.index: sentence for sentence in sentences}
    matched: dict[int, Sentence] = {}
    taken: set[tuple[str, int]] = set()
    for _, number, _, index in pairs:
        seat = (given[number].annotator, index)
        if number in matched or seat in taken:
            continue
        matched[number] = by_index[index]
        taken.add(seat)

    moved = tuple(
        Moved(annotation, matched[number])
        for number, annotation in enumerate(given)
        if number in matched
    )
    orphaned = tuple(annotation for number, annotation in enumerate(given) if number not in matched)
    return Reanchoring(moved, orphaned)
