"""Annotated articles: the read model that exports and statistics share.

:func:`gather` collects, article by article, what the store holds (its record and the
annotations) and as much of the article itself as the caller needs. Every export format
needs the store's annotations; some need more. ``prodigy``, ``doccano``,
``brat``, ``spacy`` and ``md`` carry the article's text or its people and organisations, so
the article is loaded again from the path the store recorded when the app opened it, and
analysed (from the analysis cache when possible, so spaCy loads only when it must), with
the analyst's entity corrections applied. An article whose file is gone, or has changed
since it was annotated (its text no longer hashes to the annotated id), is reported in one
line and the export goes on without it, or without its entities, as the format allows.

Two layers can be gathered: ``annotators``, every annotator's own tags, and ``gold``, the
settled layer of :meth:`reader.store.Review.gold` (a reviewer's decision, else the label
every annotator taking part agreed on).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reader.errors import ArticleError, ModelError, ReaderError
from reader.records import Annotation, ArticleRecord, superseded_versions
from reader.safe_text import visible
from reader.store import Store

if TYPE_CHECKING:
    from reader.analysis import Analyser, Analysis, Sentence
    from reader.article import Article
    from reader.entities import Correction, Entity
    from reader.store import ReviewItem

# The analysis (and with it the entity rules), the loaders and the segmenter are imported
# where they are used: a report of the annotations alone (`reader stats --no-entities`,
# `reader export --format jsonl`) needs none of them, and they cost more to import than
# reading a thousand store files.

#: How much of an article an export needs: its annotations only, also its text, or also
#: its entities (which needs the analysis, hence perhaps spaCy); or ``names``, its entities
#: but not its text (statistics): those come from the finished analysis in the cache,
#: without loading the article, when the article has no entity corrections.
Need = Literal["annotations", "text", "entities", "names"]

Warn = Callable[[str], None]

#: Which tags an export or a statistic reads: each annotator's own, or the settled layer.
Layer = Literal["annotators", "gold"]
LAYERS: tuple[Layer, ...] = ("annotators", "gold")


def ignore_warning(message: str) -> None:
    """The default for ``warn``: say nothing."""


@dataclass
class Problems:
    """How many things :func:`gather` left out because they are damaged: stored tags that
    do not fit their article's text, analyses that failed. Each was also reported through
    ``warn``; a command that counted any exits with status 1 (its output is incomplete).
    """

    count: int = 0


@dataclass(frozen=True)
class AnnotatedArticle:
    """One annotated article, as an export or the statistics see it.

    Attributes:
        id: The article's id.
        record: What the store knows about it (path, title, ...), if anything.
        annotations: Its annotations, by start offset (filtered as the export asked).
        article: The loaded article, when the export needs its text and it could be loaded.
        analysis: Its analysis with entity corrections applied, when the export needs
            entities and the article could be loaded.
        layer: ``annotators`` (each annotation is one annotator's tag) or ``gold`` (the
            settled layer: each annotation's ``annotator`` is the reviewer who decided,
            or :data:`reader.store.AGREED`).
        known_entities: For ``need="names"``, the entities from the cache when the article
            was not loaded (it has no corrections, so they are final).
    """

    id: str
    record: ArticleRecord | None
    annotations: tuple[Annotation, ...]
    article: Article | None = None
    analysis: Analysis | None = None
    layer: Layer = "annotators"
    known_entities: tuple[Entity, ...] | None = None

    @property
    def path(self) -> str:
        """Where the article was loaded from (``""`` if the store never learnt it)."""
        if self.article is not None:
            return self.article.path
        return self.record.path if self.record is not None else ""

    @property
    def title(self) -> str | None:
        """The headline, if known."""
        if self.article is not None:
            return self.article.title
        return self.record.title if self.record is not None else None

    @property
    def date(self) -> str | None:
        """The publication date (``YYYY-MM-DD``), if known."""
        if self.article is not None:
            return self.article.date
        return self.record.date if self.record is not None else None

    @property
    def byline(self) -> str | None:
        """The byline, if known."""
        if self.article is not None:
            return self.article.byline
        return self.record.byline if self.record is not None else None

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The corrected entities, or none when the article could not be analysed."""
        if self.analysis is not None:
            return self.analysis.entities
        return self.known_entities or ()

    @property
    def name(self) -> str:
        """A one-line, terminal-safe way to name the article in a message."""
        return visible(self.path) if self.path else f"article {self.id}"


def load_stored_article(
    article_id: str, path: str, _files: dict[str, dict[str, Article]] | None = None
) -> Article:
    """Load the article ``article_id`` from ``path`` (``FILE#LINE`` for a corpus).

    Raises:
        ArticleError: the path is unknown, the file cannot be loaded, or it no longer holds
            this article (the text changed, so its hash did).
    """
    if not path:
        raise ArticleError(
            f"article {article_id}: the store has no file for it (open it in reader once)"
        )
    from reader.loaders import load_articles
    from reader.loaders.jsonl import split_corpus_path
    from reader.loaders.notices import collect_warnings

    file, _line = split_corpus_path(path)
    files = _files if _files is not None else {}
    if file not in files:
        # A corpus holds many articles: read it once, whatever its line, and index it by id
        # (an edited corpus may have moved the article to another line).
        try:
            with collect_warnings():  # bad corpus lines are not this export's business
                files[file] = {article.id: article for article in load_articles(file)}
        except ArticleError:
            files[file] = {}
            raise
    found = files[file].get(article_id)
    if found is None:
        if not files[file]:
            load_articles(file)  # raise the loader's own one-line reason again
        raise ArticleError(f"{visible(path)} has changed since it was annotated")
    return found


