"""Entities: the sample's people and organisations, four articles of our own in other
layouts, and the consolidation rules on hand-made model output.

Mention counts were made by hand from the texts (every full name, surname-only reference,
first-name reference and acronym of the entity), not copied from the program's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import Analyser, Analysis
from reader.article import Article, build_article
from reader.entities import Entity, RawSpan, apply_corrections, consolidate
from reader.loaders import load_article

ARTICLES = Path(__file__).parent / "data" / "articles"


def _by_label(analysis: Analysis, label: str) -> dict[str, int]:
    return {e.name: e.count for e in analysis.entities if e.label == label}


def _check_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    spans = []
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
            spans.append((mention.start, mention.end))
    spans.sort()
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start, "two entities claim the same words"


# --- the sample -------------------------------------------------------------------------

SAMPLE_PEOPLE = {
    # caption, body
    "Hossein Dehghan": 2,
    # caption, lead (full name); then "Hayali" five times in the body
    "Irfan Al Hayali": 7,
    # full name once, "Larijani" three times
    "Ali Larijani": 4,
    # full name once, "Shamkhani" twice
    "Ali Shamkhani": 3,
}
SAMPLE_ORGANISATIONS = {
    "AFP": 1,  # the byline
    "Anadolu Agency": 1,  # the caption's credit
    "IRNA": 1,
    "Supreme National Security Council": 1,
    "Daesh": 3,  # "[Daesh group]" and "against Daesh" twice
}


@pytest.fixture
def sample_analysis(analyser: Analyser, sample_path: Path) -> Analysis:
    return analyser.analyse(load_article(sample_path))


def test_sample_has_exactly_the_four_people_with_every_mention(sample_analysis: Analysis) -> None:
    assert _by_label(sample_analysis, "PERSON") == SAMPLE_PEOPLE


def test_sample_has_exactly_the_expected_organisations(sample_analysis: Analysis) -> None:
    assert _by_label(sample_analysis, "ORG") == SAMPLE_ORGANISATIONS


def test_sample_mentions_are_the_names_and_their_short_forms(sample_analysis: Analysis) -> None:
    people = {e.name: e for e in sample_analysis.entities if e.label == "PERSON"}
    assert {m.text for m in people["Irfan Al Hayali"].mentions} == {"Irfan Al Hayali", "Hayali"}
    assert [m.text for m in people["Ali Larijani"].mentions] == ["Ali Larijani"] + 3 * ["Larijani"]
    assert {m.text for m in people["Ali Shamkhani"].mentions} == {"Ali Shamkhani", "Shamkhani"}
    afp = next(e for e in sample_analysis.entities if e.name == "AFP")
    assert afp.mentions[0].by == "byline"
    _check_offsets(sample_analysis)


def test_sample_keeps_places_and_other_labels_marked_as_such(sample_analysis: Analysis) -> None:
    labels = {e.name: e.label for e in sample_analysis.entities}
    assert labels["Iraq"] == labels["Iran"] == labels["Tehran"] == "GPE"
    assert labels["Iranian"] == "NORP"
    places = {e.name for e in sample_analysis.entities if e.kind == "place"}
    assert {"Iraq", "Iran", "Tehran", "Baghdad", "Turkey"} <= places


def test_sample_has_no_fragments_and_no_person_among_organisations(
    sample_analysis: Analysis,
) -> None:
    names = {e.name for e in sample_analysis.entities}
    assert not names & {"Defence", "Minister", "Defence Minister", "Hayali", "Larijani"}
    organisations = set(_by_label(sample_analysis, "ORG"))
    for person in SAMPLE_PEOPLE:
        assert not any(part in org for org in organisations for part in person.split())


# --- our own articles -------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What a careful reader finds in one of our articles."""

    file: str
    format: str
    title: str
    date: str
    byline: str
    people: dict[str, int]
    organisations: dict[str, int]
    #: Organisations the small model gets wrong, with the reason (asserted as strict xfail).
    missed: dict[str, str] = field(default_factory=dict)
    #: Names wrongly among the people or organisations, with the reason (strict xfail).
    spurious: dict[str, str] = field(default_factory=dict)


