"""Every text cell of every theme reads: WCAG AA, a contrast of at least 4.5:1 between the
colour of the text and its background.

Each test runs the app once, at 80x24 or wide, and goes through every theme the app offers
(``ctrl+t``: ``App.available_themes``, the ANSI ones and the default among them). For each
widget on screen it takes the lines Textual would send to the terminal
(``Widget.render_lines`` over the widget's visible region, line filters applied) and checks
each cell of text:

- reversed text swaps its colours;
- dim text: in a truecolour theme, Textual has already blended it into its colour (its
  ANSI-to-truecolour filter); in an ANSI theme the terminal dims it, taken here as Textual's
  own blend (two thirds of the way from the background to the colour);
- ANSI colours are xterm's standard palette, and the terminal's default colours are those
  the theme assumes (its ``ansi-foreground`` and ``ansi-background`` variables).

The WCAG formula and xterm's palette are written out here again rather than imported from
``reader.tui.contrast``, so that the check does not share a mistake with what it checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from app_support import app_test, build_app, wait_for
from rich.color import Color, ColorType
from rich.style import Style
from textual.app import App
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.widget import Widget

from reader.analysis import Analyser
from reader.store import Store
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen

AA = 4.5
DIM = 0.66
XTERM = (
    "000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
    "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff",
)  # fmt: skip
RGB = tuple[float, float, float]


def graphic(character: str) -> bool:
    """Box drawing and block elements (U+2500-U+259F) are not text: borders, scroll and
    progress bars, the footer's separators (``▏``), the gutter's continuation mark. WCAG
    asks 3:1 of such graphics, not 4.5:1; and the text beside them says what they show
    (the progress bar's ``3/12``)."""
    return "\u2500" <= character <= "\u259f"


def luminance(rgb: RGB) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def hex_of(rgb: RGB) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in rgb)


@dataclass(frozen=True)
class Terminal:
    """How the terminal shows a theme's colours."""

    ansi: bool
    foreground: RGB
    background: RGB

    @classmethod
    def of(cls, app: App[Any]) -> Terminal:
        theme = app.current_theme
        if not theme.ansi:
            # Every colour of a truecolour theme is a triplet by the time it is drawn.
            return cls(False, (255, 255, 255), (0, 0, 0))
        index = {"ansi_white": 7, "ansi_black": 0}
        foreground = index[theme.variables.get("ansi-foreground", "ansi_white")]
        background = index[theme.variables.get("ansi-background", "ansi_black")]
        return cls(True, hex_rgb(XTERM[foreground]), hex_rgb(XTERM[background]))

    def rgb(self, colour: Color | None, *, foreground: bool) -> RGB:
        if colour is None or colour.type == ColorType.DEFAULT:
            return self.foreground if foreground else self.background
        if colour.triplet is not None:
            return tuple(colour.triplet)  # type: ignore[return-value]
        assert colour.number is not None
        if colour.number < 16:
            return hex_rgb(XTERM[colour.number])
        return tuple(colour.get_truecolor())  # type: ignore[return-value]

    def pair(self, style: Style | None) -> tuple[RGB, RGB]:
        """The text's colour and its background as the terminal shows them."""
        style = style or Style()
        fg = self.rgb(style.color, foreground=True)
        bg = self.rgb(style.bgcolor, foreground=False)
        if style.reverse:
            fg, bg = bg, fg
        if style.dim:
            fg = (bg[0] + (fg[0] - bg[0]) * DIM, bg[1] + (fg[1] - bg[1]) * DIM,
                  bg[2] + (fg[2] - bg[2]) * DIM)  # fmt: skip
        return fg, bg


def widget_name(widget: Widget) -> str:
    return type(widget).__name__ + (f"#{widget.id}" if widget.id else "")


def poor_pairs(app: App[Any]) -> Iterator[str]:
    """Every run of text on screen whose contrast is under 4.5:1, described."""
    terminal = Terminal.of(app)
    screen = app.screen
    for widget in [screen, *screen.walk_children()]:
        try:
            where = screen.find_widget(widget)
        except NoWidget:
            continue  # not on screen
        visible = where.region.intersection(where.clip)
        if not visible:
            continue
        crop = visible.translate(-where.region.offset)
        for y, strip in enumerate(widget.render_lines(crop)):
            for segment in strip:
                text = "".join(c for c in segment.text if not c.isspace() and not graphic(c))
                if not text or segment.control:
                    continue
                fg, bg = terminal.pair(segment.style)
                contrast = ratio(fg, bg)
                if contrast < AA:
                    yield (
                        f"{widget_name(widget)} line {crop.y + y}: {text[:30]!r} "
                        f"{hex_of(fg)} on {hex_of(bg)} = {contrast:.2f}:1"
                    )


async def check_every_theme(pilot: Pilot[Any]) -> None:
    """Go through every theme; fail with every poor pair of every theme."""
    app = pilot.app
    themes = sorted(app.available_themes)
    assert {"textual-dark", "ansi-dark", "ansi-light"} <= set(themes)
    failures: list[str] = []
    for theme in themes:
        app.theme = theme
        app.clear_notifications()
        await pilot.pause()
        await pilot.pause()
        seen: set[str] = set()
        for line in poor_pairs(app):
            if line not in seen:
                seen.add(line)
                failures.append(f"{theme}: {line}")
    assert not failures, "text under 4.5:1:\n" + "\n".join(failures)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def reading_ready(pilot: Pilot[Any]) -> ReadingScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReadingScreen))
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    await wait_for(pilot, lambda: screen.analysis is not None)
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 32)], ids=["80x24", "wide"])
@app_test
async def test_the_reader_reads_in_every_theme(
    here: Path, sample_path: Path, analyser: Analyser, size: tuple[int, int]
) -> None:
    """Tags of every label, a suggestion, the current sentence among entities, the status
    line and footer; then the entity panel focused, an entity selected with its details."""
    app = build_app(sample_path, store=Store(Path("store")), analyser=analyser)
    async with app.run_test(size=size) as pilot:
        await reading_ready(pilot)
        await pilot.press("1", "2", "3", "j")
        await check_every_theme(pilot)
        await pilot.press("e", "down")
        await check_every_theme(pilot)


@app_test
async def test_the_library_reads_in_every_theme(
    here: Path, sample_path: Path, analyser: Analyser
) -> None:
    """The library's list, its selected row, the filter and the footer."""
    folder = here / "articles"
    folder.mkdir()
    (folder / sample_path.name).write_bytes(sample_path.read_bytes())
    app = build_app(folder, store=Store(Path("store")), analyser=analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        progress = app.screen.query_one("#library-progress")
        await wait_for(pilot, lambda: not progress.display)
        await pilot.pause()
        await check_every_theme(pilot)
