"""A remembered theme is the app's before it runs, so that the first frame is styled in it
(set once the app runs, Textual would parse and style everything again before the first
frame)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app_support import app_test
from textual.color import Color

from reader.config import save_settings
from reader.tui.app import ReaderApp

from .conftest import ready


@app_test
async def test_the_remembered_theme_styles_the_first_screen(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    save_settings({"theme": "gruvbox"})
    app = make_app(sample_path, remember=True)
    assert app.theme == "gruvbox"  # before it runs
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert app.theme == "gruvbox"
        background = app.current_theme.background
        assert background is not None
        assert screen.styles.background == Color.parse(background)


@app_test
async def test_an_unknown_remembered_theme_is_ignored(
    make_app: Callable[..., ReaderApp], sample_path: Path
) -> None:
    save_settings({"theme": "no-such-theme"})
    app = make_app(sample_path, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.theme != "no-such-theme"