OWN_ARTICLES = [
    Expected(
        file="ecb-holds-rates.txt",
        format="scraped",
        title="ECB holds rates as Holtz warns wage growth is still too strong",
        date="2024-03-07",
        byline="Anna Lindqvist, Reuters",
        people={
            "Anna Lindqvist": 1,  # byline
            "Maren Holtz": 6,  # headline "Holtz", caption, body full name, "Holtz" x3
            "Tobias Renner": 3,
            "Claire Dubois": 2,
            "Pieter van Dam": 2,  # "Van Dam said" at the start of a sentence
        },
        organisations={
            "European Central Bank": 7,  # twice in full, "ECB" five times
            "Reuters": 2,  # byline, photo credit
            "Federation of German Industries": 3,  # defined as "(BDI)", "The BDI"
            "Federal Ministry of Finance": 1,
            "Commerzbank": 1,
            "ING": 1,
            "International Monetary Fund": 1,
        },
    ),
    Expected(
        file="halvorsen-court-ruling.txt",
        format="wire",
        title="Judge orders Halvorsen Foods to pay supplier $38 million",
        date="2024-06-11",
        byline="AP",
        people={
            "Marisol Brennan": 3,  # full name, "Brennan found", "Brennan's ruling"
            "Ruth Lindahl": 2,
            "Jenna Kowalczyk": 1,
            "Daniel Okafor": 2,
        },
        organisations={
            "Halvorsen Foods Inc.": 6,  # headline, "... Inc." once, "Halvorsen Foods" x4
            "Prairie Mill Co.": 5,  # "Prairie Mill Co." twice, "Prairie Mill" x3
            "AP": 2,  # byline, "CHICAGO (AP)"
            "7th Circuit Court of Appeals": 1,
            "Illinois Farm Bureau": 1,
            "Securities and Exchange Commission": 1,
        },
    ),
    Expected(
        file="newcastle-sign-duarte.md",
        format="markdown",
        title="Newcastle sign striker Rafael Duarte from Porto in £48m deal",
        date="2024-08-02",
        byline="Sam Whitfield, PA Media",
        people={
            "Sam Whitfield": 1,
            # headline, caption, lead: full name; "Duarte" x6; "Rafael" x2 in quotations
            "Rafael Duarte": 11,
            "Graham Calder": 3,
            "Helen Marsh": 2,
            "Nuno Esteves": 3,
            "Marco Bellandi": 2,
        },
        organisations={
            "PA Media": 2,  # byline, photo credit
            # "Newcastle United" once (a place before a body's head, which the model cut
            # to "Newcastle"), then "Newcastle" six times: the club each time.
            "Newcastle United": 7,
            "FC Porto": 6,  # "FC Porto" once, "Porto" five times (the club each time)
            "Premier League": 2,
            "UEFA": 1,
            "Serie A": 1,
        },
        missed={
            "Benfica": "the small model tags the club 'Benfica' as a PERSON, and the gazetteer "
            "knows it as a district of Lisbon: nothing says it is a club",
            "Real Sociedad": "the small model tags 'Real Sociedad' as a place (GPE)",
        },
    ),
    Expected(
        file="island-nations-climate-fund.txt",
        format="plain",
        title="Island nations demand faster climate payouts as Nairobi talks open",
        date="2023-11-14",
        byline="Léa Marchand, AFP",
        people={
            "Léa Marchand": 1,
            "Ioane Falani": 3,
            "Amara Nwosu": 2,
            "Priya Raman": 1,
            "Jonas Berg": 2,
        },
        organisations={
            "AFP": 1,
            "Alliance of Small Island States": 3,  # defined as "(AOSIS)", "AOSIS, which"
            "United Nations": 2,  # "United Nations climate talks", "the UN climate agency"
            "World Bank": 2,
            "Greenpeace": 1,
            "European Union": 1,
        },
    ),
]


