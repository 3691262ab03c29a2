"""The loader registry names each loader's module and imports it only when a file of its
format is met: opening a text article imports no HTML parser. Checked in a fresh
interpreter, so that what another test imported cannot hide what loading pulls in."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.loaders import LOADERS, load_articles
from reader.loaders.decoding import MAX_ARTICLE_BYTES

SAMPLE = Path(__file__).resolve().parent.parent / "articles" / "iran-iraq-military-ties.txt"
FORMAT_MODULES = ("reader.loaders.html", "reader.loaders.jsonl")


@pytest.mark.parametrize(
    "loader", [row for row in LOADERS if not row.fallback], ids=lambda row: row.name
)
def test_each_row_says_what_its_module_says(loader: object) -> None:
    from reader.loaders import Loader

    assert isinstance(loader, Loader)
    module = importlib.import_module(loader.module)
    assert loader.suffixes == module.SUFFIXES
    assert loader.max_bytes == getattr(module, "MAX_CORPUS_BYTES", MAX_ARTICLE_BYTES)
    assert callable(getattr(module, loader.reads)) and callable(module.claims)


def _modules_after_loading(path: Path) -> dict[str, bool]:
    code = (
        "import json, sys\n"
        "from reader.loaders import load_articles\n"
        f"load_articles({str(path)!r})\n"
        f"print(json.dumps({{m: m in sys.modules for m in {FORMAT_MODULES!r}}}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found: dict[str, bool] = json.loads(done.stdout)
    return found


def test_a_text_article_imports_no_other_loader() -> None:
    assert _modules_after_loading(SAMPLE) == dict.fromkeys(FORMAT_MODULES, False)


def test_a_page_is_claimed_by_its_first_bytes_whatever_its_name(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    body = "<p>One sentence here.</p>"
    page.write_text(f"\ufeff \n<!DOCTYPE html><html><body>{body}</body></html>")
    assert "<p>" not in load_articles(page)[0].text  # read as HTML: the tags are gone
    assert _modules_after_loading(page)["reader.loaders.html"]


def test_text_that_merely_starts_with_a_bracket_stays_text(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("<draft> A title\n\nOne sentence here.\n")
    assert load_articles(note)[0].text.startswith("<draft> A title")
