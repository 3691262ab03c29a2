"""Run a job over chunks of work in worker processes, and give the results back in order.

The analysis of many articles (``reader analyse``, the app's analysis child) runs here: each
worker process does the whole job for the chunks it is given, and the parent only hands out
chunks and collects small results, so the parent never becomes the bottleneck that the
workers wait for. Results come back in the order of the chunks, whatever order the workers
finish them in.

Workers never outlive what they are for:

- a worker ignores Ctrl+C (the terminal sends it to the whole process group): the parent
  hears it and stops every worker on its way out;
- a worker whose parent is gone (killed, even with SIGKILL) stops at the next article
  (``job`` yields one result at a time) or within half a second when idle;
- a worker that dies (a crash, the kernel's out-of-memory killer) ends the run with one
  :class:`WorkerError` line, never a hang.

On Linux workers are forked, so a job may carry an object the parent has already loaded
(a spaCy pipeline) and each worker starts with it for free. Elsewhere they are spawned, and
the job must be picklable (it then loads what it needs once per process).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from reader.errors import ReaderError

T = TypeVar("T")
R = TypeVar("R")

#: A job: called in a worker with one chunk, it yields one result per item, in order.
Job = Callable[[Sequence[T]], Iterable[R]]

#: Chunks handed to a worker before it asks for more: the next is there as soon as one ends.
_AHEAD = 2

#: How far ahead of the next result (in chunks per worker) the parent hands out work: it
#: bounds the results kept waiting behind one slow chunk (a very long article).
_WINDOW = 4

#: How often an idle worker checks that its parent is still there (seconds).
_WATCH = 0.5


class WorkerError(ReaderError):
    """A worker process failed or died."""


def _context() -> Any:
    """Fork where it is the platform's default and safe (Linux), else the default."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _error(error: BaseException) -> BaseException:
    """The worker's error as it can travel to the parent: itself if it pickles (a
    :class:`ReaderError` keeps its class and message), else one line about it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any error that does not travel is described instead
        return WorkerError(f"{type(error).__name__}: {error}")
    return error


def _serve(job: Job[T, R], conn: Connection, parent: int, inherited: Sequence[Connection]) -> None:
    """A worker's life: run ``job`` on each chunk received, send its results back."""
    # Ctrl+C reaches the whole process group; the parent stops us. (It was blocked from
    # before the fork, so that none arrives before it is ignored: see _Worker.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for other in inherited:  # the parent's ends to earlier workers, copied by fork
        other.close()
    # A thread takes in the chunks as they come, so that the parent never waits to hand one
    # over (a long article is a large message) while this worker is busy or sending.
    chunks: queue.SimpleQueue[list[T] | None] = queue.SimpleQueue()

    def receive() -> None:
        try:
            while (chunk := conn.recv()) is not None:
                chunks.put(chunk)
        except (EOFError, OSError):
            pass  # the parent is gone
        chunks.put(None)

    threading.Thread(target=receive, name="reader-worker-input", daemon=True).start()
    while True:
        try:
            chunk = chunks.get(timeout=_WATCH)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        if chunk is None:
            return
        results: list[R] = []
        try:
            for result in job(chunk):
                if os.getppid() != parent:
                    return
                results.append(result)
            reply: tuple[str, Any] = ("ok", results)
        except Exception as error:  # noqa: BLE001 - sent to the parent, which raises it
            reply = ("error", _error(error))
        try:
            conn.send(reply)
        except OSError:
            return  # the parent is gone
        except Exception as error:  # noqa: BLE001 - a result that does not pickle: say so
            conn.send(("error", WorkerError(f"a result could not be sent back: {error}")))


class _Worker(Generic[T]):
    """The parent's side of one worker: its process, its pipe, its chunks in flight."""

    def __init__(self, context: Any, job: Job[T, Any], others: Sequence[_Worker[T]]) -> None:
        self.conn, child = context.Pipe()
        inherited = [w.conn for w in others] if context.get_start_method() == "fork" else []
        self.process = context.Process(
            target=_serve,
            args=(job, child, os.getpid(), inherited),
            name="reader-worker",
            daemon=True,  # and so ended by multiprocessing if the parent exits normally
        )
        # Ctrl+C is held back while the worker starts, so that it never reaches a worker
        # that does not ignore it yet (a traceback); the parent gets it just after.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child.close()  # only the worker holds its end: its death is an end of file here
        self.in_flight: deque[int] = deque()

    def died(self) -> WorkerError:
        """The error that says this worker stopped unexpectedly."""
        self.process.join(timeout=1)
        code = self.process.exitcode
        how = f"was killed by signal {-code}" if code is not None and code < 0 else "stopped"
        return WorkerError(
            f"a worker process {how} unexpectedly (exit code {code}); try --processes 1"
        )

    def stop(self, *, now: bool) -> None:
        """Stop the worker: ask it to finish (``now`` false), else end it."""
        if not now:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_in_order(
    job: Job[T, R], chunks: Iterable[list[T]], processes: int
) -> Generator[R, None, None]:
    """Run ``job`` over ``chunks`` in ``processes`` worker processes; yield every result,
    in the order of the chunks and their items.

    Stopping early (closing the iterator, an error, Ctrl+C) stops every worker.

    Raises:
        WorkerError: A worker died, or its job raised an error that cannot be pickled.
        Exception: The error a job raised (a :class:`ReaderError` arrives as itself).
    """
    context = _context()
    workers: list[_Worker[T]] = []
    finished = False
    try:
        for _ in range(max(1, processes)):
            workers.append(_Worker(context, job, workers))
        waiting = enumerate(chunks)
        done: dict[int, list[R]] = {}
        handed = returned = 0
        exhausted = False
        while True:
            for worker in workers:  # keep every worker supplied, within the window
                while (
                    not exhausted
                    and len(worker.in_flight) < _AHEAD
                    and handed < returned + _WINDOW * len(workers)
                ):
                    number, chunk = next(waiting, (-1, []))
                    if number < 0:
                        exhausted = True
                        break
                    try:
                        worker.conn.send(chunk)
                    except OSError:  # not a broken pipe to report as such: a dead worker
                        raise worker.died() from None
                    worker.in_flight.append(number)
                    handed += 1
            while returned in done:
                yield from done.pop(returned)
                returned += 1
            busy = [w for w in workers if w.in_flight]
            if not busy:
                break
            for conn in wait([w.conn for w in busy]):
                worker = next(w for w in busy if w.conn is conn)
                try:
                    kind, value = worker.conn.recv()
                except (EOFError, OSError):
                    raise worker.died() from None
                if kind == "error":
                    raise value
                done[worker.in_flight.popleft()] = value
        finished = True
    finally:
        for worker in workers:
            worker.stop(now=not finished)
