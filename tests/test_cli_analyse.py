"""``reader analyse``: the JSON Lines schema with exact offsets, the table, and one-line
errors with exit code 2 and no traceback; plus ``reader --version`` and ``--help``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader import __version__
from reader.analysis import Analyser
from reader.cli import main
from reader.loaders import load_article

REPO = Path(__file__).resolve().parent.parent
OWN = Path("tests") / "data" / "articles"
SAMPLE = Path("articles") / "iran-iraq-military-ties.txt"

TOP_FIELDS = {"id", "path", "title", "date", "byline", "text", "model", "sentences", "entities"}
SENTENCE_FIELDS = {"index", "start", "end", "text", "block"}
ENTITY_FIELDS = {"name", "label", "mentions"}
MENTION_FIELDS = {"start", "end", "text"}


def _check_record(record: dict[str, Any]) -> None:
    """The documented schema, and every offset indexing into ``text``."""
    assert set(record) >= TOP_FIELDS
    text = record["text"]
    assert isinstance(text, str) and record["id"] and record["model"]
    previous_end = 0
    for index, sentence in enumerate(record["sentences"]):
        assert set(sentence) >= SENTENCE_FIELDS
        assert sentence["index"] == index
        assert previous_end <= sentence["start"] < sentence["end"] <= len(text)
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["block"] in {"title", "byline", "caption", "heading", "paragraph"}
        previous_end = sentence["end"]
    for entity in record["entities"]:
        assert set(entity) >= ENTITY_FIELDS
        assert entity["label"].isupper()
        assert entity["mentions"]
        for mention in entity["mentions"]:
            assert set(mention) >= MENTION_FIELDS
            assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.fixture
def warm_cache(analyser: Analyser) -> None:
    """Analyse the sample and our articles into the user's cache, with the session's
    pipeline, so that in-process runs of the CLI need not load spaCy again."""
    user = Analyser(pipeline=analyser.pipeline)
    paths = [REPO / SAMPLE, *sorted((REPO / OWN).iterdir())]
    list(user.analyse_many([load_article(p) for p in paths]))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_for_the_sample(
    warm_cache: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code, out, err = _run(["analyse", str(SAMPLE), "--json"], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    _check_record(record)
    assert record["path"] == str(SAMPLE)  # as given, relative
    assert record["title"] == "Iran, Iraq vow to boost military ties"
    assert (record["date"], record["byline"]) == ("2017-07-24", "AFP")
    assert record["id"] == load_article(REPO / SAMPLE).id
    people = {e["name"]: len(e["mentions"]) for e in record["entities"] if e["label"] == "PERSON"}
    assert people == {
        "Irfan Al Hayali": 7,
        "Ali Larijani": 4,
        "Ali Shamkhani": 3,
        "Hossein Dehghan": 2,
    }
    quote = '"We will not let any political side disintegrate Iraq," Hayali said.'
    assert quote in [s["text"] for s in record["sentences"]]


def test_json_for_a_folder_and_a_file(
    warm_cache: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = _run(["analyse", str(OWN), str(SAMPLE), "--json"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in records] == [
        str(OWN / "ecb-holds-rates.txt"),
        str(OWN / "halvorsen-court-ruling.txt"),
        str(OWN / "island-nations-climate-fund.txt"),
        str(OWN / "newcastle-sign-duarte.md"),
        str(SAMPLE),
    ]
    for record in records:
        _check_record(record)


def test_table_output_shows_text_literally(
    analyser: Analyser,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        "[bold red]Rates[/bold red] hold\n\nBy AP\n\n"
        "The bank [link=http://x]held[/link] rates. \x1b[31mShares\x1b[0m rose.\n"
    )
    Analyser(pipeline=analyser.pipeline).analyse(load_article(path))
    code, out, _ = _run(["analyse", str(path)], capsys)
    assert code == 0
    assert "[bold red]Rates[/bold red] hold" in out
    assert "[link=http://x]held[/link]" in out
    assert "\x1b" not in out
    assert "Sentences" in out and "Entities" in out


# --- errors: one line on stderr, exit code 2 ----------------------------------------------


def _one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert "Traceback" not in err
    return err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = _one_line_error(*_run(["analyse", str(tmp_path / "gone.txt")], capsys))
    assert "no such file" in err


def test_folder_with_no_articles(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    err = _one_line_error(*_run(["analyse", str(tmp_path)], capsys))
    assert "no articles found" in err


def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert "binary" in _one_line_error(*_run(["analyse", str(path)], capsys))


def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _one_line_error(*_run(["analyse", str(path)], capsys))


def test_bad_model(capsys: pytest.CaptureFixture[str]) -> None:
    err = _one_line_error(
        *_run(["analyse", str(REPO / SAMPLE), "--model", "no_such_model"], capsys)
    )
    assert "no_such_model" in err and "pip install" in err


def test_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert "required" in _one_line_error(*_run(["analyse"], capsys))
    assert "unrecognized" in _one_line_error(*_run(["analyse", "x", "--frobnicate"], capsys))


def test_hostile_path_is_shown_inert(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = _one_line_error(*_run(["analyse", str(tmp_path / "x\x1b[2J\x1b]0;t\x07.txt")], capsys))
    assert "\x1b" not in err and "\x07" not in err


# --- the real command, in a fresh process -------------------------------------------------


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=os.environ.copy(),
        timeout=120,
    )


def test_version_and_help() -> None:
    version = _reader("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"reader {__version__}")
    helped = _reader("--help")
    assert helped.returncode == 0 and "analyse" in helped.stdout
    analyse_help = _reader("analyse", "--help")
    assert analyse_help.returncode == 0 and "--json" in analyse_help.stdout


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "reader"
    if not script.exists():
        pytest.skip("the package is not installed with its console script in this environment")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"reader {__version__}"


@pytest.mark.slow
def test_python_m_reader_analyse_json_end_to_end() -> None:
    """Cold: loads spaCy in the child, analyses the sample and our articles, caches them."""
    result = _reader("analyse", str(SAMPLE), str(OWN), "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert records[0]["path"] == str(SAMPLE)
    for record in records:
        _check_record(record)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["analyse", "missing.txt"], id="missing"),
        pytest.param(["analyse", "--json", "reader"], id="folder-without-articles"),
        pytest.param(["analyse", str(SAMPLE), "--model", "nope"], id="bad-model"),
    ],
)
def test_errors_in_a_fresh_process(args: list[str]) -> None:
    result = _reader(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: ")


def test_a_bad_file_in_a_folder_is_skipped_not_fatal(
    warm_cache: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """One file that does not load is reported in one line; the rest are analysed, and the
    exit code (1) tells a script that the output is incomplete."""
    (tmp_path / "a-sample.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b-empty.txt").write_bytes(b"")
    code, out, err = _run(["analyse", str(tmp_path), "--json"], capsys)
    assert code == 1
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Iran, Iraq vow to boost military ties"
    ]
    assert err.splitlines() == [f"reader: {tmp_path / 'b-empty.txt'} is empty; skipped"]
