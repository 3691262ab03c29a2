"""How far the annotation has got, and who the claims and quotes are about.

Per article and in total: the sentences tagged by label and by annotator, progress (the
share of the article's sentences that someone has tagged), and the people and
organisations mentioned most often in the sentences tagged as claims or quotes; and,
where two or more annotators tagged an article, how far they agree (Cohen's kappa, the
mean over pairs for more than two, and Krippendorff's alpha, as ``reader agree`` computes
them: see :mod:`reader.agreement`).

The sentence count comes from the store (recorded when the app opened the article) or,
failing that, from loading the article and splitting it, which needs no model. People and
organisations need the analysis: it comes from the cache when the article has been opened
before, and otherwise spaCy loads; ``entities=False`` skips them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from reader.annotated import AnnotatedArticle, Problems, Warn, gather, ignore_warning
from reader.store import Store

if TYPE_CHECKING:
    from reader.analysis import Analyser
    from reader.entities import Entity

#: The labels whose sentences say who claims or is quoted; when a store's label set has
#: neither, every label counts.
FOCUS_LABELS = ("claim", "quote")
#: Entity kinds the statistics count.
KINDS = ("person", "organisation")


@dataclass(frozen=True)
class EntityCount:
    """A person or organisation and how many claim or quote sentences mention them.

    Attributes:
        name: The entity's name.
        kind: ``person`` or ``organisation``.
        sentences: Tagged claim or quote sentences that mention it.
        articles: Articles where that happens.
    """

    name: str
    kind: str
    sentences: int
    articles: int = 1


@dataclass(frozen=True)
class AgreementSummary:
    """How far the annotators of an article (or of all of them) agree.

    Attributes:
        annotators: Who tagged, in name order.
        units: The sentences compared (of the articles two or more of them tagged).
        kappa: Cohen's kappa; with more than two annotators, the mean of the pairs'
            defined kappas; ``None`` when undefined.
        alpha: Krippendorff's alpha (nominal); ``None`` when undefined.
    """

    annotators: tuple[str, ...]
    units: int
    kappa: float | None
    alpha: float | None

    def as_json(self) -> dict[str, Any]:
        """The summary as plain JSON values."""
        return {
            "annotators": list(self.annotators),
            "units": self.units,
            "kappa": self.kappa,
            "alpha": self.alpha,
        }


def agreement_summary(
    tags: dict[str, dict[str, dict[int, str]]], sentences: dict[str, int]
) -> AgreementSummary | None:
    """The agreement of these tags, or ``None`` if no article has two annotators."""
    if not any(len([n for n, marks in by.items() if marks]) > 1 for by in tags.values()):
        return None
    # Imported only where two annotators tagged one article (fractions, decimal: 5 ms).
    from reader.agreement import compute_agreement

    found = compute_agreement(tags, sentences)
    kappas = [pair.kappa for pair in found.pairs if pair.kappa is not None and pair.units]
    return AgreementSummary(
        found.annotators,
        found.units,
        sum(kappas) / len(kappas) if kappas else None,
        found.alpha,
    )


@dataclass(frozen=True)
class Tally:
    """Counts for one article, or for all of them.

    Attributes:
        sentences: Sentences in the article(s); ``None`` if unknown for some article.
        tagged: Sentences tagged by at least one annotator.
        labels: Tags per label.
        annotators: Tags per annotator, then per label.
        entities: The people and organisations of claims and quotes, most frequent first.
        agreement: How far the annotators agree, where two or more tagged (and the
            sentence count is known); else ``None``.
    """

    sentences: int | None
    tagged: int
    labels: dict[str, int] = field(default_factory=dict)
    annotators: dict[str, dict[str, int]] = field(default_factory=dict)
    entities: tuple[EntityCount, ...] = ()
    agreement: AgreementSummary | None = None

    @property
    def progress(self) -> float | None:
        """Share of sentences tagged, from 0 to 1; ``None`` if the total is unknown."""
        if not self.sentences:
            return None
        return min(1.0, self.tagged / self.sentences)

    def as_json(self) -> dict[str, Any]:
        """The tally as plain JSON values."""
        return {
            "sentences": self.sentences,
            "tagged": self.tagged,
            "progress": None if self.progress is None else round(self.progress, 4),
            "labels": self.labels,
            "annotators": self.annotators,
            "people": [
                {"name": e.name, "sentences": e.sentences, "articles": e.articles}
                for e in self.entities
                if e.kind == "person"
            ],
            "organisations": [
                {"name": e.name, "sentences": e.sentences, "articles": e.articles}
                for e in self.entities
                if e.kind == "organisation"
            ],
            "agreement": None if self.agreement is None else self.agreement.as_json(),
        }


@dataclass(frozen=True)
class ArticleStats:
    """One article's statistics.

    Attributes:
        id: The article's id.
        path: Where it was loaded from.
        title: Its headline, if known.
        tally: Its counts.
    """

    id: str
    path: str
    title: str | None
    tally: Tally


@dataclass(frozen=True)
class Stats:
    """Statistics of a store.

    Attributes:
        articles: Each annotated article's, by path.
        total: All of them together.
        labels: Every label, the store's first, in order.
        focus: The labels whose sentences the entity counts cover.
        problems: Things left out because they are damaged (tags that do not fit their
            article's text, analyses that failed), each reported through ``warn``.
    """

    articles: tuple[ArticleStats, ...]
    total: Tally
    labels: tuple[str, ...]
    focus: tuple[str, ...]
    problems: int = 0

    def as_json(self) -> dict[str, Any]:
        """The statistics as plain JSON values (``reader stats --json``)."""
        return {
            "labels": list(self.labels),
            "people_and_organisations_in": list(self.focus),
            "articles": [
                {"id": a.id, "path": a.path, "title": a.title, **a.tally.as_json()}
                for a in self.articles
            ],
            "total": self.total.as_json(),
        }


def _entity_counts(
    entities: Iterable[Entity], spans: set[tuple[int, int]]
) -> tuple[EntityCount, ...]:
    counts = []
    for entity in entities:
        if entity.kind not in KINDS:
            continue
        # The tagged sentences (distinct spans) with a mention inside, in plain loops: a
        # thousand articles have tens of thousands of entities between them.
        inside = 0
        for start, end in spans:
            for mention in entity.mentions:
                if start <= mention.start and mention.end <= end:
                    inside += 1
                    break
        if inside:
            counts.append(EntityCount(entity.name, entity.kind, inside))
    return tuple(sorted(counts, key=lambda e: (-e.sentences, e.name)))


def _ordered(counts: Mapping[str, int], rank: Mapping[str, int]) -> dict[str, int]:
    """Counts by label in the label set's order (then any other label, by name); ``rank``:
    each of the set's labels and its place."""
    ordered = {k: counts[k] for k in rank if k in counts}
    if len(ordered) < len(counts):
        ordered.update((k, counts[k]) for k in sorted(counts.keys() - ordered.keys()))
    return ordered


def _article_tally(
    item: AnnotatedArticle, focus: Sequence[str], sentences: int | None, rank: Mapping[str, int]
) -> Tally:
    # Counted in plain dicts, in one pass: a thousand articles add up.
    labels: dict[str, int] = {}
    annotators: dict[str, dict[str, int]] = {}
    for annotation in item.annotations:
        label = annotation.label
        labels[label] = labels.get(label, 0) + 1
        mine = annotators.setdefault(annotation.annotator, {})
        mine[label] = mine.get(label, 0) + 1
    spans = {(a.start, a.end) for a in item.annotations if a.label in focus}
    return Tally(
        sentences=sentences,
        tagged=len({a.sentence for a in item.annotations}),
        labels=_ordered(labels, rank),
        annotators={name: _ordered(counts, rank) for name, counts in sorted(annotators.items())},
        entities=_entity_counts(item.entities, spans) if spans else (),
    )


def _tags(item: AnnotatedArticle, sentences: int) -> dict[str, dict[int, str]]:
    """The article's tags by annotator, inside its sentences (orphans left out)."""
    tags: dict[str, dict[int, str]] = defaultdict(dict)
    for annotation in item.annotations:
        if annotation.sentence < sentences:
            tags[annotation.annotator][annotation.sentence] = annotation.label
    return dict(tags)


def _top(tally: Tally, top: int) -> tuple[EntityCount, ...]:
    """The ``top`` people and the ``top`` organisations, in the tally's order."""
    kept = {kind: [e for e in tally.entities if e.kind == kind][:top] for kind in KINDS}
    return tuple(e for e in tally.entities if e in kept[e.kind])


def _with_top(tally: Tally, top: int) -> Tally:
    """``tally`` with only its :func:`_top` entities (itself if it has no more)."""
    kept = _top(tally, top)
    return tally if kept == tally.entities else replace(tally, entities=kept)


def _total(tallies: Sequence[Tally], rank: Mapping[str, int]) -> Tally:
    labels: Counter[str] = Counter()
    annotators: dict[str, Counter[str]] = defaultdict(Counter)
    entities: dict[tuple[str, str], list[int]] = {}
    names: dict[tuple[str, str], str] = {}
    for tally in tallies:
        labels.update(tally.labels)
        for name, by_label in tally.annotators.items():
            annotators[name].update(by_label)
        for entity in tally.entities:
            # The same person across articles: by name, whatever its case.
            key = (entity.name.casefold(), entity.kind)
            names.setdefault(key, entity.name)
            found = entities.setdefault(key, [0, 0])
            found[0] += entity.sentences
            found[1] += 1
    ranked = sorted(
        (EntityCount(names[key], key[1], n, a) for key, (n, a) in entities.items()),
        key=lambda e: (-e.sentences, -e.articles, e.name),
    )
    known = [t.sentences for t in tallies]
    return Tally(
        sentences=None if None in known else sum(n or 0 for n in known),
        tagged=sum(t.tagged for t in tallies),
        labels=_ordered(labels, rank),
        annotators={name: _ordered(c, rank) for name, c in sorted(annotators.items())},
        entities=tuple(ranked),
    )


def compute_stats(
    store: Store,
    *,
    annotator: str | None = None,
    entities: bool = True,
    analyser: Analyser | None = None,
    top: int = 10,
    warn: Warn = ignore_warning,
) -> Stats:
    """Count the store's annotations, article by article.

    Args:
        store: The store.
        annotator: Only this annotator's tags (default: everyone's).
        entities: Count the people and organisations of claims and quotes (needs each
            article's analysis).
        analyser: The analyser for that (default: a new one).
        top: How many people and how many organisations to keep, per article and in all.
        warn: Called with one line for each article whose file cannot be loaded, each tag
            that does not fit its article's text and each article that cannot be analysed.
    """
    names = store.labels.names
    rank = {label: index for index, label in enumerate(names)}
    focus = tuple(label for label in FOCUS_LABELS if label in names) or names
    problems = Problems()
    items = gather(
        store,
        annotator=annotator,
        need="names" if entities else "annotations",
        analyser=analyser,
        warn=warn,
        without="its people and organisations are not counted",
        problems=problems,
    )
    tallies = []
    tags: dict[str, dict[str, dict[int, str]]] = {}
    counts: dict[str, int] = {}
    for item in items:
        sentences = item.record.sentences if item.record is not None else None
        if not sentences and item.article is not None:
            from reader.analysis import split_article  # only for an article never opened

            sentences = len(split_article(item.article))
        tally = _article_tally(item, focus, sentences, rank)
        if sentences:
            tags[item.id], counts[item.id] = _tags(item, sentences), sentences
            # Agreement needs two annotators; a copy only where it changes: a thousand add up.
            one = (
                agreement_summary({item.id: tags[item.id]}, {item.id: sentences})
                if len(tags[item.id]) > 1
                else None
            )
            if one is not None:
                tally = replace(tally, agreement=one)
        tallies.append((item, tally))
    total = _total([tally for _, tally in tallies], rank)
    total = replace(total, entities=_top(total, top), agreement=agreement_summary(tags, counts))
    articles = [
        ArticleStats(item.id, item.path, item.title, _with_top(tally, top))
        for item, tally in tallies
    ]
    all_labels = tuple(names) + tuple(
        sorted({label for a in articles for label in a.tally.labels} - set(names))
    )
    return Stats(
        articles=tuple(articles),
        total=total,
        labels=all_labels,
        focus=focus,
        problems=problems.count,
    )
