"""The library at 1,000 and 10,000 articles, beside a bare Textual DataTable of the same rows.

Usage: python bench/library.py [--sizes 1000,10000] [--jsonl-sizes 10000] [--runs N]
                               [--keys N] [--compare CHECKOUT]

The articles are generated from the project's own (the corpus of ``bench/analyse.py``: each
copy ends with a sentence of its own, so it has its own id), one file each in a folder, and
the same articles as one JSON Lines corpus. Each app runs in its own process on an 80x24
pseudo-terminal, emulated by pyte, with ``bench/app.py``'s harness (see its docstring),
bytecode cached. Measured, per size:

* launch to the first row on screen: the bare app (a DataTable and an Input, the same rows,
  read from one JSON file, added in ``on_mount``), and ``reader FOLDER`` (or ``reader
  CORPUS.jsonl``): cold (a fresh store and cache), then warm (the same again: the library's
  index and the analyses the first run finished);
* keys: ``down`` (the cursor moves one row); a filter letter that no row matches (``z``:
  the list empties) and ``backspace`` (every row comes back); a letter that most rows match
  (``e``) and ``backspace`` after it; beside the bare app's ``down`` and a letter typed into
  its Input (which filters nothing);
* for a folder, every row made in this process as the library's loading thread makes them:
  from the files, then from the index that left (the warm reopen's work).

``--compare`` runs another checkout's reader (``PYTHONPATH=CHECKOUT``, in that checkout's
folder) in the same turns, for a before and after in one run. reader's keys are measured
while the background work runs: loading the files (cold), reading the tag counts, and the
analysis (spaCy in a child process, on the other core): the issue's "while anything runs
in the background". Each app's process group is killed after it quits, so no analysis
child outlives its run. Times are medians. Goals (issue 15): rows within 1.5x the bare
table; keys and filter letters under 20 ms and within 1.5x the bare table's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyse import make_corpus  # noqa: E402
from app import REPO, Terminal, environment  # noqa: E402

from reader.analysis import body_sentences, split_article  # noqa: E402
from reader.article import Article  # noqa: E402
from reader.loaders import load_article, load_articles  # noqa: E402
from reader.reading.library_index import LibraryIndex  # noqa: E402
from reader.reading.library_load import RowLoader  # noqa: E402

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


def row_of(article: Article, name: str) -> list[str]:
    """One article's row as the library shows it at first."""
    sentences = split_article(article)
    body = len(body_sentences(sentences))
    return [
        article.title or name,
        article.date or "",
        article.byline or "",
        str(len(sentences)),
        f"░░░░ 0/{body}",
        "…",
    ]


def rows_of(articles: list[tuple[Article, str]]) -> list[list[str]]:
    """The library's rows, in its order (by title): what the bare table shows too."""
    rows = [row_of(article, name) for article, name in articles]
    rows.sort(key=lambda row: (row[0].casefold(), row[0]))
    return rows


def make_jsonl(folder: Path, corpus: Path) -> None:
    """One JSON line per article of ``folder``: the same articles as one corpus file."""
    with corpus.open("w", encoding="utf-8") as stream:
        for path in sorted(folder.iterdir()):
            article = load_article(path)
            body = [article.block_text(b) for b in article.blocks if b.kind != "title"]
            record = {"title": article.title, "date": article.date, "text": "\n\n".join(body)}
            stream.write(json.dumps(record) + "\n")


def launch(
    argv: list[str], env: dict[str, str], needle: str, cwd: Path = REPO
) -> tuple[Terminal, float]:
    """Start an app in ``cwd``; seconds until ``needle`` (the first row's title) is on
    screen. ``python -m reader`` imports the package from its working folder before
    ``PYTHONPATH``: each checkout runs in its own folder, or ``--compare`` would run this
    checkout twice."""
    term = Terminal(argv, env, cwd)
    return term, term.wait_for(needle, timeout=300)


def keys(term: Terminal, presses: dict[str, bytes], count: int) -> dict[str, float]:
    """Median seconds per key, each key pressed ``count`` times; a name with ``+`` is two
    keys pressed in turn (a letter and backspace), each timed on its own."""
    term.settle(0.3)
    times: dict[str, list[float]] = {}
    for name, data in presses.items():
        parts = list(zip(name.split("+"), data.split(b"+"), strict=True))
        for _ in range(count):
            for part, key in parts:
                times.setdefault(part, []).append(term.key(key))
    return {name: statistics.median(t for t in found if t == t) for name, found in times.items()}


def close(term: Terminal) -> None:
    """Quit the app, and stop what it left running (its analysis child shares its process
    group): a left-over spaCy would load the next runs."""
    term.close()
    with contextlib.suppress(OSError):
        os.killpg(term.pid, signal.SIGKILL)


READER_KEYS = {
    "down": b"\x1b[B",
    "filter letter, none match+backspace, all back": b"z+\x7f",
    "filter letter, most match+backspace after it": b"e+\x7f",
}
BARE_KEYS = {"down": b"\x1b[B", "letter": b"z"}


