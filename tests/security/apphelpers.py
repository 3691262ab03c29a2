"""Driving the app in-process (Textual's ``run_test`` and Pilot) for the security tests.

Kept apart from tests/tui/conftest.py on purpose: these tests must not change when the
app's own tests are reorganised, and they need little (build an app, wait for it).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.analysis import Analyser, Analysis, split_article
from reader.article import Article
from reader.loaders import load_article
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.reading import ReadingScreen

ANNOTATOR = "ana"


class NoEntities(Analyser):
    """An analyser that finds no entities, at once (these tests are not about entities)."""

    def __init__(self) -> None:
        super().__init__()

    def cached(self, article: Article) -> Analysis | None:
        """No spaCy: the sentences only."""
        return Analysis(article, split_article(article), (), "none")

    def analyse(self, article: Article) -> Analysis:
        """No spaCy: the sentences only."""
        return Analysis(article, split_article(article), (), "none")


def make_app(path: Path, store: Store, analyser: Analyser | None = None) -> ReaderApp:
    """The app on one article file, on ``store``, settings not remembered."""
    app = ReaderApp(
        path,
        articles=[load_article(path)],
        store=store,
        annotator=ANNOTATOR,
        analyser=analyser or NoEntities(),
        remember=False,
    )
    app.animation_level = "none"
    return app


def app_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test in its own event loop."""

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


async def reading_screen(pilot: Pilot[Any]) -> ReadingScreen:
    """Wait for the reading screen and its tagging session."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_for(pilot, lambda: screen.session is not None)
    await pilot.pause()
    return screen


def status(screen: ReadingScreen) -> str:
    """The status line's text."""
    return str(screen.query_one("#status").render())
