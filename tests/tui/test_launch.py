"""The command line checks everything before the app starts: one-line errors."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.launch import BUNDLED_ARTICLES, prepare


def args(path: str | None, **options: str | None) -> argparse.Namespace:
    values: dict[str, str | None] = {"db": None, "annotator": None, "model": None}
    values.update(options)
    return argparse.Namespace(path=path, **values)


def test_a_file_is_loaded_and_the_store_opened(sample_path: Path, tmp_path: Path) -> None:
    launch = prepare(args(str(sample_path), db=str(tmp_path / "db"), annotator="ana"))
    assert launch.articles is not None and len(launch.articles) == 1
    assert launch.store.root == tmp_path / "db"
    assert launch.annotator == "ana"
    assert not launch.analyser.loaded  # spaCy loads inside the app, in a thread


def test_no_path_opens_the_bundled_articles(tmp_path: Path) -> None:
    launch = prepare(args(None, db=str(tmp_path / "db")))
    assert launch.target == BUNDLED_ARTICLES and launch.articles is None


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: str(tmp / "missing.txt"), "no such file or folder"),
        (lambda tmp: str((tmp / "empty").mkdir() or tmp / "empty"), "no article files"),
        (
            lambda tmp: str((tmp / "bin.txt").write_bytes(b"\x00\xff" * 100) and tmp / "bin.txt"),
            "bin.txt",
        ),
    ],
)
def test_bad_paths_are_one_line_errors(tmp_path: Path, make: object, expected: str) -> None:
    with pytest.raises(ReaderError) as caught:
        prepare(args(make(tmp_path), db=str(tmp_path / "db")))  # type: ignore[operator]
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_a_store_that_will_not_open(sample_path: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ReaderError, match="not a folder"):
        prepare(args(str(sample_path), db=str(tmp_path / "file")))


def test_a_bad_labels_file(sample_path: Path, tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "labels.toml").write_text("[[label]]\nname = 1\n")
    with pytest.raises(ReaderError, match="labels.toml"):
        prepare(args(str(sample_path), db=str(tmp_path / "db")))


def test_a_bad_model(sample_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ReaderError):
        prepare(args(str(sample_path), db=str(tmp_path / "db"), model="no_such_model_xyz"))


def test_a_bad_annotator(sample_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="annotator"):
        prepare(args(str(sample_path), db=str(tmp_path / "db"), annotator="  "))


def test_the_command_line_prints_one_line(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    assert main([str(tmp_path / "nope.txt"), "--db", str(tmp_path / "db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: no such file or folder") and err.count("\n") == 1
