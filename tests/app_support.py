"""What every in-process app test needs: run an async test, wait for the app, and an
analyser that finds no entities at once. Shared by tests/tui and tests/security."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.analysis import Analyser, Analysis, Sentence, split_article
from reader.article import Article
from reader.cache import Finished
from reader.loaders import load_article
from reader.reading.corpus_lines import streams
from reader.store import Store
from reader.tui.app import ReaderApp

ANNOTATOR = "ana"


class NoEntities(Analyser):
    """An analyser that finds no entities, at once: for tests that are not about entities
    (and for large generated articles, which spaCy would take long over)."""

    def __init__(self) -> None:
        super().__init__()

    def cached(
        self, article: Article, sentences: tuple[Sentence, ...] | None = None
    ) -> Analysis | None:
        """No spaCy: the sentences only (``sentences``, if the caller has them)."""
        return Analysis(article, sentences or split_article(article), (), "none")

    def finished(self, article: Article) -> Finished | None:
        """Nothing cached: the library counts sentences and asks :meth:`cached`."""
        return None

    def analyse(self, article: Article) -> Analysis:
        """No spaCy: the sentences only."""
        return Analysis(article, split_article(article), (), "none")


def build_app(
    target: Path, *, store: Store, analyser: Analyser | None = None, **options: Any
) -> ReaderApp:
    """The app on a file (its article loaded, unless ``articles`` is given, or it is a
    corpus of many lines, which the library reads as the command line leaves it) or a folder, on
    ``store``, as ``ana``, settings not remembered, animations off: every app test's app."""
    articles = options.pop("articles", None)
    if articles is None and target.is_file() and not streams(target):
        articles = [load_article(target)]
    analyser = analyser or NoEntities()
    if isinstance(analyser, NoEntities):
        # It finds its nothing at once, here: never a spaCy child for what it was not
        # asked (a corpus's rows are looked up by id, then analysed where the finder is).
        options.setdefault("analysis_process", False)
    options.setdefault("annotator", ANNOTATOR)
    options.setdefault("remember", False)
    options.setdefault("ascii_glyphs", False)
    app = ReaderApp(target, articles=articles, store=store, analyser=analyser, **options)
    app.animation_level = "none"
    return app


def app_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test in its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))  # type: ignore[arg-type]

    return run


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 20) -> None:
    """Let the app run until ``condition()`` is true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)
