"""``reader export``: JSON Lines rows joined with their articles, and the format registry."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import pytest

from reader.cli import main
from reader.formats import EXPORT_FIELDS, ExportRow, export_rows, formats, get_writer
from reader.formats import registry as export
from reader.store import Store

REPO = Path(__file__).resolve().parent.parent
FIRST = "aaaaaaaaaaaaaaaa"
SECOND = "bbbbbbbbbbbbbbbb"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    store = Store(root)
    # Registered in the opposite order of their paths: the export sorts by path.
    store.register_article(
        FIRST, path="z/second.txt", title="Zed", date=None, byline=None, sentences=5
    )
    store.register_article(
        SECOND, path="a/first.txt", title=None, date="2025-01-01", byline="AFP", sentences=5
    )
    store.tag(FIRST, sentence=3, start=40, end=60, text="Later.", label="claim", annotator="ana")
    store.tag(FIRST, sentence=0, start=0, end=10, text="First.", label="quote", annotator="ana")
    store.set_note(FIRST, start=0, end=10, annotator="ana", note="check")
    store.set_attribution(FIRST, start=0, end=10, annotator="ana", attribution="The PM")
    store.tag(FIRST, sentence=0, start=0, end=10, text="First.", label="context", annotator="bob")
    store.tag(SECOND, sentence=1, start=5, end=9, text="Mid.", label="claim", annotator="bob")
    return root


def run_export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code = main(["export", *args])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_rows_fields_and_order(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, rows = run_export(capsys, "--db", str(root))
    assert code == 0
    assert all(tuple(row) == EXPORT_FIELDS for row in rows)
    assert [(r["path"], r["start"], r["annotator"]) for r in rows] == [
        ("a/first.txt", 5, "bob"),
        ("z/second.txt", 0, "ana"),
        ("z/second.txt", 0, "bob"),
        ("z/second.txt", 40, "ana"),
    ]
    quote = rows[1]
    assert {k: v for k, v in quote.items() if k not in ("created", "updated")} == {
        "article_id": FIRST,
        "path": "z/second.txt",
        "title": "Zed",
        "sentence": 0,
        "start": 0,
        "end": 10,
        "text": "First.",
        "label": "quote",
        "annotator": "ana",
        "note": "check",
        "attribution": "The PM",
        "origin": "analyst",
    }
    assert quote["created"].endswith("Z") and quote["updated"] >= quote["created"]
    assert rows[0]["title"] is None and rows[0]["note"] is None


def test_filters(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, rows = run_export(capsys, "--db", str(root), "--annotator", "bob")
    assert [r["label"] for r in rows] == ["claim", "context"]
    _, rows = run_export(capsys, "--db", str(root), "--label", "claim")
    assert [(r["annotator"], r["start"]) for r in rows] == [("bob", 5), ("ana", 40)]
    _, rows = run_export(capsys, "--db", str(root), "--label", "quote", "--annotator", "bob")
    assert rows == []


def test_store_from_environment(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_DB", str(root))
    code, rows = run_export(capsys)
    assert code == 0 and len(rows) == 4


def test_output_file(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(root), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "wrote 4 annotations" in captured.err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "store"]


def test_output_file_error(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(root), "-o", str(tmp_path / "no/such/dir/out")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_terminal_active_text_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    text = "Ménage \x9b31m \u202eevil\u202c \x1b]0;t\x07 \u2028 end"
    store.register_article(
        FIRST, path="p\x1b[2J.txt", title="T\x9d", date=None, byline=None, sentences=1
    )
    store.tag(FIRST, sentence=0, start=0, end=len(text), text=text, label="claim", annotator="a")
    main(["export", "--db", str(root)])
    out = capsys.readouterr().out
    assert "Ménage" in out  # readable, not \u-escaped
    for char in ("\x9b", "\x9d", "\u202e", "\u2028", "\x1b", "\x07"):
        assert char not in out
    row = json.loads(out)
    assert (row["text"], row["path"], row["title"]) == (text, "p\x1b[2J.txt", "T\x9d")


def test_missing_store_is_an_error_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: there is no annotation store") and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


def test_export_never_writes_to_the_store(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    run_export(capsys, "--db", str(root))
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before


def test_damaged_article_stops_the_export(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = root / "articles" / f"{SECOND}.json"
    damaged.write_bytes(b"\x00" * 10)
    assert main(["export", "--db", str(root)]) == 2
    err = capsys.readouterr().err
    assert str(damaged) in err and "left untouched" in err
    assert damaged.read_bytes() == b"\x00" * 10


def test_unknown_label_and_format(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(root), "--label", "opinion"]) == 2
    assert "unknown label 'opinion'" in capsys.readouterr().err
    assert main(["export", "--db", str(root), "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_registry(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "jsonl" in formats()

    def tsv(rows: Iterable[ExportRow], stream: TextIO) -> int:
        count = 0
        for row in rows:
            stream.write(f"{row.article_id}\t{row.label}\n")
            count += 1
        return count

    monkeypatch.setattr(export, "_registered", dict(export._registered))
    export.register_format("tsv", tsv)
    assert "tsv" in formats() and get_writer("tsv") is tsv
    stream = io.StringIO()
    assert get_writer("tsv")(export_rows(Store(root), label="claim"), stream) == 2
    assert stream.getvalue() == f"{SECOND}\tclaim\n{FIRST}\tclaim\n"
    with pytest.raises(Exception, match="unknown export format 'xml'"):
        get_writer("xml")


def test_jsonl_writer_directly() -> None:
    row = ExportRow(FIRST, "p", None, 0, 0, 1, "x", "claim", "a", None, None, "c", "u")
    stream = io.StringIO()
    assert get_writer("jsonl")([row, row], stream) == 2
    lines = stream.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [row.as_dict()] * 2


@pytest.mark.slow
def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    # `reader export | head -1`: many rows, the reader stops after one; no traceback.
    root = tmp_path / "store"
    Store(root)
    docs = {
        str(n + 1): {
            "sentence": n,
            "start": n * 100,
            "end": n * 100 + 90,
            "text": "A sentence long enough to fill the pipe quickly. " * 2,
            "label": "claim",
            "annotator": "a",
            "created": "2025-01-01T00:00:00.000Z",
            "updated": "2025-01-01T00:00:00.000Z",
            "note": None,
            "attribution": None,
        }
        for n in range(3000)
    }
    (root / "articles" / f"{FIRST}.json").write_text(
        json.dumps({"meta": {"1": {"schema": 1}}, "annotations": docs})
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "export", "--db", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0, errors
    assert json.loads(first)["sentence"] == 0
    assert errors == b""


def test_export_row_is_an_annotation_with_its_article() -> None:
    # One definition: a field added to Annotation must reach the export row too.
    from reader.records import ANNOTATION_FIELDS

    assert set(EXPORT_FIELDS) == {"path", "title", *ANNOTATION_FIELDS}
    assert EXPORT_FIELDS[:3] == ("article_id", "path", "title")
