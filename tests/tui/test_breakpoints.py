"""A screen starts with the breakpoint classes of the terminal's size (so that Textual's
first Resize finds nothing to change and the screen is not styled a second time before
its first paint), and still follows the terminal when it is resized."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app_support import app_test
from textual.screen import Screen

from reader.tui.app import ReaderApp

from .conftest import ready


@app_test
async def test_the_first_screen_is_built_with_its_breakpoints(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    app = make_app(sample_path)
    built: list[set[str]] = []
    default_screen = app.get_default_screen

    def recording() -> Screen[Any]:
        screen = default_screen()
        built.append(set(screen.classes))
        return screen

    app.get_default_screen = recording  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert built == [{"-narrow", "-medium"}]
        assert {"-narrow", "-medium"} <= set(screen.classes)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert {"-wide", "-tall"} <= set(screen.classes)
        assert not {"-narrow", "-medium", "-short"} & set(screen.classes)
