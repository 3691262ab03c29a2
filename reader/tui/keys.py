"""The one place that reaches into a node's bindings, which Textual has no public API for.

Textual builds a node's bindings from its class's ``BINDINGS``; the label keys come from
the store's label set at run time, so the reading screen adds them to its own bindings
after it is made, and the help screen reads them back (with a keymap applied). Both go
through the node's ``_bindings`` map, here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from reader.tui.commands import Command


def add_first(node: DOMNode, commands: Iterable[Command]) -> None:
    """Bind ``commands`` on ``node`` before its class's bindings (the footer shows them
    first); only a command's first key shows in the footer."""
    added: list[Binding] = []
    for command in commands:
        for position, key in enumerate(command.keys.split(",")):
            added.append(replace(command.binding(), key=key, show=command.show and position == 0))
    by_key: dict[str, list[Binding]] = {}
    # make_bindings turns a character into Textual's key name ("?" -> "question_mark").
    for binding in Binding.make_bindings(added):
        by_key.setdefault(binding.key, []).append(binding)
    for key, key_bindings in node._bindings.key_to_bindings.items():
        by_key.setdefault(key, []).extend(key_bindings)
    node._bindings.key_to_bindings = by_key


def bound(node: DOMNode) -> dict[str, list[Binding]]:
    """The bindings of ``node`` by key, as they are now (a keymap may have changed them)."""
    return node._bindings.key_to_bindings
