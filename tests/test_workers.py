"""Worker processes (reader.workers): results in order, errors as one line, and no worker
ever left behind: not when the run stops early, not when a worker dies, not when the
parent is killed. The pool runs plain Python jobs here; tests/test_cli_analyse_processes.py
runs it under ``reader analyse`` with the model."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence

import pytest
from process_support import wait_gone

from reader.errors import ArticleError
from reader.workers import WorkerError, run_in_order


def _squares(chunk: Sequence[int]) -> Iterator[int]:
    for number in chunk:
        if number == 0:  # the first chunk is much slower: the second worker finishes first
            sum(range(3_000_000))
        yield number * number


def _fails_on_seven(chunk: Sequence[int]) -> Iterator[int]:
    for number in chunk:
        if number == 7:
            raise ArticleError("seven is not an article")
        yield number


def _dies_on_seven(chunk: Sequence[int]) -> Iterator[int]:
    for number in chunk:
        if number == 7:
            os.kill(os.getpid(), signal.SIGKILL)
        yield number


def _chunks(count: int, size: int = 3) -> list[list[int]]:
    return [list(range(start, min(start + size, count))) for start in range(0, count, size)]


def test_results_come_back_in_the_order_of_the_chunks() -> None:
    found = list(run_in_order(_squares, _chunks(40), 2))
    assert found == [n * n for n in range(40)]
    assert not multiprocessing.active_children()


def test_an_error_in_a_job_arrives_as_itself_and_stops_the_workers() -> None:
    with pytest.raises(ArticleError, match="seven is not an article"):
        list(run_in_order(_fails_on_seven, _chunks(20), 2))
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_one_error_not_a_hang() -> None:
    with pytest.raises(WorkerError, match="killed by signal 9") as caught:
        list(run_in_order(_dies_on_seven, _chunks(20), 2))
    assert "\n" not in str(caught.value)
    assert not multiprocessing.active_children()


def test_stopping_early_stops_the_workers() -> None:
    results = run_in_order(_squares, _chunks(300), 2)
    assert next(results) == 0
    workers = multiprocessing.active_children()
    assert len(workers) == 2
    results.close()
    assert not multiprocessing.active_children()
    assert all(not worker.is_alive() for worker in workers)


@pytest.mark.parametrize("busy", [True, False])
def test_workers_leave_when_their_parent_is_killed(busy: bool) -> None:
    # The parent hands out one short chunk and then, if busy, chunks that last minutes (else
    # none: its workers wait for more); says its workers' ids, and is killed outright.
    parent = textwrap.dedent(
        f"""
        import multiprocessing, os, signal, time
        from reader.workers import run_in_order

        def job(chunk):
            for number in chunk:
                time.sleep(0.1)
                yield number

        chunks = [[0]] + [list(range(1, 1000))] * (3 if {busy!r} else 0)
        results = run_in_order(job, chunks, 2)
        next(results)
        print(*(p.pid for p in multiprocessing.active_children()), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    workers = [int(pid) for pid in process.stdout.readline().split()]
    process.wait(timeout=60)
    assert len(workers) == 2 and process.returncode == -signal.SIGKILL
    assert wait_gone(workers, 20), "a worker outlived its parent"
