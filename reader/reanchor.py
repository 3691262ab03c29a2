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

:func:`reanchor` is pure: no store, no files, no Textual. :func:`carry_over` applies it
with a :class:`~reader.store.Store`: when an article is opened for the first time, the
annotations of the older versions of its file (the store's records with the same path)
are carried over, and their orphans recorded, in one atomic save per older version; the
older versions' own files are never changed. (In a JSON Lines corpus, where a path is
``FILE#LINE``, an older article at that line with no sentence in common is taken to be
another article that moved, not an older version.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis import Sentence
from reader.loaders.jsonl import split_corpus_path
from reader.records import Annotation

if TYPE_CHECKING:
    from reader.store import Store


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


def carry_over(
    store: Store, article_id: str, path: str, sentences: Sequence[Sentence]
) -> Reanchoring:
    """Carry the annotations of the older versions of a file over to its current version.

    The older versions are the store's articles last opened from ``path`` that were not
    carried over to ``article_id`` yet, most recently changed first (so the newest work
    wins where two versions tagged the same sentence). Each one's annotations, and the
    orphans it had itself inherited, are matched with :func:`reanchor`.

    Args:
        store: The store.
        article_id: The current version's id.
        path: The file it was loaded from.
        sentences: Its sentences.

    Returns:
        What moved and what is orphaned, over all older versions (empty if none).

    Raises:
        StoreError: A version's file could not be read, or the save failed; what was
            carried over before the failure stays carried over.
    """
    moved: list[Moved] = []
    orphaned: list[Annotation] = []
    # In a corpus an article's path is FILE#LINE, and a line number is no identity: when
    # lines are inserted, another article takes the number. There, an older "version"
    # with not one sentence in common is another article, and is left alone.
    in_corpus = split_corpus_path(path)[1] is not None
    skipped: set[str] = set()
    while True:
        done = store.reanchored_from(article_id) | {article_id} | skipped
        older = [record for record in store.find_by_path(path) if record.id not in done]
        if not older:
            return Reanchoring(tuple(moved), tuple(orphaned))
        record = max(older, key=lambda r: (r.updated or "", r.id))
        match = _Match(sentences, in_corpus)
        if store.reanchor(record.id, article_id, match) is None:
            skipped.add(record.id)
            continue
        moved.extend(match.fresh)
        orphaned.extend(match.lost)


class _Match:
    """A carry-over's matching, which the store calls under the old version's lock.

    Called with what the old version has *now*, so that a tag saved to it meanwhile (from
    another window) is carried over too; it keeps what it decided for :func:`carry_over`.
    """

    def __init__(self, sentences: Sequence[Sentence], in_corpus: bool) -> None:
        self.sentences = sentences
        self.in_corpus = in_corpus
        self.fresh: list[Moved] = []
        self.lost: list[Annotation] = []

    def __call__(
        self, candidates: list[Annotation], present: dict[tuple[int, int, str], str]
    ) -> tuple[list[tuple[Annotation, int, int, int]], list[Annotation]] | None:
        result = reanchor(candidates, self.sentences)
        if self.in_corpus and not result.moved:
            return None
        # Where the current version already has that annotator's tag, it wins: the same
        # label is nothing to carry, another label is kept as an orphan.
        fresh: list[Moved] = []
        clashes: list[Annotation] = []
        for move in result.moved:
            seat = (move.sentence.start, move.sentence.end, move.annotation.annotator)
            if seat not in present:
                fresh.append(move)
            elif present[seat] != move.annotation.label:
                clashes.append(move.annotation)
        self.fresh, self.lost = fresh, [*result.orphaned, *clashes]
        spans = [(m.annotation, m.sentence.index, m.sentence.start, m.sentence.end) for m in fresh]
        return spans, self.lost
