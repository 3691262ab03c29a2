"""Reports over a whole store: ``reader stats`` and exports, next to a bare script.

A store of ``--articles`` annotated articles is made from the project's own articles (the
corpus of ``bench/analyse.py``: each copy has a closing sentence of its own, so its own
id), through :class:`reader.store.Store` as the app would (the article registered, then
three sentences tagged). The analysis cache is warmed first: each original is analysed
once with spaCy, and its raw output is keyed under each copy's id (a copy's text starts
with its original's, so every offset fits; the copy's closing sentence has no entities);
``--analyse`` runs the model over every copy instead, which takes minutes. Then one
``reader stats`` fills the finished analyses, as any first run would.

Each configuration runs as a separate process, and they take turns (A B C A B C ...), so
that a loaded machine's drift affects them alike. Reported: the median wall time of each,
and its ratio to the bare script.

- ``bare``: a Python script that reads every ``articles/*.json`` of the store with
  ``json.load`` and counts the labels: the floor for anything that reads the whole store.
- ``stats-no-entities``: ``reader stats --no-entities`` (tables to a pipe).
- ``stats-no-entities-json``: ``reader stats --no-entities --json``.
- ``stats``: ``reader stats`` with the people and organisations, cache warm.
- ``stats-json``: ``reader stats --json``, cache warm.
- ``export-jsonl``: ``reader export --format jsonl`` (annotations only).
- ``export-md``: ``reader export --format md`` (the text and the entities), cache warm.

``--baseline ROOT`` runs every ``reader`` configuration a second time with another
checkout first on ``PYTHONPATH`` (``ROOT/reader``), in the same turns, so that a change
is measured against its base in one run; ``--keep DIR`` builds the store and cache in
``DIR`` and reuses them on the next run (for profiling).

Usage::

    python bench/reports.py                  # 1,000 articles, 5 rounds
    python bench/reports.py --articles 200 --rounds 3
    python bench/reports.py --baseline /work/main
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyse import make_corpus  # noqa: E402

from reader.analysis import Analyser, split_article  # noqa: E402
from reader.article import Article  # noqa: E402
from reader.cache import AnalysisCache  # noqa: E402
from reader.loaders import load_article  # noqa: E402
from reader.store import Store  # noqa: E402
from reader.syntax import Parse  # noqa: E402

TAGS = ("claim", "context", "quote")

BARE = """
import collections, json, os, sys
folder = os.path.join(sys.argv[1], "articles")
counts = collections.Counter()
for name in os.listdir(folder):
    if name.endswith(".json"):
        with open(os.path.join(folder, name), encoding="utf-8") as stream:
            data = json.load(stream)
        counts.update(a["label"] for a in data.get("annotations", {}).values())
