"""Find entities in a separate process, so that spaCy never competes with the app.

Importing spaCy and loading a model takes one to two seconds of Python work. In a thread
of the app it would hold the interpreter lock for most of that time, and every key pressed
meanwhile would wait; in its own process it runs on another core while the article is
already on screen. The process fills the analysis cache; the app then reads the result
with ``Analyser.cached`` (no spaCy import at all in the app).

Run as ``python -m reader.reading.analysis_process CACHE MODEL PATH ID [PATH ID ...]``; it
prints each article id as its analysis is cached (or ``! ID message`` on failure). This
module must not import Textual.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.analysis import Analyser
from reader.article import Article
from reader.cache import AnalysisCache
from reader.errors import ReaderError
from reader.loaders import load_articles


def _source_file(article: Article) -> str:
    """The file an article came from (a corpus line's path ends in ``#LINE``)."""
    path = article.path
    if not Path(path).exists() and "#" in path:
        path = path.rsplit("#", 1)[0]
    return path


def command(analyser: Analyser, articles: Sequence[Article]) -> list[str]:
    """The command line that analyses ``articles`` into ``analyser``'s cache."""
    argv = [sys.executable, "-m", __name__, str(analyser.cache.root), analyser.choice.name]
    for article in articles:
        argv += [_source_file(article), article.id]
    return argv


def start(analyser: Analyser, articles: Sequence[Article]) -> subprocess.Popen[str]:
    """Start analysing ``articles`` in a child process (see :func:`collect`).

    Raises:
        OSError: The process could not be started.
    """
    return subprocess.Popen(
        command(analyser, articles),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def needs_analysis(analyser: Analyser, articles: Sequence[Article]) -> list[Article]:
    """The articles whose entities are not in the cache (a file check, no spaCy)."""
    if not analyser.use_cache:
        return list(articles)
    return [a for a in articles if analyser.cache.get(a.id, analyser.choice.key) is None]


def collect(
    process: subprocess.Popen[str], on_done: Callable[[str, str | None], None] | None = None
) -> set[str]:
    """Wait for a child started by :func:`start`; returns the ids it cached.

    Args:
        process: The child.
        on_done: Called with each article id and ``None``, or an error message.
    """
    done: set[str] = set()
    with process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("! "):
                article_id, _, message = line[2:].rstrip("\n").partition(" ")
                if on_done is not None:
                    on_done(article_id, message)
            elif line.strip():
                done.add(line.strip())
                if on_done is not None:
                    on_done(line.strip(), None)
    return done


def _pairs(values: Sequence[str]) -> Iterable[tuple[str, str]]:
    return zip(values[::2], values[1::2], strict=True)


def main(argv: Sequence[str]) -> int:
    """Analyse the given articles into the cache, printing each id when it is cached."""
    cache, model, *rest = argv
    # The app comes first: on a busy machine the analysis waits, not the analyst's keys.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    analyser = Analyser(model, cache=AnalysisCache(Path(cache)))
    loaded: dict[str, list[Article]] = {}
    for path, article_id in _pairs(rest):
        try:
            if path not in loaded:
                loaded[path] = load_articles(path)
            article = next(a for a in loaded[path] if a.id == article_id)
            analyser.analyse(article)
        except (ReaderError, StopIteration) as error:
            print(f"! {article_id} {error or 'not found'}", flush=True)
            continue
        print(article_id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
