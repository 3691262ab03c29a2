"""Agreement between annotators: the coefficients against textbook examples and the
``krippendorff`` package, and :func:`compute_agreement`'s units, ``none`` and missing."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import warnings
from collections import Counter
from collections.abc import Hashable, Sequence

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.agreement import (
    DEFINITIONS,
    NONE,
    Agreement,
    cohen_kappa,
    compute_agreement,
    krippendorff_alpha,
    observed_agreement,
)

# -- Independent computations -------------------------------------------------------------


def reference_alpha(matrix: Sequence[Sequence[float | None]]) -> float | None:
    """The ``krippendorff`` package's nominal alpha of a raters × units matrix (``None``
    for missing), or ``None`` where it refuses or gives NaN (alpha undefined)."""
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    try:
        with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
            warnings.simplefilter("ignore")
            value = float(krippendorff.alpha(data, level_of_measurement="nominal"))
    except ValueError:  # a single value in the domain, or no pairable unit
        return None
    return None if math.isnan(value) else value


def reference_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa from the textbook's shares, in floats."""
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    rows, columns = Counter(a), Counter(b)
    p_e = sum((rows[c] / n) * (columns[c] / n) for c in set(a) | set(b))
    return None if math.isclose(p_e, 1.0) else (p_o - p_e) / (1 - p_e)


def columns(matrix: Sequence[Sequence[int | None]]) -> list[list[int]]:
    """The units of a raters × units matrix, each as the values it was given."""
    return [[v for v in unit if v is not None] for unit in zip(*matrix, strict=True)]


def table(cells: dict[tuple[str, str], int]) -> tuple[list[str], list[str]]:
    """Two raters' values from a 2×2 (or larger) table of counts."""
    a: list[str] = []
    b: list[str] = []
    for (x, y), count in cells.items():
        a += [x] * count
        b += [y] * count
    return a, b


# -- Cohen's kappa ---------------------------------------------------------------------------


def test_kappa_of_the_textbook_example() -> None:
    # 50 grant proposals, two readers (Wikipedia, "Cohen's kappa"): p_o = 0.7, p_e = 0.5.
    a, b = table({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15})
    assert observed_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("cells", "kappa"),
    [
        # The same observed agreement (60 %), different marginals (Wikipedia).
        ({("y", "y"): 45, ("y", "n"): 15, ("n", "y"): 25, ("n", "n"): 15}, 0.1304),
        ({("y", "y"): 25, ("y", "n"): 35, ("n", "y"): 5, ("n", "n"): 35}, 0.2593),
    ],
)
def test_kappa_depends_on_the_marginals(cells: dict[tuple[str, str], int], kappa: float) -> None:
    a, b = table(cells)
    assert cohen_kappa(a, b) == pytest.approx(kappa, abs=5e-5)


def test_kappa_is_undefined_without_units_or_when_chance_agreement_is_one() -> None:
    assert cohen_kappa([], []) is None and observed_agreement([], []) is None
    assert cohen_kappa(["claim"] * 4, ["claim"] * 4) is None
    # One rater constant is not enough to make p_e 1: kappa is 0.
    assert cohen_kappa(["claim"] * 4, ["claim", "none", "claim", "claim"]) == 0.0
    with pytest.raises(ValueError, match="different numbers"):
        cohen_kappa(["a"], ["a", "b"])


labels = st.sampled_from(["claim", "context", "quote", NONE])
rated_pairs = st.lists(st.tuples(labels, labels), min_size=1, max_size=60)


@given(rated_pairs)
def test_kappa_is_symmetric_and_matches_the_textbook_formula(pairs: list[tuple[str, str]]) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    kappa = cohen_kappa(a, b)
    assert kappa == cohen_kappa(b, a)
    expected = reference_kappa(a, b)
    if expected is None:
        assert kappa is None
    else:
        assert kappa is not None and kappa == pytest.approx(expected, abs=1e-9)
        assert -1.0 <= kappa <= 1.0


@given(st.lists(labels, min_size=1, max_size=60))
def test_perfect_agreement_gives_one(a: list[str]) -> None:
    assert observed_agreement(a, a) == 1.0
    assert cohen_kappa(a, a) == (None if len(set(a)) == 1 else 1.0)
    assert krippendorff_alpha([[x, x] for x in a]) == (None if len(set(a)) == 1 else 1.0)


