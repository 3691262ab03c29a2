"""How far annotators agree: Cohen's kappa per pair, Krippendorff's alpha over all of them.

Headless and pure: the caller gathers the tags (article id -> annotator -> sentence index
-> label) and each article's number of sentences; :func:`compute_agreement` returns an
:class:`Agreement` whose :meth:`~Agreement.to_json` is the shape of ``reader agree --json``.
The coefficients are computed here in exact integer and rational arithmetic, without numpy;
the tests check them against the ``krippendorff`` package and textbook examples. The
definitions (in :data:`DEFINITIONS`, and at length in ``docs/team.md``):

- A sentence that an annotator left untagged, in an article where they tagged at least one
  sentence, has the category ``none``. An annotator who tagged nothing in an article is
  *missing* there: their silence says nothing about its sentences.
- A pair's units are every sentence of every article in which both tagged; the overall
  units are every sentence of every article in which at least two annotators tagged.
- Cohen's kappa is ``(p_o - p_e) / (1 - p_e)``: undefined, and ``None``, when ``p_e = 1``.
- Krippendorff's alpha (nominal) is ``1 - D_o / D_e`` over the overall units, with
  missing annotators left out of each unit: undefined, and ``None``, when ``D_e = 0``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import Any

#: The category of a sentence that an annotator left untagged in an article they tagged.
NONE = "none"

#: The definitions, for the help of ``reader agree``.
DEFINITIONS = """\
Units are sentences. An annotator who tagged at least one sentence of an article takes
part in that article, and a sentence they left untagged there counts as the category
"none"; an annotator who tagged nothing in an article is missing from it, not "none".
For each pair of annotators: units (every sentence of the articles in which both take
part), observed agreement (the share of units with the same category) and Cohen's kappa
((p_o - p_e) / (1 - p_e), null when chance agreement p_e is 1). Over all annotators:
units (every sentence of the articles in which at least two take part) and Krippendorff's
alpha, nominal (1 - D_o / D_e, missing annotators left out; null when D_e is 0). Per
label, the same figures for "this label or not": kappa is the mean of the pairs' defined
kappas (Light's kappa; with two annotators, the pair's kappa). The confusion table counts
each pair's units, rows the first annotator of the pair in name order, columns the second,
summed over the pairs."""

#: Tags: article id -> annotator -> sentence index -> label.
Tags = Mapping[str, Mapping[str, Mapping[int, str]]]


@dataclass(frozen=True)
class PairAgreement:
    """How far two annotators agree.

    Attributes:
        a: The first annotator, in name order.
        b: The second annotator.
        units: Sentences of the articles in which both tagged at least one sentence.
        observed: The share of those units to which both gave the same category (``none``
            for untagged); ``None`` without units.
        kappa: Cohen's kappa; ``None`` without units or when chance agreement is 1 (both
            gave every unit one and the same category).
    """

    a: str
    b: str
    units: int
    observed: float | None
    kappa: float | None


@dataclass(frozen=True)
class LabelAgreement:
    """The figures for one label taken as "this label or not".

    Attributes:
        kappa: The mean of the pairs' defined kappas (Light's kappa; for two annotators,
            their pair's kappa); ``None`` if no pair's kappa is defined.
        alpha: Krippendorff's alpha; ``None`` when undefined.
        pairs: Each pair's figures, as in :attr:`Agreement.pairs`.
    """

    kappa: float | None
    alpha: float | None
    pairs: tuple[PairAgreement, ...]


@dataclass(frozen=True)
class Disagreement:
    """A sentence to which the annotators taking part in its article gave different tags.

    Attributes:
        article_id: The article.
        sentence: The sentence's index in the article.
        tags: Each annotator taking part in the article -> their label, ``None`` if they
            left the sentence untagged. Annotators missing from the article are absent.
    """

    article_id: str
    sentence: int
    tags: Mapping[str, str | None]


@dataclass(frozen=True)
class Agreement:
    """Everything ``reader agree`` reports; :meth:`to_json` gives its ``--json`` shape.

    Attributes:
        annotators: The annotators compared, in name order.
        units: Sentences of the articles in which at least two annotators tagged.
        pairs: Every pair of annotators, in name order.
        alpha: Krippendorff's alpha (nominal) over all annotators; ``None`` when undefined
            (fewer than two annotators in every article, or a single category throughout).
        labels: Label -> its "this label or not" figures.
        confusion: Category -> category -> count of pair units (rows: the pair's first
            annotator, columns: its second), summed over pairs; the categories are the
            labels in name order, then ``none``.
        disagreements: The sentences with different tags, by article and sentence.
    """

    annotators: tuple[str, ...]
    units: int
    pairs: tuple[PairAgreement, ...]
    alpha: float | None
    labels: Mapping[str, LabelAgreement]
    confusion: Mapping[str, Mapping[str, int]]
    disagreements: tuple[Disagreement, ...]

    def to_json(self) -> dict[str, Any]:
        """The ``reader agree --json`` object: plain dicts, lists, numbers and ``None``."""
        return {
            "annotators": list(self.annotators),
            "units": self.units,
            "pairs": [_pair_json(pair) for pair in self.pairs],
            "alpha": self.alpha,
            "labels": {
                label: {"kappa": figures.kappa, "alpha": figures.alpha}
                for label, figures in self.labels.items()
            },
            "confusion": {row: dict(columns) for row, columns in self.confusion.items()},
            "disagreements": [
                {"article_id": d.article_id, "sentence": d.sentence, "tags": dict(d.tags)}
                for d in self.disagreements
            ],
        }


def _pair_json(pair: PairAgreement) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "units": pair.units,
        "observed": pair.observed,
        "kappa": pair.kappa,
    }


def observed_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """The share of units to which two raters gave the same value; ``None`` without units.

    Raises:
        ValueError: If ``a`` and ``b`` differ in length.
    """
    _same_length(a, b)
    if not a:
        return None
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters who rated the same units (``a[i]`` and ``b[i]``).

    ``kappa = (p_o - p_e) / (1 - p_e)``, where ``p_o`` is the observed agreement and
    ``p_e = sum over categories c of (share of a's values that are c) * (share of b's
    values that are c)``, the agreement expected by chance (Cohen 1960). Computed in
    integers, multiplied through by N², then divided once.

    Returns:
        The kappa, or ``None`` without units or when ``p_e = 1`` (both raters gave every
        unit the same single category), where kappa is undefined.

    Raises:
        ValueError: If ``a`` and ``b`` differ in length.
    """
    _same_length(a, b)
    n = len(a)
    if n == 0:
        return None
    agree = sum(x == y for x, y in zip(a, b, strict=True))
    rows, columns = Counter(a), Counter(b)
    chance = sum(count * columns[value] for value, count in rows.items())
    if chance == n * n:
        return None
    return (n * agree - chance) / (n * n - chance)


