"""The people rules (reader/entities/people.py), each pinned by a small case: names with
their accents, known surnames, roles and portfolios before a name, names the model missed
or cut, initials, and what a person's name is not (after "the", before ", which", a role,
the owner of a person, a place's noun). Label rules run the real model (the session's
pipeline) on short articles."""

from __future__ import annotations

import pytest
from entity_support import entities_in, people_in

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities.people import (
    given_name_completed,
    initialled_owner,
    join_initials,
    missed_people,
    role_before_person,
)
from reader.entities.spans import clean
from reader.gazetteer import fold, is_given_name, is_surname


def test_accents_never_cost_a_name_its_evidence() -> None:
    assert fold("Gráinne") == "grainne" and fold("Søren") == "soren"
    for written in ("Gráinne", "Grainne", "Seamus", "Séamus", "Gonçalo", "Goncalo"):
        assert is_given_name(written), written


def test_surnames_come_from_the_package() -> None:
    assert is_surname("Hennessy") and is_surname("Matos") and is_surname("Okafor")
    assert not is_surname("Petrobras")


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Tanaiste Orla Brennan said", "Tanaiste Orla Brennan", "Orla Brennan"),
        ("Vice-President Helen Murray said", "Vice-President Helen Murray", "Helen Murray"),
        ("the Minister for Finance Sean Tierney said", "Finance Sean Tierney", "Sean Tierney"),
        ("Secretary of State for Health Ruth Ellison", "Health Ruth Ellison", "Ruth Ellison"),
    ],
)
def test_a_role_or_a_portfolio_is_never_inside_a_person_s_name(
    text: str, span: str, name: str
) -> None:
    start = text.index(span)
    new_start, label = role_before_person(text, start, start + len(span), "ORG")
    assert (text[new_start : start + len(span)], label) == (name, "PERSON")


def test_a_name_that_is_not_a_person_s_keeps_its_first_word() -> None:
    text = "the Bank of Ireland Group said"
    start = text.index("Bank")
    assert role_before_person(text, start, start + 24, "ORG") == (start, "ORG")


def test_a_given_name_the_model_called_a_place_is_completed_with_its_surname() -> None:
    text = "a cross from the loanee Gonçalo Matos."
    start = text.index("Gonçalo")
    end, label = given_name_completed(text, start, start + len("Gonçalo"), "GPE")
    assert (text[start:end], label) == ("Gonçalo Matos", "PERSON")


def test_a_person_the_model_missed_after_a_role_is_found() -> None:
    text = "The housing spokesperson, Eoin Mac Giolla Rí (Dublin Bay South), said so."
    found = missed_people(text, bytearray(len(text)))
    assert [text[start:end] for start, end in found] == ["Eoin Mac Giolla Rí"]


def test_a_name_that_ends_with_a_head_word_is_not_a_missed_person() -> None:
    text = "The chairman, Martin Foley Holdings, said so, and Grace Street was closed."
    assert missed_people(text, bytearray(len(text))) == []


def test_a_two_letter_initial_starts_the_name_after_it() -> None:
    text = "Presiding judge Ts. Oyunchimeg said"
    initial = text.index("Ts")
    name = text.index("Oyunchimeg")
    joined = join_initials(text, [(initial, initial + 2, "PERSON"), (name, name + 10, "PERSON")])
    assert [text[s:e] for s, e, _ in joined] == ["Ts. Oyunchimeg"]
    assert initialled_owner("ts. oyunchimeg", ["oyunchimeg tsendsuren"]) == (
        "oyunchimeg tsendsuren"
    )
    assert initialled_owner("b. oyunchimeg", ["oyunchimeg tsendsuren"]) is None


def test_a_caption_credit_at_a_line_s_end_is_a_photographer_and_an_outlet(
    analyser: Analyser,
) -> None:
    found = entities_in(
        analyser,
        "Volunteers unload sandbags in the old town on Sunday. Tomasz Wrona/Baltic Herald",
        "The river rose a metre overnight, officials said.",
    )
    assert found["Tomasz Wrona"].label == "PERSON"
    assert found["Baltic Herald"].label == "ORG"


def test_a_party_that_owns_a_person_is_not_a_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Labour's Siobhan Gallagher said the council must answer for the delay.",
    )
    assert found["Siobhan Gallagher"].label == "PERSON"
    assert "Labour" not in found or found["Labour"].label != "PERSON"


