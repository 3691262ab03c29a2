"""A child process that tags sentences through :class:`reader.store.Store`.

Used by the crash and two-process tests: it prints ``ok SENTENCE LABEL`` (flushed) after
each save returns, so a parent that kills it knows exactly which saves were reported
done.

Usage: ``store_worker.py STORE ARTICLE_ID ANNOTATOR FIRST COUNT [--wait] [--history N]
[--pace MINE THEIRS AHEAD] [--compact-below N]``; with ``--wait`` it prints ``ready`` and
waits for a line on stdin before it starts, so that two workers can start together;
``--history N`` keeps N changes per article instead of the default, so that a test can
check that no history entry was lost either; with ``--pace`` it counts its saves in the
file MINE (one byte each) and never gets more than AHEAD saves ahead of the count in
THEIRS, so that two workers write at the same time however the machine schedules them
(until THEIRS reaches COUNT: the two make as many saves); ``--compact-below N`` sets the
size under which an article is rewritten whole (0: saves go to the journal as soon as
there is a snapshot).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from reader.store import Store
from reader.store import _history as changes
from reader.store import _journal as journal

LABELS = ("claim", "context", "quote")


def span(sentence: int) -> tuple[int, int]:
    """Return the made-up offsets of a sentence (the parent uses the same formula)."""
    return sentence * 100, sentence * 100 + 90


def _saves(path: str) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def main(argv: list[str]) -> int:
    root, article_id, annotator, first, count = argv[:5]
    if "--history" in argv:
        changes.HISTORY_LIMIT = int(argv[argv.index("--history") + 1])
    if "--compact-below" in argv:
        journal.COMPACT_BELOW = int(argv[argv.index("--compact-below") + 1])
    pace = None
    if "--pace" in argv:
        at = argv.index("--pace")
        mine, theirs, ahead = argv[at + 1], argv[at + 2], int(argv[at + 3])
        pace = os.open(mine, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    store = Store(Path(root))
    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    for done, sentence in enumerate(range(int(first), int(first) + int(count))):
        if pace is not None:
            deadline = time.monotonic() + 60
            # The other's count lags its saves (it is written after each returns), so
            # waiting on it can only keep this worker nearer to it, never further ahead.
            while done - _saves(theirs) >= ahead and _saves(theirs) < int(count):
                if time.monotonic() > deadline:
                    print(f"the other worker stopped at {_saves(theirs)} saves", file=sys.stderr)
                    return 1
                time.sleep(0.001)
        start, end = span(sentence)
        label = LABELS[sentence % len(LABELS)]
        store.tag(
            article_id,
            sentence=sentence,
            start=start,
            end=end,
            text=f"Sentence number {sentence}, with some words to make it realistic.",
            label=label,
            annotator=annotator,
        )
        print(f"ok {sentence} {label}", flush=True)
        if pace is not None:
            os.write(pace, b".")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
