"""The library's filter: a one-line text field that never asks for a layout.

Textual's ``Input`` is a scrolling view: every value it takes sets its virtual size, which
lays out the whole screen, and the scroll bars that layout touches are drawn a frame
later, so a letter reached the terminal in two or three frames about 30 ms apart. This
field is a line-API widget of a fixed height that keeps its own value and cursor: a
letter repaints its one line, and the list it filters repaints its rows, in the same
frame.

It edits the real text and draws every character through
:func:`~reader.tui.display.shown` (one character for one), so a pasted control or bidi
character filters as itself and reaches the screen inert. Enter and Escape are not its
keys: they go to the screen's bindings (open the article, clear the filter).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from reader.tui.display import shown

#: Seconds between the cursor's blinks (Textual's Input blinks as often).
BLINK = 0.5
#: The key that shows the help, never typed: titles are found without it.
HELP_CHARACTER = "?"


class FilterBar(Widget, can_focus=True):
    """A text field of one line whose value is the real text, drawn inertly.

    Args:
        changed: Called with the new value, in the key's own turn, whenever it changes:
            through a message, the letter was drawn a frame before what it filters.
        placeholder: Shown while the value is empty (drawn through ``shown()``).
        id: The widget's id.
    """

    BINDINGS = [
        Binding("left", "cursor_left", "Left", show=False),
        Binding("right", "cursor_right", "Right", show=False),
        Binding("home,ctrl+a", "home", "Home", show=False),
        Binding("end,ctrl+e", "end", "End", show=False),
        Binding("backspace", "delete_left", "Delete left", show=False),
        Binding("delete,ctrl+d", "delete_right", "Delete right", show=False),
        Binding("ctrl+w", "delete_left_word", "Delete word left", show=False),
        Binding("ctrl+u", "delete_left_all", "Delete to start", show=False),
        Binding("ctrl+k", "delete_right_all", "Delete to end", show=False),
    ]

    COMPONENT_CLASSES = {"filter-bar--cursor", "filter-bar--placeholder"}

    # The look of Textual's Input, so that the field looks as every other field does.
    DEFAULT_CSS = """
    FilterBar {
        background: $surface;
        color: $foreground;
        padding: 0 2;
        border: tall $border-blurred;
        width: 100%;
        height: 3;
        pointer: text;
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
        }
        & > .filter-bar--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .filter-bar--placeholder {
            color: $text-disabled;
        }
        &:ansi {
            background: ansi_default;
            color: ansi_default;
            & > .filter-bar--cursor {
                background: ansi_white;
                color: ansi_black;
            }
            & > .filter-bar--placeholder {
                text-style: dim;
                color: ansi_default;
            }
        }
    }
    """

    def __init__(self, changed: Callable[[str], object], placeholder: str, id: str) -> None:
        super().__init__(id=id)
        self._changed = changed
        self.placeholder = placeholder
        self._value = ""
        #: The cursor's position in the value (characters, not cells).
        self.cursor_position = 0
        #: Whether the cursor blinks (tests and snapshots turn it off).
        self.cursor_blink = True
        self._cursor_visible = True
        self._blink: Timer | None = None

    # -- the value -------------------------------------------------------------------

    @property
    def value(self) -> str:
        """The text typed: the real characters, never their stand-ins."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        self._edit(value, len(value))

    def _edit(self, value: str, cursor: int) -> None:
        """Take ``value`` with the cursor at ``cursor``; repaint this one line only."""
        changed = value != self._value
        self._value = value
        self._move(cursor)
        if changed:
            self._changed(value)

    def _move(self, cursor: int) -> None:
        self.cursor_position = max(0, min(cursor, len(self._value)))
        self._show_cursor()
        self.refresh()  # a repaint, never a layout: the field's size never changes
        if self.has_focus:
            self.app.cursor_position = self._cursor_screen_offset()

    def insert(self, text: str) -> None:
        """Type ``text`` at the cursor."""
        at = self.cursor_position
        self._edit(self._value[:at] + text + self._value[at:], at + len(text))

    # -- keys ------------------------------------------------------------------------

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Printable keys are typed, so no binding takes them, but ``?``, the help's."""
        return character is not None and character.isprintable() and character != "?"

    async def _on_key(self, event: events.Key) -> None:
        # "?" goes on to the app's binding, as the footer says; other printable keys type.
        character = event.character
        if event.is_printable and character is not None and character != HELP_CHARACTER:
            event.stop()
            event.prevent_default()
            self.insert(character)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste types its first line."""
        event.stop()
        if event.text:
            lines = event.text.splitlines()
            if lines:
                self.insert(lines[0])

    def action_cursor_left(self) -> None:
        """One character left."""
        self._move(self.cursor_position - 1)

    def action_cursor_right(self) -> None:
        """One character right."""
        self._move(self.cursor_position + 1)

    def action_home(self) -> None:
        """To the start."""
        self._move(0)

    def action_end(self) -> None:
        """To the end."""
        self._move(len(self._value))

    def action_delete_left(self) -> None:
        """Delete the character before the cursor."""
        at = self.cursor_position
        if at:
            self._edit(self._value[: at - 1] + self._value[at:], at - 1)

    def action_delete_right(self) -> None:
        """Delete the character under the cursor."""
        at = self.cursor_position
        self._edit(self._value[:at] + self._value[at + 1 :], at)

    def action_delete_left_word(self) -> None:
        """Delete the word before the cursor (and the spaces after it)."""
        at = self.cursor_position
        start = len(self._value[:at].rstrip())
        start = self._value.rfind(" ", 0, start) + 1
        self._edit(self._value[:start] + self._value[at:], start)

    def action_delete_left_all(self) -> None:
        """Delete everything before the cursor."""
        self._edit(self._value[self.cursor_position :], 0)

    def action_delete_right_all(self) -> None:
        """Delete everything from the cursor on."""
        self._edit(self._value[: self.cursor_position], self.cursor_position)

    # -- the cursor's blink ----------------------------------------------------------

    def on_mount(self) -> None:
        """Start the blink, paused until the field has the focus."""
        self._blink = self.set_interval(BLINK, self._toggle_cursor, pause=True)

    def on_focus(self) -> None:
        """Show the cursor, blinking; put the terminal's cursor there (input methods)."""
        self._show_cursor()
        self.app.cursor_position = self._cursor_screen_offset()

    def on_blur(self) -> None:
        """No cursor without the focus."""
        if self._blink is not None:
            self._blink.pause()

    def _show_cursor(self) -> None:
        # A key shows the cursor and starts its blink again, as Input does.
        self._cursor_visible = True
        if self._blink is not None:
            if self.cursor_blink and self.has_focus:
                self._blink.reset()
                self._blink.resume()
            else:
                self._blink.pause()

    def _toggle_cursor(self) -> None:
        if not self.cursor_blink:
            self._cursor_visible = True
            if self._blink is not None:
                self._blink.pause()
        elif self.screen.is_active:
            self._cursor_visible = not self._cursor_visible
        else:
            self._cursor_visible = True
        self.refresh()

    def _cursor_screen_offset(self) -> Offset:
        x, y, width, _ = self.content_region
        return Offset(x + self._cursor_cell() - self._view_start(width), y)

    # -- drawing ---------------------------------------------------------------------

    def _cursor_cell(self) -> int:
        return cell_len(shown(self._value[: self.cursor_position]))

    def _view_start(self, width: int) -> int:
        """The first cell shown: the value scrolls left only as far as the cursor needs."""
        return max(0, self._cursor_cell() + 1 - width)

    def render_line(self, y: int) -> Strip:
        """The value (or the placeholder) and the cursor, every character through
        ``shown()``."""
        base = self.rich_style
        width = self.content_size.width
        if y != 0 or width <= 0:
            return Strip.blank(max(width, 0), base)
        cursor_style = self.get_component_rich_style("filter-bar--cursor")
        focused = self.has_focus and self._cursor_visible
        if not self._value:
            placeholder = shown(self.placeholder)
            muted = self.get_component_rich_style("filter-bar--placeholder")
            segments = self._with_cursor(placeholder or " ", 0, muted, cursor_style, focused)
            if not placeholder and not focused:
                segments = []
            return Strip(segments).adjust_cell_length(width).apply_style(base)
        text = shown(self._value)
        segments = self._with_cursor(text + " ", self.cursor_position, None, cursor_style, focused)
        start = self._view_start(width)
        strip = Strip(segments)
        if start:
            strip = strip.crop(start, start + width)
        return strip.adjust_cell_length(width).apply_style(base)

    @staticmethod
    def _with_cursor(
        text: str, at: int, style: Style | None, cursor: Style, show: bool
    ) -> list[Segment]:
        """``text`` in ``style``, the character at ``at`` in the cursor's style if shown."""
        if not show:
            return [Segment(text, style)]
        cursor_style = style + cursor if style is not None else cursor
        parts = [
            Segment(text[:at], style),
            Segment(text[at : at + 1], cursor_style),
            Segment(text[at + 1 :], style),
        ]
        return [part for part in parts if part.text]
