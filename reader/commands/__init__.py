"""Sub-commands of the ``reader`` command line, one module each.

Each module listed in :data:`COMMAND_MODULES` defines:

* ``NAME``: the sub-command's name (``reader NAME ...``),
* ``HELP``: one line for ``reader --help``,
* ``configure(parser)``: adds its arguments to an ``argparse.ArgumentParser``,
* ``run(args) -> int``: does the work and returns the exit code.

Errors are raised as :class:`reader.errors.ReaderError`; :func:`reader.cli.main` turns them
into one line on stderr and the error's exit code.
"""

from __future__ import annotations

import argparse
from importlib import import_module
from types import ModuleType
from typing import Protocol, cast


class CommandModule(Protocol):
    """What a sub-command module provides."""

    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None:
        """Add the sub-command's arguments."""

    def run(self, args: argparse.Namespace) -> int:
        """Run the sub-command and return its exit code."""


#: Sub-command modules, in the order ``reader --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "agree",
    "analyse",
    "export",
    "import_annotations",
    "orphans",
    "stats",
)


def load_commands() -> dict[str, CommandModule]:
    """Import every sub-command module and index it by name."""
    commands: dict[str, CommandModule] = {}
    for module_name in COMMAND_MODULES:
        module: ModuleType = import_module(f"{__name__}.{module_name}")
        command = cast(CommandModule, module)
        commands[command.NAME] = command
    return commands


def load_command(word: str) -> CommandModule | None:
    """Import only the sub-command named ``word`` (``import-annotations``), if there is one:
    a command need not pay for importing the others (the export formats, the agreement)."""
    module_name = word.replace("-", "_")
    if module_name not in COMMAND_MODULES:
        return None
    command = cast(CommandModule, import_module(f"{__name__}.{module_name}"))
    return command if word == command.NAME else None