# -- Krippendorff's alpha ---------------------------------------------------------------------

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four
# observers, twelve units, missing values. Nominal alpha = 0.743.
KRIPPENDORFF_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# Wikipedia's example (and the krippendorff package's): three coders, fifteen units,
# many missing. Nominal alpha = 0.691.
WIKIPEDIA = [
    [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
    [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
    [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
]


@pytest.mark.parametrize(("matrix", "alpha"), [(KRIPPENDORFF_C, 0.743), (WIKIPEDIA, 0.691)])
def test_alpha_of_the_textbook_examples(
    matrix: list[list[int | None]],
    alpha: float,
) -> None:
    value = krippendorff_alpha(columns(matrix))
    assert value is not None and round(value, 3) == alpha
    assert value == pytest.approx(reference_alpha(matrix), abs=1e-12)


def test_alpha_is_undefined_without_pairable_units_or_with_one_category() -> None:
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([["claim"], ["quote"]]) is None  # no unit has two values
    assert krippendorff_alpha([["claim", "claim"], ["claim"], ["quote"]]) is None
    assert krippendorff_alpha([["claim", "quote"]]) is not None


raters_by_units = st.integers(2, 5).flatmap(
    lambda raters: st.integers(1, 15).flatmap(
        lambda units: st.lists(
            st.lists(st.none() | st.integers(0, 3), min_size=units, max_size=units),
            min_size=raters,
            max_size=raters,
        )
    )
)


@settings(max_examples=300)
@given(raters_by_units)
def test_alpha_matches_the_krippendorff_package(matrix: list[list[int | None]]) -> None:
    expected = reference_alpha(matrix)
    value = krippendorff_alpha(columns(matrix))
    if expected is None:
        assert value is None
    else:
        assert value is not None and value == pytest.approx(expected, abs=1e-9)


@given(raters_by_units)
def test_alpha_ignores_the_order_of_raters_and_units(matrix: list[list[int | None]]) -> None:
    units = columns(matrix)
    shuffled = [list(unit) for unit in units]
    for unit in shuffled:
        unit.reverse()
    shuffled.reverse()
    assert krippendorff_alpha(shuffled) == krippendorff_alpha(units)


# -- compute_agreement ------------------------------------------------------------------------


def two_annotators() -> tuple[dict[str, dict[str, dict[int, str]]], dict[str, int]]:
    tags = {
        # Both take part: 4 units, sentence 3 untagged by both (none, none).
        "a1": {
            "ana": {0: "claim", 1: "quote", 2: "context"},
            "bob": {0: "claim", 1: "claim", 2: "context"},
        },
        # Both take part: 3 units; bob left sentence 1 untagged.
        "a2": {"ana": {0: "quote", 1: "claim", 2: "context"}, "bob": {0: "quote", 2: "context"}},
        # Only ana: bob is missing here, not "none"; no units.
        "a3": {"ana": {0: "claim", 1: "claim"}, "bob": {}},
    }
    return tags, {"a1": 4, "a2": 3, "a3": 5, "unread": 9}


def test_two_annotators_units_none_and_missing() -> None:
    tags, sizes = two_annotators()
    result = compute_agreement(tags, sizes)

    assert result.annotators == ("ana", "bob")
    assert result.units == 7
    (pair,) = result.pairs
    ana = ["claim", "quote", "context", NONE, "quote", "claim", "context"]
    bob = ["claim", "claim", "context", NONE, "quote", NONE, "context"]
    assert (pair.a, pair.b, pair.units) == ("ana", "bob", 7)
    assert pair.observed == pytest.approx(5 / 7)
    assert pair.kappa == pytest.approx(reference_kappa(ana, bob))
    assert result.alpha == pytest.approx(reference_alpha([[*map(code, ana)], [*map(code, bob)]]))

    assert list(result.labels) == ["claim", "context", "quote"]
    claim = result.labels["claim"]
    is_claim = [[x == "claim" for x in ana], [y == "claim" for y in bob]]
    assert claim.kappa == pytest.approx(reference_kappa(*is_claim))
    assert claim.kappa == claim.pairs[0].kappa
    assert claim.alpha == pytest.approx(reference_alpha([[*map(float, r)] for r in is_claim]))
    # Context: both agree everywhere, and both use it: kappa 1.
    assert result.labels["context"].kappa == 1.0

    assert list(result.confusion) == ["claim", "context", "quote", NONE]
    assert result.confusion["quote"]["claim"] == 1  # ana: quote, bob: claim
    assert result.confusion["claim"][NONE] == 1
    assert result.confusion[NONE][NONE] == 1
    assert sum(sum(row.values()) for row in result.confusion.values()) == 7

    assert [(d.article_id, d.sentence, dict(d.tags)) for d in result.disagreements] == [
        ("a1", 1, {"ana": "quote", "bob": "claim"}),
        ("a2", 1, {"ana": "claim", "bob": None}),
    ]


def code(label: str) -> float:
    return float(["claim", "context", "quote", NONE].index(label))


def test_json_has_the_issues_fields() -> None:
    tags, sizes = two_annotators()
    document = compute_agreement(tags, sizes).to_json()

    assert list(document) == [
        "annotators",
        "units",
        "pairs",
        "alpha",
        "labels",
        "confusion",
        "disagreements",
    ]
    assert list(document["pairs"][0]) == ["a", "b", "units", "observed", "kappa"]
    assert all(list(figures) == ["kappa", "alpha"] for figures in document["labels"].values())
    assert document["disagreements"][1] == {
        "article_id": "a2",
        "sentence": 1,
        "tags": {"ana": "claim", "bob": None},
    }
    assert json.loads(json.dumps(document)) == document


def test_label_filter_keeps_the_overall_figures_and_narrows_the_rest() -> None:
    tags, sizes = two_annotators()
    everything = compute_agreement(tags, sizes)
    claims = compute_agreement(tags, sizes, labels=["claim"])

    assert list(claims.labels) == ["claim"]
    assert claims.labels["claim"] == everything.labels["claim"]
    assert (claims.pairs, claims.alpha, claims.confusion) == (
        everything.pairs,
        everything.alpha,
        everything.confusion,
    )
    # Both disagreements involve a claim; none involves context.
    assert claims.disagreements == everything.disagreements
    assert compute_agreement(tags, sizes, labels=["context"]).disagreements == ()
    # A label nobody used: listed, figures undefined.
    unused = compute_agreement(tags, sizes, labels=["rumour"]).labels["rumour"]
    assert (unused.kappa, unused.alpha) == (None, None)


def test_one_annotator_has_no_pairs_and_no_alpha() -> None:
    tags, sizes = two_annotators()
    result = compute_agreement(tags, sizes, annotators=["ana"])

    assert result.annotators == ("ana",) and result.pairs == () and result.units == 0
    assert result.alpha is None and result.disagreements == ()
    assert result.labels["claim"].kappa is None and result.labels["claim"].alpha is None
    assert result.confusion[NONE][NONE] == 0


def test_nothing_tagged() -> None:
    result = compute_agreement({}, {})
    assert result == Agreement((), 0, (), None, {}, {NONE: {NONE: 0}}, ())


def test_a_named_annotator_without_tags_is_listed_with_empty_pairs() -> None:
    tags, sizes = two_annotators()
    result = compute_agreement(tags, sizes, annotators=["ana", "bob", "zoe"])

    assert result.annotators == ("ana", "bob", "zoe")
    assert [(p.a, p.b, p.units, p.observed, p.kappa) for p in result.pairs[1:]] == [
        ("ana", "zoe", 0, None, None),
        ("bob", "zoe", 0, None, None),
    ]
    assert result.alpha == compute_agreement(tags, sizes).alpha


def test_three_annotators_with_one_missing_from_an_article() -> None:
    tags = {
        "a1": {
            "ana": {0: "claim", 1: "quote", 3: "claim"},
            "bob": {0: "claim", 1: "quote", 2: "context"},
            "cy": {0: "context", 1: "quote", 3: "claim"},
        },
        # cy is missing here: two values per unit.
        "a2": {"ana": {0: "claim", 1: "context"}, "bob": {0: "claim", 2: "quote"}},
    }
    sizes = {"a1": 4, "a2": 3}
    result = compute_agreement(tags, sizes)

    assert result.units == 7
    assert [(p.a, p.b, p.units) for p in result.pairs] == [
        ("ana", "bob", 7),
        ("ana", "cy", 4),
        ("bob", "cy", 4),
    ]
    ana = ["claim", "quote", NONE, "claim", "claim", "context", NONE]
    bob = ["claim", "quote", "context", NONE, "claim", NONE, "quote"]
    cy: list[str | None] = ["context", "quote", NONE, "claim", None, None, None]
    matrix = [[None if v is None else code(v) for v in row] for row in (ana, bob, cy)]
    assert result.alpha == pytest.approx(reference_alpha(matrix), abs=1e-12)
    # Per label: the mean of the three pairs' kappas (Light's kappa).
    claim = result.labels["claim"]
    pair_kappas = [p.kappa for p in claim.pairs]
    assert all(k is not None for k in pair_kappas)
    assert claim.kappa == pytest.approx(sum(k for k in pair_kappas if k is not None) / 3)
    # The confusion table sums the pairs' units.
    assert sum(sum(row.values()) for row in result.confusion.values()) == 7 + 4 + 4
    # Disagreement tags name only the annotators taking part in the article.
    assert {d.article_id: set(d.tags) for d in result.disagreements} == {
        "a1": {"ana", "bob", "cy"},
        "a2": {"ana", "bob"},
    }
    assert [(d.article_id, d.sentence) for d in result.disagreements] == [
        ("a1", 0),
        ("a1", 2),
        ("a1", 3),
        ("a2", 1),
        ("a2", 2),
    ]


@pytest.mark.parametrize(
    ("tags", "sizes", "message"),
    [
        ({"a": {"ana": {3: "claim"}}}, {"a": 3}, "outside its 3 sentences"),
        ({"a": {"ana": {-1: "claim"}}}, {"a": 3}, "outside"),
        ({"a": {"ana": {0: NONE}}}, {"a": 3}, "may not be called"),
        ({"a": {"ana": {0: "claim"}}}, {}, "no sentence count for article a"),
    ],
)
def test_bad_input_is_refused(
    tags: dict[str, dict[str, dict[int, str]]], sizes: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        compute_agreement(tags, sizes)


names = ["ana", "bob", "cy"]
stores = st.dictionaries(
    st.sampled_from(["a1", "a2", "a3", "a4"]),
    st.integers(1, 8).flatmap(
        lambda size: st.tuples(
            st.just(size),
            st.dictionaries(
                st.sampled_from(names),
                st.dictionaries(st.integers(0, size - 1), st.sampled_from(["claim", "quote"])),
            ),
        )
    ),
)


@settings(max_examples=200)
@given(stores)
def test_figures_match_an_independent_computation(
    store: dict[str, tuple[int, dict[str, dict[int, str]]]],
) -> None:
    """The issue's check: kappa and alpha as computed from the definitions by the
    krippendorff package and the textbook formula."""
    tags = {article: by_annotator for article, (_, by_annotator) in store.items()}
    sizes = {article: size for article, (size, _) in store.items()}
    result = compute_agreement(tags, sizes)

    # The reliability matrix by the issue's definitions: in each article where two or more
    # tagged, one column per sentence; untagged is "none", not taking part is missing.
    categories = ["claim", "quote", NONE]
    matrix: list[list[float | None]] = [[] for _ in names]
    for article in sorted(store):
        size, by_annotator = store[article]
        present = {name for name, marks in by_annotator.items() if marks}
        if len(present) < 2:
            continue
        for row, name in zip(matrix, names, strict=True):
            marks = by_annotator.get(name, {})
            row += [
                categories.index(marks.get(s, NONE)) if name in present else None
                for s in range(size)
            ]
    assert result.units == len(matrix[0])
    expected = reference_alpha(matrix)
    if expected is None:
        assert result.alpha is None
    else:
        assert result.alpha == pytest.approx(expected, abs=1e-9)

    for pair in result.pairs:
        both = [
            (x, y)
            for x, y in zip(matrix[names.index(pair.a)], matrix[names.index(pair.b)], strict=True)
            if x is not None and y is not None
        ]
        assert pair.units == len(both)
        if both:
            kappa = reference_kappa([x for x, _ in both], [y for _, y in both])
            assert pair.kappa == (None if kappa is None else pytest.approx(kappa, abs=1e-9))
        else:
            assert (pair.observed, pair.kappa) == (None, None)

    for label, figures in result.labels.items():
        c = categories.index(label)
        binary = [[None if v is None else float(v == c) for v in row] for row in matrix]
        expected = reference_alpha(binary)
        assert figures.alpha == (None if expected is None else pytest.approx(expected, abs=1e-9))


def test_definitions_name_every_figure() -> None:
    for word in ("none", "missing", "Cohen's kappa", "Krippendorff's alpha", "nominal", "Light"):
        assert word in " ".join(DEFINITIONS.split())


def test_the_module_loads_neither_numpy_nor_textual() -> None:
    script = (
        "import sys, reader.agreement\n"
        "print(sorted(m for m in ('numpy', 'textual', 'krippendorff') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
