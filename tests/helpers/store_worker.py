"""A child process that tags sentences through :class:`reader.store.Store`.

Used by the crash and two-process tests: it prints ``ok SENTENCE LABEL`` (flushed) after
each save returns, so a parent that kills it knows exactly which saves were reported
done.

Usage: ``store_worker.py STORE ARTICLE_ID ANNOTATOR FIRST COUNT [--wait] [--history N]
[--compact-below N]``;
with ``--wait`` it prints ``ready`` and waits for a line on stdin before it starts, so that
two workers can start together; ``--history N`` keeps N changes per article instead of
the default, so that a test can check that no history entry was lost either;
``--compact-below N`` sets the size under which an article is rewritten whole (0: saves
go to the journal as soon as there is a snapshot).
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.store import Store
from reader.store import _history as changes
from reader.store import _journal as journal

LABELS = ("claim", "context", "quote")


def span(sentence: int) -> tuple[int, int]:
    """Return the made-up offsets of a sentence (the parent uses the same formula)."""
    return sentence * 100, sentence * 100 + 90


def main(argv: list[str]) -> int:
    root, article_id, annotator, first, count = argv[:5]
    if "--history" in argv:
        changes.HISTORY_LIMIT = int(argv[argv.index("--history") + 1])
    if "--compact-below" in argv:
        journal.COMPACT_BELOW = int(argv[argv.index("--compact-below") + 1])
    store = Store(Path(root))
    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    for sentence in range(int(first), int(first) + int(count)):
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
