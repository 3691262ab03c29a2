"""Start the app from parsed command-line arguments.

Everything that can fail is checked before the app takes over the terminal (the path, the
article, the store, its label set, the annotator, the model), so that a failure is one line
on stderr rather than a broken screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NamedTuple

from reader.analysis import Analyser
from reader.article import Article
from reader.config import (
    analysis_processes,
    cache_dir,
    load_settings,
    resolve_annotator,
    store_path,
)
from reader.errors import ArticleError, ReaderError
from reader.loaders import find_article_files, load_articles
from reader.loaders.notices import collect_warnings
from reader.reading.corpus_lines import streams
from reader.safe_text import visible
from reader.store import Store

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

#: The sample articles, shipped in the package. In a checkout they are links to the
#: repository's top-level ``articles/`` folder; a wheel holds copies.
BUNDLED_ARTICLES = Path(__file__).resolve().parent / "articles"


class Launch(NamedTuple):
    """Everything the app needs, checked.

    Attributes:
        target: The folder or file to open.
        articles: The articles of a file (``None`` for a folder or a corpus of many
            lines, read by the library).
        store: The opened store.
        annotator: Who is annotating.
        analyser: The entity finder (the model is resolved, not loaded).
        warnings: What the loader skipped (bad lines of a corpus), one line each.
    """

    target: Path
    articles: list[Article] | None
    store: Store
    annotator: str
    analyser: Analyser
    warnings: list[str]


def prepare(args: argparse.Namespace) -> Launch:
    """Check the command line's choices and open what they name.

    Raises:
        ReaderError: A one-line reason the app cannot start.
    """
    if args.path is None:
        target = BUNDLED_ARTICLES
        if not target.is_dir():
            raise ReaderError("no bundled articles found; pass an article file or a folder")
    else:
        target = Path(args.path)
        if not target.exists():
            raise ArticleError(f"no such file or folder: {visible(os.fspath(args.path))}")
    articles: list[Article] | None = None
    warnings: list[str] = []
    if target.is_dir():
        if not find_article_files(target):
            raise ArticleError(f"no article files in {visible(os.fspath(target))}")
    elif not streams(target):  # a corpus of many lines: the library reads it, row by row
        with collect_warnings() as found:
            articles = load_articles(target, kept=cache_dir() / "articles")
        warnings = [str(warning) for warning in found]
    annotator = resolve_annotator(args.annotator)
    analyser = Analyser(args.model, processes=analysis_processes(load_settings()))
    store = Store(store_path(args.db))
    store.labels  # noqa: B018 - a bad labels.toml must fail now, not inside the app
    return Launch(target, articles, store, annotator, analyser, warnings)


def check_terminal(term: str | None) -> None:
    """Refuse a terminal that says it cannot move the cursor (``TERM=dumb``: an Emacs shell
    buffer, a CI log), before the app sends it the alternate screen, mouse reporting and
    colours. An unset ``TERM`` is let through: Windows consoles do not set it.

    Raises:
        ReaderError: The terminal is ``dumb``.
    """
    if term == "dumb":
        raise ReaderError(
            "this terminal (TERM=dumb) cannot show the app; run reader in a terminal "
            "emulator, or use 'reader analyse' for text output"
        )


def _exit_on_sigterm(app: ReaderApp) -> None:
    """Make SIGTERM end ``app`` through Textual, which gives the terminal back (main screen,
    no mouse reporting, echo on) instead of leaving it in the app's modes. Every tag is on
    disk already; unlike ``ctrl+q``, the reading position is not saved."""

    def handler(signum: int, frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()  # the app's: signal handlers run in its thread
        except RuntimeError:  # the app is not running (yet, or any more): die as usual
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        # call_soon_threadsafe is what asyncio's own signal handling uses: safe here.
        loop.call_soon_threadsafe(lambda: app.exit(return_code=128 + signum))

    signal.signal(signal.SIGTERM, handler)


def launch_app(args: argparse.Namespace) -> int:
    """Open the app on ``args.path`` (``None``: the bundled articles); returns the exit code."""
    launch = prepare(args)
    check_terminal(os.environ.get("TERM"))
    early = None
    if launch.articles is not None and len(launch.articles) == 1:
        from reader.reading import analysis_process

        # spaCy takes longer to load than the app takes to start: begin now, in another
        # process (another core), so that the entities are ready soon after the article.
        if analysis_process.needs_analysis(launch.analyser, launch.articles):
            try:
                early = analysis_process.start(launch.analyser, launch.articles)
            except OSError:
                early = None  # the app analyses in its own way
    from reader.tui.app import ReaderApp  # Textual is imported only once the checks pass

    app = ReaderApp(
        launch.target,
        articles=launch.articles,
        store=launch.store,
        annotator=launch.annotator,
        analyser=launch.analyser,
        early_analysis=early,
        warnings=launch.warnings,
        stylesheet_cache=cache_dir() / "stylesheet.pickle",
    )
    previous = signal.getsignal(signal.SIGTERM)
    _exit_on_sigterm(app)
    try:
        app.run()
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
    return app.return_code or 0
