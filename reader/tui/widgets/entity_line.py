"""One line of the entity list: the name, cut with an ellipsis, and the mention count at the
right, drawn as a Rich grid would draw it, without the grid's cost.

The list used a ``Table.grid`` per entity. The option list renders every option once to
learn its height and again to draw it, and a grid measures its cells each time: about
three times the cost of rendering the two cells, before the first frame (issue 15).
:class:`EntityLine` renders the two cells as the grid does (the same calls, options and
styles, so the same segments, which a test checks against the grid) and falls back to the
grid where the grid would have to squeeze its columns.

It is also the option's own Textual visual, so that the option list, which learns each
option's height by rendering it (once to size the list and once to lay out its lines), is
told the height of a line that is one line by construction instead (issue 15): each line is
rendered once, to be drawn.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.repr import Result
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.css.styles import RulesMap
from textual.visual import RichVisual
from textual.widget import Widget

#: Below this many cells for the name (and its one cell of padding), the grid decides.
_NARROW = 4


def entity_grid(name: Text, count: str) -> Table:
    """The grid that :class:`EntityLine` draws as: a name column that takes the width
    left (cut with an ellipsis) and a dim count column, one cell apart.

    A grid that expands to the list's width, so that the count stays right-aligned however
    wide the panel is, with or without a scroll bar.
    """
    # One cell between the columns, so that a cut name's ellipsis never touches the count.
    grid = Table.grid(expand=True, padding=(0, 1, 0, 0))
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_row(name, count)
    return grid


class EntityLine(RichVisual):
    """A name and a count on one line, as :func:`entity_grid` draws them.

    Args:
        widget: The list that shows it (a Rich visual is drawn with its widget's styles).
        name: The name (styled: an uncertain entity's is dim, with a ``?``).
        count: The mention count.
    """

    def __init__(self, widget: Widget, name: Text, count: str) -> None:
        super().__init__(widget, self)
        self.name = name
        self.count = count

    def __rich_repr__(self) -> Result:
        # The Rich visual's own would show its renderable, which is this line itself.
        yield self.name
        yield self.count

    def get_height(self, rules: RulesMap, width: int) -> int:
        """One line wherever the line draws itself; the grid's own height where it decides."""
        if width - cell_len(self.count) < _NARROW:
            return super().get_height(rules, width)
        return 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        count_width = cell_len(self.count)
        if width - count_width < _NARROW:
            yield entity_grid(self.name, self.count)
            return
        # The grid's column widths here: the count's own, the rest for the name and the
        # padding after it; each cell rendered as the grid renders it.
        cells = options.update(height=None, highlight=False, no_wrap=True, overflow="ellipsis")
        name = console.render_lines(
            Padding(self.name, (0, 1, 0, 0)),
            cells.update(width=width - count_width, justify="left"),
            style=Style.null(),
        )
        count = console.render_lines(
            self.count,
            cells.update(width=count_width, justify="right"),
            style=console.get_style("dim"),
        )
        yield from name[0]
        yield from count[0]
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, entity_grid(self.name, self.count))
