"""The review screen's headless side: where the review starts, moves and resumes; and the
read-only tag layers the reading screen shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import Sentence
from reader.reading.review_session import ReviewSession, is_open
from reader.reading.tag_layers import GOLD, Layer, layer, others
from reader.store import Store

ARTICLE = "0123456789abcdef"
SENTENCES = 8


def span(sentence: int) -> tuple[int, int]:
    return sentence * 10, sentence * 10 + 9


@pytest.fixture
def store(tmp_path: Path) -> Store:
    # Differences on 1, 2, 4 and 6; agreement on 0 and 3.
    store = Store(tmp_path / "store")
    for annotator, labels in {
        "ana": {0: "claim", 1: "quote", 2: "context", 3: "quote", 4: "claim"},
        "bob": {0: "claim", 1: "claim", 3: "quote", 4: "quote", 6: "claim"},
    }.items():
        for sentence, label in labels.items():
            start, end = span(sentence)
            store.tag(
                ARTICLE,
                sentence=sentence,
                start=start,
                end=end,
                text=f"sentence {sentence}",
                label=label,
                annotator=annotator,
                attribution="Hayali" if (annotator, sentence) == ("ana", 1) else None,
            )
    return store


def session(store: Store, scope: str = "disagreed") -> ReviewSession:
    return ReviewSession(store, ARTICLE, SENTENCES, "rita", scope)  # type: ignore[arg-type]


def test_a_decision_moves_on_to_the_next_open_item_and_wraps(store: Store) -> None:
    review = session(store)
    assert [i.sentence for i in review.items] == [1, 2, 4, 6]
    assert review.progress() == "1/4 disagreements · 4 to decide"
    review.move(2)
    review.take_version(2)  # bob's quote on 4
    assert review.current is not None and review.current.sentence == 6
    review.settle("context")
    assert review.current.sentence == 1  # round again to the first open one
    review.take_version(1)
    decision = review.review.decision(*span(1))
    assert decision is not None and decision.attribution == "Hayali"
    moved = review.settle(None)  # 2 settled as untagged: the last open one
    assert moved.done
    assert not any(is_open(item) for item in review.items)


def test_settling_with_a_label_keeps_its_single_speaker(store: Store) -> None:
    review = session(store)
    review.settle("quote")  # on 1: ana's quote had a speaker
    decision = review.review.decision(*span(1))
    assert decision is not None and (decision.label, decision.attribution) == ("quote", "Hayali")
    with pytest.raises(IndexError):
        review.take_version(3)


def test_resume_at_the_first_open_item_and_stale_decisions_are_open(store: Store) -> None:
    first = session(store)
    first.take_version(1)
    first.take_version(1)
    assert session(store).current.sentence == 4  # type: ignore[union-attr]
    start, end = span(1)
    store.tag(
        ARTICLE, sentence=1, start=start, end=end, text="sentence 1", label="context",
        annotator="bob",
    )  # fmt: skip
    again = session(store)
    assert again.current is not None and again.current.sentence == 1
    assert again.current.stale and again.stale_count == 1


def test_unsettled_scope_moves_past_a_decided_item(store: Store) -> None:
    review = session(store, "unsettled")
    assert [i.sentence for i in review.items] == [1, 2, 4, 6]
    review.take_version(1)  # 1 leaves the scope
    assert [i.sentence for i in review.items] == [2, 4, 6]
    assert review.current is not None and review.current.sentence == 2


def test_scopes_cycle_and_accept_agreed_is_one_undo(store: Store) -> None:
    review = session(store)
    assert review.next_scope() == "shared"
    assert [i.sentence for i in review.items] == [0, 1, 2, 3, 4, 6]
    assert review.agreed_undecided() == 2
    assert review.accept_agreed() == 2
    assert review.agreed_undecided() == 0
    changes = review.undo()
    assert changes is not None and len(changes) == 2
    assert review.undo() is None
    assert review.next_scope() == "unsettled"
    assert review.next_scope() == "disagreed"


def test_clear_keeps_the_item_shown(store: Store) -> None:
    review = session(store)
    review.take_version(1)
    review.move(-1)
    assert review.clear() is not None
    assert review.current is not None and review.current.sentence == 1
    assert review.clear() is None


def test_layers_of_others_and_the_settled_one(store: Store) -> None:
    sentences = [
        Sentence(index, *span(index), f"sentence {index}", "paragraph", 0)
        for index in range(SENTENCES)
    ]
    assert others(store, ARTICLE, "ana") == [Layer("bob"), GOLD]
    assert others(store, ARTICLE, "rita") == [Layer("ana"), Layer("bob"), GOLD]
    bob = layer(store, ARTICLE, Layer("bob"), sentences)
    assert bob.tags == {0: "claim", 1: "claim", 3: "quote", 4: "quote", 6: "claim"}
    assert bob.unsaved == {} and bob.suggestion(0) is None
    gold = layer(store, ARTICLE, GOLD, sentences)
    assert gold.tags == {0: "claim", 3: "quote"}
    ana = layer(store, ARTICLE, Layer("ana"), sentences)
    assert ana.speaker(1) == "Hayali" and not ana.has_note(1)
