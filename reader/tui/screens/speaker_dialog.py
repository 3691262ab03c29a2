"""Ask who makes a claim or quote, completing any word of the article's names."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.reading.finding import names_matching
from reader.tui.display import shown
from reader.tui.screens.dialogs import TextDialog
from reader.tui.widgets.safe_input import SafeInput


class SpeakerDialog(TextDialog):
    """A :class:`TextDialog` whose names are offered as you type: "Lar" lists "Ali
    Larijani". ``down`` (or ``tab``) goes to the list, ``Enter`` there takes a name."""

    BINDINGS = [
        *TextDialog.BINDINGS,
        Binding("down", "to_matches", "Names", show=False, id="dialog.names"),
    ]

    def compose(self) -> ComposeResult:
        """The title, the input, the matching names and how to leave."""
        suggester = SuggestFromList(self.suggestions) if self.suggestions else None
        with Vertical(id="dialog"):
            yield Label(Text(shown(self.title_text), "bold"))
            if self.about:
                yield Label(
                    Text(shown(self.about), "italic", no_wrap=True, overflow="ellipsis"),
                    id="dialog-about",
                )
            # The real text, drawn inertly: display is not storage.
            yield SafeInput(self.value, suggester=suggester, id="dialog-input")
            yield OptionList(id="dialog-matches")
            hint = "Enter saves · ↓ picks a name · an empty line clears · Escape cancels"
            yield Label(Text(shown(hint), "dim"))

    def on_mount(self) -> None:
        """List the names that match what is there already."""
        self._match(self.value)

    @on(Input.Changed, "#dialog-input")
    def _changed(self, event: Input.Changed) -> None:
        self._match(event.value)

    def _match(self, typed: str) -> None:
        matches = self.query_one("#dialog-matches", OptionList)
        matches.clear_options()
        found = names_matching(self.suggestions, typed)
        matches.add_options([Option(Text(shown(name)), id=name) for name in found])
        matches.display = bool(found)

    def action_to_matches(self) -> None:
        """Go down to the matching names."""
        matches = self.query_one("#dialog-matches", OptionList)
        if matches.option_count and not matches.has_focus:
            matches.focus()
            matches.highlighted = 0

    @on(OptionList.OptionSelected, "#dialog-matches")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
