"""The layers: the core never imports Textual, and nothing imports spaCy until a pipeline
is loaded. Each module is imported in a fresh interpreter, so that what another test
imported cannot hide what this one pulls in (harlequin's import-contract idea). The
modules are found on disk, so a new one is checked without being listed. No two modules
import each other, even lazily (scripts/import_cycles.py); the import contracts in
pyproject.toml (import-linter, run by scripts/check) hold the layers in place."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"


def _discover() -> list[str]:
    """Every module of reader outside the app (reader.tui), found on disk."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[:2] != ["reader", "tui"] and parts[-1] != "__main__":
            found.append(".".join(parts))
    return found


#: Every module outside the app: none may import Textual, or spaCy before it is asked to.
CORE_MODULES = _discover()
#: Heavy libraries that only loading the pipeline (spaCy) or the app (Textual) may import.
HEAVY = ("textual", "spacy", "thinc")
SAMPLE = Path(__file__).resolve().parent.parent / "articles" / "iran-iraq-military-ties.txt"


def _imported_after(module: str, code: str = "") -> dict[str, bool]:
    script = (
        f"import importlib, json, sys\nimportlib.import_module({module!r})\n{code}\n"
        f"print(json.dumps({{name: name in sys.modules for name in {list(HEAVY)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, bool] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_neither_textual_nor_spacy(module: str) -> None:
    if not _exists(module):
        pytest.skip(f"{module} does not exist yet (another part of the project adds it)")
    loaded = _imported_after(module)
    assert not loaded["textual"], f"{module} imports Textual"
    assert not loaded["spacy"] and not loaded["thinc"], f"{module} imports spaCy"


def test_resolving_a_model_and_splitting_sentences_import_no_spacy() -> None:
    loaded = _imported_after(
        "reader.analysis",
        "from reader.analysis import Analyser, split_article\n"
        "from reader.loaders import load_article\n"
        "analyser = Analyser()\n"
        f"split_article(load_article({str(SAMPLE)!r}))\n"
        "assert not analyser.loaded",
    )
    assert loaded == {"textual": False, "spacy": False, "thinc": False}


@pytest.mark.slow
def test_loading_the_pipeline_imports_spacy_but_not_textual() -> None:
    loaded = _imported_after(
        "reader.analysis",
        "from reader.analysis import Analyser\nAnalyser().pipeline",
    )
    assert loaded["spacy"] and not loaded["textual"]


def _import_cycles() -> list[list[str]]:
    spec = importlib.util.spec_from_file_location(
        "import_cycles", PACKAGE.parent / "scripts" / "import_cycles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: list[list[str]] = module.cycles(module.import_graph(PACKAGE))
    return found


def test_no_import_cycle_anywhere_in_reader() -> None:
    assert _import_cycles() == []
