"""The entity finder's counts for the library: from the finished cache, as found."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import Analyser
from reader.article import Article
from reader.entities import Entity
from reader.errors import ReaderError
from reader.loaders import load_article
from reader.reading.finder import EntityFinder, Unloaded


def test_entities_each_finds_then_reads_the_finished_cache(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    finder = EntityFinder(fresh_analyser)
    found: list[tuple[int, object]] = []

    def on_found(position: int, result: object) -> None:
        found.append((position, result))

    finder.entities_each([article], on_found)  # not cached: analysed here
    assert fresh_analyser.finished(article) is not None
    finder.entities_each([article], on_found)  # now from the finished entry
    (_, first), (_, again) = found
    assert isinstance(first, tuple) and first and all(isinstance(e, Entity) for e in first)
    assert again == first
    analysis = fresh_analyser.cached(article)
    assert analysis is not None and not isinstance(again, ReaderError)
    # The count the library shows is the one a full analysis gives.
    assert len(list(again)) == len(analysis.entities)


def test_an_unloaded_article_is_counted_by_id_and_loaded_only_to_be_analysed_here(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    finder = EntityFinder(fresh_analyser)  # the pipeline is loaded: analysed here
    loads: list[str] = []

    def load() -> Article:
        loads.append(article.id)
        return article

    unloaded = Unloaded(article.id, article.path, load)
    found: list[object] = []
    finder.entities_each([unloaded], lambda _, result: found.append(result))
    assert loads == [article.id]  # not cached: loaded, to be analysed
    finder.entities_each([unloaded], lambda _, result: found.append(result))
    assert loads == [article.id]  # cached: found by its id, not loaded again
    first, again = found
    assert isinstance(first, tuple) and first and again == first
