"""The library's list of articles, drawn with Textual's line API.

A ``DataTable`` holds a widget row per article, so filtering 10,000 articles meant clearing
it and adding every match again. This list holds no rows: it draws, line by line, the rows
on screen from :class:`~reader.reading.library_rows.RowOrder`'s list of row numbers, so a
filter letter or a new sort is a list operation and a repaint of one screen, and the Down
key repaints two lines. Each drawn line is cached until its row changes.

The first line is the header, which does not scroll: the column names, the sorted one with
an arrow. The row under the cursor is marked with ``▶`` (not by colour alone); rows are
striped like the table's were.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.reading.library_rows import SORT_KEYS, Entry, RowOrder, file_name, tail
from reader.tui.display import ascii_only, shown
from reader.tui.widgets.status import progress_bar

#: The columns: header, width (``0``: the title, which takes what the others leave), and
#: whether the values are numbers (drawn to the right).
COLUMNS: tuple[tuple[str, int, bool], ...] = (
    ("", 1, False),  # the cursor's mark
    ("Title", 0, False),
    ("Date", 10, False),
    ("Source", 11, False),
    ("Sent.", 5, True),
    ("Tagged", 10, False),
    ("Ent.", 4, True),
)
#: Every cell has one cell of padding either side.
PADDING = 1
#: The narrowest title column.
MIN_TITLE = 12
#: Cells of the progress bar in the Tagged column.
BAR = 4

Part = tuple[str, Style | None]


def fit(parts: Sequence[Part], width: int, *, right: bool = False) -> list[Segment]:
    """Styled text in exactly ``width`` cells: cut with an ellipsis, else padded (on the
    left for a number)."""
    used = sum(cell_len(text) for text, _ in parts)
    segments: list[Segment] = []
    if used > width:
        room = width - 1
        for text, style in parts:
            size = cell_len(text)
            if size > room:
                if room > 0:
                    segments.append(Segment(set_cell_size(text, room), style))
                segments.append(Segment(shown("…"), style))
                break
            segments.append(Segment(text, style))
            room -= size
        used = sum(segment.cell_length for segment in segments)
    else:
        segments = [Segment(text, style) for text, style in parts]
    padding = Segment(" " * (width - used)) if width > used else None
    if padding is not None:
        segments = [padding, *segments] if right else [*segments, padding]
    return segments


def cells(entry: Entry, bold: Style, italic: Style) -> list[tuple[Part, ...]]:
    """The text of each column of ``entry``'s row, every string through ``shown()``."""
    if entry.error:
        # The reason first (the path is in the file name, after it).
        reason = entry.error.replace(shown(entry.path), "").strip(" :") or entry.error
        sign = "! " if ascii_only() else "⚠ "
        title = (
            (sign, bold),
            (shown(reason), italic),
            (shown(" · "), None),
            (shown(file_name(entry.path)), None),
        )
        return [(), title, (), (), (), (), ()]
    tagged, body = entry.progress
    if entry.tagged is None:
        done = shown(f"…/{body}")  # the store is still being read
    elif entry.alpha is not None:
        # Several annotators: how far they agree takes the bar's place.
        alpha = f"{entry.alpha:.2f}".replace("0.", ".", 1)  # "α.82" fits the column
        done = shown(f"{tagged}/{body} α{alpha}")
    else:
        done = shown(f"{progress_bar(tagged, body, BAR)} {tagged}/{body}")
    return [
        (),
        ((shown(entry.title), None),),
        ((shown(entry.date), None),),
        ((shown(tail(entry.source, 11)), None),),
        ((str(entry.sentences), None),),
        ((done, None),),
        ((shown(entry.entities), None),),
    ]


