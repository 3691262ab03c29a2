"""Organisations the model leaves untagged or cuts, found by how the text uses them, each
rule pinned by a small invented case run through the real model: a name that what follows
it describes as a body ("Veltrano, the national grid operator,"); a site's name over its
menu of sections."""

from __future__ import annotations

from entity_support import entities_in

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities import Entity
from reader.entities.organisations import (
    country_after,
    described_bodies,
    headed_names,
    mastheads,
    named_pair,
    owner_and_body,
    used_as_bodies,
)
from reader.entities.spans import split_raw
from reader.syntax import Parse


def _label(entities: dict[str, Entity], name: str) -> str | None:
    found = entities.get(name)
    return found.label if found else None


def _never(name: str) -> bool:
    return False


def test_a_name_described_as_a_body_is_one(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Veltranergo, the national grid operator, said it had introduced schedules.",
        "Kordavia 2050, one of the coalition's smaller parties, said it would leave.",
        "Radio Okanda is an independent news outlet based in Lisbon.",
        "Mariam Otieno, the company's chief executive, said profits rose.",
    )
    assert _label(found, "Veltranergo") == "ORG"
    assert _label(found, "Radio Okanda") == "ORG"
    assert _label(found, "Mariam Otieno") == "PERSON"  # the head is "executive"


def test_a_description_s_head_noun_must_end_it() -> None:
    text = (
        "Brivelco, the Dhaka-based research centre, runs trials. Tamsin Hale, the union's "
        "general secretary, spoke. Quorvex, a unit of Halden Group, fell."
    )
    found = {text[s:e] for s, e in described_bodies(text, Parse(), _never)}
    assert found == {"Brivelco", "Quorvex"}


def test_the_site_s_name_over_its_menu_is_an_outlet(analyser: Analyser) -> None:
    article = build_article(
        [
            ("paragraph", "Skip to content"),
            ("paragraph", "Río Verde Monitor"),
            ("paragraph", "Home | Politics | Business | Sport | Opinion"),
            ("paragraph", "Sport"),
            ("paragraph", "Football | Tennis | Golf"),
            ("byline", "By Lucía Bengoechea"),
            ("paragraph", "Share | Facebook | X | Email"),
            ("paragraph", "Lucía Bengoechea said the river was low."),
        ],
        path="x.txt",
        format="plain",
    )
    found = {e.name: e for e in analyser.analyse(article).entities}
    assert _label(found, "Río Verde Monitor") == "ORG"
    assert "the site's name over its menu" in found["Río Verde Monitor"].why
    assert _label(found, "Sport") != "ORG"  # a section over its sub-menu
    assert _label(found, "Lucía Bengoechea") == "PERSON"  # a byline before the share links


def test_a_masthead_is_a_line_of_a_name_before_a_menu_of_sections() -> None:
    text = "Kettle Post\n\nNews | Sport | Culture\n\nBy Ann Lee\n\nShare | Print | Email\n"
    assert [text[s:e] for s, e in mastheads(text)] == ["Kettle Post"]


def test_a_credit_s_agency_is_an_organisation_whatever_the_gazetteers_say(
    analyser: Analyser,
) -> None:
    found = entities_in(
        analyser,
        "Nurses queue outside the ward on Friday. Photo: Tomasz Żelazny/Xinhua",
        "Fans wait outside the arena. Photo: Seán Ó Dubhghaill/Pacemaker",
        "The ministry said 14 people were ill.",
    )
    assert _label(found, "Xinhua") == "ORG"  # a place's name in GeoNames as well
    assert "a credit's agency" in found["Xinhua"].why
    assert _label(found, "Pacemaker") == "ORG"
    assert _label(found, "Tomasz Żelazny") == "PERSON"
    assert _label(found, "Seán Ó Dubhghaill") == "PERSON"