@pytest.fixture(scope="module")
def own_analyses(analyser: Analyser) -> dict[str, Analysis]:
    articles = [load_article(ARTICLES / expected.file) for expected in OWN_ARTICLES]
    return {
        expected.file: analysis
        for expected, analysis in zip(OWN_ARTICLES, analyser.analyse_many(articles), strict=True)
    }


def _ids(expected: Expected) -> str:
    return expected.file.split(".")[0]


@pytest.mark.parametrize("expected", OWN_ARTICLES, ids=_ids)
def test_own_article_loads_with_its_metadata(expected: Expected) -> None:
    article = load_article(ARTICLES / expected.file)
    assert (article.format, article.title, article.date, article.byline) == (
        expected.format,
        expected.title,
        expected.date,
        expected.byline,
    )
    words = len(article.text.split())
    assert 300 <= words <= 600


@pytest.mark.parametrize("expected", OWN_ARTICLES, ids=_ids)
def test_own_article_people_have_every_mention(
    expected: Expected, own_analyses: dict[str, Analysis]
) -> None:
    analysis = own_analyses[expected.file]
    people = _by_label(analysis, "PERSON")
    assert {name: people.get(name) for name in expected.people} == expected.people
    _check_offsets(analysis)


@pytest.mark.parametrize("expected", OWN_ARTICLES, ids=_ids)
def test_own_article_organisations_have_every_mention(
    expected: Expected, own_analyses: dict[str, Analysis]
) -> None:
    organisations = _by_label(own_analyses[expected.file], "ORG")
    assert {name: organisations.get(name) for name in expected.organisations} == (
        expected.organisations
    )
    # No person among the organisations, no fragment of one.
    for person in expected.people:
        assert not any(person.split()[-1] in org for org in organisations), person


def _misses() -> list[object]:
    return [
        pytest.param(
            expected,
            name,
            id=f"{_ids(expected)}-{name}",
            marks=pytest.mark.xfail(strict=True, reason=reason),
        )
        for expected in OWN_ARTICLES
        for name, reason in expected.missed.items()
    ]


@pytest.mark.parametrize(("expected", "name"), _misses())
def test_own_article_organisations_beyond_the_small_model(
    expected: Expected, name: str, own_analyses: dict[str, Analysis]
) -> None:
    assert name in _by_label(own_analyses[expected.file], "ORG")


def _exact_param(expected: Expected) -> object:
    marks = []
    if expected.spurious:
        reason = "; ".join(f"{name}: {why}" for name, why in expected.spurious.items())
        marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(expected, id=_ids(expected), marks=marks)


@pytest.mark.parametrize("expected", [_exact_param(e) for e in OWN_ARTICLES])
def test_own_article_people_and_organisations_are_exactly_the_expected(
    expected: Expected, own_analyses: dict[str, Analysis]
) -> None:
    analysis = own_analyses[expected.file]
    assert set(_by_label(analysis, "PERSON")) == set(expected.people)
    assert set(_by_label(analysis, "ORG")) == set(expected.organisations)


# --- consolidation rules, on hand-made model output (no model needed) ------------------


def _article(*paragraphs: str) -> tuple[str, Article]:
    article = build_article([("paragraph", p) for p in paragraphs], path="t.txt", format="plain")
    return article.text, article


def _spans(text: str, *tagged: tuple[str, str, int]) -> list[RawSpan]:
    """RawSpans for (form, label, which occurrence) triples."""
    spans = []
    for form, label, occurrence in tagged:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(form, start + 1)
        spans.append(RawSpan(start, start + len(form), label))
    return spans


def _entities(article: Article, spans: list[RawSpan]) -> dict[str, Entity]:
    return {e.name: e for e in consolidate(article, spans)}


