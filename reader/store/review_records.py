"""The review layer's records: the versions, decisions and items that a review returns.

Frozen dataclasses, like those of :mod:`reader.records`, so that nothing above the store
sees a review file's documents (:mod:`reader.store._review_file` turns one into the other).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from reader.records import Annotation

#: Who settled a sentence on which every annotator taking part agreed (in the settled
#: layer's ``annotator`` field); not a name a reviewer may use.
AGREED = "agreed"

#: Which sentences :meth:`~reader.store.Review.disagreements` lists: those on which the
#: annotators taking part differ; also those that more than one annotator tagged; or those
#: the settled layer lacks (disagreements without a decision, and tags of an article's only
#: annotator).
Scope = Literal["disagreed", "shared", "unsettled"]
SCOPES: tuple[Scope, ...] = ("disagreed", "shared", "unsettled")


@dataclass(frozen=True)
class Version:
    """One annotator's version of a sentence, as a decision chose between them.

    Attributes:
        label: Their label; ``None`` if they left the sentence untagged.
        attribution: The speaker they recorded, if any.
        note: Their note, if any.
    """

    label: str | None
    attribution: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, annotation: Annotation | None) -> Version:
        """The version an annotation (``None``: untagged) gives."""
        if annotation is None:
            return cls(None)
        return cls(annotation.label, annotation.attribution, annotation.note)


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one sentence; the annotators' tags are left as they are.

    Attributes:
        article_id: The article.
        sentence: The sentence's index.
        start: Offset of its first character in the article's text.
        end: Offset just past its last character.
        text: The sentence's text.
        label: The label chosen; ``None``: settled as untagged.
        reviewer: Who decided.
        decided: When (UTC ISO 8601, ``Z``).
        chosen_from: The versions it chose between, when it was made: each annotator
            taking part in the article then, and their version.
        attribution: The speaker chosen, if any.
        note: The reviewer's note, if any.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str | None
    reviewer: str
    decided: str
    chosen_from: Mapping[str, Version] = field(default_factory=dict)
    attribution: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DecisionChange:
    """What a decision, an undo or a redo did to one sentence's decision.

    Attributes:
        start: The sentence's first offset.
        end: Its end offset.
        before: The decision before (``None``: there was none).
        after: The decision after (``None``: there is none now).
    """

    start: int
    end: int
    before: Decision | None
    after: Decision | None


@dataclass(frozen=True)
class ReviewItem:
    """A sentence as the review shows it: each annotator's version and any decision.

    Attributes:
        article_id: The article.
        sentence: The sentence's index.
        start: Its first offset.
        end: Its end offset.
        text: Its text.
        versions: Every annotator taking part in the article, by name: their annotation
            of this sentence, or ``None`` if they left it untagged.
        decision: The reviewer's decision, if any.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    versions: Mapping[str, Annotation | None]
    decision: Decision | None = None

    @property
    def labels(self) -> dict[str, str | None]:
        """Each annotator's label (``None``: untagged)."""
        return {name: None if a is None else a.label for name, a in self.versions.items()}

    @property
    def agreed(self) -> str | None:
        """The label, when two or more annotators take part and all gave it; else ``None``."""
        found = set(self.labels.values())
        if len(self.versions) < 2 or len(found) != 1:
            return None
        return next(iter(found))

    @property
    def disagreed(self) -> bool:
        """Whether the annotators taking part (two or more) gave different labels."""
        return len(self.versions) >= 2 and len(set(self.labels.values())) > 1

    @property
    def settled(self) -> bool:
        """Whether the settled layer has this sentence: decided, or agreed."""
        return self.decision is not None or self.agreed is not None

    @property
    def stale(self) -> bool:
        """Whether the annotators changed their versions since the decision was made."""
        if self.decision is None:
            return False
        now = {name: Version.of(a) for name, a in self.versions.items()}
        return dict(self.decision.chosen_from) != now


@dataclass(frozen=True)
class Gold:
    """An article's settled layer.

    Attributes:
        annotations: One per settled, labelled sentence, by start: the decision's label,
            speaker and note credited to its reviewer (``created`` and ``updated`` are the
            decision's time), or the agreed label credited to :data:`AGREED` (speaker and
            note when the annotators recorded a single one, times from their tags).
        unsettled: The sentences someone tagged that are neither decided nor agreed.
    """

    annotations: tuple[Annotation, ...]
    unsettled: tuple[ReviewItem, ...]
