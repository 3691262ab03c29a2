"""The ``reader`` command line.

``reader [PATH] [--db PATH] [--annotator NAME] [--model NAME]`` opens the app; ``reader
COMMAND ...`` runs a sub-command (see :mod:`reader.commands`). Every error is one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import Any

from reader.commands import load_command, load_commands
from reader.commands.options import add_model_option, add_store_options
from reader.errors import ReaderError
from reader.safe_text import visible


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, as argparse asks it, without importing
    :mod:`shutil` (and with it ``bz2`` and ``lzma``: 4 ms of every command, which
    argparse pays on the first ``add_argument`` whether or not help is shown)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, or not a terminal
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as before (see :func:`_terminal_columns`)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse's own default: the terminal's width less 2.
        width = _terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line and exit code 2."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ReaderError(f"{self.prog}: {message} (see '{self.prog} --help')")


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for (package metadata is slow to import)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        import reader

        print(f"reader {reader.__version__}")
        parser.exit()


def _app_parser(command_names: Sequence[str]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read news articles and tag each sentence as claim, context or quote.",
        epilog="commands: " + ", ".join(command_names) + " (run 'reader COMMAND --help' for each)",
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="an article file, or a folder of articles (default: the bundled samples)",
    )
    add_store_options(parser)
    add_model_option(parser)
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    return parser


def _wants_commands(argv: Sequence[str]) -> bool:
    """Whether the sub-commands must be imported: a first word that may name one, or help.

    Importing every sub-command takes a few hundred milliseconds that opening the app
    (``reader``, ``reader FILE``) does not need.
    """
    if any(arg in ("-h", "--help") for arg in argv):
        return True
    if not argv or argv[0].startswith("-"):
        return False
    # A word such as "export" is tried as a command first, as before; a path is not.
    return argv[0].replace("-", "").isalpha() or not os.path.exists(argv[0])


#: The collector's thresholds while a command runs (see :func:`start_collecting`): young
#: objects collected every 10,000 new ones, not 700; older ones every 50 such collections.
COMMAND_GC_THRESHOLDS = (10_000, 50, 100)


def start_collecting() -> None:
    """Turn the garbage collector back on once start-up is over (see :func:`main`).

    What was imported is frozen first (:func:`gc.freeze`): modules, classes and functions
    live as long as the process, so no later collection needs to look at them again. A
    no-op unless :func:`main` turned collection off (it does only for the process's own
    command line, never for a caller such as a test that passes ``argv``).

    A command collects less often than Python's default (every 700 new objects): a
    report over a thousand articles keeps hundreds of thousands of objects (their
    entities and mentions), none of them garbage, and the default collections looked at
    them again and again, twice in full (about a seventh of a warm ``reader stats``).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(*COMMAND_GC_THRESHOLDS)
        gc.enable()


def _run(argv: Sequence[str]) -> int:
    command = load_command(argv[0]) if argv else None
    if command is not None:
        parser = _Parser(prog=f"reader {command.NAME}", description=command.HELP)
        command.configure(parser)
        args = parser.parse_args(argv[1:])
        start_collecting()
        return command.run(args)
    commands = load_commands() if _wants_commands(argv) else {}
    args = _app_parser(list(commands)).parse_args(argv)
    from reader.launch import launch_app  # the app is imported only when it is wanted

    return launch_app(args)


def _forgiving_streams() -> None:
    """Make standard output and error escape what their encoding cannot hold.

    Set once, here, for every command: with ``PYTHONIOENCODING=latin-1``, an ASCII
    terminal or a file name that is not UTF-8 (lone surrogates), a title or a name that
    the stream cannot encode is written as ``\\u2014`` or ``\\udcff`` instead of ending
    the command in ``UnicodeEncodeError``. Exports to standard output write UTF-8 whatever
    the locale (``reader export``), so their text is exact.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, TypeError):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    if argv is None:
        # Start-up makes a few hundred thousand objects that live as long as the process
        # (modules, classes, Textual's styles), and the collector, run every 700 new
        # objects, looks at them again and again and finds nothing: a tenth of the app's
        # time to its first paint. Collection resumes when the work starts
        # (start_collecting, called by _run; the app's, once its first screen is painted).
        gc.disable()
    _forgiving_streams()
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except ReaderError as error:
        print(f"reader: {visible(error.message)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `reader export | head` closes the pipe early: not an error worth a traceback.
        return 0
