"""Colours that read in every theme: text meets WCAG AA (4.5:1) against its background.

Textual's themes give colours that look right but do not all read: a muted foreground, an
accent on a panel, the theme's text colours on a cursor of ``$primary``. From the theme's own
colours, :func:`legible_variables` derives the ``$reader-*`` CSS variables the app styles
itself with (see ``app.tcss``), each moved towards black or white only as far as it takes to
reach 4.5:1 against every background it is drawn on, and dim text (which Textual blends
towards the background) still reaching it. It also gives Textual's footer variables legible
values. ``tests/tui/test_contrast.py`` checks every text cell of every theme.

A theme of ANSI colours (``ansi-dark``, ``ansi-light``) leaves the colours to the terminal:
they are judged in xterm's standard palette, the terminal's own foreground and background
being those the theme assumes (its ``ansi-foreground`` and ``ansi-background``), and a colour
that does not read is replaced by another ANSI colour that does (its bright or normal twin,
else the foreground).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.color import Color as RichColor
from rich.color import ColorParseError as RichColorParseError
from textual.color import Color, ColorParseError

#: WCAG 2 level AA for normal text.
AA = 4.5
#: How much of its colour dim text keeps: Textual blends dim text this far from the
#: background to the colour (``textual.filter.DIM_FACTOR``); most terminals dim about as much.
DIM = 0.66
#: The 16 ANSI colours as xterm draws them (its default palette).
XTERM = (
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
)  # fmt: skip
ANSI_NAMES = (
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright_black", "bright_red", "bright_green", "bright_yellow",
    "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
)  # fmt: skip
WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black, 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour.rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dimmed(colour: Color, background: Color) -> Color:
    """``colour`` as dim text on ``background`` (blended as Textual does)."""
    return background.blend(colour, DIM)


def xterm(index: int) -> Color:
    """ANSI colour ``index`` (0-15) as xterm draws it."""
    return Color.parse(XTERM[index])


def ink(background: Color) -> Color:
    """Black or white, whichever reads better on ``background`` (always at least 4.58:1)."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


class Palette:
    """A theme's colours, resolved to what the screen shows.

    Args:
        variables: The theme's CSS variables (``App.get_css_variables``).
        ansi: Whether the theme uses the terminal's ANSI colours.
    """

    def __init__(self, variables: Mapping[str, str], *, ansi: bool) -> None:
        self.variables = variables
        self.ansi = ansi
        if ansi:
            self.default_fg = self._ansi(variables.get("ansi-foreground", ""), xterm(7))
            self.default_bg = self._ansi(variables.get("ansi-background", ""), xterm(0))
        else:
            self.default_fg, self.default_bg = WHITE, BLACK
        self.background = self.solid("background", self.default_bg)
        self.surface = self.solid("surface", self.background)
        self.panel = self.solid("panel", self.surface)

    def _ansi(self, value: str, default: Color) -> Color:
        try:
            colour = Color.parse(value)
        except ColorParseError:
            return default
        return self.real(colour) if colour.ansi is not None and colour.ansi >= 0 else default

    def real(self, colour: Color, *, foreground: bool = True) -> Color:
        """The colour the screen shows for ``colour`` (ANSI colours as xterm's)."""
        if colour.ansi is None:
            return colour
        if colour.ansi < 0:
            return self.default_fg if foreground else self.default_bg
        return xterm(colour.ansi)

    def solid(self, name: str, under: Color, *, foreground: bool = False) -> Color:
        """Variable ``name`` as an opaque colour (a translucent one laid on ``under``)."""
        value = self.variables.get(name, "transparent").strip()
        alpha = 1.0
        if value.endswith("%") and " " in value:
            value, percent = value.rsplit(" ", 1)
            alpha = float(percent[:-1]) / 100
        try:
            colour = Color.parse(value)
        except ColorParseError:  # "auto" and the like: Textual picks a contrasting colour
            return under
        if colour.ansi is not None:
            # The terminal draws an ANSI colour as it is: no blending.
            return self.real(colour, foreground=foreground) if colour.a else under
        colour = colour.multiply_alpha(alpha)
        return under.blend(colour.with_alpha(1), colour.a) if colour.a < 1 else colour

    def shown(self, value: str) -> Color:
        """What the screen shows for a colour that :meth:`legible` returned."""
        return self.real(Color.parse(value))

    def legible(
        self,
        name: str,
        backgrounds: Sequence[Color],
        *,
        dim_on: Sequence[Color] = (),
    ) -> str:
        """Variable ``name``, changed as little as it takes to read on every background
        (and, dim, on those of ``dim_on``), as a CSS colour."""
        value = self.variables.get(name, "")
        base = self.solid(name, self.surface, foreground=True)

        def worst(colour: Color) -> float:
            plain = (contrast(colour, bg) for bg in backgrounds)
            dim = (contrast(dimmed(colour, bg), bg) for bg in dim_on)
            return min((*plain, *dim), default=21.0)

        if self.ansi:
            return self._legible_ansi(value, worst)
        target = max((WHITE, BLACK), key=worst)
        for step in range(21):
            colour = base.blend(target, step / 20)
            if worst(colour) >= AA:
                return colour.hex
        return target.hex

    def _legible_ansi(self, value: str, worst: Callable[[Color], float]) -> str:
        candidates: list[str] = []
        try:
            colour = Color.parse(value.split(" ")[0])
        except ColorParseError:
            colour = Color.parse("ansi_default")
        if colour.ansi is not None and colour.ansi >= 0:
            index = colour.ansi
            candidates += [ANSI_NAMES[index], ANSI_NAMES[index ^ 8]]
        candidates += ["default", "bright_white", "black"]
        for candidate in candidates:
            if worst(self.real(Color.parse(f"ansi_{candidate}"))) >= AA:
                return f"ansi_{candidate}"
        best = max(candidates, key=lambda c: worst(self.real(Color.parse(f"ansi_{c}"))))
        return f"ansi_{best}"

    def bar(self, text: Color) -> tuple[str, Color]:
        """The status line's background: ``$panel``, or nearer the surface if dim
        ``text`` (the store's path) does not read on the panel."""
        if self.ansi:
            return self.variables.get("panel", "transparent"), self.panel
        for step in range(21):
            colour = self.panel.blend(self.surface, step / 20)
            if contrast(dimmed(text, colour), colour) >= AA:
                return colour.hex, colour
        return self.surface.hex, self.surface

    def cursor(self, text: Color, strength: float) -> tuple[str, Color]:
        """The current sentence's background: ``$primary`` over the surface, as strong
        as ``strength`` allows while ``text``, even dim, still reads on it."""

        def reads(colour: Color) -> bool:
            return contrast(dimmed(text, colour), colour) >= AA

        if self.ansi:
            for name in ("primary", "secondary", "accent"):
                colour = self.solid(name, self.surface)
                if reads(colour):
                    return self.variables[name], colour
            return "ansi_default", self.surface
        primary = self.solid("primary", self.surface)
        for step in range(round(strength * 20), -1, -1):
            colour = self.surface.blend(primary, step / 20)
            if reads(colour):
                return colour.hex, colour
        return self.surface.hex, self.surface


