"""The current sentence is always on screen: after a resize, a filter, a reload, an undo.

The next tag key tags the current sentence, so the analyst must always see it. A seeded
random sequence of resizes, filters and moves checks it after every step.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from app_support import app_test
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_view import ArticleView

from .conftest import reading, ready, write_article

SIZES = [(80, 24), (80, 60), (120, 40), (40, 12), (100, 30), (60, 18), (80, 24), (200, 50)]


def cursor_in_view(view: ArticleView) -> bool:
    """Whether the cursor's first line is inside the view's visible lines."""
    layout = view._layout
    assert layout is not None
    row = layout.row_of(view.cursor)
    assert row is not None, "the cursor is on a sentence that is not shown"
    top = view.scroll_offset.y
    height = view.scrollable_content_region.height
    return top <= row.first_line < top + max(height, 1)


async def settle(pilot: Pilot[object]) -> None:
    await pilot.pause()
    await pilot.pause()


@app_test
async def test_escape_from_a_filter_keeps_the_cursor_in_view(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    app = make_app(write_article(tmp_path, 60))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("slash", *"Kenji", "enter")
        await pilot.press("n", "n", "n", "f")
        await settle(pilot)
        assert cursor_in_view(view)
        await pilot.press("escape")  # drops the filter
        await settle(pilot)
        assert view.cursor > 10 and cursor_in_view(view)


@app_test
async def test_growing_and_shrinking_keeps_the_cursor_in_view(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    app = make_app(write_article(tmp_path, 60))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        view.move_to(13)
        for size in [(80, 60), (80, 24), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert cursor_in_view(view), size


@app_test
async def test_random_resizes_filters_and_moves_keep_the_cursor_in_view(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    rng = random.Random(14)
    app = make_app(write_article(tmp_path, 80))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        await pilot.press("slash", *"Tom", "enter")
        steps = ["resize", "filter", "escape", "move", "page", "panel", "tag", "undo"]
        for number in range(60):
            step = rng.choice(steps)
            if step == "resize":
                await pilot.resize_terminal(*rng.choice(SIZES))
            elif step == "filter":
                if not screen.targets:
                    await pilot.press("slash", *"Tom", "enter")
                await pilot.press("f")
            elif step == "escape":
                await pilot.press("escape")
            elif step == "move":
                await pilot.press(rng.choice(["j", "k", "G", "g", "n", "N"]))
            elif step == "page":
                await pilot.press(rng.choice(["pagedown", "pageup"]))
            elif step == "panel":
                await pilot.press("p")
            elif step == "tag":
                await pilot.press("1")
            else:
                await pilot.press("u")
            await settle(pilot)
            assert reading(app) is screen
            assert cursor_in_view(view), (number, step, app.size, view.cursor)
