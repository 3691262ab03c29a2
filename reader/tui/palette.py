"""The command palette's provider: every action of the current screen and of the app.

Imported only when the palette first opens (``ReaderApp.COMMANDS`` names a loader), since
Textual's command module takes a while to import and most sessions never open the palette.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from reader.tui.commands import Command, commands_of
from reader.tui.display import shown


class ActionsProvider(Provider):
    """Offers every action of the current screen and of the app in the command palette."""

    def _available(self) -> Iterator[tuple[Command, DOMNode]]:
        nodes: tuple[DOMNode, ...] = (self.screen, self.app)
        for node in nodes:
            for command in commands_of(node):
                action, _, _ = command.action.partition("(")
                if node.check_action(action, ()) is False:
                    continue
                yield command, node

    async def discover(self) -> Hits:
        """Every available action, for the empty palette."""
        for command, node in self._available():
            yield DiscoveryHit(
                command.help,
                partial(self._run, node, command.action),
                help=self._help(command),
            )

    async def search(self, query: str) -> Hits:
        """The actions matching ``query``."""
        matcher = self.matcher(query)
        for command, node in self._available():
            score = matcher.match(f"{command.title} {command.help}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.help),
                    partial(self._run, node, command.action),
                    help=self._help(command),
                )

    def _help(self, command: Command) -> str:
        """The group and the keys as the footer and help show them (``[``, not
        ``left_square_bracket``)."""
        keys = [self.app.get_key_display(Binding(key, "")) for key in command.keys.split(",")]
        return shown(f"{command.group} · {' '.join(keys)}")

    async def _run(self, node: DOMNode, action: str) -> None:
        await self.app.run_action(action, node)
