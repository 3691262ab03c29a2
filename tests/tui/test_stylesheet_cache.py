"""The parsed stylesheet is kept in the cache folder between runs (issue 15): a second start
parses no CSS and draws the same screen; another theme, an unreadable file or another
version of the file parse as before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from app_support import app_test

from reader.tui.app import ReaderApp
from reader.tui.stylesheet_cache import CachedStylesheet, supported

from .conftest import entities_ready


async def first_screen(app: ReaderApp) -> tuple[str, int]:
    """The first screen's picture, and how many CSS sources were parsed to draw it; the
    cache file is written when the app ends."""
    async with app.run_test(size=(80, 24)) as pilot:
        await entities_ready(pilot)
        await pilot.pause()
        stylesheet = app.stylesheet
        assert isinstance(stylesheet, CachedStylesheet)
        return app.export_screenshot(), stylesheet.parsed


@app_test
async def test_a_second_start_parses_no_css_and_draws_the_same(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache" / "stylesheet.pickle"
    first, parsed = await first_screen(make_app(sample_path, stylesheet_cache=cache))
    assert parsed > 5 and cache.is_file()  # app.tcss and the widgets' DEFAULT_CSS
    written = cache.stat().st_mtime_ns
    second, parsed = await first_screen(make_app(sample_path, stylesheet_cache=cache))
    assert parsed == 0
    assert second == first
    assert cache.stat().st_mtime_ns == written  # nothing new: not written again


@app_test
async def test_another_theme_is_parsed_and_kept_instead(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "stylesheet.pickle"
    await first_screen(make_app(sample_path, stylesheet_cache=cache))
    app = make_app(sample_path, stylesheet_cache=cache)
    app.theme = "gruvbox"
    async with app.run_test(size=(80, 24)) as pilot:
        await entities_ready(pilot)
        await pilot.pause()
        assert isinstance(app.stylesheet, CachedStylesheet) and app.stylesheet.parsed > 5
        themed = app.export_screenshot()
    plain = make_app(sample_path)  # no cache: Textual's own stylesheet
    plain.theme = "gruvbox"
    async with plain.run_test(size=(80, 24)) as pilot:
        await entities_ready(pilot)
        await pilot.pause()
        assert plain.export_screenshot() == themed


@app_test
async def test_an_unreadable_cache_is_parsed_again_and_replaced(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "stylesheet.pickle"
    cache.write_bytes(b"\x80\x05not a pickle")
    picture, parsed = await first_screen(make_app(sample_path, stylesheet_cache=cache))
    assert parsed > 5
    again, parsed = await first_screen(make_app(sample_path, stylesheet_cache=cache))
    assert parsed == 0 and again == picture


@app_test
async def test_a_second_start_derives_no_legible_colours_and_has_the_same(
    make_app: Callable[..., ReaderApp], sample_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "stylesheet.pickle"
    first = make_app(sample_path, stylesheet_cache=cache)
    await first_screen(first)
    second = make_app(sample_path, stylesheet_cache=cache)
    await first_screen(second)
    assert second._style_cache is not None and second._style_cache.derived == 0
    plain = make_app(sample_path)  # derives them
    assert second.get_css_variables() == plain.get_css_variables()
    assert second.stylesheet._variables == plain.get_css_variables()


def test_another_textual_stylesheet_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Textual whose private ``_parse_rules`` takes other parameters (a later release)
    is not overridden: the app parses its CSS uncached rather than fail at start."""
    from textual.css.stylesheet import Stylesheet

    assert supported()

    def parse_rules(self: Stylesheet, css: str, read_from: object, *, strict: bool) -> list[Any]:
        return []

    monkeypatch.setattr(Stylesheet, "_parse_rules", parse_rules)
    assert not supported()
