"""A child process that settles sentences through :class:`reader.store.Review`.

The reviewer's counterpart of ``store_worker.py``: it prints ``ok SENTENCE LABEL``
(flushed) after each decision is saved. Each decision picks the label after the one
``store_worker.py`` tags the sentence with, so that it differs from the annotators'.

Usage: ``review_worker.py STORE ARTICLE_ID REVIEWER FIRST COUNT [--wait]``; with
``--wait`` it prints ``ready`` and waits for a line on stdin before it starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store_worker import LABELS, span

from reader.store import Review, Store
from reader.store import _review_file as review_module


def main(argv: list[str]) -> int:
    root, article_id, reviewer, first, count = argv[:5]
    review_module.REVIEW_HISTORY_LIMIT = 10_000  # so that the test can count every change
    review = Review(Store(Path(root)), article_id)
    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    for sentence in range(int(first), int(first) + int(count)):
        start, end = span(sentence)
        label = LABELS[(sentence + 1) % len(LABELS)]
        review.decide(
            sentence=sentence,
            start=start,
            end=end,
            text=f"Sentence number {sentence}, with some words to make it realistic.",
            label=label,
            reviewer=reviewer,
        )
        print(f"ok {sentence} {label}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
