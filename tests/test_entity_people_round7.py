"""People rules of round 7 (reader/entities/people/), each pinned by a small case with
invented names and a case where a true name stays as it is: the words that join a name's
parts (patronymics, married names, a father's name), a hyphenated given name, a word in
lower case before a name, the titles and courtesies of other languages."""

from __future__ import annotations

from entity_support import entities_in, people_in

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities.people import (
    drop_lower_case_lead,
    hyphenated_given_start,
    join_connected,
    role_before_person,
)
from reader.name_words import titles


def _spans(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Candidates for ``names`` (text, label) at their first place in ``text``."""
    found = []
    for name, label in names:
        start = text.index(name)
        found.append((start, start + len(name), label))
    return found


def _named(text: str, candidates: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[a:b], label) for a, b, label in candidates]


def test_a_patronymic_joins_the_pieces_the_model_cut_into_one_person() -> None:
    text = "The court sentenced Tahir Namiq oğlu Quliyev, 48, on Friday."
    candidates = _spans(text, ("Tahir Namiq", "PERSON"), ("Quliyev", "GPE"), ("Friday", "DATE"))
    assert _named(text, join_connected(text, candidates)) == [
        ("Tahir Namiq oğlu Quliyev", "PERSON"),
        ("Friday", "DATE"),
    ]


def test_a_married_name_and_a_father_s_name_join_too_but_not_a_body_s_name() -> None:
    text = "Inspector Odile Hounsa épouse Dossou-Yovo was fined."
    candidates = _spans(text, ("Odile Hounsa", "PERSON"), ("Dossou-Yovo", "ORG"))
    assert _named(text, join_connected(text, candidates)) == [
        ("Odile Hounsa épouse Dossou-Yovo", "PERSON")
    ]
    text = "Its director, Rana bint Fahad Al-Qahtani, said so."
    candidates = _spans(text, ("Rana", "ORG"), ("Fahad Al-Qahtani", "PERSON"))
    assert _named(text, join_connected(text, candidates)) == [
        ("Rana bint Fahad Al-Qahtani", "PERSON")
    ]
    # A body named for a person keeps its name; a name the model found whole stays.
    text = "The Hamdan bin Saeed Foundation gave more."
    candidates = _spans(text, ("Hamdan bin Saeed Foundation", "ORG"))
    assert join_connected(text, candidates) == candidates
    text = "Talal bin Nasser Al Harthy spoke."
    candidates = _spans(text, ("Talal bin Nasser Al Harthy", "PERSON"))
    assert join_connected(text, candidates) == candidates


def test_a_title_before_a_connected_name_stays_out_and_an_honorific_stays_in() -> None:
    text = 'said Yr Athro Eluned ap Rhys, who leads it. "Yes," ap Rhys said.'
    candidates = _spans(text, ("Yr Athro Eluned", "PERSON"), ("Rhys", "PERSON"))
    assert _named(text, join_connected(text, candidates))[0] == ("Eluned ap Rhys", "PERSON")
    text = "Sheikh Mansour bin Zayed met them."
    candidates = _spans(text, ("Mansour", "PERSON"))
    assert _named(text, join_connected(text, candidates)) == [
        ("Sheikh Mansour bin Zayed", "PERSON")
    ]


def test_the_whole_article_finds_a_patronymic_name(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Judge Kamran Aliyev sentenced Tahir Namiq oğlu Quliyev, 48, to nine years.",
        "Quliyev denied the charges.",
    )
    assert "Tahir Namiq oğlu Quliyev" in people and "Tahir Namiq" not in people


def test_a_hyphenated_given_name_cut_at_its_hyphen_is_whole_again() -> None:
    text = "- **Ana-Lucia Cebotari, mother of a player:**"
    assert hyphenated_given_start(text, text.index("Lucia")) == text.index("Ana-Lucia")
    # Not after a word that is no given name ("pro-Kremlin"), nor without a hyphen.
    text = "the Abu-Ramos family and Lucia Cebotari"
    assert hyphenated_given_start(text, text.index("Ramos")) == text.index("Ramos")
    assert hyphenated_given_start(text, text.index("Lucia")) == text.index("Lucia")


def test_a_person_s_span_never_opens_with_a_word_in_lower_case() -> None:
    text = "after the 13. jul Dragovica final, van Dijk said"
    candidates = _spans(text, ("jul Dragovica", "PERSON"), ("van Dijk", "PERSON"))
    assert _named(text, drop_lower_case_lead(text, candidates)) == [
        ("Dragovica", "PERSON"),
        ("van Dijk", "PERSON"),  # a particle opens a name
    ]


def test_titles_of_other_languages_are_titles() -> None:
    assert {"ing", "lic", "kgosi", "athro", "shri", "alhaji", "mzee"} <= titles()
    assert "don" not in titles()  # also a given name of its own


def test_a_courtesy_before_a_given_name_is_no_part_of_the_name() -> None:
    text = "The club's president, Don Rigoberto Funes Mejía, said"
    start = text.index("Don")
    end = start + len("Don Rigoberto Funes Mejía")
    assert role_before_person(text, start, end, "ORG") == (text.index("Rigoberto"), "PERSON")
    # "Don" before a surname is a given name: "Don Whitlock Brant" stays whole.
    text = "coach Don Whitlock Brant said"
    start = text.index("Don")
    assert role_before_person(text, start, start + len("Don Whitlock Brant"), "PERSON") == (
        start,
        "PERSON",
    )


def test_a_foreign_title_is_cut_off_a_person_s_name(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Its technical director, Ing. Ramiro Benítez Ocampo, told reporters the dam was safe.",
    )
    assert "Ing" not in entities
    assert entities["Ramiro Benítez Ocampo"].label == "PERSON"


def test_a_place_or_a_people_to_the_model_is_no_person_for_its_first_word(
    analyser: Analyser,
) -> None:
    entities = entities_in(
        analyser,
        "Ships avoided the Red Sea for a third month, and insurers raised premiums.",
        "Latin American buyers paid more for grain.",
    )
    assert all(
        e.label != "PERSON" for name, e in entities.items() if name in ("Red Sea", "Latin American")
    )
    # A name the model called a place that speaks is still a person.
    people = people_in(
        analyser,
        "Relatives waited outside the clinic in Bahodopi. Sutrisno, whose brother was hurt,"
        " said the workers had complained for months.",
    )
    assert "Sutrisno" in people


def test_a_name_that_ends_in_its_country_s_name_is_a_body_s() -> None:
    from reader.entities.people.country_bodies import country_body_clues
    from reader.gazetteer import is_country_endonym

    assert is_country_endonym("Polska") and is_country_endonym("Sverige")
    for name in ("Veltrio Polska", "Kivutel Sudan", "Nordvik Sverige"):
        clues = country_body_clues(name.split())
        assert ("ORG", 3, f"a body named for its country: {name.split()[-1]}") in clues
    # A country's name that is a surname or a given name, or the country itself, is none.
    for name in ("Dara Jordan", "Anne Maurice", "South Sudan", "Khartoum Sudan"):
        assert country_body_clues(name.split()) == []


def test_a_body_s_or_a_place_s_first_word_in_its_language_makes_no_person() -> None:
    from reader.entities.people.foreign_heads import foreign_head_clues

    assert ("ORG", 2, "a body's first word in its language: Cyngor") in foreign_head_clues(
        ["Cyngor", "Tregaron"]
    )
    assert ("ORG", 2, "a body's first word in its language: Majlis") in foreign_head_clues(
        ["Majlis", "al-Shura"]
    )
    assert ("GPE", 2, "a place's word: Deir") in foreign_head_clues(["Deir", "al-Hamra"])
    # A person's name, a head word alone, and a phrase in lower case are left alone.
    assert foreign_head_clues(["Elena", "Partido"]) == []
    assert foreign_head_clues(["Consejo"]) == []
    assert foreign_head_clues(["Real", "estate"]) == []


def test_a_foreign_body_is_not_a_person_in_an_article(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "The grant came from Cymdeithas Morgannwg, which funds rural theatres.",
        "Cymdeithas Morgannwg said it would review the scheme.",
    )
    assert entities["Cymdeithas Morgannwg"].label != "PERSON"


def test_a_credit_s_names_may_open_with_an_accented_capital(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Fans wait outside the arena in Kaunas. Photo: Darius Žemaitis/VLTA",
        "The club said tickets had sold out.",
    )
    assert entities["Darius Žemaitis"].label == "PERSON"
    assert entities["VLTA"].label != "PERSON"


def test_a_wire_credit_in_parentheses_credits_its_reporter(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "By Tjipura Haufiku WINDHOEK, June 4 (Reuters) - Namibia will raise its royalty.",
        "(Reporting by Tjipura Haufiku in Windhoek; Editing by Jan Harvey)",
    )
    assert entities["Tjipura Haufiku"].label == "PERSON"
    assert "credited: (Reporting by" in entities["Tjipura Haufiku"].why


def test_a_byline_that_credits_an_outlet_s_staff_names_the_outlet_not_a_person() -> None:
    from reader.entities.spans import byline_names

    assert byline_names("Reuters Staff") == [("Reuters", "ORG")]
    assert byline_names("By Kivu Post Staff Writers") == [("Kivu Post", "ORG")]
    assert byline_names("Staff Reporter") == []
    assert byline_names("Courts Correspondent") == []  # a beat, not an outlet
    # A person who signs as staff keeps the name.
    assert byline_names("Amara Osei, Staff Writer") == [("Amara Osei", "PERSON")]


def test_a_place_s_name_opened_by_a_colour_is_no_person_s() -> None:
    from reader.entities.model import Mention
    from reader.entities.people import person_clues
    from reader.syntax import Parse

    text = "Tankers crossed the Red Sea again. Red Sea traffic rose."
    mentions = [Mention(text.index("Red Sea"), text.index("Red Sea") + 7, "Red Sea", "model")]
    clues = person_clues(text, ["Red", "Sea"], mentions, Parse(), True, {"PERSON": 2})
    assert ("PERSON", -100.0, "a place's name, opened by a common word: Red") in clues
    # A person whose given name is a colour is no place: the rule asks the gazetteer.
    text = "Coach Red Okonkwo said the team was ready."
    start = text.index("Red Okonkwo")
    mentions = [Mention(start, start + 11, "Red Okonkwo", "model")]
    clues = person_clues(text, ["Red", "Okonkwo"], mentions, Parse(), False, {"PERSON": 2})
    assert not any(reason.startswith("a place's name, opened") for _, _, reason in clues)


def test_a_town_s_name_as_a_given_name_before_a_known_surname_is_a_person_s() -> None:
    from reader.entities.model import Mention
    from reader.entities.people import person_clues
    from reader.syntax import Parse

    def reasons(name: str, place: bool) -> list[str]:
        text = f"The board named {name} to run the plant."
        start = text.index(name)
        mentions = [Mention(start, start + len(name), name, "model")]
        clues = person_clues(text, name.split(), mentions, Parse(), place, {"ORG": 2})
        return [reason for _, _, reason in clues]

    assert "a town's name as a given name, and a surname: Lindqvist" in reasons(
        "Florence Lindqvist", False
    )
    # A place's own name, or an article before a surname's shape, is no person's.
    assert not any("a town's name" in r for r in reasons("El Rossi", False))
    assert not any("a town's name" in r for r in reasons("Victoria Bianchi", True))


def test_a_title_s_word_ends_a_sentence_unless_it_is_an_abbreviation() -> None:
    from reader.entities.people import sentence_ends_before

    text = "They lost 2-0 to Police. Kivumu meet the police side again on Sunday."
    assert sentence_ends_before(text, text.index("Kivumu"))
    text = "The verdict came from Insp. Kivumu Nkurunziza on Monday."
    assert not sentence_ends_before(text, text.index("Kivumu"))
    text = "The report was written by Dr. Kivumu Nkurunziza."
    assert not sentence_ends_before(text, text.index("Kivumu"))


def test_a_title_opens_a_person_s_name_the_model_called_a_body() -> None:
    text = "In Kanye, Kgosi Tebogo Motsumi of the Bakwena said the mine must stay open."
    start = text.index("Kgosi")
    end = start + len("Kgosi Tebogo Motsumi")
    assert role_before_person(text, start, end, "ORG") == (text.index("Tebogo"), "PERSON")
    # A body's qualifier or a list's odd word is no title: "Social Watch Kenya".
    text = "Social Watch Ruvuma said it would appeal."
    assert role_before_person(text, 0, len("Social Watch Ruvuma"), "ORG") == (0, "ORG")


def test_a_name_described_as_a_body_in_apposition_is_no_person(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Saoirse Bheag, the county's only professional puppet theatre company, will stop"
        " touring in May.",
        "Saoirse Bheag toured every school in the county last year.",
    )
    assert entities["Saoirse Bheag"].label != "PERSON"
    # A person described by a body's name's words keeps the name.
    people = people_in(
        analyser,
        "Rumbidzai Chakanetsa, the United Democratic Alliance legislator for Mbare, said the"
        " town had waited twenty years.",
    )
    assert "Rumbidzai Chakanetsa" in people


def test_a_person_s_name_runs_on_over_two_surnames_and_a_mother_s() -> None:
    from reader.entities.spans import split_raw
    from reader.syntax import Parse

    text = "Its director, Ing. Ramiro Esteban Benítez Ocampo Ferreira, told reporters"
    start = text.index("Ramiro")
    found = split_raw(text, start, start + len("Ramiro Esteban"), "PERSON", Parse())
    assert [text[a:b] for a, b, _ in found] == ["Ramiro Esteban Benítez Ocampo Ferreira"]
    # Never over a place's or a body's word, nor past five words.
    text = "said Ramiro Esteban Benítez Ocampo Ferreira Lima, who"
    start = text.index("Ramiro")
    found = split_raw(text, start, start + len("Ramiro Esteban"), "PERSON", Parse())
    assert [text[a:b] for a, b, _ in found] == ["Ramiro Esteban"]


def test_a_one_word_name_after_a_title_runs_on_to_its_surname() -> None:
    from reader.entities.spans import split_raw
    from reader.syntax import Parse

    text = "Health Minister Dr Vannak Inthavong-Keo replied that the funds were late."
    start = text.index("Vannak")
    found = split_raw(text, start, start + len("Vannak"), "PERSON", Parse())
    assert [text[a:b] for a, b, _ in found] == ["Vannak Inthavong-Keo"]
    # Without a title, one word stays one word ("Vannak Hotels" is no surname's).
    text = "The guests of Vannak Inthavong-Keo replied."
    start = text.index("Vannak")
    found = split_raw(text, start, start + len("Vannak"), "PERSON", Parse())
    assert [text[a:b] for a, b, _ in found] == ["Vannak"]


def test_more_titles_and_courtesies_stay_out_of_names() -> None:
    assert {"mk", "thiru", "tmt"} <= titles()
    text = "The hospital chaplain, Dun Anton Borg Zammit, asked for calm."
    start = text.index("Dun")
    end = start + len("Dun Anton Borg Zammit")
    assert role_before_person(text, start, end, "PERSON") == (text.index("Anton"), "PERSON")


def test_a_place_s_last_word_or_a_phrase_in_lower_case_makes_no_person() -> None:
    from reader.entities.model import Mention
    from reader.entities.people import person_clues
    from reader.entities.people.foreign_heads import foreign_head_clues
    from reader.syntax import Parse

    assert foreign_head_clues(["Tumbler", "Cove"])[0][2] == "a place's word: Cove"
    assert foreign_head_clues(["Ras", "Hilal"])[0][2] == "a place's word: Ras"
    assert foreign_head_clues(["Jenna", "Coveney"]) == []
    text = "Elections are due in the State next year, officials said."
    start = text.index("next year")
    mentions = [Mention(start, start + 9, "next year", "model")]
    clues = person_clues(text, ["next", "year"], mentions, Parse(), False, {"DATE": 2})
    assert ("PERSON", -100.0, "written in lower case") in clues
    # A particle opens a name in lower case: "van Dijk" after a title is a person's.
    text = "Captain van Dijk said so."
    start = text.index("van Dijk")
    mentions = [Mention(start, start + 8, "van Dijk", "model")]
    clues = person_clues(text, ["van", "Dijk"], mentions, Parse(), False, {"PERSON": 2})
    assert ("PERSON", -100.0, "written in lower case") not in clues


def test_a_month_is_no_person_unless_written_as_one(analyser: Analyser) -> None:
    from reader.entities.model import Mention
    from reader.entities.people import person_clues
    from reader.syntax import Parse

    text = "The hall was rebuilt in May and reopened to visitors."
    start = text.index("May")
    mentions = [Mention(start, start + 3, "May", "model")]
    article = build_article([("paragraph", text)], path="x.txt", format="plain")
    parse = analyser.analyse(article).parse
    clues = person_clues(text, ["May"], mentions, parse, False, {"PERSON": 1})
    assert ("PERSON", -100.0, "a month's name: May") in clues
    clues = person_clues(text, ["May"], mentions, Parse(), False, {"PERSON": 1})
    assert ("PERSON", -100.0, "a month's name: May") not in clues  # no parse: no verdict


def test_a_contributors_line_is_no_list_of_places(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Stocks rose on Friday.",
        "AP Business Writers Kenji Morimoto-Vale in Tokyo and Jo Ekwueme-Hart in Lagos"
        " contributed.",
    )
    assert "Jo Ekwueme-Hart" in people


def test_a_given_name_and_a_regnal_number_is_a_person_with_the_realm() -> None:
    from reader.entities.people import join_regnal

    text = "the hospital named after Casimir IV of Mazovia, said it was open."
    candidates = _spans(text, ("Casimir IV", "ORG"), ("Mazovia", "GPE"))
    assert _named(text, join_regnal(text, candidates)) == [("Casimir IV of Mazovia", "PERSON")]
    # No given name before the number, or no number: left as they are.
    text = "Windows XP of Redmond and Galaxy IV of Seoul"
    candidates = _spans(text, ("Windows XP", "PRODUCT"), ("Galaxy IV", "PRODUCT"))
    assert join_regnal(text, candidates) == candidates
