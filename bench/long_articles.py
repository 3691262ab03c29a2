"""Consolidation on long articles: the time per megabyte stays flat as articles grow.

Articles of 0.15 to 1.5 MB are generated with about 1,900 distinct people (each paragraph
names one in full and another by surname), and their model spans are given directly, so
that only reader's own work is timed: trimming, grouping, finding every further mention
and weighing labels. Before the word index and the claimed-character mask, the time grew
with the square of the length (0.15 MB: 5.3 s, 0.30 MB: 22.7 s on the project's 2-core
machine). Each size runs three times in turn with the others; medians are printed.

Usage::

    python bench/long_articles.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from reader.article import Article, build_article
from reader.entities import RawSpan, consolidate

SIZES = (150_000, 300_000, 750_000, 1_500_000)
FIRST_NAMES = "Amara Jonas Priya Tomas Lena Kofi Mei Omar Sara Ivan Nadia Pablo".split()


def make(size: int, names: int = 1900) -> tuple[Article, list[RawSpan]]:
    """An article of about ``size`` characters and the model spans of its full names."""
    chooser = random.Random(1)
    people = [f"{chooser.choice(FIRST_NAMES)} Surname{n:04d}" for n in range(names)]
    paragraphs: list[str] = []
    spans: list[RawSpan] = []
    offset = 0
    number = 0
    while offset < size:
        name = people[number % names]
        number += 1
        paragraph = (
            f"{name} said the committee would meet again on Tuesday to discuss the budget. "
            f"Later, Surname{(number * 7) % names:04d} added that nothing was decided."
        )
        spans.append(RawSpan(offset, offset + len(name), "PERSON"))
        paragraphs.append(paragraph)
        offset += len(paragraph) + 2
    article = build_article([("paragraph", p) for p in paragraphs], path="long", format="plain")
    return article, spans


def main() -> int:
    """Print seconds and seconds per megabyte for each size."""
    inputs = {size: make(size) for size in SIZES}
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    for _ in range(3):
        for size, (article, spans) in inputs.items():
            started = time.perf_counter()
            consolidate(article, spans)
            times[size].append(time.perf_counter() - started)
    print(f"{'size (MB)':>10}{'spans':>8}{'median s':>10}{'s per MB':>10}")
    for size, (article, spans) in inputs.items():
        median = statistics.median(times[size])
        megabytes = len(article.text) / 1e6
        print(f"{megabytes:>10.2f}{len(spans):>8}{median:>10.2f}{median / megabytes:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
