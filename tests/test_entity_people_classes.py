"""People rules of the second round (reader/entities/people.py), each pinned by a small
case with invented names: hyphenated given names, "who" after a name, initials, a
nickname in quotes, a role that opens a sentence, an age between commas, and what a
one-word name is not (a storm's, a saint's place, a title's abbreviation, a particle
before a place). Label rules run the real model (the session's pipeline)."""

from __future__ import annotations

from entity_support import entities_in, people_in

from reader.analysis import Analyser
from reader.article import build_article
from reader.entities.people import (
    company_short_form,
    join_initials,
    missed_people,
    role_before_person,
)
from reader.gazetteer import is_given_name


def test_two_given_names_joined_by_a_hyphen_are_a_given_name() -> None:
    assert is_given_name("Sorin-Mihai") and is_given_name("Jean-Pierre")
    assert not is_given_name("Sorin-Xqzt") and not is_given_name("Ali-K")


def test_who_after_a_name_is_a_person_s_but_not_after_a_noun(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Prosecutors charged Dragomir Vasilescu-Pop with bribery on Monday.",
        "Vasilescu-Pop, who ran the roads agency until 2023, denies the charges.",
    )
    assert "Dragomir Vasilescu-Pop" in people
    entities = entities_in(
        analyser,
        "He was deputy head of the state railway Zelpravia, who is accused of fraud.",
        "Zelpravia said it was cooperating.",
    )
    railway = entities.get("Zelpravia")
    assert railway is None or "', who' after it" not in railway.why


def test_initials_before_a_name_are_a_person_s(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Her co-producer, K.R. Dunuwila Senanayaka, said the cinemas had booked the film.",
    )
    assert entities["K.R. Dunuwila Senanayaka"].label == "PERSON"


def test_a_nickname_in_quotes_stays_inside_the_name() -> None:
    text = 'The alleged leader, Marlon "Tiger" Braithwaite, 34, was charged.'
    start = text.index("Marlon")
    joined = join_initials(text, [(start, start + len("Marlon"), "PERSON")])
    assert [(text[a:b], label) for a, b, label in joined] == [
        ('Marlon "Tiger" Braithwaite', "PERSON")
    ]


def test_a_span_cut_inside_a_nickname_s_quotes_runs_on_to_the_surname() -> None:
    # 'Ramiro "el Toro' is where the model stops: an article opens the nickname, and the
    # surname is two words.
    text = 'Their captain, Ramiro "el Toro" Benítez Cáceres, turned in a cross.'
    start = text.index("Ramiro")
    cut = text.index("Toro") + len("Toro")
    joined = join_initials(text, [(start, cut, "PERSON")])
    assert [(text[a:b], label) for a, b, label in joined] == [
        ('Ramiro "el Toro" Benítez Cáceres', "PERSON")
    ]


def test_a_role_that_opens_a_sentence_is_cut_from_the_name() -> None:
    text = "Earlier, the hosts won 3-0. Winger Idriss Mbwambo scored twice."
    span = "Winger Idriss Mbwambo"
    start = text.index(span)
    new_start, label = role_before_person(text, start, start + len(span), "ORG")
    assert (text[new_start : start + len(span)], label) == ("Idriss Mbwambo", "PERSON")


def test_a_missed_name_after_a_capitalised_role_is_found() -> None:
    text = "Baritone Ettore Castellani during the final rehearsal on Thursday."
    found = [text[a:b] for a, b in missed_people(text, bytearray(len(text)))]
    assert found == ["Ettore Castellani"]


def test_a_single_name_with_an_age_between_commas_is_found() -> None:
    text = "Pornthip, 67, a retired teacher in Nonthaburi, lost her savings."
    found = [text[a:b] for a, b in missed_people(text, bytearray(len(text)))]
    assert found == ["Pornthip"]


def test_a_storm_s_name_alone_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Scammers stole Melissa relief cash from victims.",
        "The money was meant for victims of Hurricane Melissa in October.",
    )
    assert "Melissa" not in people


def test_a_name_after_saint_every_time_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Eleven people were charged in St James on Monday.",
        "Most of the arrests were made in St James and Hanover, police said.",
    )
    assert "James" not in people


