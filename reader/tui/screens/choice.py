"""Pick one of a few things (a merge target, a form to split out, yes or no)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.tui.display import shown


class ChoiceDialog(ModalScreen[str | None]):
    """A title and a list; dismisses with the chosen item's value, or ``None`` (Escape).

    Args:
        title: What is asked (shown literally).
        choices: ``(value, text)`` pairs; the text is shown literally, never as markup.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        """The title, the list and how to leave."""
        with Vertical(id="dialog"):
            yield Label(Text(shown(self.title_text), style="bold"))
            yield OptionList(
                *(Option(Text(shown(text)), id=str(n)) for n, (_, text) in enumerate(self.choices)),
                id="dialog-options",
            )
            yield Label(Text("Enter chooses · Escape cancels", "dim"))

    def on_mount(self) -> None:
        """Start on the first choice."""
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)][0])

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