def test_two_names_joined_by_and_part_when_either_stands_alone() -> None:
    text = (
        "UPDATE 1-Tarsis raises royalty, Quillon and Vessary hit\n\n"
        "The change adds 2 cents a pound to Quillon's costs. Marks and Whitby said nothing. "
        "The Lute and Harp Festival opens; Lute Festival tickets sold out."
    )
    start = text.index("Quillon and Vessary")
    assert named_pair(text, start, start + len("Quillon and Vessary")) == text.index(" and ")
    start = text.index("Marks and Whitby")
    assert named_pair(text, start, start + len("Marks and Whitby")) is None  # one firm
    start = text.index("Lute and Harp")
    assert named_pair(text, start, start + len("Lute and Harp")) is None  # "Lute Festival"


def test_a_sentence_s_period_after_a_legal_form_is_not_the_name_s() -> None:
    text = "The money went to Kestrel Lane Energy Inc. According to the court, Dovan Corp. paid."
    start = text.index("Kestrel")
    spans = split_raw(text, start, start + len("Kestrel Lane Energy Inc."), "ORG", Parse())
    assert [text[s:e] for s, e, _ in spans] == ["Kestrel Lane Energy Inc"]
    start = text.index("Dovan")
    spans = split_raw(text, start, start + len("Dovan Corp."), "ORG", Parse())
    assert [text[s:e] for s, e, _ in spans] == ["Dovan Corp."]  # "paid" goes on


def test_a_name_a_body_s_head_ends_or_opens_is_found_whole() -> None:
    text = (
        "Tamsa Bank said it would open accounts, according to data from the Rating and "
        "Levy Department. Office of Coastal Defense spokesperson Ana Ruiz spoke. The "
        "Partit Verd's Party of Valdoria (PVV) said no. The Fédération Valdoise de Football "
        "Association fined him. Tamsa is in Valdoria."
    )
    found = [text[s:e] for s, e in headed_names(text, lambda name: name == "Valdoria")]
    assert found == [
        "Tamsa Bank",
        "Rating and Levy Department",
        "Partit Verd's Party of Valdoria",
        "Office of Coastal Defense",
    ]  # not "Football Association", a longer name's end


def test_a_use_only_a_body_has_finds_a_company(analyser: Analyser) -> None:
    text = (
        "Mouloudia has been owned since 2020 by Kelvoratrach, whose chief executive came. "
        "Zentavo said in a statement that fees would rise. Shares of Brunnix fell. "
        "The house is owned by Jane Ashby."
    )
    found = {text[s:e] for s, e in used_as_bodies(text, Parse(), lambda name: name == "Jane Ashby")}
    assert found == {"Kelvoratrach", "Zentavo", "Brunnix"}
    entities = entities_in(analyser, text)
    assert _label(entities, "Zentavo") == "ORG"
    assert _label(entities, "Jane Ashby") == "PERSON"


def test_a_country_after_in_stays_in_a_body_s_name_a_city_does_not() -> None:
    text = "The Union of Reporters in Israel and the Centre for Data in Colombo spoke."
    start = text.index("Union")
    end = start + len("Union of Reporters")
    assert text[start : country_after(text, start, end)] == "Union of Reporters in Israel"
    start = text.index("Centre")
    end = start + len("Centre for Data")
    assert country_after(text, start, end) == end


def test_one_body_s_possessive_before_another_body_parts_them() -> None:
    text = (
        "The Tavria Bank's Kelso Finance Corporation lent it; the People's Party and the "
        "Children's Hospital did not."
    )
    start = text.index("Tavria")
    end = text.index(" lent")
    owner_end, owned_start = owner_and_body(text, start, end) or (0, 0)
    assert (text[start:owner_end], text[owned_start:end]) == (
        "Tavria Bank",
        "Kelso Finance Corporation",
    )
    for name in ("People's Party", "Children's Hospital"):
        start = text.index(name)
        assert owner_and_body(text, start, start + len(name)) is None
