"""One analyst tagging one article: the tags on screen and their fate in the store.

No Textual here, so that the rules (a tag is saved before the next key; a failed save stays
on screen as unsaved, never dropped; undo goes through the store's persistent history) can
be tested on their own and the screen stays about keys and widgets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from reader.analysis import Sentence, body_sentences
from reader.article import Article
from reader.attribution import Suggestion
from reader.errors import ReaderError
from reader.loaders import stored_path
from reader.store import Annotation, Store

if TYPE_CHECKING:
    from reader.reanchor import Reanchoring

#: Blocks that are not the article's body: taggable on purpose, but not counted as progress
#: and skipped by "next untagged".


def body_progress(sentences: Sequence[Sentence], tagged: Iterable[Annotation]) -> tuple[int, int]:
    """``(tagged, total)`` over the body's sentences, for progress shown anywhere."""
    body = {(s.start, s.end) for s in sentences if s.index in body_sentences(sentences)}
    done = {(a.start, a.end) for a in tagged} & body
    return len(done), len(body)


class Outcome(NamedTuple):
    """What a tag, undo or redo did.

    Attributes:
        sentence: The sentence it changed, if any.
        label: Its label now (``None``: untagged).
        error: The one-line error if the store could not save it.
        undone: For an undo or redo, what changed (``claim → context``, ``note``).
    """

    sentence: int | None
    label: str | None
    error: str | None = None
    undone: str = ""

    @property
    def saved(self) -> bool:
        """Whether the store has it."""
        return self.error is None


