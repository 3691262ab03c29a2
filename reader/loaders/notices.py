"""Warnings from loaders: what was skipped while the rest of a file loaded.

A JSON Lines corpus with one bad line still loads; the bad line is skipped and reported.
The loader signature returns articles only, so warnings travel beside it: a caller that
wants them (the command line, the app) wraps its loading in :func:`collect_warnings`; any
other caller gets them as log records on the ``reader.loaders`` logger, which Python prints
to stderr when nothing else is configured.

The collector lives in a :class:`contextvars.ContextVar`, so a worker thread that loads a
file collects only its own warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from reader.safe_text import visible

_LOG = logging.getLogger("reader.loaders")


class LoadWarning(NamedTuple):
    """Something a loader skipped.

    Attributes:
        path: The file, as given.
        line: The 1-based line number, when the warning is about one line.
        message: What was wrong and what was done about it, one line.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """``corpus.jsonl: line 3: not valid JSON ...; skipped``, safe for a terminal."""
        where = visible(self.path) + (f": line {self.line}" if self.line is not None else "")
        return f"{where}: {visible(' '.join(self.message.split()))}"


_COLLECTOR: ContextVar[list[LoadWarning] | None] = ContextVar("reader_load_warnings", default=None)


@contextmanager
def collect_warnings() -> Iterator[list[LoadWarning]]:
    """Collect the warnings of the loads run inside the ``with`` block.

    Example::

        with collect_warnings() as warnings:
            articles = load_articles(path)
        for warning in warnings:
            print(f"reader: {warning}", file=sys.stderr)
    """
    collected: list[LoadWarning] = []
    token = _COLLECTOR.set(collected)
    try:
        yield collected
    finally:
        _COLLECTOR.reset(token)


def warn(path: str, message: str, line: int | None = None) -> None:
    """Report something a loader skipped, to the active collector or else to the log."""
    warning = LoadWarning(path, line, message)
    collected = _COLLECTOR.get()
    if collected is None:
        _LOG.warning("%s", warning)
    else:
        collected.append(warning)