def gather(
    store: Store,
    article_ids: Iterable[str] | None = None,
    *,
    annotator: str | None = None,
    label: str | None = None,
    need: Need = "annotations",
    articles: Mapping[str, Article] | None = None,
    analyser: Analyser | None = None,
    warn: Warn = ignore_warning,
    without: str = "left out",
    layer: Layer = "annotators",
    unsettled: list[ReviewItem] | None = None,
    problems: Problems | None = None,
) -> list[AnnotatedArticle]:
    """Collect the annotated articles, with as much as the caller needs.

    A stored annotation that does not fit its loaded article's text (older or damaged
    data) is reported and left out, so that no format ever writes a span outside the text;
    an article the model fails on is reported and goes on without its entities, so that
    one bad article never breaks a whole export.

    Args:
        store: The store.
        article_ids: Only these articles, in this order (default: every annotated
            article, by path).
        annotator: Only this annotator's annotations.
        label: Only this label's annotations.
        need: ``annotations``, ``text`` (load the article), ``entities`` (also analyse)
            or ``names`` (the entities, from the cache without the text where it can).
        articles: Articles already loaded (``reader export PATH``), by id; others are
            loaded from the paths in the store.
        analyser: The analyser for ``need="entities"`` (default: a new one, which loads
            spaCy only if an article's analysis is not cached).
        warn: Called with a one-line message for each article that is skipped or whose
            text cannot be loaded.
        without: What the export does without an article's text, for that message
            (``"left out"``, ``"exported without its entities"``).
        layer: ``annotators`` (each annotator's tags) or ``gold`` (the settled layer;
            ``annotator`` must then be ``None``).
        unsettled: For ``gold``, a list that receives every unsettled sentence of the
            articles gathered (whatever ``label`` keeps).
        problems: Counts what was left out as damaged (see :class:`Problems`).

    Returns:
        The articles that have matching annotations, in order.
    """
    # Each store file is read once, whatever the export needs of it.
    explicit = article_ids is not None
    if article_ids is not None:
        ids = list(dict.fromkeys(article_ids))
        stored = {found.record.id: found for found in store.read_articles(ids)}
    else:  # every article, but an edited file's older versions only through the newest
        stored = {found.record.id: found for found in store.read_articles()}
        superseded = superseded_versions(
            {article_id: found.record for article_id, found in stored.items()},
            [pair for found in stored.values() for pair in found.carried],
        )
        ordered = sorted(stored.values(), key=lambda found: (found.record.path, found.record.id))
        ids = [found.record.id for found in ordered if found.record.id not in superseded]
    records = {article_id: found.record for article_id, found in stored.items()}
    counter = problems if problems is not None else Problems()

    def damaged(message: str) -> None:
        counter.count += 1
        warn(message)

    given = dict(articles or {})
    if need in ("entities", "names") and analyser is None:
        from reader.analysis import Analyser

        analyser = Analyser()
    gathered: list[AnnotatedArticle] = []
    files: dict[str, dict[str, Article]] = {}
    if layer == "gold" and annotator is not None:
        raise ValueError("the gold layer is everyone's: it takes no annotator")
    for article_id in ids:
        record = records.get(article_id)
        if layer == "gold":
            count = record.sentences if record is not None else None
            if count is None and article_id in given:
                from reader.analysis import split_article

                count = len(split_article(given[article_id]))
            # Imported here: the review layer (its records and file) costs every report
            # that reads the annotators' own tags a few milliseconds.
            from reader.store import Review

            gold = Review(store, article_id, sentences=count).gold()
            tags: Iterable[Annotation] = gold.annotations
            if unsettled is not None:
                unsettled.extend(gold.unsettled)
        else:
            everyone = stored[article_id].annotations if article_id in stored else ()
            tags = [a for a in everyone if annotator is None or a.annotator == annotator]
        found = tuple(a for a in tags if label is None or a.label == label)
        if not found:
            if explicit:
                shown = given[article_id].path if article_id in given else None
                shown = shown or (record.path if record else "")
                what = "no settled annotations" if layer == "gold" else "no annotations"
                warn(f"{visible(shown) if shown else f'article {article_id}'}: {what}")
            continue
        article = given.get(article_id)
        known = None
        if need == "names" and article is None and analyser is not None:
            corrected = article_id in stored and stored[article_id].corrections
            done = None if corrected else analyser.finished_for(article_id)
            known = done.entities if done is not None else None
        if article is None and need != "annotations" and known is None:
            try:
                article = load_stored_article(article_id, record.path if record else "", files)
            except ArticleError as error:
                warn(f"{error.message}; {without}")
        if article is not None:
            fitting = tuple(a for a in found if fits(a, article.text))
            for annotation in found:
                if annotation not in fitting:
                    damaged(
                        f"{visible(article.path) or f'article {article_id}'}: the "
                        f"{visible(annotation.label)} tag by {visible(annotation.annotator)} "
                        f"at {annotation.start}-{annotation.end} does not fit the article's "
                        "text (damaged or older data); left out"
                    )
            found = fitting
        if found:
            gathered.append(
                AnnotatedArticle(
                    article_id, record, found, article, layer=layer, known_entities=known
                )
            )
    if need in ("entities", "names") and analyser is not None:
        corrections = {article_id: found.corrections for article_id, found in stored.items()}
        gathered = _analyse(corrections, gathered, analyser, damaged, without)
    return gathered


