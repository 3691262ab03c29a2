"""The review layer: a reviewer's decisions on the sentences annotators tagged differently.

A team's annotators each keep their own tags (:class:`~reader.store.Store`); a reviewer
settles the differences. A decision is a record of its own, never a change to anyone's
tags: it holds the label chosen (or ``None``, settled as untagged), the speaker and the
note, the reviewer, the time, and the versions it chose between, as they were then.

The **settled layer** (:meth:`Review.gold`, ``reader export --layer gold``) is, per
sentence: the reviewer's decision where there is one; else, where two or more annotators
take part in the article and all of them gave the sentence one label, that label
(credited to :data:`AGREED`); else nothing, and a sentence that someone tagged is then
*unsettled*. An annotator takes part in an article when they tagged at least one of its
sentences there (as in :mod:`reader.agreement`); one annotator alone settles nothing.

Storage: ``<store>/review/<article-id>.json``, a TinyDB-shaped JSON file of its own next
to the article's, so that a reviewer's saves never rewrite (or wait for) the annotators'
files. It has the same guarantees: every change is one read-modify-write under an
exclusive ``flock`` on ``<article-id>.lock`` in the same folder, written to a temporary
file, fsynced and renamed over the old one (:func:`reader.atomic.atomic_write`); a file
that does not parse or has the wrong shape is refused and never overwritten; a file of a
newer schema is refused. Its tables::

    meta       {"schema": 1}
    decisions  one per sentence: sentence, start, end, text, label (or null), attribution,
               note, reviewer, decided (UTC time), chosen_from ({annotator: {label,
               attribution, note}}, label null for a sentence they left untagged)
    history    one per change: at, reviewer, changes ([{start, end, before, after}], each
               side a decision document or null), undone

Undo and redo work per reviewer, as the annotators' do (:meth:`Review.undo`); an undo
leaves alone a sentence that another reviewer decided since.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.atomic import describe_os_error
from reader.errors import StoreError
from reader.records import Annotation, utc_now
from reader.store._history import check_annotator, check_span, check_text, is_article_id
from reader.store._review_file import (
    Decisions,
    decision_from_doc,
    decision_to_doc,
    edit,
    load,
)
from reader.store.folder import Store
from reader.store.review_records import (
    AGREED,
    SCOPES,
    Decision,
    DecisionChange,
    Gold,
    ReviewItem,
    Scope,
    Version,
)

#: The folder of review files, inside the store folder.
REVIEW_DIR = "review"

# -- the review of one article -----------------------------------------------------------


class Review:
    """The review of one article: its annotators' versions, decisions and settled layer.

    Reads take no lock (a file is only ever replaced whole); each change is one locked,
    atomic, fsynced save of the article's review file, durable when the method returns.
    The annotators' own tags are only ever read.

    Args:
        store: The store.
        article_id: The article.
        sentences: The article's number of sentences, if the caller knows it (the app
            does); else the count the store recorded. Tags on sentences past it (an
            article split differently since) are left out of the review.

    Raises:
        StoreError: ``article_id`` is not a valid id.
    """

    def __init__(self, store: Store, article_id: str, *, sentences: int | None = None) -> None:
        if not is_article_id(article_id):
            raise StoreError(f"invalid article id {article_id!r}")
        self.store = store
        self.article_id = article_id
        self._sentences = sentences
        self._counted = sentences is not None
        folder = Path(store.root) / REVIEW_DIR
        self.path = folder / f"{article_id}.json"

    # -- reading ------------------------------------------------------------------------

    def _data(self) -> dict[str, Any]:
        return load(self.path) or {}

    def decisions(self) -> list[Decision]:
        """Every decision on the article, by start offset."""
        docs = Decisions(self._data()).table.values()
        found = [decision_from_doc(self.article_id, doc) for doc in docs]
        return sorted(found, key=lambda d: (d.start, d.end))

    def decision(self, start: int, end: int) -> Decision | None:
        """The decision on the sentence at ``start``-``end``, if any."""
        found = Decisions(self._data()).find(start, end)
        return None if found is None else decision_from_doc(self.article_id, found[1])

    def sentence_count(self) -> int | None:
        """The article's number of sentences: as given, else as the store recorded it."""
        if not self._counted:
            # Once: an article's id is the hash of its text, so its count does not change.
            records = [r for r in self.store.articles() if r.id == self.article_id]
            self._sentences = records[0].sentences if records else None
            self._counted = True
        return self._sentences

    def annotations(self) -> list[Annotation]:
        """The annotators' tags that the review covers (those inside the article)."""
        count = self.sentence_count()
        return [
            a
            for a in self.store.annotations(self.article_id)
            if count is None or a.sentence < count
        ]

    def items(self) -> list[ReviewItem]:
        """Every sentence that someone tagged or a reviewer decided, by start offset."""
        annotations = self.annotations()
        taking_part = sorted({a.annotator for a in annotations})
        by_span: dict[tuple[int, int], dict[str, Annotation]] = {}
        for annotation in annotations:
            by_span.setdefault((annotation.start, annotation.end), {})[annotation.annotator] = (
                annotation
            )
        decisions = {(d.start, d.end): d for d in self.decisions()}
        items = []
        for span in sorted(set(by_span) | set(decisions)):
            tagged = by_span.get(span, {})
            decision = decisions.get(span)
            source = next(iter(tagged.values()), None) or decision
            assert source is not None  # every span comes from a tag or a decision
            sentence, text = source.sentence, source.text
            items.append(
                ReviewItem(
                    self.article_id,
                    sentence,
                    span[0],
                    span[1],
                    text,
                    {name: tagged.get(name) for name in taking_part},
                    decision,
                )
            )
        return items

    def disagreements(self, scope: Scope = "disagreed") -> list[ReviewItem]:
        """The sentences to review, by start offset, decided or not.

        Args:
            scope: ``disagreed``: the annotators taking part (two or more) gave different
                labels, one perhaps none. ``shared``: those, and the sentences more than
                one annotator tagged (agreed or not). ``unsettled``: what the settled
                layer lacks: disagreements without a decision, and the tags of an
                article's only annotator.
        """
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r} (scopes: {', '.join(SCOPES)})")
        items = self.items()
        if scope == "disagreed":
            return [item for item in items if item.disagreed]
        if scope == "shared":
            return [
                item
                for item in items
                if item.disagreed or sum(a is not None for a in item.versions.values()) > 1
            ]
        return [item for item in items if not item.settled and any(item.versions.values())]

    def gold(self) -> Gold:
        """The settled layer: decisions, and the sentences all annotators agreed on."""
        annotations = []
        unsettled = []
        for item in self.items():
            decision = item.decision
            if decision is not None:
                if decision.label is not None:
                    annotations.append(
                        Annotation(
                            self.article_id,
                            sentence=decision.sentence,
                            start=decision.start,
                            end=decision.end,
                            text=decision.text,
                            label=decision.label,
                            annotator=decision.reviewer,
                            created=decision.decided,
                            updated=decision.decided,
                            note=decision.note,
                            attribution=decision.attribution,
                        )
                    )
            elif item.agreed is not None:
                tags = [a for a in item.versions.values() if a is not None]
                annotations.append(
                    Annotation(
                        self.article_id,
                        sentence=item.sentence,
                        start=item.start,
                        end=item.end,
                        text=item.text,
                        label=item.agreed,
                        annotator=AGREED,
                        created=min(a.created for a in tags),
                        updated=max(a.updated for a in tags),
                        note=_single(a.note for a in tags),
                        attribution=_single(a.attribution for a in tags),
                    )
                )
            elif any(item.versions.values()):
                unsettled.append(item)
        return Gold(tuple(annotations), tuple(unsettled))

    # -- deciding -----------------------------------------------------------------------

    def _check_label(self, label: str | None, versions: Iterable[Version]) -> None:
        if label is None or self.store.labels.by_name(label) is not None:
            return
        if any(version.label == label for version in versions):
            return  # a label since removed from labels.toml, chosen from a version
        names = ", ".join(self.store.labels.names)
        raise StoreError(f"unknown label {label!r} (labels: {names})")

    def _versions(self, start: int, end: int) -> dict[str, Version]:
        annotations = self.annotations()
        taking_part = sorted({a.annotator for a in annotations})
        mine = {a.annotator: a for a in annotations if (a.start, a.end) == (start, end)}
        return {name: Version.of(mine.get(name)) for name in taking_part}

    def decide(
        self,
        *,
        sentence: int,
        start: int,
        end: int,
        text: str,
        label: str | None,
        reviewer: str,
        attribution: str | None = None,
        note: str | None = None,
    ) -> Decision:
        """Settle a sentence: its label (``None``: untagged), speaker and note.

        Replaces any earlier decision on it (by anyone); records the annotators' versions
        as they are now, the reviewer and the time. Saved when it returns; undoable.

        Raises:
            StoreError: A bad sentence span, reviewer or label, or the save failed (the
                review is then unchanged).
        """
        check_span(sentence, start, end)
        check_text("a sentence's text", text)
        _check_reviewer(reviewer)
        check_text("the speaker", attribution, optional=True)
        check_text("the note", note, optional=True)
        versions = self._versions(start, end)
        self._check_label(label, versions.values())
        decision = Decision(
            self.article_id,
            sentence=sentence,
            start=start,
            end=end,
            text=text,
            label=label,
            reviewer=reviewer,
            decided=utc_now(),
            chosen_from=versions,
            attribution=attribution or None,
            note=note if note and note.strip() else None,
        )
        self._apply(reviewer, [decision], [])
        return decision

    def choose(self, item: ReviewItem, annotator: str, reviewer: str) -> Decision:
        """Settle ``item`` on ``annotator``'s version: their label, speaker and note.

        Raises:
            StoreError: ``annotator`` does not take part in the article, or as
                :meth:`decide`.
        """
        if annotator not in item.versions:
            raise StoreError(f"{annotator!r} has no version of that sentence")
        version = Version.of(item.versions[annotator])
        return self.decide(
            sentence=item.sentence,
            start=item.start,
            end=item.end,
            text=item.text,
            label=version.label,
            reviewer=reviewer,
            attribution=version.attribution,
            note=version.note,
        )

    def accept_agreed(self, reviewer: str) -> list[Decision]:
        """Decide every agreed, undecided sentence as agreed, in one save (one undo).

        A decision keeps an agreed sentence settled even if an annotator changes their
        tag later. The speaker and note are the annotators' when they recorded one.

        Returns:
            The decisions made (none if there was nothing to accept).
        """
        _check_reviewer(reviewer)
        now = utc_now()
        made = []
        for item in self.items():
            if item.decision is not None or item.agreed is None:
                continue
            tags = [a for a in item.versions.values() if a is not None]
            made.append(
                Decision(
                    self.article_id,
                    sentence=item.sentence,
                    start=item.start,
                    end=item.end,
                    text=item.text,
                    label=item.agreed,
                    reviewer=reviewer,
                    decided=now,
                    chosen_from={name: Version.of(a) for name, a in item.versions.items()},
                    attribution=_single(a.attribution for a in tags),
                    note=_single(a.note for a in tags),
                )
            )
        if made:
            self._apply(reviewer, made, [])
        return made

    def clear_decision(self, *, start: int, end: int, reviewer: str) -> Decision | None:
        """Remove the decision on a sentence (by anyone's); undoable.

        Returns:
            The decision removed, or ``None`` if there was none (nothing is saved).
        """
        _check_reviewer(reviewer)
        current = self.decision(start, end)
        if current is None:
            return None
        self._apply(reviewer, [], [(start, end)])
        return current

    def _apply(
        self, reviewer: str, decisions: list[Decision], cleared: list[tuple[int, int]]
    ) -> None:
        with edit(self.path) as table:
            changes = []
            now = utc_now()
            wanted: list[tuple[int, int, dict[str, Any] | None]] = [
                (d.start, d.end, decision_to_doc(d)) for d in decisions
            ] + [(start, end, None) for start, end in cleared]
            for start, end, doc in wanted:
                found = table.find(start, end)
                before = None if found is None else found[1]
                if before == doc:
                    continue
                table.put(start, end, doc)
                changes.append({"start": start, "end": end, "before": before, "after": doc})
            if changes:
                table.record(reviewer, changes, now)

    # -- undo and redo --------------------------------------------------------------------

    def undo(self, reviewer: str) -> list[DecisionChange] | None:
        """Undo ``reviewer``'s last change (a decision, a clearing, an accept-all).

        A sentence that someone decided since is left as it is now.

        Returns:
            What changed, or ``None`` if the reviewer has nothing to undo.
        """
        return self._step(reviewer, undo=True)

    def redo(self, reviewer: str) -> list[DecisionChange] | None:
        """Redo ``reviewer``'s last undone change; ``None`` if there is none."""
        return self._step(reviewer, undo=False)

    def _step(self, reviewer: str, *, undo: bool) -> list[DecisionChange] | None:
        if Decisions(self._data()).next_step(reviewer, undo) is None:
            return None  # nothing to do: no need to lock or write
        with edit(self.path) as table:
            found = table.next_step(reviewer, undo)
            if found is None:
                return None
            doc_id, entry = found
            done = []
            for change in entry["changes"]:
                start, end = change["start"], change["end"]
                expected, wanted = (
                    (change["after"], change["before"])
                    if undo
                    else (change["before"], change["after"])
                )
                now = table.find(start, end)
                current = None if now is None else now[1]
                if current != expected:
                    continue  # decided again since, by someone: the later decision stands
                table.put(start, end, wanted)
                done.append(
                    DecisionChange(
                        start,
                        end,
                        None if current is None else decision_from_doc(self.article_id, current),
                        None if wanted is None else decision_from_doc(self.article_id, wanted),
                    )
                )
            table.history[doc_id] = {**entry, "undone": undo}
            return done


def _check_reviewer(reviewer: str) -> None:
    check_annotator(reviewer)
    if reviewer == AGREED:
        raise StoreError(f"{AGREED!r} cannot be a reviewer's name: it marks agreed sentences")


def _single(values: Iterable[str | None]) -> str | None:
    """The one value given, if the given ones are all the same; else ``None``."""
    found = {value for value in values if value is not None}
    return found.pop() if len(found) == 1 else None


def review_files(root: Path) -> list[str]:
    """The ids of the articles that have a review file in the store at ``root``."""
    try:
        names = os.listdir(Path(root) / REVIEW_DIR)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(
            f"cannot read {Path(root) / REVIEW_DIR}: {describe_os_error(error)}"
        ) from None
    found = (name.removesuffix(".json") for name in names if name.endswith(".json"))
    return sorted(article_id for article_id in found if is_article_id(article_id))
