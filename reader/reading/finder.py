"""Finding articles' entities for the app: the cache, else a child process, else here.

The app owns one :class:`EntityFinder`; the reading screen asks it for one article, the
library for all of its articles. It keeps what that takes: the analyser, the lock that lets
one spaCy run at a time, the child processes (see :mod:`reader.reading.analysis_process`)
and whether the app is closing. Every method that may wait is called from a worker thread.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from reader.analysis import Analyser, Analysis, Sentence
from reader.article import Article
from reader.cache import Finished
from reader.entities import Entity
from reader.errors import ReaderError
from reader.reading.analysis_process import Source, collect, start, stop

#: What :meth:`EntityFinder._each` reports of each article: an analysis, or its entities.
Found = TypeVar("Found")
#: What :meth:`EntityFinder._each` is given of each article: itself, or an unloaded one.
Item = TypeVar("Item", bound=Source)


class Unloaded(NamedTuple):
    """An article known by its id and path (a library's row), not loaded: the child
    process reads it from its file, and ``load`` gives it only if it must be analysed in
    this process."""

    id: str
    path: str
    load: Callable[[], Article]


def _ignore(_: str) -> object:
    return None


class EntityFinder:
    """Finds entities without ever blocking the app's own thread for long.

    Args:
        analyser: Finds entities (tests share one with a loaded pipeline).
        use_process: Find entities in a child process; default: unless the analyser's
            pipeline is already loaded (tests share one).
        early: A child already analysing ``early_ids`` (started by the command line before
            Textual was imported, so that spaCy loads while the app starts).
        early_ids: The ids of the articles ``early`` analyses.
    """

    def __init__(
        self,
        analyser: Analyser,
        *,
        use_process: bool | None = None,
        early: subprocess.Popen[str] | None = None,
        early_ids: Iterable[str] = (),
    ) -> None:
        self.analyser = analyser
        self.use_process = not analyser.loaded if use_process is None else use_process
        #: One spaCy run at a time: the library's background analysis and an opened
        #: article's share the pipeline.
        self.model_lock = threading.Lock()
        #: Set when the app is on its way out: nothing slow may start (Python waits for
        #: worker threads before the process can exit).
        self.closing = False
        self._processes: set[subprocess.Popen[str]] = set()
        self._process_lock = threading.Lock()
        self._early = early
        self._early_ids = set(early_ids) if early is not None else set()

    def cached(
        self, article: Article, sentences: tuple[Sentence, ...] | None = None
    ) -> Analysis | None:
        """The article's analysis if the cache has it (a file read, no spaCy);
        ``sentences``: the article's, if already split.

        Raises:
            ReaderError: The cache could not be read.
        """
        return self.analyser.cached(article, sentences)

    def finished(self, article: Article) -> Finished | None:
        """The article's finished analysis if the cache has it: its sentence count and
        entities without corrections (one small file read, no consolidation, no spaCy)."""
        return self.analyser.finished(article)

    def find(
        self, article: Article, on_state: Callable[[str], object] = _ignore
    ) -> Analysis | None:
        """The article's analysis: cached, else from a child process, else found here.

        Call from a worker thread. ``on_state`` hears what is being done, for a status line
        (``loading spaCy…``). ``None``: the app is closing and the child was stopped.

        Raises:
            ReaderError: The entities could not be found.
        """
        analysis = self.analyser.cached(article)
        if analysis is None and self.use_process and not self.analyser.loaded:
            on_state("loading spaCy…")
            self.analyse_elsewhere([article])
            analysis = self.analyser.cached(article)
        if analysis is None and self.closing:
            return None
        if analysis is None:  # no child process wanted, or it failed: do it here
            on_state("finding entities…" if self.analyser.loaded else "loading spaCy…")
            with self.model_lock:
                analysis = self.analyser.analyse(article)
        return analysis

    def find_each(
        self,
        articles: Sequence[Article],
        on_found: Callable[[int, Analysis | ReaderError], None],
    ) -> None:
        """Find every article's entities; ``on_found(position, analysis or error)`` for each.

        Call from a worker thread. Cached articles are reported first, then the others as
        one child process analyses them all, and whatever it could not do is done here.
        Nothing more is reported once the app is closing.
        """
        self._each(articles, on_found, self.analyser.cached, lambda analysis: analysis, lambda a: a)

    def entities_each(
        self,
        articles: Sequence[Article | Unloaded],
        on_found: Callable[[int, Sequence[Entity] | ReaderError], None],
    ) -> None:
        """Every article's entities, for a count, as :meth:`find_each` finds them, but
        from the finished analysis where the cache has it: one small file read, where
        :meth:`find_each` splits the article again and reads its whole cache entry, holding
        the interpreter while the analyst types. The entities are the rules' own, without
        the analyst's corrections (the library's counts, as its index keeps them).

        An :class:`Unloaded` article is looked up by its id alone (the id is its text's
        digest, so the entry fits its text), and loaded only to be analysed here: a
        corpus of 10,000 lines is never parsed in this process for its counts."""

        def entities(article: Article | Unloaded) -> Sequence[Entity] | None:
            if isinstance(article, Unloaded):
                known = self.analyser.finished_for(article.id)
                return None if known is None else known.entities
            finished = self.analyser.finished(article)
            if finished is not None:
                return finished.entities
            analysis = self.analyser.cached(article)  # an analyser without a finished cache
            return None if analysis is None else analysis.entities

        def load(article: Article | Unloaded) -> Article:
            return article.load() if isinstance(article, Unloaded) else article

        self._each(articles, on_found, entities, lambda analysis: analysis.entities, load)

    def _each(
        self,
        articles: Sequence[Item],
        on_found: Callable[[int, Found | ReaderError], None],
        cached: Callable[[Item], Found | None],
        of: Callable[[Analysis], Found],
        load: Callable[[Item], Article],
    ) -> None:
        reported: set[int] = set()

        def report(position: int, found: Found | None = None) -> None:
            if self.closing:
                return  # never load spaCy while the app is closing
            result: Found | ReaderError
            try:
                if found is None:
                    found = cached(articles[position])
                if found is None:
                    article = load(articles[position])
                    with self.model_lock:
                        found = of(self.analyser.analyse(article))
                result = found
            except ReaderError as error:
                result = error
            reported.add(position)
            on_found(position, result)

        missing = []
        for position, article in enumerate(articles):
            try:
                found = cached(article)
            except ReaderError:
                found = None  # reported as the analysis finds it, or fails to
            if found is None:
                missing.append(position)
            else:
                report(position, found)
        if missing and self.use_process and not self.analyser.loaded:
            by_id = {articles[position].id: position for position in missing}
            self.analyse_elsewhere(
                [articles[position] for position in missing],
                lambda article_id, _: report(by_id[article_id]) if article_id in by_id else None,
            )
        for position in missing:
            if position not in reported:
                report(position)

    def analyse_elsewhere(
        self,
        articles: Sequence[Source],
        on_done: Callable[[str, str | None], None] | None = None,
    ) -> set[str]:
        """Analyse articles in a child process (call from a worker thread); the ids cached.

        The command line may have started the child already, before Textual was even
        imported (``early``): then this waits for that one.
        """
        wanted = {article.id for article in articles}
        with self._process_lock:
            early, self._early = self._early, None
        try:
            if early is not None and wanted <= self._early_ids:
                process = early
            else:
                if early is not None:
                    stop(early)
                process = start(self.analyser, articles)
            self._processes.add(process)
            return collect(process, on_done)
        except OSError:
            return set()
        finally:
            self._processes = {p for p in self._processes if p.poll() is None}

    def close(self) -> None:
        """The app is closing: start nothing slow, stop any child still running."""
        self.closing = True
        for process in [*self._processes, *([self._early] if self._early else [])]:
            if process.poll() is None:
                stop(process)
