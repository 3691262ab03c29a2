"""Fixtures for the app's tests: a store in a temporary folder, the sample article, larger
generated articles, and an app factory that shares the session's spaCy pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_support import ANNOTATOR as ANNOTATOR  # re-exported for the tests
from app_support import build_app, wait_for
from textual.pilot import Pilot

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.reading import ReadingScreen

NAMES = ["Maria Lopez", "Tom Becker", "Amina Diallo", "Kenji Sato"]
ORGS = ["the World Bank", "Reuters", "the United Nations"]


def write_article(folder: Path, sentences: int, name: str = "big.txt") -> Path:
    """Write a plain-text article of ``sentences`` sentences (plus its title)."""
    lines = [f"A long article of {sentences} sentences", ""]
    paragraph: list[str] = []
    for number in range(sentences):
        person = NAMES[number % len(NAMES)]
        org = ORGS[number % len(ORGS)]
        paragraph.append(
            f"Sentence {number} says that {person} met {org} in Paris on day {number}."
        )
        if len(paragraph) == 5:
            lines += [" ".join(paragraph), ""]
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty store in a temporary folder."""
    return Store(tmp_path / "store")


@pytest.fixture
def make_app(store: Store, analyser: Analyser) -> Callable[..., ReaderApp]:
    """Build an app on a file or folder, on the test's store, with the shared analyser."""

    def make(target: Path, **options: Any) -> ReaderApp:
        options.setdefault("store", store)
        options.setdefault("analyser", analyser)
        return build_app(target, **options)

    return make


def reading(app: ReaderApp) -> ReadingScreen:
    """The app's reading screen."""
    screen = app.screen
    assert isinstance(screen, ReadingScreen), screen
    return screen


async def ready(pilot: Pilot[Any]) -> ReadingScreen:
    """Wait for the reading screen to show its article."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_for(pilot, lambda: screen.session is not None)
    await pilot.pause()
    return screen


async def entities_ready(pilot: Pilot[Any]) -> ReadingScreen:
    """Wait for the reading screen's entities."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = reading(app)
    await wait_for(pilot, lambda: screen.analysis is not None)
    await pilot.pause()
    return screen
