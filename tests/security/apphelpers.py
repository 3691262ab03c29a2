"""Driving the app in-process (Textual's ``run_test`` and Pilot) for the security tests.

Kept apart from tests/tui/conftest.py on purpose: these tests must not change when the
app's own tests are reorganised, and they need little (build an app, wait for it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_support import NoEntities, wait_for
from textual.pilot import Pilot

from reader.analysis import Analyser
from reader.loaders import load_article
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.reading import ReadingScreen

ANNOTATOR = "ana"


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