def fits(annotation: Annotation, text: str) -> bool:
    """Whether a stored annotation's offsets index ``text`` and find its own text there."""
    start, end = annotation.start, annotation.end
    return 0 <= start < end <= len(text) and text[start:end] == annotation.text


def _analyse(
    corrections: Mapping[str, Sequence[Correction]],
    items: list[AnnotatedArticle],
    analyser: Analyser,
    damaged: Warn,
    without: str,
) -> list[AnnotatedArticle]:
    """Analyse the loaded articles; one that cannot be analysed is reported and goes on
    without its entities, so that it never costs the others theirs."""
    loaded = [item.article for item in items if item.article is not None]
    results: dict[str, Analysis] = {}
    try:
        results = {analysis.article.id: analysis for analysis in analyser.analyse_many(loaded)}
    except ModelError:
        raise  # no model at all: the whole command fails, in one line
    except Exception:  # noqa: BLE001 - one article's failure must not end the batch
        # Again one by one (those analysed so far come from the cache), to find the culprit.
        for article in loaded:
            try:
                results[article.id] = analyser.analyse(article)
            except ModelError:
                raise
            except Exception as error:  # noqa: BLE001 - reported, and the rest goes on
                reason = error.message if isinstance(error, ReaderError) else repr(error)
                damaged(
                    f"{visible(article.path) or f'article {article.id}'}: cannot be analysed "
                    f"({visible(reason[:200])}); {without}"
                )
    analyses = {
        article_id: analysis.with_corrections(corrections.get(article_id, ()))
        for article_id, analysis in results.items()
    }
    return [replace(item, analysis=analyses.get(item.id)) for item in items]


def sentences_of_text(text: str) -> tuple[Sentence, ...]:
    """Split a normalised article text into the sentences reader gives it.

    An export carries an article's text but not its blocks; blocks are single lines joined
    by one blank line, and sentences never depend on a block's kind, so the text alone
    gives the same sentences, with the same indices, as the loaded article.
    """
    from reader.analysis import split_article
    from reader.article import BLOCK_SEPARATOR, Article, Block

    blocks: list[Block] = []
    offset = 0
    for piece in text.split(BLOCK_SEPARATOR):
        if piece:
            blocks.append(Block("paragraph", offset, offset + len(piece)))
        offset += len(piece) + len(BLOCK_SEPARATOR)
    article = Article(id="", path="", text=text, blocks=tuple(blocks), format="")
    return split_article(article)


def sentence_counts(
    items: Iterable[AnnotatedArticle],
    articles: Mapping[str, Article] | None = None,
    warn: Warn = ignore_warning,
) -> dict[str, int]:
    """Each article's number of sentences, without spaCy.

    From the article when it is loaded or given, else as the store recorded it when the
    app opened the article, else by loading it again and splitting it (the rule-based
    segmenter, no model). An article whose count cannot be found is reported and left out.
    """
    from reader.analysis import split_article

    given = dict(articles or {})
    files: dict[str, dict[str, Article]] = {}
    counts: dict[str, int] = {}
    for item in items:
        article = item.article or given.get(item.id)
        if article is None and (item.record is None or item.record.sentences is None):
            try:
                article = load_stored_article(item.id, item.path, files)
            except ArticleError as error:
                warn(f"{error.message}; its sentences are unknown, so it is left out")
                continue
        if article is not None:
            counts[item.id] = len(split_article(article))
        elif item.record is not None and item.record.sentences is not None:
            counts[item.id] = item.record.sentences
    return counts


def tags_by_annotator(
    items: Iterable[AnnotatedArticle], counts: Mapping[str, int]
) -> tuple[dict[str, dict[str, dict[int, str]]], int]:
    """The tags as :func:`reader.agreement.compute_agreement` takes them.

    Returns:
        Article id -> annotator -> sentence index -> label, for the articles in
        ``counts``; and how many tags were left out because their sentence is past the
        end of the article as it is split now (orphans).
    """
    tags: dict[str, dict[str, dict[int, str]]] = {}
    orphans = 0
    for item in items:
        if item.id not in counts:
            continue
        by_annotator = tags.setdefault(item.id, {})
        for annotation in item.annotations:
            if annotation.sentence >= counts[item.id]:
                orphans += 1
                continue
            by_annotator.setdefault(annotation.annotator, {})[annotation.sentence] = (
                annotation.label
            )
    return tags, orphans
