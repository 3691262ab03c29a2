"""Search hits, entity mentions and jumps, without the app."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import split_article
from reader.article import build_article
from reader.entities import Entity, Mention
from reader.reading.finding import entity_marks, names_matching, next_target, search_marks
from reader.reading.words import word_spans

ARTICLE = build_article(
    [("title", "Budget talks"), ("paragraph", "Maria Lopez met Reuters. Reuters asked Maria.")],
    path="x.txt",
    format="plain",
)
SENTENCES = split_article(ARTICLE)


def test_search_ignores_case_and_marks_every_hit() -> None:
    marks = search_marks(SENTENCES, "REUTERS")
    texts = {i: [SENTENCES[i].text[a:b] for a, b in spans] for i, spans in marks.items()}
    assert texts == {1: ["Reuters"], 2: ["Reuters"]}


def test_search_takes_the_query_literally() -> None:
    assert search_marks(SENTENCES, ".*") == {}


def test_entity_marks_are_relative_to_their_sentence() -> None:
    starts = [s.start for s in SENTENCES]
    text = ARTICLE.text
    mentions = tuple(
        Mention(text.index(name, offset), text.index(name, offset) + len(name), name)
        for name, offset in (("Maria Lopez", 0), ("Maria", text.index("asked")))
    )
    marks = entity_marks(SENTENCES, starts, Entity("Maria Lopez", "PERSON", mentions))
    assert {i: [SENTENCES[i].text[a:b] for a, b in spans] for i, spans in marks.items()} == {
        1: ["Maria Lopez"],
        2: ["Maria"],
    }


@given(
    st.lists(st.integers(0, 50), min_size=1, unique=True).map(sorted),
    st.integers(0, 50),
    st.sampled_from([1, -1]),
    st.booleans(),
)
def test_next_target_is_the_nearest_in_its_direction_with_wrapping(
    targets: list[int], cursor: int, step: int, include_current: bool
) -> None:
    found = next_target(targets, cursor, step, include_current=include_current)
    assert found in targets
    if step > 0:
        ahead = [t for t in targets if t > cursor or (include_current and t == cursor)]
        assert found == (ahead[0] if ahead else targets[0])
    else:
        behind = [t for t in targets if t < cursor]
        assert found == (behind[-1] if behind else targets[-1])


def test_no_targets() -> None:
    assert next_target([], 3, 1) is None


def test_names_match_on_any_word_start() -> None:
    names = ["Ali Larijani", "Ali Shamkhani", "Irfan Al Hayali", "Larkin & Co"]
    assert names_matching(names, "Lar") == ["Larkin & Co", "Ali Larijani"]
    assert names_matching(names, "ali") == ["Ali Larijani", "Ali Shamkhani"]
    assert names_matching(names, "al hay") == ["Irfan Al Hayali"]
    assert names_matching(names, "ari") == []  # inside a word: no
    assert names_matching(names, "  ") == []
    assert names_matching(names, "Ali Larijani") == []  # typed in full already


def test_word_spans_leave_punctuation_out() -> None:
    text = '"We will," Hayali told the U.S. envoy (Mr. Smith).'
    words = [text[a:b] for a, b in word_spans(text)]
    assert words == ["We", "will", "Hayali", "told", "the", "U.S.", "envoy", "Mr", "Smith"]
    assert word_spans(" -- ") == [(1, 3)]
    assert word_spans('"…"') == [(1, 2)]
