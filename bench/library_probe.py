"""Where a library key's time goes, seen from inside the app: a probe beside bench/library.py.

Usage: python bench/library_probe.py CHECKOUT [CHECKOUT ...] [--size 10000] [--turns 2]
                                     [--keys 8] [--early]

Each checkout's reader opens a JSON Lines corpus of ``--size`` lines (generated as
bench/library.py generates it) cold, in turns, on an 80x24 pseudo-terminal, and is pressed
bench/library.py's keys (Down; ``z`` and backspace; ``e`` and backspace) from the moment
its screen has been still for 0.3 s, as that bench does (``--early``: from the first row
on, while the corpus is read). Inside the app a probe (this file, run as the app's main
module with ``--inside``) records:

* each key's arrival in Textual's input thread, and every write of the output thread
  (when, how many bytes, and the first bytes, to tell a key's frame from a background one);
* every garbage collection (generation, duration, thread);
* each thread's CPU and run-queue time and each child process's (``/proc``'s schedstat),
  with the children's niceness, at each key's arrival and at each write.

Printed per checkout: each key's time as bench/library.py counts it (to the last byte
of the update, 40 ms of silence ending it) beside the time to the key's own frame; what
the later frames in a key's window were (the analysis's progress line, the filter's
cursor blink, rows); full collections during the keys; and the medians of the app's
main and output threads' run-queue waits. The probe's own reads of ``/proc`` cost the
app about a millisecond a key: compare checkouts, not absolute figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import runpy
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

PRESSES = {"down": b"\x1b[B", "z": b"z", "backspace": b"\x7f", "e": b"e"}


def _children(parent: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                with open(f"/proc/{entry.name}/stat", encoding="ascii") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                if fields[1] == str(parent):
                    found.append(int(entry.name))
    return found


def _schedstat(folder: str) -> tuple[int, int]:
    cpu = wait = 0
    for task in os.scandir(folder + "/task"):
        with contextlib.suppress(OSError, ValueError):
            with open(task.path + "/schedstat", encoding="ascii") as stat:
                used, waited, _ = map(int, stat.read().split())
            cpu, wait = cpu + used, wait + waited
    return cpu, wait


def inside(log_path: str, argv: list[str]) -> None:
    """Run ``python -m reader ARGV`` in this process with the probe; the log at exit."""
    now = time.perf_counter
    log: list[Any] = []
    kids: list[Any] = [0.0, []]

    def stats() -> dict[str, tuple[int, int]]:
        names = {t.native_id: t.name for t in threading.enumerate()}
        found = {}
        for task in os.scandir("/proc/self/task"):
            with contextlib.suppress(OSError, ValueError):
                with open(task.path + "/schedstat", encoding="ascii") as stat:
                    used, waited, _ = map(int, stat.read().split())
                found[names.get(int(task.name), "thread " + task.name)] = (used, waited)
        if now() - kids[0] > 0.25:  # a scan of /proc is slow: the children change rarely
            kids[:] = [now(), _children(os.getpid())]
        for pid in kids[1]:
            with contextlib.suppress(OSError, ValueError, IndexError):
                with open(f"/proc/{pid}/cmdline", encoding="utf-8") as cmd:
                    name = next(p for p in cmd.read().split("\0") if p.startswith("reader."))
                niceness = os.getpriority(os.PRIO_PROCESS, pid)
                found[f"{name} (nice {niceness})"] = _schedstat(f"/proc/{pid}")
        return found

    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = now()
        else:
            took = now() - started[0]
            log.append(
                ("gc", started[0], took, info["generation"], threading.current_thread().name)
            )

    gc.callbacks.append(on_gc)

    from textual import events
    from textual.drivers import _writer_thread, linux_driver

    process_message = linux_driver.LinuxDriver.process_message

    def key_in(self: Any, message: Any) -> None:
        if isinstance(message, events.Key):
            log.append(("key", now(), message.key, stats()))
        process_message(self, message)

    def write_out(self: Any) -> None:  # WriterThread.run, each write logged
        while (text := self._queue.get()) is not None:
            self._file.write(text)
            if self._queue.qsize() == 0:
                self._file.flush()
                log.append(("frame", now(), len(text), text[:24], stats()))
        self._file.flush()

    linux_driver.LinuxDriver.process_message = key_in  # type: ignore[method-assign]
    _writer_thread.WriterThread.run = write_out  # type: ignore[method-assign]

    def dump() -> None:
        Path(log_path).write_text(json.dumps(log), encoding="utf-8")

    sys.argv = ["reader", *argv]
    try:
        runpy.run_module("reader", run_name="__main__", alter_sys=True)
    finally:
        dump()


def kind_of(head: str) -> str:
    """What a frame drew, from its first bytes (the 80x24 library screen's rows)."""
    if head.startswith("\x1b[23;"):
        return "progress line"
    if head.startswith("\x1b[1;1H") or head.startswith("\x1b[2;"):
        return "filter (cursor blink)"
    return "rows or scroll bar"


def drive(checkout: Path, home: Path, corpus: Path, needle: str, options: Any) -> dict[str, Any]:
    """One cold run of ``checkout``'s reader on ``corpus``, keys pressed; what was seen."""
    from app import Terminal, environment

    run = tempfile.mkdtemp(dir=home)
    env = environment(home)
    env.update(
        PYTHONPATH=str(checkout),
        XDG_CACHE_HOME=run + "/cache",
        PROBE_LOG=run + "/probe.json",
    )
    argv = [sys.executable, __file__, "--inside", str(corpus), "--db", run + "/db"]
    term = Terminal(argv, env, checkout)
    term.wait_for(needle, timeout=600)
    term.settle(0.05 if options.early else 0.3)
    order = ["down"] * options.keys + ["z", "backspace", "e", "backspace"] * options.keys
    pressed = []
    for name in order:
        term.settle()
        sent = time.perf_counter()
        os.write(term.fd, PRESSES[name])
        term.read(2.0)
        term.settle(0.04)
        pressed.append((name, sent, term.last_output - sent))
    term.close()
    with contextlib.suppress(OSError):
        os.killpg(term.pid, signal.SIGKILL)
    log = json.loads(Path(run, "probe.json").read_text(encoding="utf-8"))
    frames = [e for e in log if e[0] == "frame"]
    keys = [e for e in log if e[0] == "key"]
    seen: dict[str, Any] = {"last byte": {}, "own frame": {}, "later": Counter(), "waits": {}}
    for name, sent, took in pressed:
        window = [f for f in frames if sent <= f[1] <= sent + took + 0.001]
        arrived = next((k for k in keys if k[1] >= sent - 0.001), None)
        if not window or arrived is None:
            continue
        seen["last byte"].setdefault(name, []).append(took * 1000)
        seen["own frame"].setdefault(name, []).append((window[0][1] - sent) * 1000)
        seen["later"].update(kind_of(f[3]) for f in window[1:])
        for thread in ("MainThread", "textual-output"):
            before, after = arrived[3].get(thread), window[-1][4].get(thread)
            if before and after:
                seen["waits"].setdefault(thread, []).append((after[1] - before[1]) / 1e6)
    first, last = pressed[0][1], pressed[-1][1] + pressed[-1][2]
    seen["full collections"] = [
        f"{e[2] * 1000:.1f} ms in {e[4]}"
        for e in log
        if e[0] == "gc" and e[3] == 2 and first <= e[1] <= last
    ]
    seen["children"] = sorted({n for k in keys for n in k[3] if n.startswith("reader.")})
    shutil.rmtree(run, ignore_errors=True)
    return seen


def main() -> None:
    """Run the checkouts in turns and print what the probe saw."""
    if sys.argv[1:2] == ["--inside"]:
        inside(os.environ["PROBE_LOG"], sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--keys", type=int, default=8)
    parser.add_argument("--early", action="store_true", help="keys while the corpus is read")
    options = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from analyse import make_corpus
    from library import make_jsonl, rows_of

    from reader.loaders import load_articles

    home = Path(tempfile.mkdtemp(prefix="reader-library-probe-"))
    try:
        folder, corpus = home / "corpus", home / "corpus.jsonl"
        folder.mkdir()
        make_corpus(folder, options.size)
        make_jsonl(folder, corpus)
        # The first row's title, as bench/library.py waits for it.
        needle = rows_of([(a, corpus.name) for a in load_articles(corpus)])[0][0][:20]
        runs: dict[Path, list[dict[str, Any]]] = {}
        for _ in range(options.turns):
            for checkout in options.checkouts:
                runs.setdefault(checkout, []).append(
                    drive(checkout.resolve(), home, corpus, needle, options)
                )
        print(
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f};"
            f" medians of {options.turns} runs"
        )
        for checkout, seen in runs.items():
            print(f"\n{checkout}: children {seen[0]['children']}")
            for what in ("last byte", "own frame"):
                found = {
                    k: statistics.median(v for s in seen for v in s[what].get(k, []))
                    for k in PRESSES
                }
                print(f"  {what:<9} " + ", ".join(f"{k} {v:.1f} ms" for k, v in found.items()))
            waits = {
                t: statistics.median(v for s in seen for v in s["waits"].get(t, [0]))
                for t in ("MainThread", "textual-output")
            }
            print(
                "  run-queue wait a key, median: "
                + ", ".join(f"{t} {v:.1f} ms" for t, v in waits.items())
            )
            later = sum((s["later"] for s in seen), Counter())
            print(f"  later frames in keys' windows: {dict(later)}")
            collections = [c for s in seen for c in s["full collections"]]
            print(f"  full collections during the keys: {collections}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
