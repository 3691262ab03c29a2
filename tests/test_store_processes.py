"""Real processes against one store: killed with SIGKILL mid-save, and writing at once."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.store import Store

ARTICLE = "0123456789abcdef"
REPO = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "helpers" / "store_worker.py"
REVIEWER = Path(__file__).resolve().parent / "helpers" / "review_worker.py"


def _worker(
    root: Path, annotator: str, first: int, count: int, *extra: str
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [
            sys.executable,
            str(WORKER),
            str(root),
            ARTICLE,
            annotator,
            str(first),
            str(count),
            *extra,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _confirmed(output: str) -> dict[int, str]:
    saves = {}
    for line in output.splitlines():
        word, sentence, label = line.split()
        assert word == "ok"
        saves[int(sentence)] = label
    return saves


def _assert_every_file_parses(root: Path) -> None:
    json.loads((root / "store.json").read_bytes())
    for path in (root / "articles").glob("*.json"):
        json.loads(path.read_bytes())


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_confirmed_save(tmp_path: Path) -> None:
    root = tmp_path / "store"
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    confirmed: dict[int, str] = {}
    rounds_with_saves = 0
    for round_number in range(30):
        worker = _worker(root, "ana", round_number * 10_000, 5_000)
        # Mostly while it saves in a tight loop; now and then during start-up, while it
        # creates the store.
        time.sleep(rng.uniform(0.0, 0.6))
        worker.send_signal(signal.SIGKILL)
        output, errors = worker.communicate(timeout=30)
        assert worker.returncode == -signal.SIGKILL, errors
        saves = _confirmed(output)
        rounds_with_saves += bool(saves)
        confirmed.update(saves)
        if root.joinpath("store.json").exists():
            _assert_every_file_parses(root)

    stored = {a.sentence: a.label for a in Store(root).annotations(ARTICLE)}
    lost = {s: label for s, label in confirmed.items() if stored.get(s) != label}
    assert not lost, f"seed {seed}: confirmed saves missing after SIGKILL: {sorted(lost)[:10]}"
    assert rounds_with_saves >= 15, f"seed {seed}: the kills mostly missed the saves"
    # Nothing is left behind but the files and their locks (a killed save's fixed-name
    # temporary file is reused by the next save, so at most one per article).
    names = {p.name for p in (root / "articles").iterdir()}
    assert names <= {f"{ARTICLE}.{end}" for end in ("json", "lock", "json.tmp", "journal")}


@pytest.mark.slow
@pytest.mark.parametrize("compact_below", ["0", str(256 * 1024)], ids=["journal", "whole"])
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, compact_below: str) -> None:
    root = tmp_path / "store"
    Store(root)
    # Each worker stays at most AHEAD saves ahead of the other: they write at the same
    # time (within a few saves of each other) whatever the scheduler of a loaded machine
    # does, and their saves must interleave.
    ahead = 3
    counts = [tmp_path / "0.count", tmp_path / "1.count"]
    workers = [
        _worker(
            root, "ana", first, 200, "--wait", "--history", "1000",
            "--compact-below", compact_below,
            "--pace", str(counts[index]), str(counts[1 - index]), str(ahead),
        )
        for index, first in enumerate((0, 1_000))
    ]  # fmt: skip
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n"
    for worker in workers:  # start both together
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors

    expected = set(range(200)) | set(range(1_000, 1_200))
    assert set(_confirmed(outputs[0][0])) | set(_confirmed(outputs[1][0])) == expected
    store = Store(root)
    assert {a.sentence for a in store.annotations(ARTICLE)} == expected
    # Every change is also in the history, in the order the saves happened.
    tables = store._peek(ARTICLE)  # the snapshot and its journal
    assert tables is not None
    history = tables.data["history"]
    entries = [history[key] for key in sorted(history, key=int)]
    assert sorted(entry["start"] // 100 for entry in entries) == sorted(expected)
    # The two really wrote at the same time: their saves interleave. Neither got more than
    # `ahead` saves ahead of the other, so neither made more than 2 * ahead in a row in
    # the order the history kept (one run after the other would be 200 in a row).
    writers = [entry["start"] // 100 < 1_000 for entry in entries]
    longest = max(len(list(run)) for _, run in itertools.groupby(writers))
    assert longest <= 2 * ahead, f"the workers did not write at once ({longest} saves in a row)"


@pytest.mark.slow
def test_two_annotators_and_a_reviewer_at_once(tmp_path: Path) -> None:
    """Three analysts on one store, each in their own process (one server, three SSH
    sessions): two annotators tag the same sentences while a reviewer settles them."""
    from reader.store import Review

    root = tmp_path / "store"
    Store(root)
    count = 60
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reviewer = subprocess.Popen(
        [sys.executable, str(REVIEWER), str(root), ARTICLE, "rita", "0", str(count), "--wait"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    workers = [
        _worker(root, name, 0, count, "--wait", "--history", "1000") for name in ("ana", "bob")
    ]
    everyone = [*workers, reviewer]
    for process in everyone:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in everyone:  # start all three together
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=120) for process in everyone]
    for process, (_, errors) in zip(everyone, outputs, strict=True):
        assert process.returncode == 0, errors

    store = Store(root)
    for name, (output, _) in zip(("ana", "bob"), outputs, strict=False):
        confirmed = _confirmed(output)
        assert len(confirmed) == count
        assert {a.sentence: a.label for a in store.annotations(ARTICLE, name)} == confirmed
    decided = _confirmed(outputs[2][0])
    review = Review(store, ARTICLE)
    assert {d.sentence: d.label for d in review.decisions()} == decided
    assert all(d.reviewer == "rita" for d in review.decisions())
    # The reviewer never wrote to the annotators' file, and every decision is in its history.
    article = json.loads((root / "articles" / f"{ARTICLE}.json").read_text())
    assert {entry["annotator"] for entry in article["history"].values()} == {"ana", "bob"}
    assert len(article["history"]) == 2 * count
    decisions = json.loads((root / "review" / f"{ARTICLE}.json").read_text())
    assert len(decisions["history"]) == count
    gold = review.gold()
    assert {a.sentence: a.label for a in gold.annotations} == decided
    assert gold.unsettled == ()
