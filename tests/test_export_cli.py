"""``reader export`` with every format, ``reader import-annotations``, and the function the
app calls, end to end on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_export_formats import EMOJI, SAMPLE, Annotated, build_store

from reader.analysis import Analyser
from reader.cache import AnalysisCache
from reader.cli import main
from reader.formats import article_format, export_articles, formats
from reader.store import Store


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    built = build_store(tmp_path / "store", analyser)
    # The command makes its own analyser on the test's cache: fill that cache, so that it
    # finds every analysis there and never loads spaCy again.
    warm = Analyser(cache=AnalysisCache(), pipeline=analyser.pipeline)
    for article in built.articles.values():
        warm.analyse(article)
    return built


def export_cli(annotated: Annotated, *args: str) -> int:
    return main(["export", "--db", str(annotated.store.root), *args])


def test_every_format_is_registered() -> None:
    assert set(formats()) >= {"jsonl", "csv", "prodigy", "doccano", "brat", "spacy", "md"}
    assert article_format("jsonl") is None
    spec = article_format("brat")
    assert spec is not None and spec.output == "folder"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "prodigy", "doccano", "md"])
def test_text_formats_go_to_stdout(
    annotated: Annotated, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert export_cli(annotated, "--format", fmt) == 0
    out = capsys.readouterr().out
    assert "Iran, Iraq vow to boost military ties" in out
    assert "Ana García" in out


def test_paths_restrict_the_export_to_their_articles(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated, str(EMOJI)) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["article_id"] for row in rows} == {annotated.emoji.id}
    assert len(rows) == 5


def test_a_corpus_path_reports_bad_lines_and_unannotated_articles(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "Nothing tagged here."}\n{oops\n', encoding="utf-8")
    assert export_cli(annotated, str(corpus), str(SAMPLE)) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"reader: {corpus}: line 2: not valid JSON "
        "(at column 2: Expecting property name enclosed in double quotes); skipped",
        f"reader: {corpus}#1: no annotations",
    ]
    assert {json.loads(line)["article_id"] for line in captured.out.splitlines()} == {
        annotated.sample.id
    }


def test_brat_and_spacy_need_an_output_path(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated, "--format", "spacy") == 2
    assert "give its path with -o OUT" in capsys.readouterr().err
    assert export_cli(annotated, "--format", "brat") == 2
    assert "writes a folder" in capsys.readouterr().err


def test_brat_folder_and_spacy_file(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated, "--format", "brat", "-o", str(tmp_path / "brat")) == 0
    assert len(list((tmp_path / "brat").glob("*.ann"))) == 2
    assert "wrote 11 annotations of 2 articles" in capsys.readouterr().err
    out = tmp_path / "train.spacy"
    assert export_cli(annotated, "--format", "spacy", "--only", "sentences", "-o", str(out)) == 0
    assert out.stat().st_size > 0


def test_only_is_for_formats_with_entities(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_cli(annotated, "--format", "csv", "--only", "entities") == 2
    assert "--only applies to formats with entities" in capsys.readouterr().err


def test_a_moved_article_is_one_line_on_stderr(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = annotated.emoji
    annotated.store.register_article(
        article.id, path=str(tmp_path / "gone.txt"), title=None, date=None, byline=None, sentences=6
    )
    assert export_cli(annotated, "--format", "doccano") == 0
    captured = capsys.readouterr()
    assert captured.err == f"reader: no such file: {tmp_path / 'gone.txt'}; left out\n"
    assert len(captured.out.splitlines()) == 2  # the sample's two annotators


def test_import_annotations_command_round_trip(
    annotated: Annotated, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.prodigy.jsonl"
    assert export_cli(annotated, "--format", "prodigy", "-o", str(exported)) == 0
    capsys.readouterr()
    fresh = tmp_path / "fresh"
    assert main(["import-annotations", str(exported), "--db", str(fresh)]) == 0
    err = capsys.readouterr().err
    assert "imported prodigy" in err and "11 tagged" in err and "into 2 articles" in err
    assert len(list(Store(fresh).all_annotations())) == 11

    broken = tmp_path / "broken.jsonl"
    broken.write_text(exported.read_text(encoding="utf-8") + "{nope\n", encoding="utf-8")
    assert main(["import-annotations", str(broken), "--db", str(fresh)]) == 1
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "11 already there" in err and "1 skipped" in err


def test_export_articles_for_the_app(annotated: Annotated, tmp_path: Path) -> None:
    out = export_articles(
        annotated.store,
        [annotated.sample.id],
        "md",
        tmp_path / "report.md",
        analyser=annotated.analyser,
    )
    assert out == tmp_path / "report.md"
    report = out.read_text(encoding="utf-8")
    assert "# Iran, Iraq vow to boost military ties" in report
    assert "Ana García" not in report
