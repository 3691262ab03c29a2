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
    python bench/store.py --one-article 100,1000,10000,50000 [--saves 200] [--json]

``--one-article`` measures instead how a tag's cost grows with the number of tags in one
article: a store of one article with N tags (and a full history), N durable tags timed
through ``Store.tag``, each followed by a stock TinyDB upsert on a file holding the same N
tags (interleaved, so that both see the same disk), and what a compaction costs.

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
from reader.records import annotation_to_doc, utc_now
from reader.store import Store, _journal
from reader.store._files import SCHEMA_VERSION
from reader.store._history import HISTORY_LIMIT

PER_ARTICLE = 50
LABELS = ("claim", "context", "quote")
ANNOTATOR = "bench"
STOCK_BUDGET_S = 20.0
#: Below this, an article is rewritten whole on every save (no journal).
COMPACT = _journal.COMPACT_BELOW
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
            "meta": {"1": {"schema": SCHEMA_VERSION}},
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


def fill_one_article(root: Path, n: int, rng: random.Random) -> dict[int, str]:
    """Write a store whose one article has ``n`` tags (and a full history), straight to disk."""
    Store(root)
    now = utc_now()
    labels: dict[int, str] = {}
    annotations: dict[str, Any] = {}
    history: dict[str, Any] = {}
    for sentence in range(n):
        start, end = span(sentence)
        label = labels[sentence] = LABELS[sentence % 3]
        state = {"sentence": sentence, "label": label, "created": now, "updated": now}
        state |= {"note": None, "attribution": None}
        key = {"start": start, "end": end, "text": sentence_text(rng), "annotator": ANNOTATOR}
        annotations[str(sentence + 1)] = {**state, **key}
        if sentence >= n - HISTORY_LIMIT:
            history[str(len(history) + 1)] = {"at": now, "annotator": ANNOTATOR, **key}
            history[str(len(history))] |= {"before": None, "after": state, "undone": False}
    record = {"id": article_id(0), "path": "articles/long.txt", "title": "A long article"}
    record |= {"date": None, "byline": None, "sentences": n, "updated": now}
    document = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "article": {"1": record},
        "annotations": annotations,
        "history": history,
    }
    (root / "articles" / f"{article_id(0)}.json").write_text(json.dumps(document))
    return labels


def measure_one_article(n: int, base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Time tags in one article of ``n`` tags: ours and stock TinyDB's, interleaved."""
    rng = random.Random(n)
    folder = Path(tempfile.mkdtemp(prefix=f"reader-bench-one-{n}-", dir=base))
    try:
        labels = fill_one_article(folder / "store", n, rng)
        store = Store(folder / "store")
        aid = article_id(0)
        stock_path = folder / "stock.json"
        stock_docs = {
            str(number): {**annotation_to_doc(a), "article_id": aid}
            for number, a in enumerate(store.annotations(aid), start=1)
        }
        stock_path.write_text(json.dumps({"annotations": stock_docs}))
        stock = TinyDB(stock_path)
        table = stock.table("annotations")
        item = Query()

        def ours() -> float:
            sentence = rng.randrange(n)
            start, end = span(sentence)
            label = labels[sentence] = next_label(labels[sentence])
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
            return time.perf_counter() - began

        def theirs() -> float:
            sentence = rng.randrange(n)
            start, end = span(sentence)
            doc = {**stock_docs["1"], "sentence": sentence, "start": start, "end": end}
            doc["label"] = next_label(labels.get(sentence))
            began = time.perf_counter()
            table.upsert(doc, (item.start == start) & (item.annotator == ANNOTATOR))
            return time.perf_counter() - began

        for _ in range(10):  # warm up; the first save also compacts a file written by hand
            ours()
        timed: list[float] = []
        stock_times: list[float] = []
        budget_end = time.perf_counter() + STOCK_BUDGET_S
        for _ in range(args.saves):
            timed.append(ours())
            if len(stock_times) < args.stock_saves and (
                len(stock_times) < 5 or time.perf_counter() < budget_end
            ):
                stock_times.append(theirs())
        stock.close()
        articles = folder / "store" / "articles"
        on_disk = sum(p.stat().st_size for p in articles.iterdir())
        # A compaction (one whole rewrite, as when the journal outgrows the snapshot).
        path = articles / f"{aid}.json"
        began = time.perf_counter()
        with _journal.edit(path, None) as article:
            _journal.compact(article)
        compaction = time.perf_counter() - began
        snapshot_bytes = path.stat().st_size
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    saves, stock_ms = ms(timed), ms(stock_times)
    # A journal line per save; a compaction once the journal outgrows the snapshot.
    per_save_line = max(1, (on_disk - snapshot_bytes) // max(1, len(timed) + 10))
    saves_per_compaction = max(_journal.JOURNAL_AT_LEAST, snapshot_bytes) / per_save_line
    amortised = compaction * 1000 / saves_per_compaction if snapshot_bytes > COMPACT else None
    return {
        "tags": n,
        "save_median_ms": round(statistics.median(saves), 2),
        "save_p95_ms": round(p95(saves), 2),
        "compaction_ms": round(compaction * 1000, 1),
        "compaction_per_save_ms": None if amortised is None else round(amortised, 3),
        "snapshot_kb": round(snapshot_bytes / 1024),
        "stock_save_median_ms": round(statistics.median(stock_ms), 2),
        "stock_saves": len(stock_ms),
        "ratio": round(statistics.median(stock_ms) / statistics.median(saves), 1),
    }


def print_one_article(rows: list[dict[str, Any]], args: argparse.Namespace, base: Path) -> None:
    """Print the one-article results as a plain-text table."""
    print(
        f"one article with N tags: {args.saves} durable tags each (ours), stock TinyDB's "
        f"upserts interleaved with them, in {base}"
    )
    header = (
        f"{'tags':>7}  {'save median':>11}  {'save p95':>9}  {'snapshot':>9}  "
        f"{'compaction':>10}  {'per save':>9}  {'stock save median':>17}  {'stock/ours':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        per_save = row["compaction_per_save_ms"]
        spread = "  (whole)" if per_save is None else f"{per_save:>6.3f} ms"
        print(
            f"{row['tags']:>7,}  {row['save_median_ms']:>8.2f} ms  {row['save_p95_ms']:>6.2f} ms  "
            f"{row['snapshot_kb']:>6,} KB  {row['compaction_ms']:>7.1f} ms  {spread:>9}  "
            f"{row['stock_save_median_ms']:>11.1f} ms ({row['stock_saves']:>2})  "
            f"{row['ratio']:>9.1f}x"
        )
    print(
        "save: Store.tag, fsync included; compaction: one whole rewrite of the article, done "
        "once the journal outgrows the snapshot; per save: its cost spread over the saves "
        "between two compactions ((whole): a small article is rewritten whole on every save)"
    )


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
    parser.add_argument(
        "--one-article",
        metavar="SIZES",
        help="instead: tags in ONE article of these sizes (e.g. 100,1000,10000,50000)",
    )
    args = parser.parse_args(argv)
    if args.one_article:
        try:
            tags = [int(size) for size in args.one_article.split(",")]
        except ValueError:
            parser.error(
                f"--one-article must be comma-separated integers, not {args.one_article!r}"
            )
        if any(size < 1 for size in tags):
            parser.error("sizes must be at least 1")
        found = [measure_one_article(n, args.dir, args) for n in tags]
        if args.json:
            print(json.dumps({"one_article": found}))
        else:
            print_one_article(found, args, args.dir)
        return 0
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
