"""The layers: the core never imports Textual, and nothing imports spaCy until a pipeline
is loaded. Each module is imported in a fresh interpreter, so that what another test
imported cannot hide what this one pulls in (harlequin's import-contract idea)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE_MODULES = [
    "reader.article",
    "reader.loaders",
    "reader.segment",
    "reader.entities",
    "reader.analysis",
    "reader.cache",
    "reader.nlp",
    "reader.safe_text",
    "reader.store",
    "reader.config",
    "reader.export",
    "reader.cli",
    "reader.commands.analyse",
    "reader.reading",
    "reader.reading.session",
    "reader.reading.finding",
    "reader.reading.layout",
    "reader.reading.analysis_process",
    "reader.reading.finder",
]
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
