"""The article changed on disk: tags follow their sentence's text, the rest are orphaned,
none is dropped (the pure core, :mod:`reader.reanchor`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import Sentence, split_article
from reader.article import build_article
from reader.reanchor import reanchor
from reader.records import Annotation

SENTENCES = [
    "Iran and Iraq signed a pact on Sunday.",
    "The deal covers training and equipment.",
    "Officials said the talks went well.",
    "Critics called it a threat to the region.",
    "More talks are planned for next year.",
]


def article_of(paragraphs: list[list[str]]) -> tuple[Sentence, ...]:
    """Split an article made of these paragraphs of sentences."""
    parts = [("paragraph", " ".join(p)) for p in paragraphs if p]
    return split_article(build_article(parts, path="a.txt", format="plain"))  # type: ignore[arg-type]


def tag(sentence: Sentence, label: str = "claim", annotator: str = "ana") -> Annotation:
    """An annotation of ``sentence`` as the store would return it."""
    return Annotation(
        article_id="0" * 16,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        label=label,
        annotator=annotator,
        created="2025-01-01T00:00:00.000Z",
        updated="2025-01-01T00:00:00.000Z",
        note="keep me",
    )


def test_unchanged_article_keeps_every_tag_in_place() -> None:
    old = article_of([SENTENCES])
    result = reanchor([tag(s) for s in old], old)
    assert not result.orphaned
    assert [m.sentence for m in result.moved] == list(old)
    assert not any(m.shifted for m in result.moved)


def test_edited_article_moves_tags_and_orphans_the_rewritten_sentence() -> None:
    old = article_of([SENTENCES])
    tags = [tag(old[0]), tag(old[2], "quote"), tag(old[3], "context")]
    # A new first paragraph, and sentence 3 rewritten.
    rewritten = SENTENCES[:3] + ["Critics called it a danger."] + SENTENCES[4:]
    new = article_of([["An editor's note was added."], rewritten])
    result = reanchor(tags, new)
    assert result.summary() == "2 tags re-anchored, 1 orphaned"
    assert [(m.annotation.label, m.sentence.text) for m in result.moved] == [
        ("claim", SENTENCES[0]),
        ("quote", SENTENCES[2]),
    ]
    assert all(m.shifted for m in result.moved)
    for moved in result.moved:
        assert moved.sentence.text == moved.annotation.text
    assert result.orphaned == (tags[2],)  # the whole annotation, note included


def test_repeated_sentence_goes_to_the_nearest_occurrence() -> None:
    chorus = "Nobody commented."
    old = article_of([[SENTENCES[0], chorus], [SENTENCES[1], chorus]])
    second = [s for s in old if s.text == chorus][1]
    new = article_of([[SENTENCES[0], chorus], ["Inserted."], [SENTENCES[1], chorus]])
    result = reanchor([tag(second)], new)
    assert result.moved[0].sentence == [s for s in new if s.text == chorus][1]


def test_a_sentence_takes_one_tag_per_annotator_the_others_are_orphaned() -> None:
    chorus = "Nobody commented."
    old = article_of([[chorus], [chorus]])
    mine = [tag(old[0], "claim"), tag(old[1], "quote")]
    theirs = [tag(old[0], "context", annotator="bo")]
    new = article_of([[chorus]])
    result = reanchor([*mine, *theirs], new)
    assert {(m.annotation.annotator, m.annotation.label) for m in result.moved} == {
        ("ana", "claim"),
        ("bo", "context"),
    }
    assert result.orphaned == (mine[1],)


def test_nothing_left_orphans_everything() -> None:
    old = article_of([SENTENCES])
    tags = [tag(s) for s in old]
    result = reanchor(tags, article_of([["Completely different text."]]))
    assert result.moved == ()
    assert result.orphaned == tuple(tags)
    assert reanchor([], old).summary() == "0 tags re-anchored, 0 orphaned"


_sentence_texts = st.sampled_from(SENTENCES + ["Nobody commented.", "Yes."])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_sentence_texts, min_size=1, max_size=4), min_size=1, max_size=4),
    st.lists(st.lists(_sentence_texts, min_size=1, max_size=4), max_size=4),
    st.lists(st.tuples(st.integers(0, 50), st.sampled_from(["ana", "bo"]))),
)
def test_every_tag_is_moved_to_its_text_or_orphaned_never_dropped(
    old_paragraphs: list[list[str]],
    new_paragraphs: list[list[str]],
    picks: list[tuple[int, str]],
) -> None:
    old = article_of(old_paragraphs)
    new = article_of(new_paragraphs)
    # One tag per annotator and sentence, as in the store.
    chosen = {(old[i % len(old)].index, who) for i, who in picks}
    tags = [tag(old[index], annotator=who) for index, who in sorted(chosen)]
    result = reanchor(tags, new)

    # Every annotation is in exactly one list.
    accounted = [m.annotation for m in result.moved] + list(result.orphaned)
    assert sorted(accounted, key=repr) == sorted(tags, key=repr)
    # A moved tag points at a sentence with exactly its text, at the right offsets.
    for moved in result.moved:
        assert moved.sentence in new
        assert moved.sentence.text == moved.annotation.text
    # No two tags of one annotator share a sentence.
    seats = [(m.annotation.annotator, m.sentence.index) for m in result.moved]
    assert len(seats) == len(set(seats))
    # An orphan really has no free sentence of its text left for its annotator.
    for orphan in result.orphaned:
        free = [
            s
            for s in new
            if s.text == orphan.text and (orphan.annotator, s.index) not in set(seats)
        ]
        assert free == []
    # The same input gives the same answer.
    assert reanchor(tags, new) == result


def test_reanchor_is_core_no_textual_no_spacy() -> None:
    script = (
        "import json, sys, reader.reanchor\n"
        "print(json.dumps([m in sys.modules for m in ('textual', 'spacy', 'tinydb')]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False, False]
