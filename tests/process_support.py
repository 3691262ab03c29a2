"""Looking at processes through ``/proc`` (Linux), for the tests that check no worker or
child process outlives what it is for."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_gone(pids: Iterable[int], seconds: float) -> bool:
    """Wait up to ``seconds`` for every one of ``pids`` to end; whether they all did."""
    pids = list(pids)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def _stats() -> Iterable[tuple[int, list[str]]]:
    """Each process's pid and the fields of its ``stat`` after the command name."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        yield int(stat.parent.name), fields


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    return [child for child, fields in _stats() if int(fields[1]) == pid]


def group(pgid: int) -> list[int]:
    """The running processes of the process group ``pgid``."""
    return [pid for pid, fields in _stats() if fields[0] != "Z" and int(fields[2]) == pgid]