def test_a_byline_role_is_not_a_person(analyser: Analyser) -> None:
    article = build_article(
        [
            ("title", "Council votes on housing grants"),
            ("byline", "By Orla Quinlan, Political Correspondent"),
            ("paragraph", "The council voted on Tuesday to review the grants."),
        ],
        path="x.md",
        format="markdown",
        byline="Orla Quinlan, Political Correspondent",
    )
    entities = {e.name: e for e in analyser.analyse(article).entities}
    assert entities["Orla Quinlan"].label == "PERSON"
    assert all(e.label != "PERSON" for name, e in entities.items() if "Correspondent" in name)


def test_a_name_after_the_or_before_which_is_not_a_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Herders in the Gobi say the licence was issued without their consent.",
        "Rio Tinto, which operates a copper mine nearby, said it was not affected.",
        "Drilling at the Nariin Khuren coal field stopped in March.",
    )
    assert not people & {"Gobi", "Rio Tinto", "Nariin Khuren"}


def test_a_person_named_beside_a_minister_is_no_portfolio(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The federation's president Henrique Barros Lacerda and Sports Minister Inês "
        "Cordeiro Valente presented the trophy.",
    )
    assert {"Henrique Barros Lacerda", "Inês Cordeiro Valente"} <= people


def test_a_person_the_model_missed_before_an_apposition_is_found() -> None:
    text = (
        "Shops stayed shut.\n\nWahyuni, a nurse at the regional hospital, said so. "
        "Jakarta, a city of ten million, was calm. Huaxin, a unit of the group, said so."
    )
    found = missed_people(text, bytearray(len(text)))
    assert [text[start:end] for start, end in found] == ["Wahyuni"]


def test_an_age_or_a_person_s_noun_in_apposition_makes_a_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Smoke has covered the town for a week. Sutarmi, a 54-year-old rubber tapper, "
        "said she had not worked since Monday.",
        "Its regional coordinator, Litia Waqanivalu, said the talks had stalled.",
    )
    assert found["Sutarmi"].label == "PERSON"
    assert found["Litia Waqanivalu"].label == "PERSON"


def test_a_noun_before_a_name_without_a_comma_is_no_apposition(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "The company also makes the voice assistant Miral, which answers in Mandarin.",
    )
    assert "Miral" not in found or found["Miral"].label != "PERSON"


def test_the_word_before_a_sentence_is_not_the_word_before_its_name(
    analyser: Analyser,
) -> None:
    found = entities_in(
        analyser,
        "Sheikh Talal told the Al-Rai newspaper.",
        "Khalid al-Otaibi, an economist at Kuwait University, said the ruling was fair.",
    )
    assert found["Khalid al-Otaibi"].label == "PERSON"


def test_a_portfolio_of_common_nouns_is_not_part_of_the_minister_s_name() -> None:
    text = (
        "Union Minister of Agriculture and Farmers Welfare Devraj Singh Parmar said farmers "
        "would be paid, and welfare schemes would continue."
    )
    span = "Farmers Welfare Devraj Singh Parmar"
    start = text.index(span)
    new_start, label = role_before_person(text, start, start + len(span), "PERSON")
    assert (text[new_start : start + len(span)], label) == ("Devraj Singh Parmar", "PERSON")


def test_one_slip_after_the_does_not_unmake_a_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Mines Minister Thabo Molefe said on Tuesday he would not resign.",
        "There are now calls for the Molefe to step down, and Molefe said he had done no wrong.",
    )
    assert "Thabo Molefe" in people


def test_where_a_person_works_is_not_a_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        '"Markets are nervous," said Jeffrey Kleinberg, chief strategist at Charles Whitcombe.',
    )
    assert found["Jeffrey Kleinberg"].label == "PERSON"
    assert found["Charles Whitcombe"].label != "PERSON"


def test_a_photo_credit_word_ends_no_person_s_name(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The minister at a press conference on Tuesday. | Photo Credit: RAVI KUMAR",
        "The minister left early, officials said.",
    )
    assert "Photo Credit" not in people


