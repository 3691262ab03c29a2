"""Fixtures for the app's tests: a store in a temporary folder, the sample article, larger
generated articles, and an app factory that shares the session's spaCy pipeline."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.analysis import Analyser, Analysis, split_article
from reader.article import Article
from reader.loaders import load_article
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.reading import ReadingScreen

ANNOTATOR = "ana"

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


class NoEntities(Analyser):
    """An analyser that finds nothing, at once (for large generated articles)."""

    def __init__(self) -> None:
        super().__init__()

    def cached(self, article: Article) -> Analysis | None:
        return Analysis(article, split_article(article), (), "none")

    def analyse(self, article: Article) -> Analysis:
        return Analysis(article, split_article(article), (), "none")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty store in a temporary folder."""
    return Store(tmp_path / "store")


@pytest.fixture
def make_app(store: Store, analyser: Analyser) -> Callable[..., ReaderApp]:
    """Build an app on a file or folder, on the test's store, with the shared analyser."""

    def make(target: Path, **options: Any) -> ReaderApp:
        articles = options.pop("articles", None)
        if articles is None and target.is_file():
            articles = [load_article(target)]
        options.setdefault("store", store)
        options.setdefault("annotator", ANNOTATOR)
        options.setdefault("analyser", analyser)
        options.setdefault("remember", False)
        app = ReaderApp(target, articles=articles, **options)
        app.animation_level = "none"
        return app

    return make


def app_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test in its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))  # type: ignore[arg-type]

    return run


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 20) -> None:
    """Let the app run until ``condition()`` is true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


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
