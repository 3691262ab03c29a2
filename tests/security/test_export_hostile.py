"""``reader export`` and ``reader stats`` on damaged stores (issue 10).

A stored annotation whose offsets do not fit its article's text (older data, or an import
from before records were checked) is left out with one line, never written as a span
outside the text and never a traceback; an article the model fails on is left out of the
entities with one line, and the others are exported and counted. Either way the command
exits 1: its output is incomplete.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_export_formats import Annotated, build_store

from reader.analysis import Analyser
from reader.cache import AnalysisCache
from reader.cli import main
from reader.formats.tokens import blank_english

TEXT_FORMATS = ("jsonl", "csv", "prodigy", "doccano", "md")


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    built = build_store(tmp_path / "store", analyser)
    # The commands make their own analyser on the test's cache: fill it, so that they
    # never load spaCy again.
    warm = Analyser(cache=AnalysisCache(), pipeline=analyser.pipeline)
    for article in built.articles.values():
        warm.analyse(article)
    return built


def _damage(annotated: Annotated) -> None:
    """Store tags that cannot be the article's: past its end, and text that is not there."""
    article = annotated.sample
    store = annotated.store
    store.tag(
        article.id, sentence=99, start=10, end=10**15, text="x", label="claim", annotator="old"
    )
    store.tag(article.id, sentence=0, start=0, end=4, text="Rome", label="quote", annotator="old")


def cli(annotated: Annotated, command: str, *args: str) -> int:
    return main([command, "--db", str(annotated.store.root), *args])


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "brat", "spacy", "md"])
def test_tags_that_do_not_fit_the_text_are_left_out_with_one_line_each(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    _damage(annotated)
    out = tmp_path / ("brat" if fmt == "brat" else f"export.{fmt}")
    code = cli(annotated, "export", "--format", fmt, "-o", str(out))
    err = capsys.readouterr().err.splitlines()

    assert code == 1
    damaged = [line for line in err if "does not fit the article's text" in line]
    assert len(damaged) == 2, err
    assert any("at 10-1000000000000000" in line for line in damaged)
    assert err[-1].startswith("reader: wrote 11 annotations of 2 articles to ")
    text = annotated.sample.text
    if fmt == "doccano":
        for line in out.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert all(0 <= s < e <= len(row["text"]) for s, e, _ in row["label"])
            assert "old" not in row.get("annotator", "")
    elif fmt == "brat":
        for ann in out.glob("*.ann"):
            body = (out / f"{ann.stem}.txt").read_text(encoding="utf-8")
            for line in ann.read_text(encoding="utf-8").splitlines():
                if line.startswith("T"):
                    _, where, shown = line.split("\t")
                    _, start, end = where.split(" ")
                    assert body[int(start) : int(end)] == shown
    elif fmt == "spacy":
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(out).get_docs(blank_english().vocab))
        assert len(docs) == 2
        for doc in docs:
            assert all(span.end_char <= len(doc.text) for span in doc.spans["sentences"])
    elif fmt == "prodigy":
        for line in out.read_text(encoding="utf-8").splitlines():
            task: dict[str, Any] = json.loads(line)
            meta = task["meta"]
            if "start" in meta:
                assert text[meta["start"] : meta["end"]] == task["text"] or (
                    task["meta"]["article_id"] != annotated.sample.id
                )


def _fail_on(monkeypatch: pytest.MonkeyPatch, article_id: str) -> None:
    """Make the analysis of one article fail, as a model fault or a huge paragraph would."""
    original = Analyser._finish

    def finish(self: Analyser, article: Any, output: Any) -> Any:
        if article.id == article_id:
            raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000")
        return original(self, article, output)

    monkeypatch.setattr(Analyser, "_finish", finish)
    # A finished analysis in the cache needs no _finish: as if there were none.
    load_finished = AnalysisCache.load_finished

    def not_finished(self: AnalysisCache, found_id: str, *args: Any) -> Any:
        return None if found_id == article_id else load_finished(self, found_id, *args)

    monkeypatch.setattr(AnalysisCache, "load_finished", not_finished)


def test_one_article_that_cannot_be_analysed_never_breaks_stats(
    annotated: Annotated, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on(monkeypatch, annotated.sample.id)
    code = cli(annotated, "stats", "--json")
    captured = capsys.readouterr()

    assert code == 1, captured.err
    (line,) = captured.err.splitlines()
    assert line.startswith("reader: ") and "cannot be analysed (ValueError(" in line
    assert line.endswith("its people and organisations are not counted")
    stats = json.loads(captured.out)
    sample, emoji = stats["articles"]
    assert sample["tagged"] == 5 and sample["people"] == []  # its tags are still counted
    assert emoji["people"] or emoji["organisations"]  # the other article is analysed


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "md"])
def test_one_article_that_cannot_be_analysed_never_breaks_an_entity_export(
    annotated: Annotated,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    _fail_on(monkeypatch, annotated.emoji.id)
    code = cli(annotated, "export", "--format", fmt)
    captured = capsys.readouterr()

    assert code == 1
    (line,) = captured.err.splitlines()
    assert "cannot be analysed" in line
    assert "Hossein Dehghan" in captured.out  # the sample's entities are there
