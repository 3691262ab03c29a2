"""A one-word name the model called a person once, with nothing else for a person, is none."""

from __future__ import annotations

import pytest
from entity_support import people_in

from reader.analysis import Analyser
from reader.entities.lone_names import lone_model_guess
from reader.entities.model import Mention


def _guess(text: str, name: str, votes: dict[str, float], weight: float = 0.5) -> bool:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "model")
    return lone_model_guess(text, name.split(), [mention], votes, weight, {"van", "gogh"})


def test_a_word_the_model_alone_calls_a_person_once_is_none() -> None:
    # A stadium, an outlet: one model vote, and nothing else spoke for a person.
    assert _guess("Hajduk beat Dinamo at a sold-out Poljud on Sunday.", "Poljud", {"PERSON": 1})
    assert _guess("He told the business site Portfolio that it was so.", "Portfolio", {"PERSON": 1})


@pytest.mark.parametrize(
    ("text", "name", "votes", "weight"),
    [
        # Other evidence spoke: a title, a speech verb (more than half the vote).
        ("Mr Obeidat said so.", "Obeidat", {"PERSON": 1}, 3.5),
        # Twice by the model, or by another label too: not the model's one guess.
        ("Savez said so. Savez left.", "Savez", {"PERSON": 2}, 1.0),
        ("Zamalek won.", "Zamalek", {"PERSON": 1, "ORG": 1}, 0.5),
        # A known given name or surname, a nickname, a list of people.
        ("Later Kowalski left.", "Kowalski", {"PERSON": 1}, 0.5),
        ('He was Wilmer Bravo, alias "Tuerto", a gang leader.', "Tuerto", {"PERSON": 1}, 0.5),
        ("The museum is known for Monet and Van Gogh.", "Monet", {"PERSON": 1}, 0.5),
    ],
)
def test_a_word_with_evidence_for_a_person_stays_one(
    text: str, name: str, votes: dict[str, float], weight: float
) -> None:
    assert not _guess(text, name, votes, weight)


def test_a_stadium_named_once_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "SPLIT — Hajduk Split beat Dinamo Zagreb 2-1 at a sold-out Poljud on Sunday night, "
        "with substitute Toni Marić scoring late.",
    )
    assert "Poljud" not in people
    assert "Toni Marić" in people


def test_a_place_of_several_words_after_in_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        '"We ask the faithful to come," Monsignor Ramón Lantigua told reporters after a '
        "meeting of the bishops in Santo Domingo.",
    )
    assert "Santo Domingo" not in people


def test_a_name_an_article_opens_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Police said members of Los Choneros had attacked the prison. Los Choneros denied it, "
        "said Teresa Bravo, a lawyer.",
    )
    assert "Los Choneros" not in people
    assert "Teresa Bravo" in people


def test_a_place_to_the_model_written_after_in_is_no_person(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "The bank, which has its roots in Zurich, grew fast in Asia and in Latin America, where "
        "it manages money for families, chief executive Stefan Keller said.",
    )
    assert "Latin America" not in people
    assert "Stefan Keller" in people
