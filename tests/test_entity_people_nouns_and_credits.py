"""A people's noun or a learned occupation before a name is not the name ("the Frenchman
Jules Marceau-Vidal", "Agronomist Tomas Ferreyra Ruiz"), and a wire story's closing
credit names its people though it wraps over a line's end."""

from __future__ import annotations

from entity_support import entities_in, people_in

from reader.analysis import Analyser
from reader.entities.people import is_person_noun_word, sentence_ends_before
from reader.entities.spans import byline_names
from reader.name_words import is_title


def test_people_s_nouns_and_learned_occupations_are_what_a_person_is() -> None:
    for word in ("Virologist", "Agronomist", "Cartographer", "Englishman", "Welshwoman"):
        assert is_person_noun_word(word), word
    # Surnames ending alike stay names: a short stem, or no language before "man".
    for word in ("Gorman", "Kochman", "Freeman", "Bergman", "Lindqvist", "Fishman"):
        assert not is_person_noun_word(word), word


def test_a_people_s_noun_or_an_occupation_before_a_name_is_cut_off(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Two officials said the Englishman Martin Ashcombe-Lane, who coached the Kabul "
        "Falcons this season, was the favourite. Ashcombe-Lane declined to comment.",
        "Not everyone agrees with the figures. Agronomist Pablo Andrés Benítez Ortega of "
        "the Asociación de Cultivadores said the paper blamed farmers.",
        "Virologist Dr Somchai Rattanavong said the trial would start in March.",
    )
    people = {name for name, entity in entities.items() if entity.label == "PERSON"}
    assert {"Martin Ashcombe-Lane", "Pablo Andrés Benítez Ortega"} <= people
    assert "Somchai Rattanavong" in people
    assert not any(name.startswith(("Englishman", "Agronomist", "Virologist")) for name in people)


def test_a_surname_like_a_people_s_noun_stays_in_the_name(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Carla Fishman, the fund's chief economist, said prices would keep rising.",
        "Dara Gorman said she disagreed.",
    )
    assert {"Carla Fishman", "Dara Gorman"} <= people


def test_a_closing_credit_wrapped_over_lines_names_every_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The port authority said the levy would be reviewed next month.\n"
        "(Reporting by Kwabena Osei-Tutu and Efua\nBoateng-Mensah in Accra; Editing by\n"
        "Lena Ortiz-Hale and Ravi Nairobe)",
    )
    assert {"Kwabena Osei-Tutu", "Efua Boateng-Mensah", "Lena Ortiz-Hale"} <= people
    assert "Ravi Nairobe" in people


def test_the_outlet_a_speaker_talks_to_is_no_person(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        '"We stopped thinking," Vittorio Campanella told Tele Mira. "I take the '
        "blame.\" The union's spokeswoman Mirela Dobre told *Valea Courier* that talks "
        "had failed.",
        "Spending rose by 22 percent, according to documents seen by Dawnlight.",
    )
    for name in ("Tele Mira", "Valea Courier", "Dawnlight"):
        assert name not in entities or entities[name].label != "PERSON", name
    assert "an outlet's use: told it" in entities["Tele Mira"].why
    assert {"Vittorio Campanella", "Mirela Dobre"} <= {
        name for name, entity in entities.items() if entity.label == "PERSON"
    }


def test_a_person_told_or_cited_stays_a_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The minister later told Ana Reyes that the deal was off.",
        "The ruling will be watched by investors, according to Oyunbileg Tsendayush, a "
        "partner at the law firm Khan Altai in Ulaanbaatar.",
    )
    assert {"Ana Reyes", "Oyunbileg Tsendayush"} <= people


def test_a_byline_s_fields_parted_by_a_middle_dot_give_its_writer() -> None:
    assert byline_names("Tomás Ilario Vega Nuñez \u00b7 14 May 2026 \u00b7 21:05") == [
        ("Tomás Ilario Vega Nuñez", "PERSON")
    ]
    assert byline_names("Leila Haddad \u2022 Beirut Daily") == [
        ("Leila Haddad", "PERSON"),
        ("Beirut Daily", "ORG"),
    ]


def test_any_person_s_noun_before_or_in_apposition_is_a_person_s_role(
    analyser: Analyser,
) -> None:
    entities = entities_in(
        analyser,
        "Club Rayo forward Teodoro Mamani Calle scored twice in the first half, both times "
        "from crosses.",
        "The language society held a silent protest. Its chair, Eluned Môn Pritchard, said "
        "the group supported the research.",
    )
    assert entities["Teodoro Mamani Calle"].label == "PERSON"
    assert "role before it: forward" in entities["Teodoro Mamani Calle"].why
    assert entities["Eluned Môn Pritchard"].label == "PERSON"
    assert entities["Club Rayo"].label == "ORG"


def test_nameparser_s_titles_count_only_with_a_capital() -> None:
    assert not is_title("ruling") and not is_title("party") and not is_title("top")
    assert is_title("Top") and is_title("Dr") and is_title("Dr.")
    assert is_title("Spokesman") and is_title("MPs") and not is_title("spokesman")
    text = "The court upheld the ruling. Marta Ilves appealed, as did Dr. Anu Sepp."
    assert sentence_ends_before(text, text.index("Marta"))
    assert not sentence_ends_before(text, text.index("Anu"))


def test_a_place_s_first_word_in_spanish_makes_a_place(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "The boats left Puerto Morales at dawn, and Puerto Morales was empty by noon.",
        "Andrés Morales, a fisherman, said the catch had halved.",
    )
    assert entities["Puerto Morales"].label != "PERSON"
    assert "place word: Puerto" in entities["Puerto Morales"].why
    assert entities["Andrés Morales"].label == "PERSON"
