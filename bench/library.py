"""The library at 1,000 and 10,000 articles, beside a bare Textual DataTable of the same rows.

Usage: python bench/library.py [--sizes 1000,10000] [--runs N] [--keys N]

The articles are generated from the project's own (the corpus of ``bench/analyse.py``: each
copy ends with a sentence of its own, so it has its own id), one file each in a folder. Each
app runs in its own process on an 80x24 pseudo-terminal, emulated by pyte, with
``bench/app.py``'s harness (see its docstring), bytecode cached. Measured, per size:

* launch to the first row on screen: the bare app (a DataTable and an Input, the same rows,
  read from one JSON file, added in ``on_mount``), and ``reader FOLDER``, which reads every
  file, counts sentences, reads the store and shows the rows;
* keys: ``down`` (the cursor moves one row), a filter letter (``z``: no row matches, the
  table empties) and ``backspace`` (every row comes back), beside the bare app's ``down``
  and a letter typed into its Input (which filters nothing).

The analysis cache starts empty, so reader's keys are measured while the background
analysis (spaCy in a child process, on the other core) runs: the issue's "while anything
runs in the background". Times are medians. Goals (issue 15): rows within 1.5x the bare
table; keys and filter letters under 20 ms and within 1.5x the bare table's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyse import make_corpus  # noqa: E402
from app import Terminal, environment  # noqa: E402

from reader.analysis import split_article  # noqa: E402
from reader.loaders import load_article  # noqa: E402

BARE_TABLE = """
import json, sys
from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Footer, Input

class Bare(App):
    BINDINGS = [("down", "down", "Down")]

    def compose(self):
        yield Input(placeholder="BARE filter")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        for name, width in (("Title", 27), ("Date", 10), ("Source", 10), ("Sent.", 5),
                            ("Tagged", 11), ("Ent.", 4)):
            table.add_column(name, key=name, width=width)
        with open(sys.argv[1], encoding="utf-8") as stream:
            for number, row in enumerate(json.load(stream)):
                table.add_row(*(Text(cell) for cell in row), key=str(number))
        self.query_one(Input).focus()

    def action_down(self):
        self.query_one(DataTable).action_cursor_down()

Bare().run()
"""


def rows_of(folder: Path) -> list[list[str]]:
    """The library's rows, in its order (by title): what the bare table shows too."""
    rows = []
    for path in sorted(folder.iterdir()):
        article = load_article(path)
        sentences = len(split_article(article))
        rows.append(
            [
                article.title or path.name,
                article.date or "",
                article.byline or "",
                str(sentences),
                f"░░░░ 0/{sentences}",
                "…",
            ]
        )
    rows.sort(key=lambda row: (row[0].casefold(), row[0]))
    return rows


def launch(argv: list[str], env: dict[str, str], needle: str) -> tuple[Terminal, float]:
    """Start an app; seconds until ``needle`` (the first row's title) is on screen."""
    term = Terminal(argv, env)
    return term, term.wait_for(needle, timeout=300)


def keys(term: Terminal, presses: dict[str, bytes], count: int) -> dict[str, float]:
    """Median seconds per key, each key pressed ``count`` times."""
    term.settle(0.3)
    found = {}
    for name, data in presses.items():
        times = [term.key(data) for _ in range(count)]
        found[name] = statistics.median(t for t in times if t == t)
    return found


def measure(home: Path, size: int, runs: int, count: int) -> list[tuple[str, float, str]]:
    """The rows of the table for one size."""
    folder = home / f"corpus-{size}"
    folder.mkdir()
    make_corpus(folder, size)
    rows = rows_of(folder)
    table = home / f"rows-{size}.json"
    table.write_text(json.dumps(rows), encoding="utf-8")
    needle = rows[0][0][:20]
    bare_argv = [sys.executable, "-c", BARE_TABLE, str(table)]
    env = environment(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed reader has
    bare_times, reader_times = [], []
    bare_keys: dict[str, list[float]] = {}
    reader_keys: dict[str, list[float]] = {}
    for run in range(runs):  # in turns, each reader run on a fresh store and cache
        term, seconds = launch(bare_argv, env, needle)
        bare_times.append(seconds)
        for name, value in keys(term, {"down": b"\x1b[B", "letter": b"z"}, count).items():
            bare_keys.setdefault(name, []).append(value)
        term.close()
        reader_env = dict(env, XDG_CACHE_HOME=str(home / f"cache-{size}-{run}"))
        argv = [sys.executable, "-m", "reader", str(folder), "--db", str(home / f"db-{run}")]
        term, seconds = launch(argv, reader_env, needle)
        reader_times.append(seconds)
        presses = {"down": b"\x1b[B", "filter letter": b"z", "backspace": b"\x7f"}
        for name, value in keys(term, presses, count).items():
            reader_keys.setdefault(name, []).append(value)
        term.close()
    bare = statistics.median(bare_times)
    ours = statistics.median(reader_times)
    found: list[tuple[str, float, str]] = [
        (f"{size} articles: bare DataTable, first row on screen", bare, "baseline"),
        (
            f"{size} articles: reader library, first row on screen",
            ours,
            f"{ours / bare:.2f}x bare; goal 1.5x: {'met' if ours <= 1.5 * bare else 'MISSED'}",
        ),
    ]
    bare_down = statistics.median(bare_keys["down"])
    bare_letter = statistics.median(bare_keys["letter"])
    found += [
        (f"{size} articles: bare DataTable, key down", bare_down, "baseline"),
        (f"{size} articles: bare Input, a letter", bare_letter, "baseline"),
    ]
    for name, values in reader_keys.items():
        value = statistics.median(values)
        base = bare_down if name == "down" else bare_letter
        ok = value < 0.020 and value <= 1.5 * base
        found.append(
            (
                f"{size} articles: reader library, {name}",
                value,
                f"{value / base:.2f}x bare; goal < 20 ms and 1.5x: {'met' if ok else 'MISSED'}",
            )
        )
    return found


def main() -> None:
    """Measure each size and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=20)
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="reader-bench-library-"))
    try:
        found = []
        for size in (int(s) for s in options.sizes.split(",")):
            found += measure(home, size, options.runs, options.keys)
        print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; medians of {options.runs}")
        print(f"{'measure':<58} {'median':>9}  note")
        for label, value, note in found:
            shown = f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
            print(f"{label:<58} {shown:>9}  {note}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