def krippendorff_alpha(units: Iterable[Collection[Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal data.

    Each unit is the collection of the values it was given, one per rater who rated it
    (missing raters simply absent). Units with fewer than two values are not pairable and
    count for nothing. With ``n_uc`` the number of values ``c`` in unit ``u``, ``m_u`` the
    unit's number of values, ``n_c`` the number of pairable values ``c`` and ``n`` all of
    them (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability")::

        alpha = 1 - D_o / D_e
              = 1 - (n - 1) * sum_u (m_u² - sum_c n_uc²) / (m_u - 1)
                            / (n² - sum_c n_c²)

    Computed in exact rational arithmetic, then rounded once to a float.

    Returns:
        The alpha, or ``None`` when it is undefined: no pairable unit, or a single
        category among all pairable values (``D_e = 0``).
    """
    totals: Counter[Hashable] = Counter()
    # Per unit size m: the sum over those units of m² - sum_c n_uc² (the unit's ordered
    # pairs of different values), kept apart so that each size is divided by m - 1 once.
    different: dict[int, int] = defaultdict(int)
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        counts = Counter(unit)
        totals.update(counts)
        different[m] += m * m - sum(count * count for count in counts.values())
    n = sum(totals.values())
    expected = n * n - sum(count * count for count in totals.values())
    if expected == 0:
        return None
    observed = sum((Fraction(pairs, m - 1) for m, pairs in different.items()), Fraction(0))
    return float(1 - (n - 1) * observed / expected)


def _same_length(a: Sequence[Hashable], b: Sequence[Hashable]) -> None:
    if len(a) != len(b):
        raise ValueError(f"the raters rated different numbers of units: {len(a)} and {len(b)}")


def compute_agreement(
    tags: Tags,
    sentences: Mapping[str, int],
    *,
    annotators: Iterable[str] | None = None,
    labels: Iterable[str] | None = None,
) -> Agreement:
    """Agreement between annotators over the sentences of some articles.

    Args:
        tags: Article id -> annotator -> sentence index -> label. An annotator with no
            tags in an article (absent, or an empty mapping) is missing from it.
        sentences: Article id -> its number of sentences, for every article in ``tags``.
        annotators: Compare only these (``--annotator``); by default everyone who tagged.
            A named annotator without tags is still listed, with pairs of no units.
        labels: Give per-label figures for these labels only, and list only the
            disagreements that involve one of them, that is where "this label or not"
            differs (``--label``). The pairs, alpha and confusion table always cover every
            category. By default: every label the annotators used.

    Raises:
        ValueError: If a tag is on a sentence outside its article (re-anchor or drop
            orphans first), an article has no sentence count, or a label is called
            ``none``, which would be mistaken for an untagged sentence.
    """
    chosen = None if annotators is None else frozenset(annotators)
    # Article id -> the annotators taking part there -> their tags, in name order.
    taking_part: dict[str, dict[str, Mapping[int, str]]] = {}
    used: set[str] = set()
    for article_id, by_annotator in tags.items():
        size = _size(sentences, article_id)
        present = {
            name: marks
            for name, marks in sorted(by_annotator.items())
            if marks and (chosen is None or name in chosen)
        }
        for name, marks in present.items():
            for sentence, label in marks.items():
                if not 0 <= sentence < size:
                    raise ValueError(
                        f"{name}'s tag on sentence {sentence} of article {article_id} is "
                        f"outside its {size} sentences"
                    )
                if label == NONE:
                    raise ValueError(f"a label may not be called {NONE!r}: it means untagged")
                used.add(label)
        taking_part[article_id] = present

    names = tuple(sorted(chosen if chosen is not None else _everyone(taking_part)))
    focus = tuple(sorted(used)) if labels is None else tuple(dict.fromkeys(labels))
    categories = (*sorted(used), NONE)
    # The overall units: one row per sentence of each article with two or more taking part.
    rows = [
        (article_id, sentence, {name: marks.get(sentence, NONE) for name, marks in present.items()})
        for article_id, present in sorted(taking_part.items())
        if len(present) >= 2
        for sentence in range(sentences[article_id])
    ]

    pairs = []
    by_label: dict[str, list[PairAgreement]] = {label: [] for label in focus}
    confusion = {row: dict.fromkeys(categories, 0) for row in categories}
    for a, b in combinations(names, 2):
        first = [row[a] for _, _, row in rows if a in row and b in row]
        second = [row[b] for _, _, row in rows if a in row and b in row]
        pairs.append(_pair(a, b, first, second))
        for x, y in zip(first, second, strict=True):
            confusion[x][y] += 1
        for label in focus:
            by_label[label].append(
                _pair(a, b, [x == label for x in first], [y == label for y in second])
            )

    return Agreement(
        annotators=names,
        units=len(rows),
        pairs=tuple(pairs),
        alpha=krippendorff_alpha([list(row.values()) for _, _, row in rows]),
        labels={
            label: LabelAgreement(
                kappa=_mean([pair.kappa for pair in by_label[label]]),
                alpha=krippendorff_alpha(
                    [[value == label for value in row.values()] for _, _, row in rows]
                ),
                pairs=tuple(by_label[label]),
            )
            for label in focus
        },
        confusion=confusion,
        disagreements=tuple(
            Disagreement(
                article_id,
                sentence,
                {name: None if value == NONE else value for name, value in row.items()},
            )
            for article_id, sentence, row in rows
            if _differ(row.values(), None if labels is None else focus)
        ),
    )


def _size(sentences: Mapping[str, int], article_id: str) -> int:
    try:
        return sentences[article_id]
    except KeyError:
        raise ValueError(f"no sentence count for article {article_id}") from None


def _everyone(taking_part: Mapping[str, Mapping[str, object]]) -> set[str]:
    return {name for present in taking_part.values() for name in present}


def _pair(a: str, b: str, first: Sequence[Hashable], second: Sequence[Hashable]) -> PairAgreement:
    return PairAgreement(
        a, b, len(first), observed_agreement(first, second), cohen_kappa(first, second)
    )


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else None


def _differ(values: Collection[str], focus: Sequence[str] | None) -> bool:
    if focus is None:
        return len(set(values)) > 1
    return any(len({value == label for value in values}) > 1 for label in focus)