def loading(home: Path, folder: Path, what: str) -> list[tuple[str, float, str]]:
    """Every row of the folder made in this process, as the library's loading thread makes
    them: from the files (an empty index), then from the index it left."""
    path = home / f"index-{folder.name}.jsonl"
    timed = []
    for _ in range(2):
        started = time.perf_counter()
        index = LibraryIndex(path, "bench")
        index.load()
        loader = RowLoader(folder, index, lambda _: None)
        rows = sum(1 for _ in loader.entries())
        index.save()
        timed.append((time.perf_counter() - started, loader.read, rows))
    (cold, read, rows), (warm, again, _) = timed
    return [
        (f"{what}: all rows made, no index", cold, f"{read:,} files read for {rows:,} rows"),
        (
            f"{what}: all rows made, from the index",
            warm,
            f"{again} files read; {cold / warm:.0f}x faster",
        ),
    ]


def measure(
    home: Path, size: int, kind: str, options: argparse.Namespace
) -> list[tuple[str, float, str]]:
    """The rows of the table for one size of one kind of library (a folder of files, or
    one JSON Lines file)."""
    folder = home / f"corpus-{size}"
    if not folder.exists():
        folder.mkdir()
        make_corpus(folder, size)
    if kind == "jsonl":
        target = home / f"corpus-{size}.jsonl"
        make_jsonl(folder, target)
        articles = [(a, target.name) for a in load_articles(target)]
    else:
        target = folder
        articles = [(load_article(path), path.name) for path in sorted(folder.iterdir())]
    rows = rows_of(articles)
    table = home / f"rows-{kind}-{size}.json"
    table.write_text(json.dumps(rows), encoding="utf-8")
    needle = rows[0][0][:20]
    bare_argv = [sys.executable, "-c", BARE_TABLE, str(table)]
    env = environment(home)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed reader has
    apps = {"reader": REPO}
    if options.compare:
        apps["before"] = options.compare.resolve()
    times: dict[str, list[float]] = {}
    pressed: dict[str, dict[str, list[float]]] = {}

    def turn(
        name: str,
        argv: list[str],
        app_env: dict[str, str],
        presses: dict[str, bytes],
        cwd: Path = REPO,
    ) -> None:
        term, seconds = launch(argv, app_env, needle, cwd)
        times.setdefault(name, []).append(seconds)
        for key, value in keys(term, presses, options.keys).items():
            pressed.setdefault(name, {}).setdefault(key, []).append(value)
        close(term)

    for run in range(options.runs):  # in turns, each reader run on a fresh store and cache
        turn("bare", bare_argv, env, BARE_KEYS)
        for app, path in apps.items():
            app_env = dict(
                env,
                PYTHONPATH=str(path),
                XDG_CACHE_HOME=str(home / f"cache-{kind}-{size}-{app}-{run}"),
            )
            store = home / f"db-{kind}-{size}-{app}-{run}"
            argv = [sys.executable, "-m", "reader", str(target), "--db", str(store)]
            turn(f"{app}, cold", argv, app_env, READER_KEYS, path)
            turn(f"{app}, warm", argv, app_env, READER_KEYS, path)  # the same cache and store
    what = f"{size:,} {'JSON lines' if kind == 'jsonl' else 'files'}"
    found: list[tuple[str, float, str]] = []
    if kind == "files":
        found += loading(home, folder, what)
    bare = statistics.median(times["bare"])
    bare_down = statistics.median(pressed["bare"]["down"])
    bare_letter = statistics.median(pressed["bare"]["letter"])
    found += [
        (f"{what}: bare DataTable, first row on screen", bare, "baseline"),
        (f"{what}: bare DataTable, key down", bare_down, "baseline"),
        (f"{what}: bare Input, a letter", bare_letter, "baseline"),
    ]
    for name in times:
        if name == "bare":
            continue
        ours = statistics.median(times[name])
        met = "met" if ours <= 1.5 * bare else "MISSED"
        found.append(
            (f"{what}: {name}, first row", ours, f"{ours / bare:.2f}x bare; goal 1.5x: {met}")
        )
        for key, values in pressed[name].items():
            value = statistics.median(values)
            base = bare_down if key == "down" else bare_letter
            ok = value < 0.020 and value <= 1.5 * base
            found.append(
                (
                    f"{what}: {name}, {key}",
                    value,
                    f"{value / base:.2f}x bare; < 20 ms and 1.5x: {'met' if ok else 'MISSED'}",
                )
            )
    return found


def main() -> None:
    """Measure each size and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--jsonl-sizes", default="10000", help="JSON Lines corpora ('' none)")
    parser.add_argument(
        "--compare", type=Path, help="another checkout's reader, run in the same turns"
    )
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="reader-bench-library-"))
    try:
        found = []
        for kind, sizes in (("files", options.sizes), ("jsonl", options.jsonl_sizes)):
            for size in (int(s) for s in sizes.split(",") if s):
                found += measure(home, size, kind, options)
        print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; medians of {options.runs}")
        print(f"{'measure':<66} {'median':>9}  note")
        for label, value, note in found:
            shown = f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
            print(f"{label:<66} {shown:>9}  {note}", flush=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
