"""The evidence from knowledge packages and from what the text calls a name, each pinned by
a small case: given names, company legal forms, an organisation's nouns and employees, a
settlement's noun, a dateline, the parts of a long name and a name without its accents.
Label rules run the real model (the session's pipeline) on short articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_support import entities_in

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities.names import has_designator, is_legal_form, name_key, unaccented
from reader.entities.spans import byline_names, split_raw
from reader.gazetteer import given_names, is_given_name
from reader.syntax import Parse


def test_given_names_come_from_the_package_and_are_cached(isolated_home: Path) -> None:
    assert is_given_name("Callum") and is_given_name("ingrid") and is_given_name("Olav")
    assert not is_given_name("Petrobras") and not is_given_name("Medyka")
    assert list((isolated_home / "cache" / "reader").glob("given-names.*.txt")) or given_names()


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("GmbH", True),
        ("AS", True),
        ("A/S", True),
        ("S.A.", True),
        ("Tbk", True),
        ("Oyj", True),
        ("Ltda", True),
        ("As", False),  # the English word
        ("da", False),  # a particle: "Luis da Silva"
        ("Teo", False),  # a surname, where "TEO" would be the form
        ("Group", False),  # a head word, not a legal form
    ],
)
def test_company_legal_forms_come_from_cleanco(word: str, form: bool) -> None:
    assert is_legal_form(word) is form


def test_a_legal_form_marks_a_company_and_drops_out_of_its_key() -> None:
    assert has_designator("Nordvik Fisk AS") and not has_designator("Josephine Teo")
    assert name_key("Brandvold & Eik A/S") == name_key("Brandvold & Eik") == "brandvold & eik"
    text = "Brandvold & Eik A/S's shares rose."
    found = split_raw(text, 0, text.index("'s"), "ORG", Parse())
    assert [text[s:e] for s, e, _ in found] == ["Brandvold & Eik A/S"]


def test_a_name_the_model_cut_before_its_legal_form_is_completed() -> None:
    text = "Nordvik Fisk AS said on Monday"
    found = split_raw(text, 0, len("Nordvik Fisk"), "PERSON", Parse())
    assert [text[s:e] for s, e, _ in found] == ["Nordvik Fisk AS"]


def test_a_name_with_and_without_its_accents_is_one_name() -> None:
    assert unaccented("Sølund Ålesund Boğaziçi") == "solund alesund bogazici"


def test_a_company_named_like_a_person_is_an_organisation(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Brazilian planemaker Voltrano and the state-run oil company Quarvex signed a "
        "deal on Tuesday. A Quarvex spokeswoman said the fuel would be ready in 2027.",
        "Shares of Voltrano rose 2 percent. Voltrano will use the fuel in test flights.",
    )
    for name in ("Voltrano", "Quarvex"):
        assert found[name].label == "ORG", found[name].why


def test_an_apposition_that_names_an_organisation_makes_one(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "The deal has drawn objections from Kessling, the Bavarian maker of car parts. "
        "Kessling said it had filed a complaint.",
    )
    assert found["Kessling"].label == "ORG", found["Kessling"].why


def test_the_employer_of_a_coach_or_a_director_is_an_organisation(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        'Ntshona Rovers won the final. "We played with courage," Ntshona Rovers coach '
        "Bongani Dube said. Ntshona Rovers' director Lerato Khumalo praised the fans.",
    )
    rovers = found["Ntshona Rovers"]
    assert rovers.label == "ORG" and "employs a coach" in rovers.why, rovers.why
    assert "employs a director" in rovers.why
    assert found["Bongani Dube"].label == "PERSON"


def test_a_village_of_and_a_dateline_name_places(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "KUALA BERANG, Terengganu - Smoke covered Kuala Berang on Tuesday.",
        "In the village of Sungai Tong, residents swept up glass.",
    )
    assert found["Sungai Tong"].label not in ("PERSON", "ORG"), found["Sungai Tong"].why
    berang = next(e for e in found.values() if e.name.casefold() == "kuala berang")
    assert berang.label not in ("PERSON", "ORG") and "a dateline" in berang.why, berang.why
    assert "a village's name" in found["Sungai Tong"].why


def test_a_given_name_is_evidence_of_a_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Ingrid Halvorsen, who runs a fish farm, said the tax was unfair. Halvorsen "
        "said she would appeal.",
    )
    person = found["Ingrid Halvorsen"]
    assert person.label == "PERSON"
    assert any("given name" in reason for reason in person.why)


def test_the_later_parts_of_a_long_name_fold_into_it(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Former minister Luis Alberto Quiroga Mamani was detained on Friday. Quiroga "
        "denied the charges, and Quiroga Mamani's lawyer said he would appeal.",
    )
    assert "Quiroga" not in found and "Quiroga Mamani" not in found
    assert found["Luis Alberto Quiroga Mamani"].label == "PERSON"


def test_a_caption_credit_in_parentheses_is_an_agency_and_a_photographer(
    analyser: Analyser,
) -> None:
    found = entities_in(
        analyser,
        "Smoke rises over the peatland on Monday. (KNA/Wanjiru Kamau)",
        "Rescuers search the river bank. (Baraka Odhiambo/AP)",
    )
    assert found["Wanjiru Kamau"].label == "PERSON" and found["KNA"].label == "ORG"
    assert found["Baraka Odhiambo"].label == "PERSON" and found["AP"].label == "ORG"


def test_a_byline_with_semicolons_names_each_reporter() -> None:
    assert byline_names("Noor Haddad; Eli Barak") == [
        ("Noor Haddad", "PERSON"),
        ("Eli Barak", "PERSON"),
    ]


def test_a_title_of_honour_before_a_full_name_is_not_part_of_it(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Sir Roland Ashcombe, the committee's chairman, said the line was late. Sir Roland "
        "added that Dame Imogen Fairley would lead the review.",
    )
    assert "Roland Ashcombe" in found and "Sir Roland Ashcombe" not in found
    assert "Sir Roland" not in found  # his short form, folded into him
    assert found["Roland Ashcombe"].count >= 2
    assert "Imogen Fairley" in found


def test_a_given_name_the_model_left_out_is_taken_in() -> None:
    text = "The cut is unfair, said party finance spokesman Per Olav Brekke on Monday."
    start = text.index("Olav")
    found = split_raw(text, start, start + len("Olav Brekke"), "PERSON", Parse())
    assert [text[s:e] for s, e, _ in found] == ["Per Olav Brekke"]
    # At the start of a sentence a capital says nothing.
    text = "Per Olav Brekke's plan failed."
    found = split_raw(text, 4, 4 + len("Olav Brekke"), "PERSON", Parse())
    assert [text[s:e] for s, e, _ in found] == ["Olav Brekke"]


def test_a_surname_written_once_after_a_given_name_is_a_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Hamish Tallow's unbeaten 142 put the hosts on top. Tallow said the pitch was "
        "slow, and Tallow batted for six hours.",
    )
    assert found["Hamish Tallow"].label == "PERSON", found["Hamish Tallow"].why
    assert "Tallow" not in found


def test_a_body_named_for_its_country_is_an_organisation(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Aquafarm Norway, which represents most fish farmers, said the tax would cost jobs. "
        "Sri Lanka lost the toss, and Sri Lanka then lost the match.",
    )
    assert found["Aquafarm Norway"].label == "ORG", found["Aquafarm Norway"].why
    assert found["Sri Lanka"].label == "GPE", found["Sri Lanka"].why


def test_a_minister_s_portfolio_is_no_one(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        '"The repair will take ten days," Deputy Energy Minister Arman Seitkali told '
        "reporters. Chilean Mining and Energy Minister Rosa Valdivia agreed.",
    )
    assert "Energy" not in found and "Chilean Mining" not in found
    assert "Mining" not in found


def test_an_organisation_s_name_cut_short_folds_into_the_full_name(
    analyser: Analyser,
) -> None:
    found = entities_in(
        analyser,
        "The Central Bank of the Republic of Valdoria held its rate on Thursday. The Central "
        "Bank said inflation was easing.",
    )
    assert "Central Bank" not in found
    assert found["Central Bank of the Republic of Valdoria"].label == "ORG"


@pytest.mark.parametrize(
    ("text", "span", "label", "name"),
    [
        # a designator before a person's name the model completed: a company
        (
            "named by Walhi, PT Sawit Jaya Lestari, denied it",
            "Sawit Jaya Lestari",
            "PERSON",
            "PT Sawit Jaya Lestari",
        ),
        # what an organisation owns is not its name
        (
            "through the European Union\u2019s rescEU pool",
            "European Union\u2019s rescEU",
            "ORG",
            "European Union",
        ),
        # an office named "... General"
        (
            "with the Attorney General's Office on",
            "General's Office",
            "ORG",
            "Attorney General's Office",
        ),
        ("While General Motors said", "General Motors", "ORG", "General Motors"),
        # two coined names joined by a hyphen are one
        ("whose GroenLinks-PvdA alliance lost", "GroenLinks", "ORG", "GroenLinks-PvdA"),
        # a list's first items before "X and Y Agency"
        (
            "the Meteorology, Climatology and Geophysics Agency said",
            "Climatology and Geophysics Agency",
            "ORG",
            "Meteorology, Climatology and Geophysics Agency",
        ),
    ],
)
def test_an_organisation_s_name_is_completed_or_cut(
    text: str, span: str, label: str, name: str
) -> None:
    start = text.index(span)
    found = split_raw(text, start, start + len(span), label, Parse())
    assert [text[s:e] for s, e, _ in found] == [name]


def test_a_byline_s_date_after_a_dash_is_not_a_name() -> None:
    assert byline_names("Sanne van Dijk - Mar 20,2026 - Last updated at Mar 20,2026") == [
        ("Sanne van Dijk", "PERSON")
    ]


def test_a_legislature_named_in_a_sentence_is_an_organisation(analyser: Analyser) -> None:
    article = build_article(
        [
            ("paragraph", "Congress"),
            ("paragraph", "The bill now goes to the Senate, where its prospects are unclear."),
            ("paragraph", "Lawmakers said the Senate would vote on Thursday."),
        ],
        path="x.txt",
        format="plain",
    )
    found = {e.name: e for e in analyser.analyse(article).entities}
    assert "Congress" not in found  # a section's label on its own line
    assert found["Senate"].label == "ORG", found["Senate"].why


def test_a_month_or_a_place_is_not_a_given_name() -> None:
    from reader.entities.evidence import given_name_of

    assert given_name_of(["April", "2023"]) is None
    assert given_name_of(["Nadia", "el-Gowhary"]) == "Nadia"
    # A given name that is also a place is no evidence either way.
    assert given_name_of(["Orlando", "Pirates"]) is None
    assert given_name_of(["Orlando", "Pirates"], places=True) == "Orlando"


def test_shares_in_a_name_make_it_a_company(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Shares in Kvitfjell Marin fell 4 percent on Monday, and investors sold their stake "
        "in Kvitfjell Marin.",
    )
    assert "shares in it" in found["Kvitfjell Marin"].why, found["Kvitfjell Marin"].why


def test_an_acronym_the_text_calls_a_body_is_an_organisation(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "The storm is moving west, according to the state weather bureau PAGRO. The TSWU "
        "union warned of strikes.",
    )
    assert found["PAGRO"].label == "ORG" and found["TSWU"].label == "ORG"


def test_a_byline_s_place_is_a_place_and_a_second_byline_block_is_read(
    analyser: Analyser,
) -> None:
    assert byline_names("Lucia Ferraro Paz, Buenos Aires") == [
        ("Lucia Ferraro Paz", "PERSON"),
        ("Buenos Aires", "GPE"),
    ]
    article = build_article(
        [
            ("title", "Unions call a general strike"),
            ("byline", "April 9, 2025"),
            ("byline", "By Lucia Ferraro Paz, Buenos Aires"),
            ("paragraph", "The unions called a strike on Tuesday, the third this year."),
        ],
        path="x.txt",
        format="plain",
        byline="Lucia Ferraro Paz, Buenos Aires",
    )
    found = {e.name: e for e in analyser.analyse(article).entities}
    assert found["Lucia Ferraro Paz"].label == "PERSON"


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # Kyrgyz patronymics end with "uulu" (son of) or "kyzy" (daughter of)
        ("said Nurlan Asanbek uulu on Monday", "Nurlan Asanbek", "Nurlan Asanbek uulu"),
        # Malay "binti", Malaysian Indian "a/l", Catalan "i" join a name's parts
        ("said Siti Aisyah binti Kamal on Monday", "Siti Aisyah", "Siti Aisyah binti Kamal"),
        ("said Ravi a/l Subramaniam on Monday", "Ravi a/l Subramaniam", "Ravi a/l Subramaniam"),
        ("said Jordi Puig i Roca on Monday", "Jordi Puig", "Jordi Puig i Roca"),
        # a title of another country's usage is dropped ("Datuk Seri", "Counsellor")
        ("Minister Datuk Seri Aziz Rahman said", "Datuk Seri Aziz Rahman", "Aziz Rahman"),
        ("judge Counsellor Yousef Kandari said", "Counsellor Yousef Kandari", "Yousef Kandari"),
    ],
)
def test_names_of_many_traditions_are_read_whole(text: str, span: str, name: str) -> None:
    start = text.index(span)
    found = split_raw(text, start, start + len(span), "PERSON", Parse())
    assert [text[s:e] for s, e, _ in found] == [name]


def test_an_honorific_that_opens_a_block_is_kept() -> None:
    text = "The court ruled.\n\nSheikh Talal bin Mubarak al-Hashemi, a former minister, said"
    start = text.index("Talal")
    found = split_raw(text, start, text.index(","), "PERSON", Parse())
    assert [text[s:e] for s, e, _ in found] == ["Sheikh Talal bin Mubarak al-Hashemi"]


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        (
            "of the Association of Hostel Owners of Porto said",
            "Association of Hostel Owners",
            "Association of Hostel Owners of Porto",
        ),
        ("the Voice of the Valley party said", "Voice of the Valley party", "Voice of the Valley"),
        (
            "the Socialists' Party of Andorra said",
            "Party of Andorra",
            "Socialists' Party of Andorra",
        ),
    ],
)
def test_an_organisation_s_name_keeps_its_parts_and_loses_a_common_noun(
    text: str, span: str, name: str
) -> None:
    start = text.index(span)
    found = split_raw(text, start, start + len(span), "ORG", Parse())
    assert [text[s:e] for s, e, _ in found] == [name]


def test_a_coined_name_is_a_brand_or_a_body(analyser: Analyser) -> None:
    from reader.entities.evidence import _COINED

    found = entities_in(
        analyser,
        "Drivers at JomDrive said fares would rise, and JomDrive denied it.",
    )
    assert found["JomDrive"].label == "ORG" and "a coined name" in found["JomDrive"].why
    assert [w for w in ("MyCC", "McDonald", "DeSantis", "LeBron", "Smith") if _COINED.match(w)] == [
        "MyCC"
    ]


def test_a_surname_written_first_folds_into_the_full_name(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Commission chairman Park Jae-won said the fine was the largest this year. Park said "
        "the company had been warned twice.",
    )
    assert "Park" not in found and found["Park Jae-won"].label == "PERSON"
