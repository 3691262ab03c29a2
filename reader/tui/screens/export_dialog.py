"""The export dialog: pick a format and where to write, for the article being read."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.formats import export_filename, formats, output_kind
from reader.tui.display import shown
from reader.tui.widgets.safe_input import SafeInput

#: What each format is for, shown beside its name.
FORMAT_HELP = {
    "jsonl": "one JSON line per tagged sentence",
    "csv": "the jsonl columns, for spreadsheets",
    "prodigy": "Prodigy tasks, for db-in",
    "doccano": "doccano JSONL: sentence labels and entities",
    "brat": "a folder of .txt and .ann standoff files",
    "spacy": "a spaCy DocBin (.spacy)",
    "md": "a readable report",
}


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Choose an export format and output path; dismisses with both, or ``None``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, stem: str, folder: Path) -> None:
        """Offer files named after ``stem`` in ``folder`` (the user may edit the path)."""
        super().__init__()
        self.stem = stem
        self.folder = folder
        self.fmt = "jsonl"

    def compose(self) -> ComposeResult:
        """The formats, then the path; Enter in either exports."""
        with Vertical(id="dialog"):
            yield Label(Text("Export this article's tags", "bold"))
            yield OptionList(*self._options(), id="dialog-options")
            yield SafeInput(self._default_path(self.fmt), id="export-path")
            yield Label(id="export-hint")

    def _options(self) -> list[Option]:
        # The chosen format is marked with a sign, not by colour alone.
        return [
            Option(
                Text.assemble(
                    shown("▶ " if name == self.fmt else "  "),
                    (name, "bold"),
                    f"  {FORMAT_HELP.get(name, '')}",
                ),
                id=name,
            )
            for name in formats()
        ]

    def _hint(self) -> None:
        hint = f"Enter exports as {self.fmt} to the path above · Escape cancels"
        self.query_one("#export-hint", Label).update(Text(shown(hint), "dim"))

    def _default_path(self, fmt: str) -> str:
        name = self.stem if output_kind(fmt) == "folder" else export_filename(fmt, self.stem)
        return str(self.folder / name)

    def on_mount(self) -> None:
        """Start on JSON Lines."""
        options = self.query_one(OptionList)
        options.highlighted = list(formats()).index(self.fmt)
        options.focus()
        self._hint()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        path = self.query_one(Input)
        # Follow the format with the file name unless the analyst typed a path of their own.
        if event.option.id is None or event.option.id == self.fmt:
            return
        follow = path.value == self._default_path(self.fmt)
        previous, self.fmt = self.fmt, event.option.id
        if follow:
            path.value = self._default_path(self.fmt)
        prompts = {option.id: option.prompt for option in self._options()}
        for name in (previous, self.fmt):
            event.option_list.replace_option_prompt(name, prompts[name])
        self._hint()

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _chosen(self) -> None:
        value = self.query_one(Input).value.strip()
        if value:
            self.dismiss((self.fmt, Path(value).expanduser()))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