def test_a_title_s_abbreviation_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Its general secretary, Ven. Halgama Sumedha Thero, said the film insults the army.",
    )
    assert "Ven" not in people


def test_a_person_s_name_may_own_a_work_named_like_a_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The theatre opened its season with Giuseppe Verdi's Don Carlo on Sunday.",
        "Giuseppe Verdi wrote the opera in 1867.",
    )
    assert "Giuseppe Verdi" in people


def test_a_company_s_name_cut_short_is_no_person() -> None:
    assert company_short_form("Quorvix", "Quorvix Mobile")
    assert company_short_form("Harlan Steadwell", "Harlan Steadwell Partners")
    # a given name or a surname alone, a memorial and a family's firm keep the person
    assert not company_short_form("Harlan Steadwell", "Harlan Steadwell Mobile")
    assert not company_short_form("Harlan", "Harlan Mobile")
    assert not company_short_form("Nelson Mandela", "Nelson Mandela Foundation")
    assert not company_short_form("Emeka Obiora", "Emeka Obiora & Sons Ltd")


def test_a_company_s_short_name_folds_into_the_company(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "The phones were made by Shenzhen-based Quorvix Mobile and sold online.",
        '"We are not saying Quorvix is a criminal company," the minister said.',
    )
    assert "Quorvix" not in entities or entities["Quorvix"].label != "PERSON"


def test_a_particle_the_model_left_out_joins_the_name() -> None:
    text = "Mines Minister Clarisse Mbuyi wa Mbuyi said on Monday."
    first = text.index("Clarisse")
    second = text.index("Mbuyi", text.index(" wa "))
    candidates = [(first, first + len("Clarisse Mbuyi"), "PERSON"), (second, second + 5, "ORG")]
    joined = join_initials(text, candidates)
    assert [(text[a:b], label) for a, b, label in joined] == [("Clarisse Mbuyi wa Mbuyi", "PERSON")]


def test_a_name_no_list_knows_is_found_after_a_role() -> None:
    text = "In the House, People's Party MP Somchai Rattanakorn asked why the app stayed up."
    found = [text[a:b] for a, b in missed_people(text, bytearray(len(text)))]
    assert "Somchai Rattanakorn" in found
    # a role before a body's or a place's words names no one
    text = "the minister Foreign Affairs office and the lawyer Supreme Court filings"
    assert missed_people(text, bytearray(len(text))) == []


def test_a_person_the_evidence_takes_away_is_left_open(analyser: Analyser) -> None:
    article = build_article(
        [
            ("paragraph", "Share: Facebook | X | WhatsApp | Email"),
            ("paragraph", "The party leader Jana Kovarova said talks would resume."),
        ],
        path="x.txt",
        format="plain",
    )
    labels = {e.name: e.label for e in analyser.analyse(article).entities}
    assert labels.get("Email") != "PERSON"


def test_a_people_s_plural_and_an_acronym_name_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Earlier, Mighty Kenyans beat the hosts 3-0 in Nakuru.",
        "The tax office, known by its French acronym DGRT, had found that the firm owed tax.",
        "The minister said the DGRT report would be published.",
    )
    assert "Mighty Kenyans" not in people and "DGRT" not in people


def test_cheikh_is_sheikh_in_french_and_stays_in_the_name(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Cheikh Moussa Diallo, whose party won a large majority, said the audit was fair.",
        "Diallo added that the firm would pay.",
    )
    assert "Cheikh Moussa Diallo" in people and "Moussa Diallo" not in people


def test_a_name_before_a_body_s_noun_is_no_person(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "Diallo, whose Tekki party won a large majority in November, said the audit was fair.",
    )
    assert entities["Tekki"].label != "PERSON"


def test_a_word_before_an_acronym_each_time_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Patients of Salvia EPS waited for vaccines, and Salvia EPS said it had paid its debts.",
        "Lawyer Aurelio Quintero QC said the case would go on.",
    )
    assert "Salvia" not in people
    assert any(name.startswith("Aurelio Quintero") for name in people)  # "QC" is no acronym