def test_surname_and_model_misses_join_the_full_name() -> None:
    text, article = _article(
        "Defence Minister Irfan Al Hayali arrived.", "Hayali met Larijani.", "Hayali left."
    )
    found = _entities(
        article,
        _spans(text, ("Irfan Al Hayali", "PERSON", 0), ("Hayali", "ORG", 1)),
    )
    hayali = found["Irfan Al Hayali"]
    assert hayali.label == "PERSON"
    assert [m.text for m in hayali.mentions] == ["Irfan Al Hayali", "Hayali", "Hayali"]
    assert [m.by for m in hayali.mentions] == ["model", "model", "alias"]


def test_a_surname_shared_by_two_people_stays_apart() -> None:
    text, article = _article("Ali Larijani met Ali Shamkhani.", "Ali spoke first.")
    found = _entities(
        article,
        _spans(
            text,
            ("Ali Larijani", "PERSON", 0),
            ("Ali Shamkhani", "PERSON", 0),
            ("Ali", "PERSON", 2),
        ),
    )
    assert found["Ali Larijani"].count == found["Ali Shamkhani"].count == 1


def test_particle_surname_capitalised_at_sentence_start() -> None:
    text, article = _article("Pieter van Dam, an economist, spoke.", "Van Dam said no.")
    found = _entities(article, _spans(text, ("Pieter van Dam", "PERSON", 0)))
    assert [m.text for m in found["Pieter van Dam"].mentions] == ["Pieter van Dam", "Van Dam"]


def test_acronym_defined_in_parentheses_joins_its_organisation() -> None:
    text, article = _article(
        "The Federation of German Industries (BDI) urged a cut.", "The BDI said so twice."
    )
    found = _entities(article, _spans(text, ("Federation of German Industries", "ORG", 0)))
    federation = found["Federation of German Industries"]
    assert [m.text for m in federation.mentions] == [
        "Federation of German Industries",
        "BDI",
        "BDI",
    ]


def test_acronym_spelled_by_initials_keeps_the_full_names_label() -> None:
    text, article = _article("The European Central Bank held rates.", "The ECB meets in June.")
    found = _entities(article, _spans(text, ("European Central Bank", "ORG", 0), ("ECB", "GPE", 0)))
    assert set(found) == {"European Central Bank"}
    assert found["European Central Bank"].label == "ORG"


def test_company_designator_joins_short_name_and_decides_the_label() -> None:
    text, article = _article(
        "The deal with Prairie Mill Co. collapsed.",
        "Prairie Mill sued.",
        "FC Porto won; Porto led.",
    )
    found = _entities(
        article,
        _spans(
            text,
            ("Prairie Mill Co", "ORG", 0),
            ("Prairie Mill", "PERSON", 1),
            ("FC Porto", "ORG", 0),
            ("Porto", "PERSON", 1),
        ),
    )
    assert found["Prairie Mill Co."].label == "ORG"
    assert found["Prairie Mill Co."].count == 2
    assert found["FC Porto"].label == "ORG"
    assert found["FC Porto"].count == 2


def test_byline_names_come_from_the_byline_not_the_model() -> None:
    article = build_article(
        [("byline", "By Anna Lindqvist, Bloomberg - Mar 7"), ("paragraph", "Prices rose.")],
        path="t.txt",
        format="plain",
        byline="Anna Lindqvist, Bloomberg",
    )
    text = article.text
    found = _entities(article, _spans(text, ("Bloomberg - Mar", "ORG", 0)))
    assert {name: e.label for name, e in found.items()} == {
        "Anna Lindqvist": "PERSON",
        "Bloomberg": "ORG",
    }


def test_single_common_words_are_not_names() -> None:
    text, article = _article("The defence ministry met.", "Defence officials agreed.")
    found = _entities(article, _spans(text, ("Defence", "ORG", 0)))
    assert found == {}