def legible_variables(variables: Mapping[str, str], *, ansi: bool) -> dict[str, str]:
    """The ``$reader-*`` variables for a theme, and Textual's cursor and footer colours
    made legible.

    Args:
        variables: The theme's CSS variables.
        ansi: Whether the theme uses the terminal's ANSI colours.
    """
    palette = Palette(variables, ansi=ansi)
    grounds = [palette.surface, palette.panel, palette.background]
    if not ansi:
        # A focused list or table tints its background with 5% of the foreground.
        grounds.append(palette.surface.blend(palette.solid("foreground", WHITE), 0.05))
    text = palette.legible("foreground", grounds, dim_on=[g for g in grounds if g != palette.panel])
    text_colour = palette.shown(text)
    bar, bar_colour = palette.bar(text_colour)
    grounds.append(bar_colour)
    cursor, cursor_colour = palette.cursor(text_colour, 0.40)
    blurred, blurred_colour = palette.cursor(text_colour, 0.25)
    around = [*grounds, cursor_colour, blurred_colour]
    footer = palette.solid("footer-background", palette.panel)
    derived = {
        "reader-text": text,
        "reader-bar": bar,
        "reader-cursor": cursor,
        "reader-cursor-blurred": blurred,
        "reader-muted": palette.legible("foreground-muted", around),
        "reader-person": palette.legible("text-accent", around),
        "reader-organisation": palette.legible("text-primary", around),
        "reader-place": palette.legible("text-success", around),
        "reader-accent": palette.legible("accent", around),
        "reader-error": palette.legible("text-error", grounds),
        # Textual's own cursors (lists, tables, the palette) as the current sentence's.
        "block-cursor-foreground": text,
        "block-cursor-background": cursor,
        "block-cursor-blurred-foreground": text,
        "block-cursor-blurred-background": blurred,
        "footer-key-foreground": palette.legible("footer-key-foreground", [footer]),
        "footer-description-foreground": palette.legible("footer-description-foreground", [footer]),
    }
    return derived


def label_ink(colour: str) -> str:
    """Black or white for a label's letter drawn on the label's colour (a name or
    ``#rrggbb``): at least 4.58:1 whatever the colour. A named ANSI colour is judged as
    xterm draws it; a colour Rich does not know gets white."""
    try:
        parsed = RichColor.parse(colour)
    except RichColorParseError:
        return "#ffffff"
    if parsed.triplet is not None:
        background = Color(*parsed.triplet)
    elif parsed.number is not None and parsed.number < 16:
        background = xterm(parsed.number)
    else:
        background = Color(*parsed.get_truecolor())
    return ink(background).hex
