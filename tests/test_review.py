"""The review layer: decisions kept apart from the annotators' tags, and the settled layer."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from reader.errors import CorruptStoreError, NewerSchemaError, StoreError
from reader.store import AGREED, Review, Store, Version

ARTICLE = "0123456789abcdef"


def span(sentence: int) -> tuple[int, int]:
    return sentence * 10, sentence * 10 + 9


def tag(store: Store, annotator: str, sentence: int, label: str | None) -> None:
    start, end = span(sentence)
    store.tag(
        ARTICLE,
        sentence=sentence,
        start=start,
        end=end,
        text=f"sentence {sentence}",
        label=label,
        annotator=annotator,
    )


def decide(review: Review, sentence: int, label: str | None, reviewer: str = "rita", **extra: str):  # type: ignore[no-untyped-def]
    start, end = span(sentence)
    return review.decide(
        sentence=sentence,
        start=start,
        end=end,
        text=f"sentence {sentence}",
        label=label,
        reviewer=reviewer,
        **extra,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store")
    store.register_article(ARTICLE, path="a.txt", title="A", date=None, byline=None, sentences=6)
    # ana and bob agree on 0 (claim); differ on 1 (quote / claim) and 2 (context / none);
    # 3 is tagged by nobody; 4 agreed quote; 5 is past... nothing.
    for annotator, labels in {
        "ana": {0: "claim", 1: "quote", 2: "context", 4: "quote"},
        "bob": {0: "claim", 1: "claim", 4: "quote"},
    }.items():
        for sentence, label in labels.items():
            tag(store, annotator, sentence, label)
    return store


def test_disagreements_and_scopes(store: Store) -> None:
    review = Review(store, ARTICLE)
    items = review.disagreements()
    assert [(i.sentence, i.labels) for i in items] == [
        (1, {"ana": "quote", "bob": "claim"}),
        (2, {"ana": "context", "bob": None}),
    ]
    shared = review.disagreements("shared")
    assert [i.sentence for i in shared] == [0, 1, 2, 4]
    assert [i.agreed for i in shared] == ["claim", None, None, "quote"]
    assert [i.sentence for i in review.disagreements("unsettled")] == [1, 2]
    with pytest.raises(ValueError):
        review.disagreements("everything")  # type: ignore[arg-type]


def test_gold_agreed_decided_and_unsettled(store: Store) -> None:
    review = Review(store, ARTICLE)
    gold = review.gold()
    assert [(a.sentence, a.label, a.annotator) for a in gold.annotations] == [
        (0, "claim", AGREED),
        (4, "quote", AGREED),
    ]
    assert [i.sentence for i in gold.unsettled] == [1, 2]

    decision = decide(review, 1, "quote", attribution="The minister", note="ana is right")
    assert decision.chosen_from == {"ana": Version("quote"), "bob": Version("claim")}
    assert decision.reviewer == "rita" and decision.decided.endswith("Z")
    decide(review, 2, None)  # settled as untagged
    gold = review.gold()
    assert [(a.sentence, a.label, a.annotator) for a in gold.annotations] == [
        (0, "claim", AGREED),
        (1, "quote", "rita"),
        (4, "quote", AGREED),
    ]
    assert gold.annotations[1].attribution == "The minister"
    assert gold.annotations[1].created == decision.decided
    assert gold.unsettled == ()


def test_decisions_never_change_the_annotators_tags(store: Store, tmp_path: Path) -> None:
    article_file = tmp_path / "store" / "articles" / f"{ARTICLE}.json"
    before = article_file.read_bytes()
    review = Review(store, ARTICLE)
    decide(review, 1, "claim")
    review.accept_agreed("rita")
    review.clear_decision(start=10, end=19, reviewer="rita")
    review.undo("rita")
    assert article_file.read_bytes() == before
    on_disk = json.loads((tmp_path / "store" / "review" / f"{ARTICLE}.json").read_text())
    assert on_disk["meta"]["1"]["schema"] == 1
    assert {d["reviewer"] for d in on_disk["decisions"].values()} == {"rita"}


def test_a_decision_replaces_an_earlier_one_and_clears(store: Store) -> None:
    review = Review(store, ARTICLE)
    decide(review, 1, "claim")
    decide(review, 1, "quote", reviewer="sam")
    assert [(d.sentence, d.label, d.reviewer) for d in review.decisions()] == [(1, "quote", "sam")]
    removed = review.clear_decision(start=10, end=19, reviewer="rita")
    assert removed is not None and removed.reviewer == "sam"
    assert review.decisions() == []
    assert review.clear_decision(start=10, end=19, reviewer="rita") is None


def test_undo_and_redo_per_reviewer(store: Store) -> None:
    review = Review(store, ARTICLE)
    decide(review, 1, "claim")
    decide(review, 2, "context")
    changes = review.undo("rita")
    assert changes is not None and [(c.before.label, c.after) for c in changes] == [  # type: ignore[union-attr]
        ("context", None)
    ]
    assert [d.sentence for d in review.decisions()] == [1]
    assert review.undo("sam") is None
    redone = review.redo("rita")
    assert redone is not None and redone[0].after is not None
    assert [d.sentence for d in review.decisions()] == [1, 2]
    # Another reviewer decides sentence 2 since: rita's undo leaves it to them.
    decide(review, 2, "quote", reviewer="sam")
    assert review.undo("rita") == []
    assert review.decision(20, 29).label == "quote"  # type: ignore[union-attr]
    assert review.undo("rita") is not None  # then her decision on sentence 1
    assert [d.sentence for d in review.decisions()] == [2]


def test_accept_agreed_is_one_undoable_step(store: Store) -> None:
    review = Review(store, ARTICLE)
    made = review.accept_agreed("rita")
    assert [(d.sentence, d.label) for d in made] == [(0, "claim"), (4, "quote")]
    assert review.accept_agreed("rita") == []
    # The decision holds when an annotator changes their mind later, and shows as stale.
    tag(store, "bob", 0, "context")
    item = next(i for i in review.items() if i.sentence == 0)
    assert item.disagreed and item.settled and item.stale
    assert [(a.sentence, a.label) for a in review.gold().annotations][:1] == [(0, "claim")]
    assert review.undo("rita") is not None
    assert review.decisions() == []


def test_choose_takes_an_annotators_version(store: Store) -> None:
    start, end = span(1)
    store.set_note(ARTICLE, start=start, end=end, annotator="bob", note="hedged")
    review = Review(store, ARTICLE)
    item = review.disagreements()[0]
    decision = review.choose(item, "bob", "rita")
    assert (decision.label, decision.note) == ("claim", "hedged")
    with pytest.raises(StoreError):
        review.choose(item, "zoe", "rita")


def test_bad_decisions_are_refused(store: Store) -> None:
    review = Review(store, ARTICLE)
    with pytest.raises(StoreError, match="unknown label"):
        decide(review, 1, "rumour")
    with pytest.raises(StoreError, match="reviewer"):
        decide(review, 1, "claim", reviewer=AGREED)
    with pytest.raises(StoreError):
        decide(review, 1, "claim", reviewer=" ")
    with pytest.raises(StoreError, match="invalid article id"):
        Review(store, "../etc")
    assert review.decisions() == []


def test_one_annotator_alone_settles_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    tag(store, "ana", 0, "claim")
    review = Review(store, ARTICLE)
    assert review.disagreements() == []
    gold = review.gold()
    assert gold.annotations == () and [i.sentence for i in gold.unsettled] == [0]


def test_tags_past_the_article_are_left_out(store: Store) -> None:
    tag(store, "ana", 9, "claim")  # the store says the article has 6 sentences
    assert [i.sentence for i in Review(store, ARTICLE).items()] == [0, 1, 2, 4]
    assert 9 in [i.sentence for i in Review(store, ARTICLE, sentences=10).items()]


def test_a_damaged_review_file_is_refused_and_left_alone(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "store" / "review" / f"{ARTICLE}.json"
    path.parent.mkdir()
    for content, error in (
        (b"{not json", CorruptStoreError),
        (b'{"meta": {"1": {"schema": 1}}, "decisions": {"1": {"label": 3}}}', CorruptStoreError),
        (b'{"meta": {"1": {"schema": 99}}}', NewerSchemaError),
    ):
        path.write_bytes(content)
        review = Review(store, ARTICLE)
        with pytest.raises(error):
            review.decisions()
        with pytest.raises(error):
            decide(review, 1, "claim")
        assert path.read_bytes() == content


def test_a_failed_save_changes_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = Review(store, ARTICLE)
    decide(review, 1, "claim")
    path = tmp_path / "store" / "review" / f"{ARTICLE}.json"
    before = path.read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(StoreError, match="disk is full; the decision was not saved"):
        decide(review, 2, "claim")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [d.sentence for d in review.decisions()] == [1]
