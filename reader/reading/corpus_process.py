"""Read a JSON Lines corpus's rows in a separate process, so that the app's interpreter
stays free for the analyst's keys.

A corpus's row is Python work: the line's JSON, the loader's cleaning, the article's
sentences counted (about 1.5 ms a line here, 15 s for 10,000 lines). In the library's
loading thread that work held the interpreter, and every key pressed while a corpus was
read waited for it, and for the full garbage collections that walked the articles the rows
kept (bench/library.py). In a process of its own it runs on another core; the app reads
each row as one short JSON line (ids, title, counts and the line's byte offset: what the
library's index keeps), and keeps no article.

Run as ``python -m reader.reading.corpus_process FILE [CACHE MODEL RULES]`` (with the
analysis cache, the finished analyses' sentence and entity counts are taken from it, as
:meth:`reader.analysis.Analyser.finished` takes them). It prints one JSON object a line:
``{"row": ...}`` per article, ``{"warning": [line, message]}`` per skipped line, and last
``{"error": message}`` or ``{"done": rows}``. It stops when the app stops reading (its
output pipe breaks). This module must not import Textual.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import Analyser, shape
from reader.article import Article
from reader.cache import AnalysisCache, Finished
from reader.errors import ArticleError, ReaderError
from reader.loaders.notices import collect_warnings, warn
from reader.reading.corpus_lines import corpus_rows
from reader.reading.library_index import Known
from reader.reading.priority import yield_to_the_app
from reader.safe_text import visible

#: The first rows are sent one by one (the first screenful at once); after them the
#: child sends what it has every so often, so that the app's thread wakes less often.
FIRST_ROWS = 50
SEND_EVERY = 0.02


@dataclass(frozen=True)
class FinishedKeys:
    """Where the child finds the finished analyses: the analyser's cache and keys."""

    root: Path
    model: str
    rules: str

    @classmethod
    def of(cls, analyser: Analyser) -> FinishedKeys | None:
        """The keys of ``analyser``'s finished analyses; ``None`` if it uses no cache."""
        if not analyser.use_cache:
            return None
        return cls(analyser.cache.root, analyser.choice.key, analyser.rules_key)

    def finished(self) -> Callable[[Article], Finished | None]:
        """Look up an article's finished analysis, as the analyser does."""
        cache = AnalysisCache(self.root)

        def lookup(article: Article) -> Finished | None:
            text, blocks = article.text, shape(article)
            return cache.load_finished(article.id, self.model, self.rules, text, blocks)

        return lookup


class ReadStopped(ReaderError):
    """The child ended before the corpus's last line: the rows read so far stand, and
    nothing is remembered of the file (the next opening reads it again)."""


def rows_elsewhere(file: Path, keys: FinishedKeys | None) -> Generator[Known, None, None]:
    """Start a child reading the corpus ``file``; each of its rows as the child sends it.
    The lines it skipped are reported through :mod:`reader.loaders.notices`, as if it had
    been read here. Closing the iterator stops the child.

    Raises:
        OSError: The child could not be started (raised here, before any row).
        ArticleError: (while iterating) The file cannot be read, or no line holds an
            article.
        ReadStopped: (while iterating) The child ended early.
    """
    argv = [sys.executable, "-m", __name__, os.fspath(file)]
    if keys is not None:
        argv += [os.fspath(keys.root), keys.model, keys.rules]
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        encoding="ascii",  # JSON with every other character escaped
    )
    return _rows(process, os.fspath(file))


def _rows(process: subprocess.Popen[str], name: str) -> Generator[Known, None, None]:
    assert process.stdout is not None
    stopped = ReadStopped(f"{visible(name)}: reading stopped before its last line; reopen it")
    try:
        for line in process.stdout:
            try:
                sent = json.loads(line)
            except ValueError:  # a line cut short: the child was killed while writing it
                raise stopped from None
            if "row" in sent:
                yield Known.read(sent["row"])
            elif "warning" in sent:
                number, message = sent["warning"]
                warn(name, message, line=number)
            elif "error" in sent:
                raise ArticleError(sent["error"])
            elif "done" in sent:
                return
        raise stopped
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.wait()


def _send(sent: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(sent) + "\n")


def main(argv: Sequence[str]) -> int:
    """Print the rows of the corpus ``argv[0]`` (see the module's docstring)."""
    file, *keys = argv
    # The analyst's keys come first: the rows arrive as fast whenever the app is idle.
    yield_to_the_app()
    finished: Callable[[Article], Finished | None] = lambda _: None  # noqa: E731
    if keys:
        root, model, rules = keys
        finished = FinishedKeys(Path(root), model, rules).finished()
    rows, last = 0, time.monotonic()
    end: dict[str, object]
    try:
        with collect_warnings() as skipped:
            try:
                for known in corpus_rows(Path(file), finished):
                    _send({"row": known.line()})
                    rows += 1
                    if rows <= FIRST_ROWS or time.monotonic() - last > SEND_EVERY:
                        sys.stdout.flush()
                        last = time.monotonic()
            except ReaderError as error:
                end = {"error": error.message}
            else:
                end = {"done": rows}
        for warning in skipped:
            _send({"warning": [warning.line, warning.message]})
        _send(end)
        sys.stdout.flush()
    except BrokenPipeError:  # the app stopped reading: nobody wants the rest
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
