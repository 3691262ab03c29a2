"""``reader analyse --processes 2`` as a real process with its workers: Ctrl+C, SIGTERM
and a worker's death each end the run in one line, and no worker outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from process_support import children, wait_gone

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "articles", REPO / "tests" / "data" / "articles"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty articles, each with a closing sentence of its own (its own id): enough for
    two worker processes, and for work to remain once the first result is out."""
    folder = tmp_path_factory.mktemp("corpus")
    originals = sorted(p for s in SOURCES for p in s.iterdir() if p.suffix in (".txt", ".md"))
    for number in range(40):
        original = originals[number % len(originals)]
        text = original.read_text(encoding="utf-8").rstrip("\n")
        text += f"\n\nThis copy is number {number} of the test corpus.\n"
        (folder / f"{number:03d}-{original.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def running(corpus: Path) -> Iterator[tuple[subprocess.Popen[str], list[int]]]:
    """``reader analyse`` in two processes, in a process group of its own (as a terminal
    would run it), once its first article is out; with its workers' ids."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "analyse", str(corpus), "--json", "--no-cache"]
        + ["--processes", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().startswith("{")
        workers = children(process.pid)
        assert len(workers) == 2
        yield process, workers
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def test_ctrl_c_stops_the_run_and_its_workers(
    running: tuple[subprocess.Popen[str], list[int]],
) -> None:
    process, workers = running
    os.killpg(process.pid, signal.SIGINT)  # the terminal sends it to the whole group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "reader: interrupted\n"  # no traceback, from the workers either
    assert wait_gone(workers, 10)


def test_sigterm_stops_the_workers(running: tuple[subprocess.Popen[str], list[int]]) -> None:
    process, workers = running
    process.terminate()
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGTERM
    assert wait_gone(workers, 20), "a worker outlived reader analyse"


def test_a_worker_that_dies_ends_the_run_in_one_line(
    running: tuple[subprocess.Popen[str], list[int]],
) -> None:
    process, workers = running
    os.kill(workers[0], signal.SIGKILL)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.startswith("reader: a worker process was killed by signal 9 unexpectedly")
    assert err.count("\n") == 1
    assert wait_gone(workers, 10)
