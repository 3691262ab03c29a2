"""An input field that edits the real text and draws it inertly.

Textual's ``Input`` draws its value and its completion as they are: a file name with an
OSC sequence, or an entity name with a bidi override offered as a completion, would reach
the terminal. Pre-filling the field with the stand-ins instead (``␤``, ``�``) would save
them over the real text on Enter. :class:`SafeInput` keeps the real value and draws every
character through :func:`~reader.tui.display.shown`, one character for one, so the cursor
stays where it belongs.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from reader.tui.display import shown


class SafeInput(Input):
    """An ``Input`` whose value, completion and placeholder are drawn through the app's
    one display filter; its ``value`` is the real text."""

    @property
    def _value(self) -> Text:
        """The value as drawn (the stand-ins, never the raw characters)."""
        if self.password:
            return Text("•" * len(self.value), no_wrap=True, overflow="ignore", end="")
        return Text(shown(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        """Where the character at ``position`` is drawn (the stand-ins' widths)."""
        return cell_len(shown(self.value[:position]))

    def render_line(self, y: int) -> Strip:
        """Input's line, with every segment (the completion too) made inert."""
        strip = super().render_line(y)
        width = strip.cell_length
        segments = [
            Segment(shown(text), style, control) if not control else Segment("", style)
            for text, style, control in strip
        ]
        return Strip(segments).adjust_cell_length(width)
