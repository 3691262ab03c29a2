"""A table for long reports, drawn in one pass: Rich's table look at a fraction of its cost.

A Rich :class:`~rich.table.Table` measures and renders every cell as a renderable of its
own, which costs about half a millisecond a row: half a second for the 1,000 articles of
``reader stats``. A :class:`Grid` takes plain strings (already made inert with
:func:`reader.safe_text.visible`: one line each, nothing that acts on a terminal),
measures them once, as :func:`rich.cells.cell_len` does, wraps the columns that may wrap at
word boundaries, and yields the finished lines as segments, with the same box (Rich's
``HEAVY_HEAD``, or its ASCII stand-in where the console needs one), the same bold
header, title and caption. On a terminal it is printed through a Rich console like any
renderable, so colour, ``NO_COLOR`` and the output encoding are handled as before; to
an output that is not a terminal, where Rich would write the same text without styles,
:meth:`Grid.write` writes it without importing Rich's console (a third of the time of
``reader stats`` on a thousand articles).

Nothing is cut: a cell wraps onto as many lines as it needs, and a word wider than its
column is broken across lines. When the terminal is too narrow for the columns that do
not wrap, lines are longer than the terminal rather than truncated (print with
``crop=False``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TextIO

from rich import box

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment

#: The narrowest a wrapping column gets, however narrow the terminal.
MIN_WRAP_WIDTH = 8

#: A piece of a line and the name of its style (see :meth:`Grid.pieces`).
Piece = tuple[str, str | None]

#: The theme's styles a grid uses, as Rich's own tables do.
_STYLES = ("table.title", "table.header", "table.caption")


@dataclass(frozen=True)
class Column:
    """A column of a :class:`Grid`.

    Attributes:
        header: Its heading (inert text).
        justify: ``left`` or ``right``.
        ratio: ``None``: as wide as its widest cell, never wrapped; a number: the column
            wraps, and shares the width left by the others in this proportion.
    """

    header: str
    justify: Literal["left", "right"] = "left"
    ratio: int | None = None


@dataclass
class Grid:
    """A table of plain-string cells, rendered as Rich segments in one pass.

    Attributes:
        columns: The columns, left to right.
        title: A line above the table, or ``None``.
        caption: A line below it, or ``None``.
        expand: Fill the console's width (the wrapping columns take the rest); otherwise
            they are only as wide as they need to be, within the width.
    """

    columns: Sequence[Column]
    title: str | None = None
    caption: str | None = None
    expand: bool = False
    # Each row: its cells, their widths in cells (measured once), bold, a line above it.
    _rows: list[tuple[tuple[str, ...], tuple[int, ...], bool, bool]] = field(default_factory=list)
    _section: bool = False

    def add_row(self, *cells: str, bold: bool = False) -> None:
        """Add a row of inert strings, one per column; ``bold`` for a total."""
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self._rows.append((cells, tuple(map(cell_width, cells)), bold, self._section))
        self._section = False

    def add_section(self) -> None:
        """Draw a line between the rows so far and the next."""
        self._section = True

    def widths(self, available: int) -> list[int]:
        """Each column's text width (without its padding) within ``available`` cells."""
        natural = [cell_width(column.header) for column in self.columns]
        for _, sizes, _, _ in self._rows:
            natural = list(map(max, natural, sizes))
        widths = list(natural)
        wrapping = [i for i, column in enumerate(self.columns) if column.ratio is not None]
        # Each column has one space either side and a border on its left, plus the last.
        free = available - 3 * len(self.columns) - 1
        free -= sum(w for i, w in enumerate(natural) if i not in wrapping)
        # Share the rest by ratio. A column that needs less than its share (when not
        # expanding) keeps what it needs, and one whose share is too narrow to read gets
        # the narrowest readable width; either way the others share what is left.
        pending = list(wrapping)
        while pending:
            total = sum(self.columns[i].ratio or 1 for i in pending)
            shares = {i: max(0, free) * (self.columns[i].ratio or 1) // total for i in pending}
            settled = {
                i: min(natural[i], MIN_WRAP_WIDTH)
                for i in pending
                if shares[i] < min(natural[i], MIN_WRAP_WIDTH)
            }
            if not self.expand:
                settled.update({i: natural[i] for i in pending if natural[i] <= shares[i]})
            if settled:
                for i, width in settled.items():
                    widths[i] = width
                    free -= width
                    pending.remove(i)
                continue
            spare = max(0, free) - sum(shares.values())
            for i in pending:  # the rounding's remainder, left to right
                extra = 1 if spare > 0 else 0
                spare -= extra
                widths[i] = shares[i] + extra
            break
        return widths

    def pieces(self, width: int, frame: box.Box = box.HEAVY_HEAD) -> Iterator[Piece]:
        """The table within ``width`` cells, line by line: pieces of text and their
        style's name (``None``, or one of Rich's ``table.title``, ``table.header``,
        ``table.caption``, or ``bold``), each line ending in ``"\n"``.

        ``frame``: the box (its ASCII stand-in for an output that cannot encode it).
        """
        widths = self.widths(width)
        padded = [w + 2 for w in widths]
        table_width = sum(padded) + len(padded) + 1
        if self.title is not None:
            yield self.title, "table.title"
            yield "\n", None
        yield frame.get_top(padded) + "\n", None
        headers = [column.header for column in self.columns]
        yield from self._line(
            headers,
            [cell_width(header) for header in headers],
            widths,
            "table.header",
            (frame.head_left, frame.head_vertical, frame.head_right),
        )
        yield frame.get_row(padded, "head", edge=True) + "\n", None
        edges = (frame.mid_left, frame.mid_vertical, frame.mid_right)
        for cells, sizes, strong, section in self._rows:
            if section:
                yield frame.get_row(padded, "row", edge=True) + "\n", None
            yield from self._line(cells, sizes, widths, "bold" if strong else None, edges)
        yield frame.get_bottom(padded) + "\n", None
        if self.caption is not None:
            caption = self.caption
            if cell_width(caption) > table_width:
                caption = "\n".join(_wrap(caption, max(table_width, MIN_WRAP_WIDTH)))
            yield caption, "table.caption"
            yield "\n", None

    def write(self, stream: TextIO, width: int) -> None:
        """Write the table as plain text, as Rich prints it to an output that is not a
        terminal (no styles), without importing Rich's console."""
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        frame = box.HEAVY_HEAD if encoding.startswith("utf") else box.ASCII  # as Rich does
        stream.write("".join(text for text, _ in self.pieces(width, frame)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """Yield the table's lines (Rich's renderable protocol)."""
        from rich.segment import Segment
        from rich.style import Style

        frame = box.HEAVY_HEAD.substitute(options, safe=True)
        styles = {name: console.get_style(name) for name in _STYLES}
        styles["bold"] = Style(bold=True)
        for text, style in self.pieces(options.max_width, frame):
            yield Segment(text, styles[style]) if style is not None else Segment(text)

    def _line(
        self,
        cells: Sequence[str],
        sizes: Sequence[int],
        widths: Sequence[int],
        style: str | None,
        edges: tuple[str, str, str],
    ) -> Iterator[Piece]:
        """One row (its cells and their widths), on as many lines as its tallest cell needs."""
        left, middle, right = edges
        last = len(widths) - 1
        rights = [column.justify == "right" for column in self.columns]
        if all(map(int.__le__, sizes, widths)):  # every cell fits: one line, measured
            rows = [
                [
                    " " * (width - size) + cell if at_right else cell + " " * (width - size)
                    for cell, size, width, at_right in zip(
                        cells, sizes, widths, rights, strict=True
                    )
                ]
            ]
        else:
            # Each cell's lines and their widths (a cell that fits is measured already).
            pieces = [
                [(cell, size)]
                if column.ratio is None or size <= width
                else [(line, cell_width(line)) for line in _wrap(cell, width)]
                for cell, size, width, column in zip(
                    cells, sizes, widths, self.columns, strict=True
                )
            ]
            rows = []
            for number in range(max(len(lines) for lines in pieces)):
                texts = []
                for lines, width, at_right in zip(pieces, widths, rights, strict=True):
                    text, size = lines[number] if number < len(lines) else ("", 0)
                    gap = " " * (width - size)
                    texts.append(gap + text if at_right else text + gap)
                rows.append(texts)
        for texts in rows:
            if style is None:  # one piece a line: a thousand rows are thousands of lines
                yield f"{left} {f' {middle} '.join(texts)} {right}\n", None
            else:
                for index, text in enumerate(texts):
                    yield f"{left if index == 0 else ''} ", None
                    yield text, style
                    yield f" {right if index == last else middle}", None
                yield "\n", None


def cell_width(text: str) -> int:
    """The cells ``text`` takes on a terminal, as :func:`rich.cells.cell_len` counts them.

    Printable ASCII, most titles and names, takes one cell a character: counted without
    asking Rich (a report measures tens of thousands of cells), whose table is imported
    only for the rest.
    """
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words where it can."""
    # Printable ASCII throughout: every word is as wide as it is long (see cell_width).
    measure = len if text.isascii() and text.isprintable() else cell_width
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = measure(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size > width:  # wider than the column: broken, never cut off
            from rich.cells import chop_cells

            pieces = chop_cells(word, width)
            lines.extend(pieces[:-1])
            word = pieces[-1]
            size = measure(word)
        line, used = word, size
    lines.append(line)
    return lines
