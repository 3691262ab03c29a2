"""The command line turns the garbage collector off for its start-up only (reader.cli.main):
a command runs with it on again, and a caller that passes ``argv`` (a test) is left alone."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from reader.cli import main
from reader.store import Store

# Run as the process's own command line (main() without argv), reporting the collector's
# state from inside the command that runs.
PROBE = """
import gc, json, sys
import reader.commands.stats as stats
real = stats.run

def run(args):
    print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}),
          file=sys.stderr)
    return real(args)

stats.run = run
sys.argv = ["reader", "stats", "--db", sys.argv[1], "--no-entities", "--json"]
import reader.cli
raise SystemExit(reader.cli.main())
"""


def test_a_command_runs_with_the_collector_on_and_start_up_frozen(tmp_path: Path) -> None:
    Store(tmp_path / "store")
    found = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "store")],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    state = json.loads(found.stderr.splitlines()[0])
    assert state["enabled"] is True
    assert state["frozen"] > 1000  # the imported modules, classes and functions
    assert json.loads(found.stdout)["articles"] == []


def test_a_caller_passing_argv_keeps_its_collector(tmp_path: Path) -> None:
    Store(tmp_path / "store")
    frozen = gc.get_freeze_count()
    assert main(["stats", "--db", str(tmp_path / "store"), "--no-entities", "--json"]) == 0
    # Nothing frozen by the command (the count may fall: frozen objects that earlier tests
    # left, such as a library's rows, are still freed when their last reference goes).
    assert gc.isenabled() and gc.get_freeze_count() <= frozen
