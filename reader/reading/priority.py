"""The priority of the app's helper processes: below the app's own.

The library starts two kinds of child: one that reads a JSON Lines corpus
(:mod:`reader.reading.corpus_process`) and one that analyses articles
(:mod:`reader.reading.analysis_process`). Each keeps a core busy for seconds. On a machine
with two cores, and others' work on them, the app's threads (the key's handler, the thread
that writes the frame to the terminal) then waited their turn behind the child for a
core, for up to 17 ms while a key waited (schedstat's run-queue time, measured in the app).
A child at a lower priority still gets every core that the app leaves idle, which is most
of the time; it only gives way when the app has work.
"""

from __future__ import annotations

import contextlib
import os

#: How much nicer than the app a helper process is (Unix's ``nice``: 0 to 19).
NICENESS = 10


def yield_to_the_app() -> None:
    """Lower this process's priority below the app's (where the system allows it)."""
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
