"""The reading screen's first resume does not restyle it (ReadingScreen.post_message, issue
15): what its mounting styled is what a restyle gives, at every breakpoint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_support import app_test

from reader.tui.app import ReaderApp

from .conftest import entities_ready


def styles_of(app: ReaderApp) -> list[tuple[str, object, object]]:
    """Every widget's styles and its component classes' styles on the current screen."""
    found: list[tuple[str, object, object]] = []
    for widget in app.screen.walk_children(with_self=True):
        components = {name: styles.get_rules() for name, styles in widget._component_styles.items()}
        found.append((repr(widget), widget.styles.get_rules(), components))
    return found


@pytest.mark.parametrize("size", [(80, 24), (120, 32), (60, 16)])
@app_test
async def test_the_first_screen_is_styled_once_and_as_a_restyle_would(
    make_app: Callable[..., ReaderApp], sample_path: Path, size: tuple[int, int]
) -> None:
    # The reading screen's first resume does not restyle it (ReadingScreen.post_message):
    # what its mounting styled must be what a restyle gives.
    app = make_app(sample_path)
    async with app.run_test(size=size) as pilot:
        await entities_ready(pilot)
        mounted = styles_of(app)
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        assert styles_of(app) == mounted
