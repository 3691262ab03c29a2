"""Analyse an article: its sentences (rules, instant) and its entities (spaCy, cached).

Sentences come from :mod:`reader.segment`, block by block, so they never cross from the
title or byline into the body, and are ready before the model loads. Entities come from the
spaCy pipeline (:mod:`reader.nlp`), run one block at a time, then consolidated
(:mod:`reader.entities`), and quotes and speakers suggested (:mod:`reader.attribution`).
Both the model's raw output and the finished analysis are cached (:mod:`reader.cache`).

The finished analysis is keyed by :data:`ANALYSIS_VERSION`, a digest of the rules' own
source files, so that a change to the rules can never be read from an older cache: there is
no number to remember to bump, and an edit that only touches a comment costs one
re-consolidation per article (no spaCy), which is cheap.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import reader.attribution
import reader.entities
from reader.article import Article, BlockKind
from reader.attribution import Suggestion
from reader.cache import AnalysisCache, Finished, ModelOutput
from reader.entities import Correction, Entity, RawSpan
from reader.gazetteer import data_key as gazetteer_key
from reader.loaders.article_cache import kept_spans
from reader.nlp import ModelChoice, Pipeline, resolve_model
from reader.source_digest import source_digest
from reader.syntax import Parse, Token

#: The longest piece of text given to the model at once. Longer blocks are cut between
#: sentences (or, inside a sentence longer than this, at a space): the model's own limit is
#: far above it, but its memory grows with the piece, and one huge paragraph must not stop
#: an article, or a whole store, from being analysed.
MAX_PIECE = 20_000

#: Below this many pieces of text (about ten articles) per process, a batch is analysed
#: here: a worker process first loads the model, which takes as long as analysing that many.
#: A single article, as the app opens it, never starts one.
_MIN_TEXTS_PER_PROCESS = 200

#: About this many pieces of text go to a worker at a time (one ``nlp.pipe`` batch, a few
#: articles): small enough to share the work out evenly, large enough that handing it over
#: costs nothing beside the model.
_CHUNK_TEXTS = 64

#: The source files of everything that turns the model's output into the finished analysis:
#: sentences, consolidation, places, name words, speaker attribution, and this glue (a
#: folder with every module under it: :mod:`reader.source_digest`).
RULES = (
    "analysis.py",
    "cache.py",
    "segment.py",
    "syntax.py",
    "name_words.py",
    "gazetteer.py",
    "entities",
    "attribution",
)


def _rules_version() -> str:
    """A digest of the rules' source files (:data:`RULES`); well under a millisecond, once.

    Where the sources cannot be read (a frozen application), the package's version.
    """
    package = os.path.dirname(os.path.abspath(__file__))
    try:
        return source_digest(package, RULES)[:16]
    except OSError:
        # Imported here: the version costs importlib.metadata (about 15 ms), which every
        # start of the app would otherwise pay before its first paint (reader/__init__.py).
        import reader

        return f"p{reader.__version__}"


#: The version of the rules that make the finished analysis (consolidation, suggestions,
#: sentences), which keys its cache entry. It is derived from the rules' source (see
#: :data:`RULES`) rather than written by hand: any change to ``reader/entities``,
#: ``reader/attribution``, ``reader/segment.py``, ``reader/name_words.py`` or
#: ``reader/gazetteer.py`` gives it a new value, and older finished entries are no longer
#: read. The gazetteer's own data (the place names of the installed packages) has a key of
#: its own, which the entry carries too.
ANALYSIS_VERSION = _rules_version()


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
        given_parse: The model's dependency parse as given (empty when the cache had none,
            or when the analysis came from the finished cache: then :attr:`parse` reads it
            with ``load_parse`` the first time it is asked for).
        suggestions: Suggested labels and speakers, in sentence order.
        load_parse: Reads the parse from the cache, for an analysis made without it.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    model: str
    given_parse: Parse = Parse()
    suggestions: tuple[Suggestion, ...] = ()
    load_parse: Callable[[], Parse] | None = field(default=None, repr=False, compare=False)
    _loaded: list[Parse] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def parse(self) -> Parse:
        """The model's dependency parse (empty when the cache had none); an analysis from
        the finished cache reads it only now, once."""
        if self.given_parse.tokens or self.load_parse is None:
            return self.given_parse
        if not self._loaded:
            self._loaded.append(self.load_parse())
        return self._loaded[0]

    def with_corrections(self, corrections: Iterable[Correction]) -> Analysis:
        """Return this analysis with an analyst's entity corrections applied (speakers are
        found again, since a merge or a relabel changes who can be one).

        Without corrections, the analysis itself. An analysis from the finished cache reads
        its parse (``load_parse``) only now, when a correction needs it.
        """
        corrections = tuple(corrections)
        if not corrections:
            return self
        parse = self.parse
        fixed = tuple(reader.entities.apply_corrections(self.article, self.entities, corrections))
        found = reader.attribution.suggest(self.article, self.sentences, fixed, parse)
        return replace(self, entities=fixed, given_parse=parse, suggestions=found, load_parse=None)


def split_article(article: Article) -> tuple[Sentence, ...]:
    """Split an article into sentences, block by block. Needs no model.

    An article the app reopens has its sentences kept with it
    (:func:`reader.loaders.article_cache.kept_spans`): they are used as they are, and the
    splitter is not even imported.
    """
    kept = kept_spans(article)
    if kept is None:
        from reader.segment import split_spans  # here: a reopened article needs none

        kept = tuple(tuple(split_spans(article.block_text(block))) for block in article.blocks)
    sentences: list[Sentence] = []
    for block_index, (block, spans) in enumerate(zip(article.blocks, kept, strict=True)):
        block_text = article.block_text(block)
        for start, end in spans:
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


#: Blocks that are not the article's body: taggable, but progress does not count them.
ASIDE_BLOCKS = frozenset({"title", "byline", "caption"})


def body_sentences(sentences: Sequence[Sentence]) -> frozenset[int]:
    """The indices of the body's sentences (not the title, byline or photo caption).

    An article with no body sentence at all (a title alone) counts every sentence.
    """
    body = frozenset(s.index for s in sentences if s.block not in ASIDE_BLOCKS)
    return body or frozenset(s.index for s in sentences)


def shape(article: Article) -> str:
    """What of an article the rules read besides its text (which its id stands for): its
    blocks and byline, as a short digest, so that a finished analysis is never used for
    the same text loaded in other blocks."""
    key = repr((article.blocks, article.byline)).encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()


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
        processes: int = 1,
    ) -> None:
        """Resolve the model now (cheap, no spaCy import) so a bad name fails early.

        Args:
            model: ``--model`` (name or path); ``None`` picks the default.
            cache: Where raw model output is cached (default: the user's cache folder).
            use_cache: Read and write the cache at all.
            pipeline: An already loaded pipeline to share (tests, benchmarks).
            processes: How many processes analyse a large batch (see :meth:`analyse_many`).

        Raises:
            ModelError: the model is not installed.
        """
        self.choice: ModelChoice = pipeline.choice if pipeline else resolve_model(model)
        self.cache = cache if cache is not None else AnalysisCache()
        self.use_cache = use_cache
        self._pipeline: Pipeline | None = pipeline
        self.processes = max(1, processes)
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

    @property
    def rules_key(self) -> str:
        """The key of the finished analyses: the rules' version and the gazetteer's data."""
        return f"{ANALYSIS_VERSION}-{gazetteer_key()}"

    def finished(self, article: Article) -> Finished | None:
        """The finished analysis from the cache (entities, suggestions, sentence count),
        or ``None``: one small file read, no consolidation, no parse, no spaCy."""
        if not self.use_cache:
            return None
        return self.cache.load_finished(
            article.id, self.choice.key, self.rules_key, article.text, shape(article)
        )

    def finished_for(self, article_id: str) -> Finished | None:
        """The finished analysis of the article ``article_id`` from the cache, without the
        article: for reports that need its entities but not its text (``reader stats``).
        Nothing checks that the article still loads into the same blocks."""
        if not self.use_cache:
            return None
        return self.cache.load_finished(article_id, self.choice.key, self.rules_key)

    def cached(
        self, article: Article, sentences: tuple[Sentence, ...] | None = None
    ) -> Analysis | None:
        """The analysis from the cache alone, or ``None``; never imports spaCy.

        The finished entry if there is one (the parse is then read only if a correction
        needs it), else the raw one, finished here and cached for the next time.
        ``sentences``: the article's, if the caller has split it already
        (:func:`split_article`).
        """
        if not self.use_cache:
            return None
        done = self.finished(article)
        if done is not None:
            if sentences is None:
                sentences = split_article(article)
            if len(sentences) == done.sentences:
                return Analysis(
                    article,
                    sentences,
                    done.entities,
                    self.choice.label,
                    suggestions=done.suggestions,
                    load_parse=lambda: self._cached_parse(article),
                )
        found = self.cache.load(article.id, self.choice.key)
        if found is None:
            return None
        size = len(article.text)
        if not all(0 <= span.start < span.end <= size for span in found.spans) or not all(
            0 <= token.start < token.end <= size for token in found.parse.tokens
        ):
            return None  # damaged, or written for another text: analyse again
        return self._finish(article, found)

    def _cached_parse(self, article: Article) -> Parse:
        """The article's parse from the raw cache entry (empty if it is gone)."""
        found = self.cache.load(article.id, self.choice.key)
        size = len(article.text)
        if found is None or not all(0 <= t.start < t.end <= size for t in found.parse.tokens):
            return Parse()
        return found.parse

    def analyse(self, article: Article) -> Analysis:
        """Analyse one article (from the cache when possible)."""
        return next(iter(self.analyse_many([article])))

    def analyse_many(
        self,
        articles: Sequence[Article],
        progress: Callable[[Analysis], None] | None = None,
    ) -> Generator[Analysis, None, None]:
        """Analyse articles in order: the cached ones from the cache, the others through the
        model, in one stream here or, for a large batch, in up to :attr:`processes` worker
        processes (with results identical to one process).

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
        fresh = self._fresh([articles[i] for i in missing])
        try:
            for index in range(len(articles)):
                analysis = results.pop(index) if index in results else next(fresh)
                if progress is not None:
                    progress(analysis)
                yield analysis
        finally:
            fresh.close()  # stops any worker processes at once, even if we stop early

    def _fresh(self, articles: Sequence[Article]) -> Generator[Analysis, None, None]:
        """Analyse articles that the cache does not have, in order, and cache them: here,
        or for a large batch in up to :attr:`processes` worker processes, each of which does
        the whole job (the model, the rules, the cache) for a few articles at a time."""
        if not articles:
            return
        pieces = [_pieces(article) for article in articles]
        workers = min(self.processes, sum(map(len, pieces)) // _MIN_TEXTS_PER_PROCESS)
        if workers < 2:
            yield from self._here(articles, pieces)
            return
        # Imported here: multiprocessing costs about 9 ms of every start of the app, which
        # opens one article and never needs a worker.
        from reader.workers import run_in_order

        job = _Job(self.choice, self.cache.root, self.use_cache, self._pipeline)
        done = run_in_order(job, _chunks(articles, pieces), workers)
        try:
            for article, result in zip(articles, done, strict=True):
                yield self._received(article, result)
        finally:
            done.close()

    def _here(
        self, articles: Sequence[Article], pieces: Sequence[list[tuple[int, str]]]
    ) -> Iterator[Analysis]:
        """Analyse articles in this process, in order, from one stream of pieces."""
        for article, output in zip(articles, self._run_model(pieces), strict=True):
            if self.use_cache:
                self.cache.put(article.id, self.choice.key, output.spans, output.parse)
            yield self._finish(article, output)

    def _received(self, article: Article, result: _Result) -> Analysis:
        """The analysis of an article from a worker's result. Its parse is read only when
        asked for: from the cache the worker wrote, or from the result if it is not there."""
        rows = result.parse
        load: Callable[[], Parse] = (
            (lambda: self._cached_parse(article))
            if rows is None
            else (lambda: Parse(tuple(Token(*row) for row in rows)))
        )
        return Analysis(
            article,
            split_article(article),
            result.entities,
            self.choice.label,
            suggestions=result.suggestions,
            load_parse=load,
        )

    def _run_model(self, pieces: Sequence[list[tuple[int, str]]]) -> Iterator[ModelOutput]:
        """Yield each article's model output, in order, from one stream of its pieces
        (``_pieces(article)`` for each article)."""
        pipeline = self.pipeline
        jobs = [(index, piece) for index, found in enumerate(pieces) for piece in found]
        texts = [text for _, (_, text) in jobs]
        current = 0
        spans: list[RawSpan] = []
        tokens: list[Token] = []
        found = pipeline.analyse(texts)
        for (index, (offset, _)), (entities, rows) in zip(jobs, found, strict=True):
            while index > current:
                yield ModelOutput(spans, Parse(tuple(tokens)))
                spans, tokens, current = [], [], current + 1
            spans.extend(RawSpan(offset + s, offset + e, label) for s, e, label in entities)
            base = len(tokens)
            tokens.extend(
                Token(offset + s, offset + e, tag, pos, dep, base + head, lemma)
                for s, e, tag, pos, dep, head, lemma in rows
            )
        while current < len(pieces):
            yield ModelOutput(spans, Parse(tuple(tokens)))
            spans, tokens, current = [], [], current + 1

    def _finish(self, article: Article, output: ModelOutput) -> Analysis:
        """Run the rules on the model's output, and cache what they made."""
        sentences = split_article(article)
        entities = tuple(reader.entities.consolidate(article, output.spans, output.parse))
        found = reader.attribution.suggest(article, sentences, entities, output.parse)
        if self.use_cache:
            self.cache.put_finished(
                article.id,
                self.choice.key,
                self.rules_key,
                shape(article),
                Finished(len(sentences), entities, found, body_sentences(sentences)),
            )
        return Analysis(article, sentences, entities, self.choice.label, output.parse, found)


def _pieces(article: Article) -> list[tuple[int, str]]:
    """The article cut into the pieces the model reads: ``(offset, text)``, one per block,
    or several for a block longer than :data:`MAX_PIECE` (cut between sentences)."""
    from reader.segment import split_spans  # here, as in split_article

    pieces: list[tuple[int, str]] = []
    for block in article.blocks:
        text = article.block_text(block)
        if len(text) <= MAX_PIECE:
            pieces.append((block.start, text))
            continue
        start = last = 0
        for _, end in split_spans(text):
            if end - start > MAX_PIECE and last > start:
                pieces.append((block.start + start, text[start:last]))
                start = last
            while end - start > MAX_PIECE:  # one sentence longer than a piece
                cut = text.rfind(" ", start + 1, start + MAX_PIECE) + 1 or start + MAX_PIECE
                pieces.append((block.start + start, text[start:cut]))
                start = cut
            last = end
        pieces.append((block.start + start, text[start:]))
    return [(offset, text) for offset, text in pieces if text.strip()]


def _chunks(
    articles: Sequence[Article], pieces: Sequence[list[tuple[int, str]]]
) -> Iterator[list[Article]]:
    """The articles in order, a few at a time: about :data:`_CHUNK_TEXTS` pieces each, and
    a long article alone."""
    chunk: list[Article] = []
    size = 0
    for article, found in zip(articles, pieces, strict=True):
        chunk.append(article)
        size += len(found)
        if size >= _CHUNK_TEXTS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class _Result(NamedTuple):
    """What a worker sends back for one article: what the rules made of it, and its parse
    as rows of :class:`Token` fields only when the cache does not hold it (no cache, or
    one that could not be written), since the parent rarely needs the parse at all."""

    entities: tuple[Entity, ...]
    suggestions: tuple[Suggestion, ...]
    parse: tuple[tuple[int, int, str, str, str, int, str], ...] | None


class _Job:
    """A worker process's job: analyse a chunk of articles, as :meth:`Analyser._here` does
    in one process (the model, the rules, the cache writes), and yield small results.

    Forked workers start with the parent's pipeline if it had loaded one; otherwise each
    loads its own, once.
    """

    def __init__(
        self, choice: ModelChoice, cache: Path, use_cache: bool, pipeline: Pipeline | None
    ) -> None:
        self.choice = choice
        self.cache = cache
        self.use_cache = use_cache
        self.pipeline = pipeline
        self._analyser: Analyser | None = None

    def __getstate__(self) -> dict[str, object]:
        # Spawned (not forked) workers load their own pipeline rather than receive one.
        return {**self.__dict__, "pipeline": None, "_analyser": None}

    def __call__(self, chunk: Sequence[Article]) -> Iterator[_Result]:
        """Analyse ``chunk`` in this worker; one result per article, in order."""
        if self._analyser is None:
            self._analyser = Analyser(
                cache=AnalysisCache(self.cache),
                use_cache=self.use_cache,
                pipeline=self.pipeline or Pipeline(self.choice),
            )
        analyser = self._analyser
        for analysis in analyser._here(chunk, [_pieces(article) for article in chunk]):
            article = analysis.article
            cached = self.use_cache and analyser.cache.has(article.id, self.choice.key)
            rows = None
            if not cached:
                rows = tuple(
                    (t.start, t.end, t.tag, t.pos, t.dep, t.head, t.lemma)
                    for t in analysis.parse.tokens
                )
            yield _Result(analysis.entities, analysis.suggestions, rows)
