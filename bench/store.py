"""Benchmark: how long a durable save and an article open take as the store grows.

For each size it fills a fresh store with that many annotations (50 per article, each with
the history entry its tagging left), then times, through :class:`reader.store.Store`:

* saves: ``Store.tag`` changing the label of a random sentence of a random article, each
  one locked, written, fsynced and renamed before it returns;
* opens: what the app does when it opens an article: ``register_article`` (unchanged, so
  no write), ``annotations``, ``position`` and ``entity_corrections``.

Next to it, the same saves (an upsert by article, offsets and annotator) on stock TinyDB
with its ``JSONStorage``, holding the same annotations in one file, and the ratio between
the two medians. Stock TinyDB rewrites its whole file on every save, so it gets fewer
saves at large sizes (``--stock-saves``, and at most about 20 s per size).

Usage::

    python bench/store.py [--sizes 1000,10000,100000] [--json] [--saves 200]
                          [--stock-saves 20] [--dir FOLDER]

``--dir`` chooses where the stores are built (default: the system's temporary folder);
fsync costs depend on the disk, so measure on the disk the store will live on.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from reader.atomic import atomic_write
from reader.records import utc_now
from reader.store import Store

PER_ARTICLE = 50
LABELS = ("claim", "context", "quote")
ANNOTATOR = "bench"
STOCK_BUDGET_S = 20.0
WORDS = (
    "the minister said on Tuesday that talks with the delegation would resume next week "
    "after officials from both sides met in the capital to discuss security cooperation "
    "and the reopening of border crossings closed since the spring"
).split()


def sentence_text(rng: random.Random) -> str:
    """A made-up sentence of news-like length (12 to 40 words)."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."


def article_id(number: int) -> str:
    """The id of the number-th article (16 hex digits, like real ids)."""
    return f"{number:016x}"


def span(sentence: int) -> tuple[int, int]:
    """Made-up offsets of a sentence."""
    return sentence * 200, sentence * 200 + 150


def fill(root: Path, n: int, rng: random.Random) -> dict[tuple[str, int], str]:
    """Write a store with ``n`` annotations straight to disk; return each sentence's label.

    The files are written in the store's own layout but without the store's per-save
    fsync, which would make filling 100,000 annotations take minutes.
    """
    Store(root)
    articles = root / "articles"
    labels: dict[tuple[str, int], str] = {}
    now = utc_now()
    for number in range(math.ceil(n / PER_ARTICLE)):
        aid = article_id(number)
        count = min(PER_ARTICLE, n - number * PER_ARTICLE)
        annotations: dict[str, Any] = {}
        history: dict[str, Any] = {}
        for sentence in range(count):
            start, end = span(sentence)
            label = LABELS[sentence % 3]
            labels[aid, sentence] = label
            state = {
                "sentence": sentence,
                "label": label,
                "created": now,
                "updated": now,
                "note": None,
                "attribution": None,
            }
            text = sentence_text(rng)
            annotations[str(sentence + 1)] = {
                **state,
                "start": start,
                "end": end,
                "text": text,
                "annotator": ANNOTATOR,
            }
            history[str(sentence + 1)] = {
                "at": now,
                "annotator": ANNOTATOR,
                "start": start,
                "end": end,
                "text": text,
                "before": None,
                "after": state,
                "undone": False,
            }
        document = {
            "meta": {"1": {"schema": 1}},
            "article": {
                "1": {
                    "id": aid,
                    "path": f"articles/{aid}.txt",
                    "title": f"Article {number}",
                    "date": "2025-01-01",
                    "byline": "Reuters",
                    "sentences": PER_ARTICLE + 10,
                    "updated": now,
                }
            },
            "annotations": annotations,
            "history": history,
            "state": {"1": {"annotator": ANNOTATOR, "sentence": 3, "updated": now}},
        }
        (articles / f"{aid}.json").write_text(json.dumps(document, separators=(",", ":")))
    return labels


def next_label(current: str | None) -> str:
    """A label different from ``current``, so that every timed save really writes."""
    return LABELS[(LABELS.index(current) + 1) % 3] if current else LABELS[0]