def test_corrections_reject_relabel_merge_and_add() -> None:
    @dataclass(frozen=True)
    class Fix:
        kind: str
        name: str
        label: str | None = None
        target: str | None = None

    text, article = _article("Prairie Mill sued Halvorsen.", "Daesh attacked. IRNA reported.")
    entities = consolidate(
        article,
        _spans(
            text,
            ("Prairie Mill", "PERSON", 0),
            ("Halvorsen", "ORG", 0),
            ("Daesh", "ORG", 0),
            ("IRNA", "ORG", 0),
        ),
    )
    fixed = apply_corrections(
        article,
        entities,
        [
            Fix("relabel", "Prairie Mill", label="ORG"),
            Fix("reject", "IRNA"),
            Fix("merge", "Halvorsen", target="Prairie Mill"),
            Fix("add", "attacked", label="EVENT"),
            Fix("reject", "no such entity"),
        ],
    )
    by_name = {e.name: e for e in fixed}
    assert set(by_name) == {"Prairie Mill", "Daesh", "attacked"}
    assert by_name["Prairie Mill"].label == "ORG"
    assert [m.text for m in by_name["Prairie Mill"].mentions] == ["Prairie Mill", "Halvorsen"]
    assert by_name["attacked"].mentions[0].by == "analyst"


_LABELS = st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "DATE", "CARDINAL"])


@given(
    st.lists(
        st.text(alphabet="AaBbIi .,'()-&\u2019ECBUNxyz", min_size=1, max_size=40),
        min_size=1,
        max_size=5,
    ),
    st.one_of(st.none(), st.text(max_size=30)),
    st.data(),
)
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_model_output_consolidates_to_exact_disjoint_mentions(
    paragraphs: list[str], byline: str | None, data: st.DataObject
) -> None:
    article = build_article(
        [("paragraph", p.strip() or "x") for p in paragraphs],
        path="t.txt",
        format="plain",
        byline=byline,
    )
    size = len(article.text)
    tagged = data.draw(
        st.lists(st.tuples(st.integers(0, size - 1), st.integers(1, 20), _LABELS), max_size=10)
    )
    spans = [RawSpan(start, min(size, start + length), label) for start, length, label in tagged]
    claimed: list[tuple[int, int]] = []
    for entity in consolidate(article, spans):
        assert entity.mentions and entity.name
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= size
            assert article.text[mention.start : mention.end] == mention.text
            claimed.append((mention.start, mention.end))
    claimed.sort()
    for (_, end), (start, _) in zip(claimed, claimed[1:], strict=False):
        assert end <= start


def test_split_moves_an_alias_out_into_its_own_entity() -> None:
    @dataclass(frozen=True)
    class Fix:
        kind: str
        name: str
        label: str | None = None
        target: str | None = None

    text, article = _article(
        "Irfan Al Hayali met the press.", "Hayali said no. Later Hayali left. Al Hayali stayed."
    )
    entities = consolidate(article, _spans(text, ("Irfan Al Hayali", "PERSON", 0)))
    whole = next(e for e in entities if e.name == "Irfan Al Hayali")
    assert {m.text for m in whole.mentions} >= {"Irfan Al Hayali", "Hayali"}
    fixed = apply_corrections(article, entities, [Fix("split", "Irfan Al Hayali", target="hayali")])
    by_name = {e.name: e for e in fixed}
    assert [m.text for m in by_name["Hayali"].mentions] == ["Hayali", "Hayali"]
    assert by_name["Hayali"].label == "PERSON"
    assert "Hayali" not in {m.text for m in by_name["Irfan Al Hayali"].mentions}
    # A form that is the whole entity, or that it was never written as, changes nothing.
    for form in ("Irfan Al Hayali", "Shamkhani"):
        same = apply_corrections(article, entities, [Fix("split", "Irfan Al Hayali", target=form)])
        assert [e.name for e in same] == [e.name for e in entities]
