"""Driving the app in-process (Textual's ``run_test`` and Pilot) for the security tests.

Kept apart from tests/tui/conftest.py on purpose: these tests must not change when the
app's own tests are reorganised, and they need little (build an app, wait for it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app_support import ANNOTATOR as ANNOTATOR  # re-exported for the tests
from app_support import build_app, wait_for
from textual.pilot import Pilot

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.reading import ReadingScreen


def make_app(path: Path, store: Store, analyser: Analyser | None = None) -> ReaderApp:
    """The app on one article file, on ``store``, settings not remembered."""
    return build_app(path, store=store, analyser=analyser)


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