class LibraryList(ScrollView, can_focus=False):
    """The rows of :class:`RowOrder` ``order``, a cursor, and a header that sorts.

    The screen keeps the order (filter and sort) and calls :meth:`rows_changed` when it
    changes, or :meth:`entries_changed` when entries' counts do. Keys are the screen's:
    the filter keeps the focus, and the screen calls the cursor methods.
    """

    COMPONENT_CLASSES = {
        "library-list--header",
        "library-list--cursor",
        "library-list--even-row",
        "library-list--bold",
        "library-list--italic",
    }

    DEFAULT_CSS = """
    LibraryList {
        background: $surface;
        color: $foreground;
        /* Always a scroll bar: the rows' width does not change as a filter hides them, and
           a change in their number never needs a layout (see _set_rows). */
        overflow-y: scroll;
        overflow-x: hidden;
    }
    LibraryList > .library-list--header { text-style: bold; background: $panel; }
    LibraryList:ansi > .library-list--header { background: ansi_bright_blue; color: ansi_default; }
    LibraryList > .library-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    LibraryList > .library-list--even-row { background: $surface-lighten-1 50%; }
    LibraryList:dark > .library-list--even-row { background: $surface-darken-1 40%; }
    LibraryList > .library-list--bold { text-style: bold; }
    LibraryList > .library-list--italic { text-style: italic; }
    """

    @dataclass
    class HeaderClicked(Message):
        """A column's header was clicked: sort on it."""

        column: str

    @dataclass
    class RowChosen(Message):
        """The row under the cursor was clicked again: open it."""

        entry: Entry

    def __init__(self, order: RowOrder, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.order = order
        #: The cursor's position among the rows shown.
        self.cursor = 0
        #: Each entry's drawn line, with how it was drawn (cursor, stripe, width).
        self._lines: dict[int, tuple[tuple[bool, bool, int], Strip]] = {}
        self._style_cache: dict[str, Style] | None = None

    # -- what is shown ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows are shown."""
        return len(self.order.shown)

    @property
    def selected(self) -> Entry | None:
        """The entry under the cursor."""
        shown_rows = self.order.shown
        if not shown_rows:
            return None
        return self.order.entries[shown_rows[min(self.cursor, len(shown_rows) - 1)]]

    def entry_at(self, position: int) -> Entry:
        """The entry shown at ``position``."""
        return self.order.entries[self.order.shown[position]]

    def rows_changed(self, keep: Entry | None = None) -> None:
        """The rows shown changed (filtered, sorted, more loaded): draw them again, the
        cursor on ``keep`` if it is still shown, else on the first row."""
        position = self.order.position_of(keep.number) if keep is not None else None
        self.cursor = position if position is not None else 0
        # The drawn lines stay: a row's line depends only on its entry and how it is drawn
        # (checked as it is drawn), so a letter's backspace finds the rows it hid ready.
        self._set_rows(self.row_count + 1)
        self.refresh()
        self.scroll_to_cursor()

    def _set_rows(self, lines: int) -> None:
        """Take a new number of lines without laying out the screen.

        Setting ``virtual_size`` asks for a layout of the whole screen, and the scroll bar
        that layout touches is drawn a frame later: a filter letter then reached the
        terminal in two frames. The scroll bar is always there (``overflow-y: scroll``),
        so the list's size never changes with its rows: its bar is told the new height,
        the scroll offset clamped, and both are drawn in this frame.
        """
        size = Size(self.scrollable_content_region.width, lines)
        if size == self.virtual_size:
            return
        self.set_reactive(LibraryList.virtual_size, size)
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            bar.window_virtual_size = lines
            bar.window_size = self.scrollable_content_region.height
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def entries_changed(self, numbers: Iterable[int]) -> None:
        """The counts of the entries numbered ``numbers`` changed: draw again those of
        their rows that are on screen. A batch of counts from the loading thread holds
        thousands: this looks at the screen once, not once per entry."""
        lines = self._lines
        changed = set()
        for number in numbers:
            lines.pop(number, None)
            changed.add(number)
        top = self.scroll_offset.y
        on_screen = self.order.shown[top : top + max(self.size.height - 1, 0)]
        for line, number in enumerate(on_screen, 1):
            if number in changed:
                self.refresh_line(line)

    # -- the cursor ------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def move_cursor(self, position: int) -> None:
        """Put the cursor on the row at ``position`` (clamped)."""
        position = max(0, min(position, self.row_count - 1))
        if position == self.cursor:
            return
        before, self.cursor = self.cursor, position
        top = self.scroll_offset.y
        for row in (before, position):
            if top <= row < top + self._page:
                self.refresh_line(row - top + 1)
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll so that the cursor's row is on screen."""
        top, page = self.scroll_offset.y, self._page
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        """A page down."""
        self.move_cursor(self.cursor + self._page)

    def action_page_up(self) -> None:
        """A page up."""
        self.move_cursor(self.cursor - self._page)

    def on_click(self, event: events.Click) -> None:
        """The header sorts; a row takes the cursor, and a second click opens it."""
        if event.y == 0:
            column = self._column_at(event.x)
            if column:
                self.post_message(self.HeaderClicked(column))
            return
        position = self.scroll_offset.y + event.y - 1
        if 0 <= position < self.row_count:
            if position == self.cursor:
                self.post_message(self.RowChosen(self.entry_at(position)))
            else:
                self.move_cursor(position)

    # -- drawing ---------------------------------------------------------------------

    def widths(self) -> list[int]:
        """Each column's width at the list's width (the title takes what is left)."""
        width = self.scrollable_content_region.width
        others = sum(w for _, w, _ in COLUMNS) + 2 * PADDING * len(COLUMNS)
        title = max(width - others, MIN_TITLE)
        return [w or title for _, w, _ in COLUMNS]

    def _column_at(self, x: int) -> str:
        right = 0
        for (name, _, _), width in zip(COLUMNS, self.widths(), strict=True):
            right += width + 2 * PADDING
            if x < right:
                return name
        return ""

    def headers(self) -> list[str]:
        """The header's labels: the sorted column's with an arrow."""
        arrow = shown("▼" if self.order.reverse else "▲")
        labels = [name for name, _, _ in COLUMNS]
        for position, (name, key) in enumerate(zip(labels[1:], SORT_KEYS, strict=True), 1):
            if key == self.order.column:
                labels[position] = f"{name} {arrow}"
        return labels

    def row_text(self, position: int) -> list[str]:
        """The text of each column of the row at ``position``, the mark first (for tests
        and the screen reader's sake: what the line shows, unpadded)."""
        styles = self._styles()
        parts = cells(self.entry_at(position), styles["bold"], styles["italic"])
        mark = shown("▶") if position == self.cursor else " "
        return [mark, *("".join(text for text, _ in cell) for cell in parts[1:])]

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: lines must be drawn again."""
        super().notify_style_update()
        self._style_cache = None
        self._lines.clear()

    def on_resize(self) -> None:
        """A new width: new title width, every line drawn again."""
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count + 1)
        self.scroll_to_cursor()

    def _styles(self) -> dict[str, Style]:
        # Resolving a style walks the CSS, and render_line runs for every line drawn.
        if self._style_cache is None:
            base = self.rich_style
            styles = {"base": base}
            for name in ("header", "cursor", "even-row", "bold", "italic"):
                styles[name] = self.get_component_rich_style(f"library-list--{name}", partial=True)
            styles["header"] = base + styles["header"]
            styles["cursor"] = base + styles["cursor"]
            styles["even-row"] = base + styles["even-row"]
            self._style_cache = styles
        return self._style_cache

    def render_line(self, y: int) -> Strip:
        """Draw one line: the header, a row, or blank."""
        styles = self._styles()
        width = self.scrollable_content_region.width
        if y == 0:
            return self._line(
                [((label, None),) for label in self.headers()], styles["header"], width
            )
        position = self.scroll_offset.y + y - 1
        if not 0 <= position < self.row_count:
            return Strip.blank(width, styles["base"])
        number = self.order.shown[position]
        current = position == self.cursor
        even = position % 2 == 0
        how = (current, even, width)
        cached = self._lines.get(number)
        if cached is not None and cached[0] == how:
            return cached[1]
        if len(self._lines) > 4096:  # a long scroll: keep the cache small
            self._lines.clear()
        entry = self.order.entries[number]
        parts = cells(entry, styles["bold"], styles["italic"])
        parts[0] = ((shown("▶") if current else " ", None),)
        style = styles["cursor"] if current else styles["even-row" if even else "base"]
        strip = self._line(parts, style, width)
        self._lines[number] = (how, strip)
        return strip

    def _line(self, parts: Sequence[tuple[Part, ...]], style: Style, width: int) -> Strip:
        pad = Segment(" " * PADDING)
        segments: list[Segment] = []
        for cell, (_, _, right), size in zip(parts, COLUMNS, self.widths(), strict=True):
            segments.append(pad)
            segments += fit(cell, size, right=right)
            segments.append(pad)
        line = list(Segment.apply_style(segments, style))
        # One segment per run of one style: the terminal is sent a style per segment, and
        # a row of 21 cells and paddings was 700 bytes a line where 150 draw the same.
        return Strip(line).adjust_cell_length(width, style).simplify()
