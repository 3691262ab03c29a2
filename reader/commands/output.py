"""Where a command's tables go: a terminal (Rich, with styles) or plain text.

Rich decides whether an output is a terminal and how wide it is; importing its console
costs about 30 ms, as much as reading a few hundred store files. A report written to a
pipe or a file, where Rich would write the same text without a single escape code, is
written without it: :func:`plain_output` and :func:`output_width` make the decisions
Rich's :class:`~rich.console.Console` makes (``is_terminal`` and ``size`` in Rich 13 to
15), so that both paths write the same text.
"""

from __future__ import annotations

import os
from typing import TextIO

#: The width Rich gives an output when nothing says otherwise.
DEFAULT_WIDTH = 80


def plain_output(stream: TextIO) -> bool:
    """Whether Rich would write no escape codes to ``stream``: it is not a terminal and
    neither ``TTY_COMPATIBLE=1`` nor ``FORCE_COLOR`` says to treat it as one."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force == ""
    try:
        return not stream.isatty()
    except ValueError:  # closed
        return True


def output_width() -> int:
    """The width Rich would use: ``COLUMNS`` if set, else the size of the first of
    standard input, output and error that is a terminal, else 80."""
    width = None
    for fd in (1, 2) if os.name == "nt" else (0, 1, 2):  # Rich asks these, in this order
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or DEFAULT_WIDTH
