"""One reviewer walking one article's differences: the review screen's headless side.

No Textual here: which items the review walks, where it stands, where it goes after a
decision and where it resumes are rules of their own, tested without an app. The decisions
themselves are :class:`~reader.store.Review`'s (a file of their own; the annotators' tags
are only read).

An item is **open** while it needs the reviewer: it has no decision, or its decision is
stale (the annotators changed their tags since). Opening a review starts at the first open
item, so reopening it resumes where the reviewer left off.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.store import Decision, Review, ReviewItem, Store
from reader.store.review_records import SCOPES, DecisionChange, Scope

#: What each scope walks, as the review screen says it.
SCOPE_NAMES: dict[Scope, str] = {
    "disagreed": "disagreements",
    "shared": "tagged by more than one",
    "unsettled": "unsettled",
}


@dataclass(frozen=True)
class Moved:
    """Where a decision, an undo or a redo left the review.

    Attributes:
        changed: How many sentences' decisions changed.
        done: Every item of the scope is decided (none is open).
    """

    changed: int
    done: bool = False


def is_open(item: ReviewItem) -> bool:
    """Whether ``item`` needs the reviewer: no decision, or a stale one."""
    return item.decision is None or item.stale


class ReviewSession:
    """The items of one article's review, the reviewer's place among them, and their
    decisions.

    Args:
        store: The store.
        article_id: The article.
        sentences: Its number of sentences (tags past it are left out).
        reviewer: Who decides (the app's annotator).
        scope: Which items to walk (see :meth:`Review.disagreements`).

    Raises:
        StoreError: The review file or the annotators' tags cannot be read.
    """

    def __init__(
        self,
        store: Store,
        article_id: str,
        sentences: int,
        reviewer: str,
        scope: Scope = "disagreed",
    ) -> None:
        self.review = Review(store, article_id, sentences=sentences)
        self.reviewer = reviewer
        self.scope: Scope = scope
        self.items: list[ReviewItem] = []
        self.index = 0
        self.reload()
        self.index = self.first_open()

    # -- where the review stands --------------------------------------------------------

    @property
    def current(self) -> ReviewItem | None:
        """The item shown, if the scope has any."""
        return self.items[self.index] if self.items else None

    @property
    def open_count(self) -> int:
        """How many items of the scope are open."""
        return sum(is_open(item) for item in self.items)

    @property
    def stale_count(self) -> int:
        """How many items' decisions are stale."""
        return sum(item.stale for item in self.items)

    def agreed_undecided(self) -> int:
        """How many sentences of the article "accept all agreed" would decide."""
        return sum(
            item.decision is None and item.agreed is not None for item in self.review.items()
        )

    def progress(self) -> str:
        """``3/17 disagreements · 12 open``: where the review stands."""
        if not self.items:
            return f"0 {SCOPE_NAMES[self.scope]}"
        text = f"{self.index + 1}/{len(self.items)} {SCOPE_NAMES[self.scope]}"
        text += f" · {self.open_count} to decide"
        stale = self.stale_count
        return text + (f" · {stale} stale" if stale else "")

    def first_open(self, after: int = -1) -> int:
        """The index of the first open item after ``after`` (wrapping round), else
        ``after`` clamped to the items (none is open)."""
        count = len(self.items)
        for step in range(1, count + 1):
            position = (after + step) % count
            if is_open(self.items[position]):
                return position
        return max(0, min(after, count - 1))

    # -- moving ----------------------------------------------------------------------

    def reload(self, keep: tuple[int, int] | None = None) -> None:
        """Read the items again; stay on the sentence at ``keep`` (a span), or on the
        first item after it if it left the scope."""
        self.items = self.review.disagreements(self.scope)
        if keep is None:
            self.index = max(0, min(self.index, len(self.items) - 1))
            return
        spans = [(item.start, item.end) for item in self.items]
        if keep in spans:
            self.index = spans.index(keep)
        else:
            later = [n for n, span in enumerate(spans) if span > keep]
            self.index = later[0] if later else max(0, len(spans) - 1)

    def move(self, step: int) -> None:
        """``step`` items on (or back), stopping at either end."""
        self.index = max(0, min(self.index + step, len(self.items) - 1))

    def next_open(self) -> bool:
        """Go to the next open item (wrapping round); whether there is one."""
        if not self.items or not any(is_open(item) for item in self.items):
            return False
        self.index = self.first_open(self.index)
        return True

    def set_scope(self, scope: Scope) -> None:
        """Walk another scope, starting at its first open item."""
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        current = self.current
        self.scope = scope
        self.reload(None if current is None else (current.start, current.end))
        if self.items and not is_open(self.items[self.index]):
            self.index = self.first_open(self.index)

    def next_scope(self) -> Scope:
        """Walk the next scope (disagreed, shared, unsettled, round again); it is returned."""
        self.set_scope(SCOPES[(SCOPES.index(self.scope) + 1) % len(SCOPES)])
        return self.scope

    # -- deciding --------------------------------------------------------------------

    def _decided(self, item: ReviewItem) -> Moved:
        """After a decision on ``item``: read again, then on to the next open item."""
        span = (item.start, item.end)
        self.reload(span)
        current = self.current
        # Still in the scope, or left it (unsettled) for an item already decided: on to
        # the next open item, if any is left.
        if current is not None and ((current.start, current.end) == span or not is_open(current)):
            self.next_open()
        return Moved(1, done=not self.open_count)

    def take_version(self, number: int) -> Moved:
        """Settle the current item on the ``number``-th annotator's version (from 1, in
        the order shown), then go on to the next open item.

        Raises:
            IndexError: There is no such version (or no item).
            StoreError: The decision could not be saved.
        """
        item = self.current
        names = list(item.versions) if item is not None else []
        if item is None or not 1 <= number <= len(names):
            raise IndexError(number)
        self.review.choose(item, names[number - 1], self.reviewer)
        return self._decided(item)

    def settle(self, label: str | None) -> Moved:
        """Settle the current item with a label of the reviewer's own (``None``: as
        untagged), then go on. The speaker is kept when the annotators who gave that
        label recorded a single one; the note is the reviewer's to write.

        Raises:
            IndexError: There is no item.
            StoreError: The decision could not be saved (or the label is unknown).
        """
        item = self.current
        if item is None:
            raise IndexError(0)
        speakers = {
            a.attribution
            for a in item.versions.values()
            if a is not None and a.label == label and a.attribution
        }
        self.review.decide(
            sentence=item.sentence,
            start=item.start,
            end=item.end,
            text=item.text,
            label=label,
            reviewer=self.reviewer,
            attribution=speakers.pop() if len(speakers) == 1 else None,
        )
        return self._decided(item)

    def clear(self) -> Decision | None:
        """Remove the decision on the current item (it stays shown); the one removed."""
        item = self.current
        if item is None:
            return None
        removed = self.review.clear_decision(start=item.start, end=item.end, reviewer=self.reviewer)
        self.reload((item.start, item.end))
        return removed

    def accept_agreed(self) -> int:
        """Decide every agreed, undecided sentence of the article as agreed (one save, one
        undo); how many."""
        current = self.current
        made = self.review.accept_agreed(self.reviewer)
        self.reload(None if current is None else (current.start, current.end))
        return len(made)

    def undo(self) -> list[DecisionChange] | None:
        """Undo the reviewer's last change and show the sentence it changed; ``None`` if
        there is nothing to undo."""
        return self._step(self.review.undo(self.reviewer))

    def redo(self) -> list[DecisionChange] | None:
        """Redo the reviewer's last undone change; ``None`` if there is none."""
        return self._step(self.review.redo(self.reviewer))

    def _step(self, changes: list[DecisionChange] | None) -> list[DecisionChange] | None:
        if changes is None:
            return None
        current = self.current
        keep = None if current is None else (current.start, current.end)
        if changes:
            first = min(changes, key=lambda c: (c.start, c.end))
            keep = (first.start, first.end)
        self.reload(keep)
        return changes
