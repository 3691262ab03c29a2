"""Analyse an article: its sentences (rules, instant) and its entities (spaCy, cached).

Sentences come from :mod:`reader.segment`, block by block, so they never cross from the
title or byline into the body, and are ready before the model loads. Entities come from the
spaCy pipeline (:mod:`reader.nlp`), run one block at a time, then consolidated
(:mod:`reader.entities`). The model's raw output is cached (:mod:`reader.cache`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.article import Article, BlockKind
from reader.cache import AnalysisCache
from reader.entities import Correction, Entity, RawSpan, apply_corrections, consolidate
from reader.nlp import ModelChoice, Pipeline, resolve_model
from reader.segment import split_spans


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article.

    Attributes:
        index: Position among the article's sentences, from 0.
        start: Offset of its first character in the article's text.
        end: Offset just past its last character (exclusive).
        text: ``article.text[start:end]``.
        block: Kind of the block it belongs to (``title``, ``paragraph``, ...).
        block_index: Index of that block in ``article.blocks``.
    """

    index: int
    start: int
    end: int
    text: str
    block: BlockKind
    block_index: int


@dataclass(frozen=True)
class Analysis:
    """An analysed article.

    Attributes:
        article: The article.
        sentences: Its sentences, in order.
        entities: Consolidated entities, most mentioned first.
        model: Label of the model that found the entities (``en_core_web_sm 3.8.0``).
    """

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    model: str

    def with_corrections(self, corrections: Iterable[Correction]) -> Analysis:
        """Return this analysis with an analyst's entity corrections applied."""
        fixed = apply_corrections(self.article, self.entities, corrections)
        return Analysis(self.article, self.sentences, tuple(fixed), self.model)


def split_article(article: Article) -> tuple[Sentence, ...]:
    """Split an article into sentences, block by block. Needs no model."""
    sentences: list[Sentence] = []
    for block_index, block in enumerate(article.blocks):
        block_text = article.block_text(block)
        for start, end in split_spans(block_text):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=block.start + start,
                    end=block.start + end,
                    text=block_text[start:end],
                    block=block.kind,
                    block_index=block_index,
                )
            )
    return tuple(sentences)


class Analyser:
    """Analyses articles with one spaCy pipeline, loaded on first need, and a cache.

    Safe to share between threads: the pipeline loads once, under a lock.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        cache: AnalysisCache | None = None,
        use_cache: bool = True,
        pipeline: Pipeline | None = None,
    ) -> None:
        """Resolve the model now (cheap, no spaCy import) so a bad name fails early.

        Args:
            model: ``--model`` (name or path); ``None`` picks the default.
            cache: Where raw model output is cached (default: the user's cache folder).
            use_cache: Read and write the cache at all.
            pipeline: An already loaded pipeline to share (tests, benchmarks).

        Raises:
            ModelError: the model is not installed.
        """
        self.choice: ModelChoice = pipeline.choice if pipeline else resolve_model(model)
        self.cache = cache if cache is not None else AnalysisCache()
        self.use_cache = use_cache
        self._pipeline: Pipeline | None = pipeline
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        """The loaded pipeline (loads spaCy on first use)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.choice)
            return self._pipeline

    @property
    def loaded(self) -> bool:
        """Whether spaCy has been loaded yet."""
        return self._pipeline is not None

    def cached(self, article: Article) -> Analysis | None:
        """The analysis from the cache alone, or ``None``; never imports spaCy."""
        if not self.use_cache:
            return None
        spans = self.cache.get(article.id, self.choice.key)
        if spans is None:
            return None
        size = len(article.text)
        if not all(0 <= span.start < span.end <= size for span in spans):
            return None  # damaged, or written for another text: analyse again
        return self._finish(article, spans)

    def analyse(self, article: Article) -> Analysis:
        """Analyse one article (from the cache when possible)."""
        return next(iter(self.analyse_many([article])))

    def analyse_many(
        self,
        articles: Sequence[Article],
        progress: Callable[[Analysis], None] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse articles in order, running all uncached ones through one ``nlp.pipe``.

        Args:
            articles: The articles.
            progress: Called with each analysis as it completes.
        """
        results: dict[int, Analysis] = {}
        missing: list[int] = []
        for index, article in enumerate(articles):
            found = self.cached(article)
            if found is None:
                missing.append(index)
            else:
                results[index] = found
        fresh = self._run_model([articles[i] for i in missing]) if missing else iter(())
        for index, article in enumerate(articles):
            if index not in results:
                spans = next(fresh)
                if self.use_cache:
                    self.cache.put(article.id, self.choice.key, spans)
                results[index] = self._finish(article, spans)
            analysis = results.pop(index)
            if progress is not None:
                progress(analysis)
            yield analysis

    def _run_model(self, articles: Sequence[Article]) -> Iterator[list[RawSpan]]:
        """Yield each article's raw spans, in order, from one stream of blocks."""
        pipeline = self.pipeline
        jobs = [(index, block) for index, a in enumerate(articles) for block in a.blocks]
        texts = (articles[index].block_text(block) for index, block in jobs)
        current = 0
        spans: list[RawSpan] = []
        for (index, block), found in zip(jobs, pipeline.entities(texts), strict=True):
            while index > current:
                yield spans
                spans, current = [], current + 1
            spans.extend(RawSpan(block.start + s, block.start + e, lab) for s, e, lab in found)
        while current < len(articles):
            yield spans
            spans, current = [], current + 1

    def _finish(self, article: Article, spans: list[RawSpan]) -> Analysis:
        entities = consolidate(article, spans)
        return Analysis(article, split_article(article), tuple(entities), self.choice.label)
