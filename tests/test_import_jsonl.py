"""JSON Lines corpora: one article per line, bad lines reported by number and skipped."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import Article, article_id
from reader.errors import ArticleError
from reader.loaders import find_article_files, load_articles
from reader.loaders.jsonl import corpus_path, split_corpus_path
from reader.loaders.notices import collect_warnings

DATA = Path(__file__).parent / "data" / "io"


def assert_exact_offsets(article: Article) -> None:
    """Every block's text is exactly the article text at its offsets, in order."""
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        assert article.text[block.start : block.end] == article.block_text(block)
        assert article.block_text(block) == article.block_text(block).strip()
        previous_end = block.end


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_corpus_loads_each_good_line_as_an_article() -> None:
    with collect_warnings() as warnings:
        articles = load_articles(DATA / "corpus.jsonl")

    assert [a.path for a in articles] == [
        f"{DATA / 'corpus.jsonl'}#1",
        f"{DATA / 'corpus.jsonl'}#3",
    ]
    first, second = articles
    assert first.format == "jsonl"
    assert first.title == "Iran, Iraq vow to boost military ties"
    assert first.date == "2017-07-24"
    assert first.byline == "AFP"
    assert dict(first.metadata) == {
        "section": "Region",
        "url": "https://example.org/news/1",
        "source": "AFP",
        "source_id": "jt-1",
    }
    assert [b.kind for b in first.blocks] == ["title", "byline", "paragraph", "paragraph"]
    assert second.byline == "Jane Doe, Reuters"
    assert second.date == "2024-03-03"
    assert second.metadata["source_id"] == "2"
    for article in articles:
        assert_exact_offsets(article)
        assert article.id == article_id(article.text)  # annotations follow the text

    assert [(w.line, w.message.split(" (")[0].split(";")[0]) for w in warnings] == [
        (2, "not valid JSON"),
        (4, "expected a JSON object, found an array"),
        (5, "no 'text' field"),
    ]
    assert str(warnings[0]).startswith(f"{DATA / 'corpus.jsonl'}: line 2: not valid JSON")


def test_warnings_go_to_the_log_when_nobody_collects_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="reader.loaders"):
        load_articles(DATA / "corpus.jsonl")
    assert [r.getMessage().split(": ")[1] for r in caplog.records] == [
        "line 2",
        "line 4",
        "line 5",
    ]


def test_corpus_with_no_good_line_is_an_error(tmp_path: Path) -> None:
    corpus = write_lines(tmp_path / "bad.jsonl", ["{", "[]", '{"text": ""}'])
    with collect_warnings(), pytest.raises(ArticleError, match="none of its lines"):
        load_articles(corpus)


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"text": 5}, "'text' must be a string, not a number"),
        ({"text": "ok", "title": ["a"]}, "'title' must be a string, not an array"),
        ({"text": "ok", "id": {"a": 1}}, "'id' must be a string or a number, not an object"),
        ({"text": "  \n\n "}, "'text' is empty"),
        ("just a string", "expected a JSON object, found a string"),
    ],
)
def test_wrong_fields_are_reported(tmp_path: Path, record: object, problem: str) -> None:
    corpus = write_lines(tmp_path / "c.jsonl", ['{"text": "Good one."}', json.dumps(record)])
    with collect_warnings() as warnings:
        assert len(load_articles(corpus)) == 1
    assert [(w.line, w.message) for w in warnings] == [(2, f"{problem}; skipped")]


def test_repeated_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    corpus = write_lines(
        tmp_path / "c.jsonl", ['{"text": "Same."}', '{"text": "Other."}', '{"text": "Same."}']
    )
    with collect_warnings() as warnings:
        assert [a.path.rsplit("#")[1] for a in load_articles(corpus)] == ["1", "2"]
    assert [(w.line, w.message) for w in warnings] == [(3, "same text as line 1; skipped")]


def test_text_is_split_into_paragraphs_and_cleaned(tmp_path: Path) -> None:
    record = {
        "title": "A\ntwo-line  title",
        "text": "First paragraph.\nSecond \x1b[31mparagraph\x1b[0m.\r\n\r\nThird\tone \ud800.",
        "byline": "By Jane Doe",
    }
    corpus = write_lines(tmp_path / "c.jsonl", [json.dumps(record)])
    (article,) = load_articles(corpus)
    assert [article.block_text(b) for b in article.blocks] == [
        "A two-line title",
        "By Jane Doe",
        "First paragraph.",
        "Second paragraph.",
        "Third one \ufffd.",
    ]
    assert_exact_offsets(article)


def test_an_unreadable_date_is_kept_in_the_metadata(tmp_path: Path) -> None:
    corpus = write_lines(tmp_path / "c.jsonl", ['{"text": "Hi.", "date": "last Tuesday"}'])
    (article,) = load_articles(corpus)
    assert article.date is None
    assert article.metadata["date"] == "last Tuesday"


def test_line_separators_inside_strings_do_not_end_a_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.ndjson"
    corpus.write_text('{"text": "One\u2028two."}\n{"text": "Three."}', encoding="utf-8")
    with collect_warnings() as warnings:
        assert len(load_articles(corpus)) == 2
    assert warnings == []


def test_corpus_files_are_listed_in_a_folder(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.ndjson", "c.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in find_article_files(tmp_path)] == ["a.jsonl", "b.ndjson"]


def test_corpus_paths_split_back_into_file_and_line() -> None:
    assert split_corpus_path(corpus_path("dir/c.jsonl", 12)) == ("dir/c.jsonl", 12)
    assert split_corpus_path("notes#3.txt") == ("notes#3.txt", None)
    assert split_corpus_path("a.txt#3") == ("a.txt#3", None)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=120), _values),
        "title": st.one_of(st.text(max_size=30), _values),
        "date": st.text(max_size=20),
        "byline": st.text(max_size=20),
        "source": st.text(max_size=20),
        "url": st.text(max_size=20),
        "id": _values,
        "extra": _values,
    },
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_records, st.integers(0, 40)), min_size=1, max_size=6))
def test_any_corpus_loads_with_exact_offsets_or_fails_cleanly(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[dict[str, object], int]]
) -> None:
    lines = []
    for record, cut in rows:
        line = json.dumps(record, ensure_ascii=cut % 2 == 0)
        lines.append(line[: len(line) - cut] if cut % 3 == 0 else line)  # some truncated
    corpus = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    corpus.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    with collect_warnings() as warnings:
        try:
            articles = load_articles(corpus)
        except ArticleError as error:
            assert "\n" not in str(error)
            return
    assert len(articles) + len(warnings) <= len(lines)
    for warning in warnings:
        assert "\n" not in str(warning)
        assert 1 <= (warning.line or 0) <= len(lines)
    for article in articles:
        assert_exact_offsets(article)
        assert article.blocks
        assert split_corpus_path(article.path)[0] == str(corpus)
