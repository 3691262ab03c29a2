"""Benchmark: how long a durable save and an article open take as the store grows.

For each size it fills a fresh store with that many annotations (50 per article, each with
the history entry its tagging left), then times, through :class:`reader.store.Store`:

* saves: ``Store.tag`` changing the label of a random sentence of a random article, each
  one locked, written, fsynced and renamed before it returns;
* opens: what the app does when it opens an article: ``register_article`` (unchanged, so
  no write), ``annotations``, ``position`` and ``entity_corrections``.

Interleaved with our saves, in the same loop so that all see the same disk at the same
moment, the same saves on two baselines holding the same annotations:

* SQLite (the standard library's ``sqlite3``, WAL, ``synchronous=FULL``): one row per
  annotation, upserted by article, offsets and annotator, plus the history row that undo
  needs (ours writes one too), one transaction committed per save;
* stock TinyDB with its ``JSONStorage`` (one file, no fsync), which rewrites its whole
  file on every save, so it gets fewer saves at large sizes (``--stock-saves``, spread
  over the run, and at most about 20 s per size).

Then the carry-over's lookup (``Store.find_by_path``, run when an article is first
opened, to find the earlier versions of its file) in stores of 1,000 and 10,000 articles
(``--lookup-articles``): the full scan of every article's record that it was before the
path index, and the index, in the same loop, each from a new ``Store`` (a new process,
nothing in memory) and from one that has read the store before (records cached).

Usage::

    python bench/store.py [--sizes 1000,10000,100000] [--json] [--saves 200]
                          [--stock-saves 20] [--lookup-articles 1000,10000]
                          [--lookups 20] [--dir FOLDER]
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
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from reader.atomic import atomic_write
from reader.errors import StoreError
from reader.records import ArticleRecord, annotation_to_doc, utc_now
from reader.store import Store, _journal
from reader.store._files import SCHEMA_VERSION
from reader.store._history import HISTORY_LIMIT

PER_ARTICLE = 50
LABELS = ("claim", "context", "quote")
ANNOTATOR = "bench"
STOCK_BUDGET_S = 20.0
#: Tags per article in the lookup's stores, and the time the full scans may take per size.
LOOKUP_TAGS = 10
LOOKUP_BUDGET_S = 60.0
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


def fill(
    root: Path, n: int, rng: random.Random, per_article: int = PER_ARTICLE, versions: int = 1
) -> dict[tuple[str, int], str]:
    """Write a store with ``n`` annotations straight to disk; return each sentence's label.

    The files are written in the store's own layout but without the store's per-save
    fsync, which would make filling 100,000 annotations take minutes. Each path has
    ``versions`` articles (an edited file's versions); the store has no path index, as an
    older reader leaves it, so the first lookup builds it.
    """
    Store(root)
    articles = root / "articles"
    labels: dict[tuple[str, int], str] = {}
    now = utc_now()
    for number in range(math.ceil(n / per_article)):
        aid = article_id(number)
        count = min(per_article, n - number * per_article)
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
                    "path": path_of(number, versions),
                    "title": f"Article {number}",
                    "date": "2025-01-01",
                    "byline": "Reuters",
                    "sentences": per_article + 10,
                    "updated": now,
                }
            },
            "annotations": annotations,
            "history": history,
            "state": {"1": {"annotator": ANNOTATOR, "sentence": 3, "updated": now}},
        }
        (articles / f"{aid}.json").write_text(json.dumps(document, separators=(",", ":")))
    return labels


def path_of(number: int, versions: int = 1) -> str:
    """The path the number-th article was opened from (``versions`` articles a path)."""
    return f"articles/{article_id(number // versions)}.txt"


def next_label(current: str | None) -> str:
    """A label different from ``current``, so that every timed save really writes."""
    return LABELS[(LABELS.index(current) + 1) % 3] if current else LABELS[0]


def ms(seconds: list[float]) -> list[float]:
    """Sorted milliseconds."""
    return sorted(s * 1000 for s in seconds)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank) of sorted values."""
    return values[max(0, math.ceil(0.95 * len(values)) - 1)]


class Ours:
    """Durable label changes through ``Store.tag``, with the disk's floor beside each.

    The floor is the same durable replacement of a file of the same size (write, fsync,
    rename, fsync the folder) with no store logic around it, timed right after each save,
    so that what the disk costs at that moment shows apart from what the store adds.
    """

    def __init__(self, store: Store, labels: dict[tuple[str, int], str]) -> None:
        self.store = store
        self.labels = labels
        self.floor_path = store.root / "articles" / "floor.bin"

    def save(self, key: tuple[str, int]) -> tuple[float, float]:
        """Change one sentence's label; return the save's time and the floor's."""
        aid, sentence = key
        start, end = span(sentence)
        label = self.labels[key] = next_label(self.labels[key])
        began = time.perf_counter()
        self.store.tag(
            aid,
            sentence=sentence,
            start=start,
            end=end,
            text="A sentence.",
            label=label,
            annotator=ANNOTATOR,
        )
        took = time.perf_counter() - began
        size = (self.store.root / "articles" / f"{aid}.json").stat().st_size
        began = time.perf_counter()
        atomic_write(self.floor_path, b"x" * size, locked=True)
        return took, time.perf_counter() - began


def annotation_rows(labels: dict[tuple[str, int], str], rng: random.Random) -> list[dict[str, Any]]:
    """The annotations of ``labels`` as flat rows (with their article id), for baselines."""
    now = utc_now()
    rows = []
    for (aid, sentence), label in labels.items():
        start, end = span(sentence)
        rows.append(
            {
                "article_id": aid,
                "sentence": sentence,
                "start": start,
                "end": end,
                "text": sentence_text(rng),
                "label": label,
                "annotator": ANNOTATOR,
                "created": now,
                "updated": now,
                "note": None,
                "attribution": None,
            }
        )
    return rows


class Sqlite:
    """The same saves in SQLite: WAL, ``synchronous=FULL``, one transaction per save."""

    COLUMNS = (
        "article_id, sentence, start, end, text, label, annotator, created, updated, note, "
        "attribution"
    )

    def __init__(self, path: Path, rows: list[dict[str, Any]]) -> None:
        self.labels = {(row["article_id"], row["sentence"]): row["label"] for row in rows}
        # Autocommit mode, with explicit transactions: one BEGIN ... COMMIT per save.
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute(
            "CREATE TABLE annotations (article_id TEXT, sentence INTEGER, start INTEGER, "
            "end INTEGER, text TEXT, label TEXT, annotator TEXT, created TEXT, updated TEXT, "
            "note TEXT, attribution TEXT, PRIMARY KEY (article_id, start, end, annotator))"
        )
        self.db.execute(
            "CREATE TABLE history (id INTEGER PRIMARY KEY, article_id TEXT, at TEXT, "
            "annotator TEXT, start INTEGER, end INTEGER, text TEXT, before TEXT, after TEXT, "
            "undone INTEGER)"
        )
        marks = ", ".join(f":{name.strip()}" for name in self.COLUMNS.split(","))
        self.db.execute("BEGIN")
        self.db.executemany(f"INSERT INTO annotations ({self.COLUMNS}) VALUES ({marks})", rows)
        self.db.execute("COMMIT")

    def save(self, key: tuple[str, int]) -> float:
        """Upsert one annotation's new label and add its history row, committed."""
        aid, sentence = key
        start, end = span(sentence)
        before = self.labels[key]
        label = self.labels[key] = next_label(before)
        now = utc_now()
        began = time.perf_counter()
        self.db.execute("BEGIN")
        self.db.execute(
            f"INSERT INTO annotations ({self.COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL) "
            "ON CONFLICT (article_id, start, end, annotator) "
            "DO UPDATE SET label = excluded.label, updated = excluded.updated",
            (aid, sentence, start, end, "A sentence.", label, ANNOTATOR, now, now),
        )
        self.db.execute(
            "INSERT INTO history (article_id, at, annotator, start, end, text, before, after, "
            "undone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (aid, now, ANNOTATOR, start, end, "A sentence.", before, label),
        )
        self.db.execute("COMMIT")
        return time.perf_counter() - began

    def close(self) -> None:
        """Close the database."""
        self.db.close()


class Stock:
    """The same saves on stock TinyDB (JSONStorage, one file, whole-file rewrites)."""

    def __init__(self, path: Path, rows: list[dict[str, Any]]) -> None:
        self.labels = {(row["article_id"], row["sentence"]): row["label"] for row in rows}
        self.template = rows[0]
        path.write_text(json.dumps({"annotations": dict(enumerate(rows, start=1))}))
        self.db = TinyDB(path)
        self.table = self.db.table("annotations")

    def save(self, key: tuple[str, int]) -> float:
        """Upsert one annotation's new label."""
        aid, sentence = key
        start, end = span(sentence)
        label = self.labels[key] = next_label(self.labels[key])
        doc = {**self.template, "article_id": aid, "sentence": sentence, "start": start}
        doc |= {"end": end, "label": label}
        item = Query()
        began = time.perf_counter()
        self.table.upsert(
            doc, (item.article_id == aid) & (item.start == start) & (item.annotator == ANNOTATOR)
        )
        return time.perf_counter() - began

    def close(self) -> None:
        """Close the database."""
        self.db.close()


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


def measure(n: int, base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Fill a store of ``n`` annotations and measure it; returns one result row."""
    rng = random.Random(n)
    folder = Path(tempfile.mkdtemp(prefix=f"reader-bench-{n}-", dir=base))
    try:
        began = time.perf_counter()
        labels = fill(folder / "store", n, rng)
        fill_s = time.perf_counter() - began
        rows = annotation_rows(labels, rng)
        ours = Ours(Store(folder / "store"), labels)
        lite = Sqlite(folder / "sqlite.db", rows)
        stock = Stock(folder / "stock.json", rows)
        keys = list(labels)
        for _ in range(10):  # warm up: imports, caches, the CPU's clock
            key = rng.choice(keys)
            ours.save(key)
            lite.save(key)
        time_opens(ours.store, n, 10, rng)
        timed: list[float] = []
        floor: list[float] = []
        sqlite_times: list[float] = []
        stock_times: list[float] = []
        # Stock TinyDB's saves are spread over the loop, so that they see the same disk.
        every = max(1, args.saves // args.stock_saves)
        budget_end = time.perf_counter() + STOCK_BUDGET_S
        for number in range(args.saves):
            key = rng.choice(keys)
            took, bare = ours.save(key)
            timed.append(took)
            floor.append(bare)
            sqlite_times.append(lite.save(key))
            if (
                number % every == 0
                and len(stock_times) < args.stock_saves
                and (len(stock_times) < 5 or time.perf_counter() < budget_end)
            ):
                stock_times.append(stock.save(key))
        lite.close()
        stock.close()
        opens = ms(time_opens(ours.store, n, args.opens, rng))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    saves, floors, lite_ms, stock_ms = ms(timed), ms(floor), ms(sqlite_times), ms(stock_times)
    save_median = statistics.median(saves)
    return {
        "n": n,
        "articles": math.ceil(n / PER_ARTICLE),
        "save_median_ms": round(save_median, 2),
        "save_p95_ms": round(p95(saves), 2),
        "open_median_ms": round(statistics.median(opens), 2),
        "open_p95_ms": round(p95(opens), 2),
        "disk_floor_median_ms": round(statistics.median(floors), 2),
        "sqlite_save_median_ms": round(statistics.median(lite_ms), 3),
        "sqlite_save_p95_ms": round(p95(lite_ms), 3),
        "ours_over_sqlite": round(save_median / statistics.median(lite_ms), 1),
        "stock_save_median_ms": round(statistics.median(stock_ms), 2),
        "stock_saves": len(stock_ms),
        "ratio": round(statistics.median(stock_ms) / save_median, 1),
        "fill_s": round(fill_s, 1),
    }


def full_scan(store: Store, path: str) -> list[ArticleRecord]:
    """``find_by_path`` as it was before the path index: every article's record read."""
    found = []
    for aid in store._article_ids():
        try:
            record = store._article_record(aid)
        except StoreError:
            continue
        if record is not None and record.path == path:
            found.append(record)
    return found


def measure_lookup(articles: int, base: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Time the carry-over's lookup in a store of ``articles``: full scan against index."""
    rng = random.Random(articles)
    folder = Path(tempfile.mkdtemp(prefix=f"reader-bench-lookup-{articles}-", dir=base))
    root = folder / "store"
    try:
        # Articles of 10 tags, two versions of each file.
        fill(root, articles * LOOKUP_TAGS, rng, per_article=LOOKUP_TAGS, versions=2)
        began = time.perf_counter()
        Store(root).find_by_path(path_of(0, 2))  # an older store: the index is built once
        build_s = time.perf_counter() - began
        index_kb = sum(p.stat().st_size for p in (root / "paths").iterdir()) / 1024
        warm = Store(root)
        full_scan(warm, "")  # it has read every record once (a long-running app)
        times: dict[str, list[float]] = {"scan": [], "warm_scan": [], "index": [], "warm_index": []}
        budget_end = time.perf_counter() + LOOKUP_BUDGET_S
        for _ in range(args.lookups):
            path = path_of(rng.randrange(articles), 2)
            expected = None
            for kind in ("scan", "index", "warm_scan", "warm_index"):
                if kind == "scan" and len(times[kind]) >= 5 and time.perf_counter() > budget_end:
                    continue
                store = warm if kind.startswith("warm") else Store(root)
                began = time.perf_counter()
                found = full_scan(store, path) if kind.endswith("scan") else None
                found = store.find_by_path(path) if found is None else found
                times[kind].append(time.perf_counter() - began)
                assert expected is None or found == expected, (kind, path)
                expected = found
                assert len(found) == 2
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    medians = {kind: statistics.median(ms(values)) for kind, values in times.items()}
    return {
        "articles": articles,
        "index_build_s": round(build_s, 2),
        "index_kb": round(index_kb),
        **{f"{kind}_median_ms": round(value, 3) for kind, value in medians.items()},
        "scans": len(times["scan"]),
        "lookups": len(times["index"]),
        "scan_over_index": round(medians["scan"] / medians["index"], 1),
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
    """Print the save and open results as a plain-text table."""
    print(
        f"reader store benchmark: {PER_ARTICLE} annotations per article, {args.saves} "
        f"durable saves (SQLite's interleaved, stock TinyDB's spread among them) and "
        f"{args.opens} opens per size, in {base}"
    )
    header = (
        f"{'annotations':>11}  {'articles':>8}  {'save median':>11}  {'save p95':>8}  "
        f"{'open median':>11}  {'disk floor':>10}  {'sqlite median':>13}  {'ours/sqlite':>11}  "
        f"{'stock save median':>17}  {'stock/ours':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['n']:>11,}  {row['articles']:>8,}  {row['save_median_ms']:>8.2f} ms  "
            f"{row['save_p95_ms']:>5.2f} ms  {row['open_median_ms']:>8.2f} ms  "
            f"{row['disk_floor_median_ms']:>7.2f} ms  {row['sqlite_save_median_ms']:>10.3f} ms  "
            f"{row['ours_over_sqlite']:>10.1f}x  {row['stock_save_median_ms']:>11.1f} ms "
            f"({row['stock_saves']:>2})  {row['ratio']:>9.1f}x"
        )
    print(
        "disk floor: median time of a bare durable file replacement of the same size "
        "(write, fsync, rename, fsync folder), timed after each save"
    )
    print(
        "sqlite: WAL, synchronous=FULL, upsert of the annotation's row and a history row, "
        "one commit per save"
    )
    print("stock: TinyDB JSONStorage, the same upserts on one file (number of saves timed)")


def print_lookups(rows: list[dict[str, Any]], args: argparse.Namespace) -> None:
    """Print the carry-over lookup results as a plain-text table."""
    print(
        f"\ncarry-over lookup (find_by_path), {LOOKUP_TAGS} tags an article, two versions a "
        f"file, up to {args.lookups} lookups a size, all four in the same loop"
    )
    header = (
        f"{'articles':>8}  {'scan (new)':>11}  {'scan (warm)':>11}  {'index (new)':>11}  "
        f"{'index (warm)':>12}  {'scan/index':>10}  {'index build':>11}  {'index size':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['articles']:>8,}  {row['scan_median_ms']:>8.1f} ms  "
            f"{row['warm_scan_median_ms']:>8.1f} ms  {row['index_median_ms']:>8.2f} ms  "
            f"{row['warm_index_median_ms']:>9.2f} ms  {row['scan_over_index']:>9.0f}x  "
            f"{row['index_build_s']:>9.2f} s  {row['index_kb']:>7,} KB"
        )
    print(
        "scan: every article's record read, as before the index (new: a new Store, nothing "
        "in memory; warm: records cached, each file stat'ed); index: one shard and the "
        "versions' files; index build: once, the first lookup in a store without it"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--saves", type=int, default=200, help="timed saves per size")
    parser.add_argument("--opens", type=int, default=100, help="timed article opens per size")
    parser.add_argument("--stock-saves", type=int, default=20, help="stock saves per size")
    parser.add_argument(
        "--lookup-articles", default="1000,10000", help="store sizes for find_by_path ('': none)"
    )
    parser.add_argument("--lookups", type=int, default=20, help="timed lookups per size")
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
        sizes = [int(size) for size in args.sizes.split(",") if size]
        lookup_sizes = [int(size) for size in args.lookup_articles.split(",") if size]
    except ValueError:
        parser.error("--sizes and --lookup-articles must be comma-separated integers")
    counts = (args.saves, args.opens, args.stock_saves, args.lookups)
    if any(size < 1 for size in [*sizes, *lookup_sizes]) or min(counts) < 1:
        parser.error("sizes and counts must be at least 1")
    load_before = os.getloadavg()[0]
    rows = [measure(n, args.dir, args) for n in sizes]
    lookups = [measure_lookup(n, args.dir, args) for n in lookup_sizes]
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    if args.json:
        print(json.dumps({"sizes": rows, "lookup": lookups, "load_average": load}))
    else:
        if rows:
            print_table(rows, args, args.dir)
        if lookups:
            print_lookups(lookups, args)
        print(f"load average (1 min) before / after: {load[0]} / {load[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