print(dict(counts))
"""


def warm_cache(folder: Path, cache: Path, analyse_all: bool) -> list[Path]:
    """Fill the raw analysis cache for every article of ``folder``; returns the files."""
    files = sorted(folder.iterdir())
    analyser = Analyser(cache=AnalysisCache(cache))
    copies = [load_article(p) for p in files]
    if analyse_all:
        list(analyser.analyse_many(copies))
        return files
    # Copy NNNNN of ORIGINAL is named NNNNN-ORIGINAL: the first copy of each is analysed.
    firsts: dict[str, Article] = {}
    for path, copy in zip(files, copies, strict=True):
        firsts.setdefault(path.name.split("-", 1)[1], copy)
    list(analyser.analyse_many(list(firsts.values())))
    for path, copy in zip(files, copies, strict=True):
        first = firsts[path.name.split("-", 1)[1]]
        output = analyser.cache.load(first.id, analyser.choice.key)
        if output is None or not copy.text.startswith(first.text[: first.blocks[-1].start]):
            list(analyser.analyse_many([copy]))  # not a plain extension: analyse it
        elif copy is not first:
            # Up to the first copy's closing sentence: the original, analysed block by block.
            cut = first.blocks[-1].start
            spans = [s for s in output.spans if s.end <= cut]
            kept = Parse(tuple(t for t in output.parse.tokens if t.end <= cut))
            analyser.cache.put(copy.id, analyser.choice.key, spans, kept)
    return files


def fill_store(root: Path, files: list[Path]) -> int:
    """Register every article and tag three of its sentences; returns the tags written."""
    store = Store(root)
    written = 0
    for path in files:
        article = load_article(path)
        sentences = split_article(article)
        store.register_article(
            article.id,
            path=str(path),
            title=article.title,
            date=article.date,
            byline=article.byline,
            sentences=len(sentences),
        )
        for number, sentence in enumerate(sentences[1:4]):
            store.tag(
                article.id,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                label=TAGS[number % 3],
                annotator="bench",
            )
            written += 1
    return written


def commands(store: Path, out: Path, bare: bool = True) -> dict[str, list[str]]:
    """The configurations, each a command line (``bare`` includes the bare script)."""
    python = sys.executable
    reader = [python, "-m", "reader"]
    db = ["--db", str(store)]
    return {
        **({"bare": [python, "-c", BARE, str(store)]} if bare else {}),
        "stats-no-entities": [*reader, "stats", *db, "--no-entities"],
        "stats-no-entities-json": [*reader, "stats", *db, "--no-entities", "--json"],
        "stats": [*reader, "stats", *db],
        "stats-json": [*reader, "stats", *db, "--json"],
        "export-jsonl": [*reader, "export", *db, "--format", "jsonl", "-o", str(out / "x.jsonl")],
        "export-md": [*reader, "export", *db, "--format", "md", "-o", str(out / "x.md")],
    }


def main(argv: list[str] | None = None) -> int:
    """Build the store, run the configurations in turns, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--analyse", action="store_true", help="run spaCy over every copy")
    parser.add_argument(
        "--baseline", metavar="ROOT", help="also run each reader command from this checkout"
    )
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the store here")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        if args.keep:
            base = Path(args.keep)
            base.mkdir(parents=True, exist_ok=True)
        else:
            base = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        cache = base / "cache"
        os.environ["XDG_CACHE_HOME"] = str(cache)
        began = time.perf_counter()
        if (base / "store").exists():
            tags = len(list((base / "store" / "articles").glob("*.json"))) * 3
        else:
            folder = base / "corpus"
            folder.mkdir()
            make_corpus(folder, args.articles)
            files = warm_cache(folder, cache / "reader" / "analysis", args.analyse)
            tags = fill_store(base / "store", files)
        warmed = time.perf_counter() - began
        env = dict(os.environ, XDG_CACHE_HOME=str(cache), COLUMNS="120")
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # warm runs: bytecode cached, as installed
        ours = dict(env, PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]))
        # Each runs from its own checkout: `python -m` puts the working folder first on
        # the path, ahead of PYTHONPATH.
        runs = {name: (argv_, ours, REPO) for name, argv_ in commands(base / "store", base).items()}
        if args.baseline:
            theirs = dict(env, PYTHONPATH=str(Path(args.baseline).resolve()))
            for name, argv_ in commands(base / "store", base, bare=False).items():
                runs[f"base:{name}"] = (argv_, theirs, Path(args.baseline).resolve())
        for argv_, env_, cwd in runs.values():  # the finished analyses and bytecode, once
            subprocess.run(argv_, check=True, capture_output=True, env=env_, cwd=cwd)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, (argv_, env_, cwd) in runs.items():
                started = time.perf_counter()
                subprocess.run(argv_, check=True, capture_output=True, env=env_, cwd=cwd)
                times[name].append(time.perf_counter() - started)
    base_time = statistics.median(times["bare"])
    load = os.getloadavg()[0]
    print(
        f"{args.articles} articles, {tags} tags, cache warmed in {warmed:.0f} s; "
        f"{os.cpu_count()} cores, load {load:.1f}; {args.rounds} rounds (median wall seconds)"
    )
    print(f"{'configuration':<30}{'median':>8}{'min':>8}{'max':>8}{'/ bare':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<30}{median:>8.2f}{min(values):>8.2f}{max(values):>8.2f}"
            f"{median / base_time:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
