"""Shared fixtures: isolated XDG folders, the sample article, and one spaCy pipeline per
test session (loading it takes about two seconds, so every test shares it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import Analyser
from reader.cache import AnalysisCache

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"
SAMPLE = ARTICLES / "iran-iraq-military-ties.txt"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every XDG folder and reader variable at a fresh temporary folder, so no test
    reads or writes the developer's real store, cache or settings."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
    ):
        (home / folder).mkdir()
        monkeypatch.setenv(variable, str(home / folder))
    for variable in ("READER_DB", "READER_MODEL", "READER_ANNOTATOR", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    return home


@pytest.fixture(scope="session")
def analyser_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder shared by the session's analyser."""
    return tmp_path_factory.mktemp("analysis-cache")


@pytest.fixture(scope="session")
def analyser(analyser_cache_dir: Path) -> Iterator[Analyser]:
    """The real spaCy pipeline, loaded once for the whole session."""
    shared = Analyser(cache=AnalysisCache(analyser_cache_dir))
    assert shared.pipeline is not None  # load now, once
    yield shared


@pytest.fixture
def fresh_analyser(analyser: Analyser, tmp_path: Path) -> Analyser:
    """The session's loaded pipeline behind an empty cache (a cold analysis, no reload)."""
    return Analyser(cache=AnalysisCache(tmp_path / "cold-cache"), pipeline=analyser.pipeline)


@pytest.fixture
def sample_path() -> Path:
    """The bundled sample article."""
    return SAMPLE
