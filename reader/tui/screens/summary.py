"""The article's tags at a glance: how many of each label, who says what, how many notes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.labels import LabelSet
from reader.reading.session import TaggingSession
from reader.tui.display import shown


def summary_table(session: TaggingSession, labels: LabelSet) -> Table:
    """Per label: its sentences (and how many are in the body); then the speakers."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    counts = session.label_counts()
    table.add_row(Text("Tags", style="bold underline"), "")
    for label in labels.labels:
        table.add_row(Text(shown(f"{label.letter} {label.name}")), str(counts.get(label.name, 0)))
    for name in sorted(set(counts) - set(labels.names)):
        table.add_row(Text(shown(f"? {name}")), str(counts[name]))
    table.add_row(Text("untagged (body)"), str(session.total - session.tagged), style="italic")
    notes = sum(1 for sentence in session.records if session.note(sentence))
    table.add_row(Text("with a note"), str(notes))
    table.add_row("", "")
    speakers = session.speakers()
    table.add_row(Text("Speakers", style="bold underline"), "")
    if not speakers:
        table.add_row(Text("none recorded yet (w)", style="italic"), "")
    for speaker, count in speakers.most_common():
        table.add_row(Text(shown(speaker), overflow="ellipsis"), str(count))
    return table


class SummaryScreen(ModalScreen[None]):
    """The summary of the article's tags; escape, ``T`` or ``q`` closes it."""

    BINDINGS = [
        Binding("escape,T,q", "close", "Close", id="summary.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="summary.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="summary.up"),
    ]

    def __init__(self, session: TaggingSession, labels: LabelSet) -> None:
        super().__init__()
        self.table = summary_table(session, labels)
        tagged, total = session.tagged, session.total
        self.title_text = f"Tags of this article: {tagged}/{total} body sentences"

    def compose(self) -> ComposeResult:
        """The table in a scrolling box."""
        with VerticalScroll(id="summary-box") as box:
            box.border_title = shown(self.title_text)
            box.border_subtitle = "escape closes"
            yield Static(self.table, id="summary-table")

    def action_close(self) -> None:
        """Close the summary."""
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        """Scroll the box."""
        box = self.query_one("#summary-box", VerticalScroll)
        box.scroll_relative(y=step, animate=False)
