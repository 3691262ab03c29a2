"""Find entities in a separate process, so that spaCy never competes with the app.

Importing spaCy and loading a model takes one to two seconds of Python work. In a thread
of the app it would hold the interpreter lock for most of that time, and every key pressed
meanwhile would wait; in its own process it runs on another core while the article is
already on screen. The process fills the analysis cache; the app then reads the result
with ``Analyser.cached`` (no spaCy import at all in the app).

Run as ``python -m reader.reading.analysis_process CACHE MODEL PROCESSES APP PATH ID [PATH
ID ...]``; it prints each article id as its analysis is cached (or ``! ID message`` on
failure), and ends when the process ``APP`` (the app that started it) is gone. A library's
articles are analysed as one batch by up to ``PROCESSES`` worker processes (the
``analysis_processes`` setting, else one per core: see
:func:`reader.config.analysis_processes`), each doing the whole job for a few articles at a
time, with results identical to one process. This module must not import Textual.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from reader.analysis import Analyser, Analysis
from reader.article import Article
from reader.cache import AnalysisCache
from reader.errors import ReaderError
from reader.loaders import load_articles
from reader.reading.priority import yield_to_the_app


class Source(Protocol):
    """What the child needs of an article: its id, and its path (the file it loads the
    article from). An :class:`~reader.article.Article` is one."""

    @property
    def id(self) -> str:
        """The article's id."""

    @property
    def path(self) -> str:
        """The article's path (a corpus line's ends in ``#LINE``)."""


def _source_file(article: Source) -> str:
    """The file an article came from (a corpus line's path ends in ``#LINE``)."""
    path = article.path
    if not Path(path).exists() and "#" in path:
        path = path.rsplit("#", 1)[0]
    return path


def command(analyser: Analyser, articles: Sequence[Source]) -> list[str]:
    """The command line that analyses ``articles`` into ``analyser``'s cache."""
    argv = [
        sys.executable,
        "-m",
        __name__,
        str(analyser.cache.root),
        analyser.choice.name,
        str(analyser.processes),
        # The app's own id: by the time the child asks for its parent's, the app may
        # already be gone (and the child adopted by another).
        str(os.getpid()),
    ]
    for article in articles:
        argv += [_source_file(article), article.id]
    return argv


def start(analyser: Analyser, articles: Sequence[Source]) -> subprocess.Popen[str]:
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
        # Its own process group: its worker processes (several cores) join it, so that
        # stopping the group (see stop) never leaves one of them running.
        start_new_session=True,
    )


def stop(process: subprocess.Popen[str]) -> None:
    """Stop a child started by :func:`start` and every process it started."""
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()


def _leave_with_parent(parent: int) -> None:
    """End this child's whole process group as soon as the app that started it is gone
    (killed, or its terminal closed): the analysis is for that app alone."""

    def watch() -> None:
        while os.getppid() == parent:  # an adopted child's parent is another process
            time.sleep(0.5)
        with contextlib.suppress(OSError):
            os.killpg(os.getpgrp(), signal.SIGKILL)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def needs_analysis(analyser: Analyser, articles: Sequence[Article]) -> list[Article]:
    """The articles whose entities are not in the cache (a file check, no spaCy).

    Only whether the model's output is cached is looked at, not whether it reads: reading
    it (every token of the parse) cost each start a few milliseconds before its first
    paint, and a damaged entry is found and analysed again when the app reads it."""
    if not analyser.use_cache:
        return list(articles)
    return [a for a in articles if not analyser.cache.has(a.id, analyser.choice.key)]


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
    cache, model, processes, app, *rest = argv
    _leave_with_parent(int(app))
    # The app comes first: on a busy machine the analysis waits, not the analyst's keys.
    yield_to_the_app()
    analyser = Analyser(model, cache=AnalysisCache(Path(cache)), processes=int(processes))
    loaded: dict[str, list[Article]] = {}
    articles: list[Article] = []
    for path, article_id in _pairs(rest):
        try:
            if path not in loaded:
                loaded[path] = load_articles(path)
            articles.append(next(a for a in loaded[path] if a.id == article_id))
        except (ReaderError, StopIteration) as error:
            print(f"! {article_id} {str(error) or 'not found'}", flush=True)
    done: set[str] = set()

    def cached(analysis: Analysis) -> None:
        done.add(analysis.article.id)
        print(analysis.article.id, flush=True)

    try:  # all at once: one stream through the model, in several processes
        for _ in analyser.analyse_many(articles, progress=cached):
            pass
    except Exception:  # noqa: BLE001 - one bad article: the others one by one
        for article in articles:
            if article.id in done:
                continue
            try:
                cached(analyser.analyse(article))
            except Exception as error:  # noqa: BLE001 - said, and the rest goes on
                reason = error.message if isinstance(error, ReaderError) else repr(error)
                print(f"! {article.id} {reason[:200]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
