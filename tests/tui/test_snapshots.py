"""Snapshots of the main screens (pytest-textual-snapshot): review the report, then update
with ``pytest tests/tui/test_snapshots.py --snapshot-update``.

Hermetic: the store is a relative folder in a temporary working directory (its path shows
in the status line), the annotator is fixed, entities come from the session's analyser, and
every test waits for the background work to finish before the picture is taken.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_support import build_app, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.filter_bar import FilterBar

Snap = Callable[..., bool]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def app_on(target: Path, analyser: Analyser, articles: Any = None) -> ReaderApp:
    return build_app(target, store=Store(Path("store")), analyser=analyser, articles=articles)


async def reading_ready(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_for(pilot, lambda: screen.analysis is not None)
    await pilot.pause()


def test_reading_80x24(
    snap_compare: Snap, here: Path, sample_path: Path, analyser: Analyser
) -> None:
    async def tag_some(pilot: Pilot[Any]) -> None:
        await reading_ready(pilot)
        await pilot.press("1", "2", "3", "j")

    assert snap_compare(app_on(sample_path, analyser), run_before=tag_some, terminal_size=(80, 24))


def test_reading_wide_with_entity(
    snap_compare: Snap, here: Path, sample_path: Path, analyser: Analyser
) -> None:
    async def select(pilot: Pilot[Any]) -> None:
        await reading_ready(pilot)
        await pilot.press("1", "2", "e", "down", "enter")

    assert snap_compare(app_on(sample_path, analyser), run_before=select, terminal_size=(120, 32))


def test_reading_search(
    snap_compare: Snap, here: Path, sample_path: Path, analyser: Analyser
) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await reading_ready(pilot)
        await pilot.press("p", "slash", *"unity")
        pilot.app.screen.query_one("#search", Input).cursor_blink = False

    assert snap_compare(app_on(sample_path, analyser), run_before=search, terminal_size=(80, 24))


def test_help(snap_compare: Snap, here: Path, sample_path: Path, analyser: Analyser) -> None:
    async def help_screen(pilot: Pilot[Any]) -> None:
        await reading_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(
        app_on(sample_path, analyser), run_before=help_screen, terminal_size=(80, 24)
    )


def test_library(snap_compare: Snap, here: Path, sample_path: Path, analyser: Analyser) -> None:
    folder = here / "articles"
    folder.mkdir()
    shutil.copy(sample_path, folder / sample_path.name)

    async def loaded(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)
        screen.query_one("#library-filter", FilterBar).cursor_blink = False
        await pilot.pause()

    assert snap_compare(
        app_on(Path("articles"), analyser), run_before=loaded, terminal_size=(80, 24)
    )
