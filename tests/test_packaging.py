"""What an installed copy needs: the bundled sample inside the package, and a missing
library said in one line. scripts/smoke checks a real install from the package index."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import reader
from reader.cli import main
from reader.launch import BUNDLED_ARTICLES

REPO = Path(__file__).resolve().parent.parent
PAGE = Path(__file__).parent / "data" / "io" / "article.html"


def test_the_bundled_articles_are_in_the_package_and_match_the_top_level_ones() -> None:
    assert BUNDLED_ARTICLES.parent == Path(reader.__file__).resolve().parent
    shipped = {path.name: path.read_bytes() for path in BUNDLED_ARTICLES.glob("*.txt")}
    canonical = {path.name: path.read_bytes() for path in (REPO / "articles").glob("*.txt")}
    assert shipped and shipped == canonical


def test_html_without_its_libraries_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # importing it raises ImportError
    assert main(["analyse", str(PAGE)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: cannot read HTML pages: ")