def ms(seconds: list[float]) -> list[float]:
    """Sorted milliseconds."""
    return sorted(s * 1000 for s in seconds)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank) of sorted values."""
    return values[max(0, math.ceil(0.95 * len(values)) - 1)]


def time_saves(
    store: Store, labels: dict[tuple[str, int], str], saves: int, rng: random.Random
) -> tuple[list[float], list[float]]:
    """Time ``saves`` label changes through Store.tag, and the disk's floor next to each.

    The floor is the same durable replacement of a file of the same size (write, fsync,
    rename, fsync the folder) with no store logic around it, timed right after each save,
    so that what the disk costs at that moment shows apart from what the store adds.
    """
    keys = list(labels)
    times = []
    floors = []
    floor_path = store.root / "articles" / "floor.bin"
    for _ in range(saves):
        aid, sentence = rng.choice(keys)
        start, end = span(sentence)
        label = next_label(labels[aid, sentence])
        began = time.perf_counter()
        store.tag(
            aid,
            sentence=sentence,
            start=start,
            end=end,
            text="A sentence.",
            label=label,
            annotator=ANNOTATOR,
        )
        times.append(time.perf_counter() - began)
        labels[aid, sentence] = label
        size = (store.root / "articles" / f"{aid}.json").stat().st_size
        began = time.perf_counter()
        atomic_write(floor_path, b"x" * size, locked=True)
        floors.append(time.perf_counter() - began)
    return times, floors


def time_opens(store: Store, n: int, opens: int, rng: random.Random) -> list[float]:
    """Time what the app does to open an article."""
    count = math.ceil(n / PER_ARTICLE)
    times = []
    for _ in range(opens):
        number = rng.randrange(count)
        aid = article_id(number)
        began = time.perf_counter()
        store.register_article(
            aid,
            path=f"articles/{aid}.txt",
            title=f"Article {number}",
            date="2025-01-01",
            byline="Reuters",
            sentences=PER_ARTICLE + 10,
        )
        store.annotations(aid, ANNOTATOR)
        store.position(aid, ANNOTATOR)
        store.entity_corrections(aid)
        times.append(time.perf_counter() - began)
    return times


def time_stock(
    folder: Path, labels: dict[tuple[str, int], str], saves: int, rng: random.Random
) -> list[float]:
    """Time the same saves on stock TinyDB (JSONStorage, one file, whole-file rewrites)."""
    path = folder / "stock.json"
    now = utc_now()
    docs: dict[str, dict[str, Any]] = {}
    for number, (aid, sentence) in enumerate(labels, start=1):
        start, end = span(sentence)
        docs[str(number)] = {
            "article_id": aid,
            "sentence": sentence,
            "start": start,
            "end": end,
            "text": sentence_text(rng),
            "label": labels[aid, sentence],
            "annotator": ANNOTATOR,
            "created": now,
            "updated": now,
            "note": None,
            "attribution": None,
        }
    path.write_text(json.dumps({"annotations": docs}))
    db = TinyDB(path)
    table = db.table("annotations")
    keys = list(labels)
    item = Query()
    times: list[float] = []
    budget_end = time.perf_counter() + STOCK_BUDGET_S
    for _ in range(saves):
        aid, sentence = rng.choice(keys)
        start, end = span(sentence)
        label = next_label(labels[aid, sentence])
        doc = {**docs["1"], "article_id": aid, "sentence": sentence, "start": start, "end": end}
        doc["label"] = label
        began = time.perf_counter()
        table.upsert(
            doc,
            (item.article_id == aid) & (item.start == start) & (item.annotator == ANNOTATOR),
        )
        times.append(time.perf_counter() - began)
        labels[aid, sentence] = label
        if len(times) >= 5 and time.perf_counter() > budget_end:
            break
    db.close()
    return times


def measure(n: int, base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Fill a store of ``n`` annotations and measure it; returns one result row."""
    rng = random.Random(n)
    folder = Path(tempfile.mkdtemp(prefix=f"reader-bench-{n}-", dir=base))
    try:
        began = time.perf_counter()
        labels = fill(folder / "store", n, rng)
        fill_s = time.perf_counter() - began
        store = Store(folder / "store")
        time_saves(store, labels, 10, rng)  # warm up: imports, caches, the CPU's clock
        time_opens(store, n, 10, rng)
        timed, floor = time_saves(store, labels, args.saves, rng)
        saves, floors = ms(timed), ms(floor)
        opens = ms(time_opens(store, n, args.opens, rng))
        stock = ms(time_stock(folder, dict(labels), args.stock_saves, rng))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    save_median = statistics.median(saves)
    stock_median = statistics.median(stock)
    return {
        "n": n,
        "articles": math.ceil(n / PER_ARTICLE),
        "save_median_ms": round(save_median, 2),
        "save_p95_ms": round(p95(saves), 2),
        "open_median_ms": round(statistics.median(opens), 2),
        "open_p95_ms": round(p95(opens), 2),
        "disk_floor_median_ms": round(statistics.median(floors), 2),
        "stock_save_median_ms": round(stock_median, 2),
        "stock_saves": len(stock),
        "ratio": round(stock_median / save_median, 1),
        "fill_s": round(fill_s, 1),
    }


def print_table(rows: list[dict[str, Any]], args: argparse.Namespace, base: Path) -> None:
    """Print the results as a plain-text table."""
    print(
        f"reader store benchmark: {PER_ARTICLE} annotations per article, {args.saves} "
        f"durable saves and {args.opens} opens per size, in {base}"
    )
    header = (
        f"{'annotations':>11}  {'articles':>8}  {'save median':>11}  {'save p95':>8}  "
        f"{'open median':>11}  {'open p95':>8}  {'disk floor':>10}  {'stock save median':>17}  "
        f"{'stock/ours':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['n']:>11,}  {row['articles']:>8,}  {row['save_median_ms']:>8.2f} ms  "
            f"{row['save_p95_ms']:>5.2f} ms  {row['open_median_ms']:>8.2f} ms  "
            f"{row['open_p95_ms']:>5.2f} ms  {row['disk_floor_median_ms']:>7.2f} ms  "
            f"{row['stock_save_median_ms']:>11.1f} ms "
            f"({row['stock_saves']:>2})  {row['ratio']:>9.1f}x"
        )
    print(
        "disk floor: median time of a bare durable file replacement of the same size "
        "(write, fsync, rename, fsync folder), timed after each save"
    )
    print("stock: TinyDB JSONStorage, the same upserts on one file (number of saves timed)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--saves", type=int, default=200, help="timed saves per size")
    parser.add_argument("--opens", type=int, default=100, help="timed article opens per size")
    parser.add_argument("--stock-saves", type=int, default=20, help="stock saves per size")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if any(size < 1 for size in sizes) or min(args.saves, args.opens, args.stock_saves) < 1:
        parser.error("sizes and counts must be at least 1")
    rows = [measure(n, args.dir, args) for n in sizes]
    if args.json:
        print(json.dumps({"sizes": rows}))
    else:
        print_table(rows, args, args.dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