class TaggingSession:
    """The tags of one annotator on one article, saved through the store as they are made.

    The one source of truth for the tags on screen: the article view reads ``tags``,
    ``unsaved``, :meth:`has_note`, :meth:`suggestion` and :meth:`speaker` from it, and hears
    through :meth:`subscribe` which sentence changed.

    Suggestions (label and speaker, from :mod:`reader.attribution`) are offered on the
    untagged sentences only, and never stored as the analyst's work until accepted
    (:meth:`accept`); a rejected one is stored as rejected and not offered again.

    Args:
        store: The annotation store.
        article: The article.
        sentences: Its sentences (from ``split_article``).
        annotator: Who is tagging.
    """

    def __init__(
        self, store: Store, article: Article, sentences: Sequence[Sentence], annotator: str
    ) -> None:
        self.store = store
        self.article = article
        self.sentences = sentences
        self.annotator = annotator
        self._by_span = {(s.start, s.end): s.index for s in sentences}
        #: The body's sentences: progress counts them, "next untagged" stops on them.
        self.body = body_sentences(sentences)
        self.tags: dict[int, str] = {}
        #: The stored annotation of each tagged sentence, for its note and attribution.
        self.records: dict[int, Annotation] = {}
        #: Sentences whose last change could not be saved, with the label they should have.
        self.unsaved: dict[int, str | None] = {}
        #: ``saved`` or ``unsaved`` after the first change of the session, else ``""``.
        self.last_save = ""
        #: Why the saved tags could not be read, if they could not (a damaged file).
        self.load_error: str | None = None
        self._listeners: list[Callable[[int | None], object]] = []
        #: Every suggestion of the analysis, by sentence (see :meth:`suggestion`).
        self.suggestions: dict[int, Suggestion] = {}
        #: Whether suggestions are offered at all (the analyst's setting).
        self.show_suggestions = True
        #: The spans of the sentences whose suggestion the annotator rejected (read with
        #: the first suggestions, after the first paint).
        self.rejected: set[tuple[int, int]] | None = None
        try:
            annotations = store.annotations(article.id, annotator)
        except ReaderError as error:
            # Still open the article: it can be read, and every tag tried is shown as
            # unsaved with the store's reason, rather than the app refusing to start.
            self.load_error = error.message
            annotations = []
        for annotation in annotations:
            index = self._index_of(annotation)
            if index is not None:
                self.tags[index] = annotation.label
                self.records[index] = annotation

    def subscribe(self, listener: Callable[[int | None], object]) -> None:
        """Call ``listener`` with the sentence whose tag, save state or note changed
        (``None``: any of them may have)."""
        self._listeners.append(listener)

    def _changed(self, sentence: int | None) -> None:
        for listener in self._listeners:
            listener(sentence)

    def _index_of(self, annotation: Annotation) -> int | None:
        # The span is the key: a sentence index alone could point at another sentence if
        # the segmenter changed since the tag was made.
        return self._by_span.get((annotation.start, annotation.end))

    def carry_over(self) -> Reanchoring:
        """Carry the tags of earlier versions of the article's file over to this one.

        For an article opened for the first time (an edited file has a new id): see
        :func:`reader.reanchor.carry_over`. The annotator's carried tags are shown; a tag
        already made in this session stays as it is.

        Raises:
            ReaderError: An earlier version could not be read or the save failed.
        """
        result = self.carry_over_in_store()
        self.take_carried(result)
        return result

    def carry_over_in_store(self) -> Reanchoring:
        """The store's half of :meth:`carry_over`: it looks for the file's earlier versions
        among every article of the store, so the app calls it from a worker thread, never
        before a key. It changes nothing of the session; :meth:`take_carried` does.

        Raises:
            ReaderError: An earlier version could not be read or the save failed.
        """
        # Imported here: a first opening carries tags over after the first frame.
        from reader.reanchor import carry_over

        return carry_over(
            self.store, self.article.id, stored_path(self.article.path), self.sentences
        )

    def take_carried(self, result: Reanchoring) -> None:
        """Show the annotator's tags that :meth:`carry_over_in_store` carried over (a tag
        made meanwhile stays as it is)."""
        for moved in result.moved:
            if moved.annotation.annotator == self.annotator:
                self.tags.setdefault(moved.sentence.index, moved.annotation.label)
                self.records.setdefault(moved.sentence.index, moved.annotation)
        if result.moved:
            self._changed(None)

    @property
    def tagged(self) -> int:
        """How many of the body's sentences have a label on screen (the title, byline and
        caption are taggable but are not progress)."""
        return sum(1 for sentence in self.tags if sentence in self.body)

    @property
    def total(self) -> int:
        """How many sentences the body has: the total that progress counts towards."""
        return len(self.body)

    def label_counts(self) -> Counter[str]:
        """How many sentences carry each label (all of them, title and captions too)."""
        return Counter(self.tags.values())

    def speakers(self) -> Counter[str]:
        """Who is said to make the claims and quotes, with how many sentences each."""
        return Counter(r.attribution for r in self.records.values() if r.attribution)

    def with_label(self, label: str | None) -> list[int]:
        """The sentences tagged ``label`` in order (``None``: the untagged ones)."""
        if label is None:
            return [s.index for s in self.sentences if s.index not in self.tags]
        return sorted(i for i, tag in self.tags.items() if tag == label)

    def tag(self, sentence: int, label: str | None) -> Outcome:
        """Set (or clear, with ``None``) a sentence's label and save it at once."""
        if label is None:
            self.tags.pop(sentence, None)
        else:
            self.tags[sentence] = label
        return self._save(sentence, label)

    def toggle(self, sentence: int, label: str) -> Outcome:
        """Tag with ``label``, or clear if it already has it (and it is saved)."""
        if self.tags.get(sentence) == label and sentence not in self.unsaved:
            return self.tag(sentence, None)
        return self.tag(sentence, label)

    def _save(
        self, sentence: int, label: str | None, suggestion: Suggestion | None = None
    ) -> Outcome:
        s = self.sentences[sentence]
        try:
            record = self.store.tag(
                self.article.id,
                sentence=s.index,
                start=s.start,
                end=s.end,
                text=s.text,
                label=label,
                annotator=self.annotator,
                origin="suggestion" if suggestion else "analyst",
                attribution=suggestion.speaker if suggestion else None,
            )
        except ReaderError as error:  # StoreError, or ConfigError from a bad labels.toml
            self.unsaved[sentence] = label
            self.last_save = "unsaved"
            self._changed(sentence)
            return Outcome(sentence, label, error.message)
        if record is None:
            self.records.pop(sentence, None)
        else:
            self.records[sentence] = record
        self.unsaved.pop(sentence, None)
        self.last_save = "unsaved" if self.unsaved else "saved"
        self._changed(sentence)
        return Outcome(sentence, label)

    def has_note(self, sentence: int) -> bool:
        """Whether the sentence's tag carries a note."""
        record = self.records.get(sentence)
        return record is not None and bool(record.note)

    # -- suggestions -------------------------------------------------------------------

    def set_suggestions(self, suggestions: Iterable[Suggestion]) -> None:
        """Offer these suggestions (the analysis's, found again after each correction)."""
        found = {s.sentence: s for s in suggestions if 0 <= s.sentence < len(self.sentences)}
        if self.rejected is None:
            try:
                self.rejected = self.store.rejected_suggestions(self.article.id, self.annotator)
            except ReaderError:
                self.rejected = set()  # the tags' own error says what is wrong
        if found != self.suggestions:
            self.suggestions = found
            self._changed(None)

    def set_shown(self, shown: bool) -> None:
        """Offer suggestions or not (the analyst's setting)."""
        if shown != self.show_suggestions:
            self.show_suggestions = shown
            self._changed(None)

    def suggestion(self, sentence: int) -> Suggestion | None:
        """The suggestion offered on the sentence: shown, untagged, not rejected."""
        found = self.suggestions.get(sentence)
        if (
            found is None
            or not self.show_suggestions
            or sentence in self.tags
            or sentence in self.unsaved
        ):
            return None
        s = self.sentences[sentence]
        return None if (s.start, s.end) in (self.rejected or ()) else found

    @property
    def pending(self) -> list[int]:
        """The sentences with a suggestion offered, in order."""
        return [i for i in sorted(self.suggestions) if self.suggestion(i) is not None]

    def speaker(self, sentence: int) -> str | None:
        """Who says the sentence: its tag's attribution, else its suggestion's speaker."""
        record = self.records.get(sentence)
        if record is not None and sentence in self.tags:
            return record.attribution
        found = self.suggestion(sentence)
        return found.speaker if found else None

    def accept(self, sentence: int) -> Outcome | None:
        """Tag the sentence as suggested, with the suggested speaker, in one undoable
        change recorded as coming from a suggestion (``None``: nothing is suggested)."""
        found = self.suggestion(sentence)
        if found is None:
            return None
        self.tags[sentence] = found.label
        return self._save(sentence, found.label, found)

    def accept_all(self) -> list[Outcome]:
        """Accept every suggestion still offered, one change each."""
        outcomes = []
        for sentence in self.pending:
            outcome = self.accept(sentence)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    def reject(self, sentence: int) -> str | None:
        """Reject the sentence's suggestion for good; returns why that failed, or ``None``."""
        if self.suggestion(sentence) is None:
            return None
        s = self.sentences[sentence]
        try:
            self.store.reject_suggestion(self.article.id, self.annotator, s.start, s.end)
        except ReaderError as error:
            return error.message
        self.rejected = {*(self.rejected or ()), (s.start, s.end)}
        self._changed(sentence)
        return None

    def note(self, sentence: int) -> str:
        """The note on the sentence's tag, or ``""``."""
        record = self.records.get(sentence)
        return (record.note or "") if record is not None else ""

    def annotate(self, sentence: int, field: str, value: str | None) -> str | None:
        """Set (or clear, with ``None`` or blank) the ``note`` or ``attribution`` of a tagged
        sentence, saved at once; returns why it failed, or ``None``."""
        if sentence not in self.records or sentence in self.unsaved:
            return "tag the sentence (and let it be saved) before adding a note to it"
        s = self.sentences[sentence]
        try:
            if field == "note":
                record = self.store.set_note(
                    self.article.id, start=s.start, end=s.end, annotator=self.annotator, note=value
                )
            else:
                record = self.store.set_attribution(
                    self.article.id,
                    start=s.start,
                    end=s.end,
                    annotator=self.annotator,
                    attribution=value,
                )
        except ReaderError as error:
            return error.message
        self.records[sentence] = record
        self._changed(sentence)
        return None

    def retry(self) -> list[Outcome]:
        """Try again to save every unsaved tag."""
        return [self._save(sentence, label) for sentence, label in list(self.unsaved.items())]

    def undo(self) -> Outcome | None:
        """Undo the annotator's last change to this article (``None``: nothing to undo)."""
        return self._step(undo=True)

    def redo(self) -> Outcome | None:
        """Redo the last undone change (``None``: nothing to redo)."""
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> Outcome | None:
        try:
            if undo:
                change = self.store.undo(self.article.id, self.annotator)
            else:
                change = self.store.redo(self.article.id, self.annotator)
        except ReaderError as error:
            return Outcome(None, None, error.message)
        if change is None:
            return None
        after, before = change.after, change.before
        anchor = after or before
        index = self._index_of(anchor) if anchor is not None else None
        if index is None:
            return Outcome(None, None, undone=_describe(before, after))
        if after is None:
            self.tags.pop(index, None)
            self.records.pop(index, None)
        else:
            self.tags[index] = after.label
            self.records[index] = after
        self.unsaved.pop(index, None)
        self._changed(index)
        return Outcome(index, after.label if after else None, undone=_describe(before, after))

    def next_untagged(self, after: int, step: int = 1) -> int | None:
        """The next body sentence without a label after (``step=-1``: before) ``after``,
        wrapping; the title, byline and caption are passed over."""
        count = len(self.sentences)
        for offset in range(1, count + 1):
            index = (after + step * offset) % count
            if index not in self.tags and index in self.body:
                return index
        return None

    def first_untagged(self) -> int:
        """The first body sentence without a label, else the first body sentence."""
        body = sorted(self.body) or [0]
        return next((i for i in body if i not in self.tags), body[0])

    def resume_position(self) -> int:
        """Where to open: the last recorded position, else the first untagged sentence."""
        try:
            position = self.store.position(self.article.id, self.annotator)
        except ReaderError:
            position = None
        if position is not None and 0 <= position < len(self.sentences):
            return position
        return self.first_untagged()

    def save_position(self, sentence: int) -> str | None:
        """Remember the position; returns the error message if it could not be saved."""
        try:
            self.store.set_position(self.article.id, self.annotator, sentence)
        except ReaderError as error:
            return error.message
        return None


def _describe(before: Annotation | None, after: Annotation | None) -> str:
    """What one change of the history did, in a few words: ``claim → quote``, ``note``."""
    if before is None and after is None:
        return "a change"
    if before is None:
        return f"tag {after.label}" if after else "a change"
    if after is None:
        return f"tag {before.label} removed"
    if before.label != after.label:
        return f"{before.label} → {after.label}"
    if before.note != after.note:
        return "note"
    if before.attribution != after.attribution:
        return "speaker"
    return "a change"
