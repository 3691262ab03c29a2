"""``reader export --layer gold``: the settled layer, in every format, with the count of
unsettled sentences on stderr."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_export_formats import Annotated, build_store

from reader.analysis import Analyser, split_article
from reader.cache import AnalysisCache
from reader.cli import main
from reader.formats import export
from reader.store import AGREED, Review

# In build_store's sample article, ana and bob disagree on sentence 4 (claim / context),
# and each tagged some sentences alone (3, 5, 8: ana; 12: bob). Here bob also tags 3 as
# context, so they agree on it, and rita settles 4 as a claim. Unsettled: 5, 8 and 12 of
# the sample, and in the emoji article, ana's 0, 2, 3, 4 and bob's 5.
UNSETTLED = 3 + 5


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    built = build_store(tmp_path / "store", analyser)
    warm = Analyser(cache=AnalysisCache(), pipeline=analyser.pipeline)
    for article in built.articles.values():
        warm.analyse(article)
    sample = built.sample
    sentences = split_article(sample)
    three, four = sentences[3], sentences[4]
    built.store.tag(
        sample.id,
        sentence=3,
        start=three.start,
        end=three.end,
        text=three.text,
        label="context",
        annotator="bob",
    )
    Review(built.store, sample.id).decide(
        sentence=4,
        start=four.start,
        end=four.end,
        text=four.text,
        label="claim",
        reviewer="rita",
        attribution="Iran and Iraq",
        note="the memorandum says so",
    )
    return built


def export_cli(annotated: Annotated, *args: str) -> int:
    return main(["export", "--db", str(annotated.store.root), "--layer", "gold", *args])


def _unsettled_line(err: str) -> str:
    (line,) = [line for line in err.splitlines() if "unsettled" in line]
    return line


def test_jsonl_has_the_settled_layer(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["sentence"], r["label"], r["annotator"]) for r in rows] == [
        (3, "context", AGREED),
        (4, "claim", "rita"),
    ]
    decided = rows[1]
    assert decided["attribution"] == "Iran and Iraq"
    assert decided["note"] == "the memorandum says so"
    assert decided["created"] == decided["updated"]
    assert annotated.sample.text[decided["start"] : decided["end"]] == decided["text"]
    assert f"reader: {UNSETTLED} tagged sentences unsettled" in _unsettled_line(captured.err)


def test_the_default_layer_is_unchanged_and_says_nothing_of_unsettled(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(annotated.store.root)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 12  # build_store's 11 tags and bob's new one
    assert "unsettled" not in captured.err


def test_csv(annotated: Annotated, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_cli(annotated, "--format", "csv") == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["label"], r["annotator"]) for r in rows] == [("context", AGREED), ("claim", "rita")]
    assert _unsettled_line(captured.err)


def test_prodigy(annotated: Annotated, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_cli(annotated, "--format", "prodigy", "--only", "sentences") == 0
    captured = capsys.readouterr()
    tasks = [json.loads(line) for line in captured.out.splitlines()]
    assert [(t["accept"], t["_annotator_id"]) for t in tasks] == [
        (["context"], AGREED),
        (["claim"], "rita"),
    ]
    assert _unsettled_line(captured.err)


def test_doccano_is_one_line_per_article(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated, "--format", "doccano", "--only", "sentences") == 0
    captured = capsys.readouterr()
    (line,) = [json.loads(line) for line in captured.out.splitlines()]
    assert line["annotator"] == "gold"
    assert [label for _, _, label in line["label"]] == ["context", "claim"]
    assert [who for _, _, who in line["settled_by"]] == [AGREED, "rita"]
    assert _unsettled_line(captured.err)


def test_md_says_who_settled(annotated: Annotated, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_cli(annotated, "--format", "md") == 0
    captured = capsys.readouterr()
    assert "agreed by every annotator" in captured.out
    assert "decided by rita" in captured.out
    assert "tagged by" not in captured.out
    assert _unsettled_line(captured.err)


def test_brat_and_spacy(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spacy.tokens import DocBin

    from reader.formats.tokens import blank_english

    assert export_cli(annotated, "--format", "brat", "-o", str(tmp_path / "brat")) == 0
    (ann,) = (tmp_path / "brat").glob("*.ann")  # the emoji article has nothing settled
    text = ann.read_text(encoding="utf-8")
    assert "Annotator T" in text and " rita" in text and f" {AGREED}" in text
    captured = capsys.readouterr()
    assert "wrote 2 annotations of 1 article" in captured.err
    assert _unsettled_line(captured.err)

    out = tmp_path / "gold.spacy"
    assert export_cli(annotated, "--format", "spacy", "--only", "sentences", "-o", str(out)) == 0
    (doc,) = DocBin().from_disk(out).get_docs(blank_english().vocab)
    assert [s.label_ for s in doc.spans["sentences"]] == ["context", "claim"]
    assert [a["annotator"] for a in doc.user_data["reader"]["annotations"]] == [AGREED, "rita"]
    assert _unsettled_line(capsys.readouterr().err)


def test_gold_takes_no_annotator(annotated: Annotated, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_cli(annotated, "--annotator", "ana") == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--annotator" in err


def test_label_filters_the_layer_not_the_unsettled_count(annotated: Annotated) -> None:
    stream = io.StringIO()
    result = export(annotated.store, "jsonl", stream, layer="gold", label="claim")
    assert [json.loads(line)["label"] for line in stream.getvalue().splitlines()] == ["claim"]
    assert result.unsettled == UNSETTLED
    assert export(annotated.store, "jsonl", io.StringIO()).unsettled is None