def test_a_product_s_name_after_its_noun_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The company fined over the voice assistant Mirae said it would appeal.",
        "The tanker Ocean Grace was seized off the coast on Friday.",
    )
    assert not people & {"Mirae", "Ocean Grace"}


def test_a_body_in_apposition_is_no_person(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "According to Turisbal, a tourism industry group, bookings fell by a fifth.",
        "On Sunday, the newspaper published a reply.",
    )
    assert found["Turisbal"].label != "PERSON"
    assert "Sunday" not in found or found["Sunday"].label != "ORG"


def test_a_name_that_is_no_person_and_nothing_else_is_left_open(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Traffic at the Dorohusk crossing was running normally, the border guard said.",
    )
    assert "Dorohusk" not in found or found["Dorohusk"].label != "PERSON"


def test_a_name_the_text_calls_another_name_of_one_is_one_entity(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "The band's leader, Park Min-jae, who performs as Rook, wrote a letter to fans.",
        '"We will keep playing," Rook wrote.',
    )
    assert found["Park Min-jae"].label == "PERSON"
    assert "Rook" not in found
    assert {m.text for m in found["Park Min-jae"].mentions} >= {"Park Min-jae", "Rook"}


def test_an_office_and_its_portfolio_inside_one_span_are_cut_off() -> None:
    text = "Coordinating Minister for Economic Affairs Budi Hartono said on Wednesday."
    span = "Coordinating Minister for Economic Affairs Budi Hartono"
    new_start, label = role_before_person(text, 0, len(span), "WORK_OF_ART")
    assert (text[new_start : len(span)], label) == ("Budi Hartono", "PERSON")
    text = "the Minister of Foreign Affairs said"
    start = text.index("Foreign")
    assert role_before_person(text, start, start + 15, "ORG") == (start, "ORG")


def test_a_seat_or_a_platform_before_its_noun_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Police assaulted Kariobangi Kusini MCA, Jane Wairimu, on Tuesday.",
        "The minister said so on his official Zoomly account on Monday.",
    )
    assert "Jane Wairimu" in people
    assert not people & {"Kariobangi Kusini", "Zoomly"}


def test_a_missed_name_with_a_particle_and_a_seat_before_its_apposition_is_found() -> None:
    text = "He said so.\n\nSuresh a/l Maniam (Kapar), a backbencher from the ruling party, agreed."
    found = missed_people(text, bytearray(len(text)))
    assert [text[start:end] for start, end in found] == ["Suresh a/l Maniam"]


def test_names_in_cyrillic_and_greek_are_known_in_latin_letters() -> None:
    for written in ("Oleksandr", "Volodymyr", "Dmitry", "Dmitriy", "Andriy", "Giorgos"):
        assert is_given_name(written), written
    assert is_surname("Petrenko") and is_surname("Kuznetsov")


def test_a_name_without_its_middle_name_is_the_full_name(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Mykola Hryhorovych Dovzhenko, a former deputy minister, was granted bail.",
        "Mykola Dovzhenko listened to the judge. Dovzhenko denies the charges.",
    )
    full = found["Mykola Hryhorovych Dovzhenko"]
    assert full.label == "PERSON"
    assert {"Mykola Dovzhenko", "Dovzhenko"} <= {m.text for m in full.mentions}


@pytest.mark.parametrize("role", ["TD", "MCA", "CS", "MPs", "CEO"])
def test_a_role_s_acronym_alone_names_no_one(role: str) -> None:
    assert clean(role, 0, len(role), "ORG") is None


def test_a_given_name_that_goes_on_another_name_starts_no_missed_person() -> None:
    text = "Tropical Storm Grace Hurley hit the coast. The spokesperson, Eoin Mac Giolla Rí, said."
    found = missed_people(text, bytearray(len(text)))
    assert [text[start:end] for start, end in found] == ["Eoin Mac Giolla Rí"]


def test_a_place_noun_leaves_the_model_s_people_and_places_as_they_are(
    analyser: Analyser,
) -> None:
    """In "Kurdish region" the model's people's adjective stays one: no place is called
    "Kurdish". The place's noun speaks only against a person."""
    found = entities_in(
        analyser,
        "Iran has its own Kurdish population and does not want to see Iraq's Kurdish region "
        "become an independent state, officials in Tehran said.",
    )
    assert found["Kurdish"].label == "NORP"
