"""The help screen: every key of the screen it was opened from, grouped."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.tui.commands import (
    APP_COMMANDS,
    GROUPS,
    PALETTE_COMMAND,
    Command,
    commands_of,
)
from reader.tui.keys import bound


def effective_keys(screen: Screen[object], command: Command) -> list[str]:
    """The keys that run ``command`` now (a keymap may have changed the defaults)."""
    found: list[str] = []
    for node in (screen, screen.app):
        for key, key_bindings in bound(node).items():
            if any(
                b.id == command.id or (b.id is None and b.action == command.action)
                for b in key_bindings
            ):
                found.append(key)
    if not found:
        found = command.keys.split(",")
    return list(dict.fromkeys(found))


def key_names(screen: Screen[object], keys: Sequence[str]) -> str:
    """How the keys read: ``j ↓``, ``^r``."""
    return "  ".join(screen.app.get_key_display(Binding(key, "")) for key in keys)


def help_table(screen: Screen[object]) -> Table:
    """A table of every command of ``screen`` and of the app, grouped."""
    commands = [*commands_of(screen), *APP_COMMANDS, PALETTE_COMMAND]
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for group in GROUPS:
        members = [c for c in commands if c.group == group]
        if not members:
            continue
        table.add_row(Text(group, style="bold underline"), "")
        for command in members:
            table.add_row(
                Text(key_names(screen, effective_keys(screen, command))), Text(command.help)
            )
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key binding, grouped; any of escape, ``?`` or F1 closes it."""

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "close", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help.up"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.table = help_table(screen)
        self.title_text = f"Keys — {screen.__class__.__name__.removesuffix('Screen').lower()}"

    def compose(self) -> ComposeResult:
        """The table in a scrolling box."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "escape closes · ctrl+p finds any action"
            yield Static(self.table, id="help-table")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        """Scroll the list."""
        box = self.query_one("#help-box", VerticalScroll)
        if direction == "down":
            box.scroll_down(animate=False)
        else:
            box.scroll_up(animate=False)
