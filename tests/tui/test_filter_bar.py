"""The library's filter field: editing keys, paste, inert drawing, and no layout per letter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app_support import app_test, wait_for
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen

from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.filter_bar import FilterBar
from reader.tui.widgets.library_list import LibraryList

from .test_library import folder_of_articles, titles


def drawn(bar: FilterBar) -> str:
    """The field's one line as drawn."""
    return bar.render_line(0).text


async def library_of_three(pilot: Pilot[Any], app: ReaderApp) -> LibraryScreen:
    """The library screen, once the folder's three articles are listed."""
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await wait_for(pilot, lambda: len(screen.entries) == 3)
    return screen


@app_test
async def test_the_filter_edits_like_a_field_and_filters_as_it_goes(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    app = make_app(folder_of_articles(tmp_path, sample_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await library_of_three(pilot, app)
        bar = screen.query_one(FilterBar)
        table = screen.query_one(LibraryList)
        assert bar.has_focus
        assert drawn(bar).startswith("Type to filter")  # the placeholder
        await pilot.press(*"iraq")
        assert titles(table) == ["Iran, Iraq vow to boost military ties"]
        await pilot.press("left", "left", "backspace")  # "iaq": no row
        assert (bar.value, bar.cursor_position) == ("iaq", 1)
        assert table.row_count == 0
        await pilot.press("r")
        assert bar.value == "iraq" and table.row_count == 1
        await pilot.press("home", "delete", "end", "space", *"vow")
        assert bar.value == "raq vow"
        await pilot.press("ctrl+w")
        assert (bar.value, bar.cursor_position) == ("raq ", 4)
        await pilot.press("left", "ctrl+k")
        assert bar.value == "raq"
        await pilot.press("ctrl+u")
        assert bar.value == "" and table.row_count == 3
        await pilot.press(*"long", "escape")  # Escape clears the filter, as the footer says
        assert bar.value == "" and table.row_count == 3
        await pilot.press(*"iran", "enter")  # Enter opens the row the filter left
        await wait_for(pilot, lambda: not isinstance(app.screen, LibraryScreen))


@app_test
async def test_a_paste_filters_by_its_first_line_and_is_drawn_inert(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    app = make_app(folder_of_articles(tmp_path, sample_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await library_of_three(pilot, app)
        bar = screen.query_one(FilterBar)
        bar.post_message(events.Paste("Iraq\nsecond line"))
        await pilot.pause()
        assert bar.value == "Iraq"
        assert titles(screen.query_one(LibraryList)) == ["Iran, Iraq vow to boost military ties"]
        await pilot.press("ctrl+u")
        hostile = "x\x1b]0;PWNED\x07\u202ey"
        bar.post_message(events.Paste(hostile))
        await pilot.pause()
        assert bar.value == hostile  # the real text is what filters
        line = drawn(bar)
        assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
        assert "PWNED" in line  # shown, as stand-ins, not dropped


@app_test
async def test_a_filter_letter_asks_for_no_layout(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    """A layout of the screen drew a letter in two frames, 30 ms apart (issue 15): neither
    a letter nor the rows it hides or brings back lay out the screen."""
    app = make_app(folder_of_articles(tmp_path, sample_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(pilot, lambda: not screen.query_one("#library-progress").display)
        await pilot.pause()
        layouts: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        table = screen.query_one(LibraryList)
        await pilot.press("z")  # every row hidden
        assert table.row_count == 0
        await pilot.press("backspace", "i", "r", "backspace", "backspace")
        await pilot.pause()
        assert table.row_count == 3
        assert layouts == []
