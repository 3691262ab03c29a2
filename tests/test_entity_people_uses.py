"""Uses of a name that make it a party's, a work's, a product's, a body's or a building's:
each rule pinned by its clue on a made-up sentence, and by the whole analysis where the
model calls the made-up name a person."""

from __future__ import annotations

import re

from entity_support import entities_in, people_in

from reader.analysis import Analyser
from reader.entities.model import Entity, Mention
from reader.entities.people.clue import NEVER
from reader.entities.people.for_and_against import person_clues
from reader.entities.people.lists import relabel_listed
from reader.entities.people.unknown_names import unknown_and_unused
from reader.entities.people.uses import not_a_person_use
from reader.entities.people.works_and_bodies import work_and_body_clues
from reader.syntax import Parse, Token

PERSON_VOTE = {"PERSON": 1.0}


def _clues(text: str, name: str, votes: dict[str, float] | None = None) -> list[str]:
    """The reasons of the clues against a person for the first mention of ``name``."""
    start = text.index(name)
    mention = Mention(start, start + len(name), name)
    found = work_and_body_clues(text, name.split(), mention, votes or PERSON_VOTE)
    return [reason for label, weight, reason in found if label == "PERSON" and weight < 0]


def test_a_party_s_adjective_before_a_name_makes_it_a_party() -> None:
    assert _clues("The nationalist Zorra Vedek said it would abstain.", "Zorra Vedek") == [
        "a party's adjective before it: nationalist"
    ]
    assert _clues("Ruritania's governing Union Pacta won.", "Union Pacta")
    # a person with a known given name and surname stays one, whatever the adjective
    assert not _clues("The populist Jan Novak said so.", "Jan Novak")
    # an adjective of a role's noun is not a party's: "the opposition leader X"
    assert not _clues("The opposition leader Zorra Vedek said so.", "Zorra Vedek")


def test_a_name_s_own_initials_in_parentheses_make_it_a_body() -> None:
    text = "Movimiento Albor (MA) assembly member Rosa Quintero said the plan failed."
    assert _clues(text, "Movimiento Albor") == ["its initials in parentheses after it: MA"]
    # initials that are not the name's say nothing; a known given name first is a person's
    assert not _clues("Movimiento Albor (XY) said so.", "Movimiento Albor")
    assert not _clues("Tomás Ruiz Ortega (TRO) said so.", "Tomás Ruiz Ortega")


def test_a_work_s_noun_before_a_name_makes_it_a_work() -> None:
    text = "The season opened with a new production of Marco Bellini's Don Arrigo."
    assert _clues(text, "Don Arrigo") == ["a work's use: production of it"]
    # the author before the work is still a person
    assert not _clues(text, "Marco Bellini")
    assert _clues("during the final rehearsal of Don Arrigo on Thursday", "Don Arrigo")


def test_a_product_s_noun_after_a_name_makes_it_a_product() -> None:
    text = "Phone makers must stop preinstalling its Miko voice assistant."
    assert _clues(text, "Miko") == ["a product's noun after it: assistant"]
    # a product's noun after it says nothing of a name the model did not call a person
    assert not _clues(text, "Miko", {"ORG": 1.0})


def test_a_body_s_description_after_a_name_makes_it_a_body() -> None:
    text = "Ferne Digital, owned by the British fund manager Larch, said it would wait."
    assert _clues(text, "Ferne Digital") == ["described as a body after it"]
    text = "Voz Limpia, the local chapter of Transparency International, said so."
    assert _clues(text, "Voz Limpia") == ["described as a body after it"]


def test_a_building_s_head_word_before_a_name_makes_it_its_namesake() -> None:
    text = "Patients were taken to Hospital Dr. Aurelio Ferrer in the capital."
    assert _clues(text, "Aurelio Ferrer") == ["a building's or a body's namesake: Hospital"]
    assert not _clues("Dr. Aurelio Ferrer said the wards were full.", "Aurelio Ferrer")


def test_parties_and_works_leave_the_people(analyser: Analyser) -> None:
    people = people_in(
        analyser,
        "Vlasta Horvatek, the finance minister, said the tax would stay.",
        "The nationalist Zorra Vedek said it would abstain in the final vote.",
        "Movimiento Albor (MA) assembly member Rosa Quintero said the plan had failed.",
    )
    assert "Vlasta Horvatek" in people and "Rosa Quintero" in people
    assert "Zorra Vedek" not in people and "Movimiento Albor" not in people


def test_a_work_s_name_leaves_the_people_and_its_composer_stays(analyser: Analyser) -> None:
    entities = entities_in(
        analyser,
        "The opera house opened its season on Sunday with a new production of Giacomo "
        "Bellini's Don Arrigo that earned twelve minutes of applause.",
        "Baritone Ettore Salvadori sang during the final rehearsal of Don Arrigo.",
    )
    assert entities["Giacomo Bellini"].label == "PERSON"
    assert "Don Arrigo" not in entities or entities["Don Arrigo"].label != "PERSON"


def _entities(text: str, labels: dict[str, str]) -> list[Entity]:
    """One entity per name of ``labels``, with a mention wherever the name is written."""
    return [
        Entity(
            name=name,
            label=label,
            mentions=tuple(
                Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)
            ),
        )
        for name, label in labels.items()
    ]


def _labels(text: str, labels: dict[str, str]) -> dict[str, str]:
    return {e.name: e.label for e in relabel_listed(text, _entities(text, labels), Parse())}


def test_a_weak_person_listed_with_organisations_or_places_is_one_of_them() -> None:
    text = "The regulator asked Norvela Tel, Elsa and Tele5 to filter messages."
    labels = {"Norvela Tel": "PERSON", "Elsa": "PERSON", "Tele5": "ORG"}
    assert _labels(text, labels) == {"Norvela Tel": "ORG", "Elsa": "ORG", "Tele5": "ORG"}
    text = "Alerts went out in Takeo, Kandor and Prey Veng on Sunday."
    labels = {"Takeo": "GPE", "Kandor": "PERSON", "Prey Veng": "GPE"}
    assert _labels(text, labels)["Kandor"] == "GPE"


def test_a_person_s_use_a_person_in_the_list_or_a_credit_keep_the_person() -> None:
    text = "Spokeswoman Elsa Varn, Tele5 and Norvela Tel said so."
    labels = {"Elsa Varn": "PERSON", "Tele5": "ORG", "Norvela Tel": "ORG"}
    assert _labels(text, labels)["Elsa Varn"] == "PERSON"  # a person's noun before it
    text = "Tele5, Oduya Kamau and Hasso Breit met on Monday."
    labels = {"Tele5": "ORG", "Oduya Kamau": "PERSON", "Hasso Breit": "PERSON"}
    assert _labels(text, labels)["Hasso Breit"] == "PERSON"  # "Oduya Kamau": weak
    text = "(Reporting by Omar Tazo in Rabat and Sarra Whitcomb in London)"
    labels = {"Omar Tazo": "PERSON", "Rabat": "GPE", "Sarra Whitcomb": "PERSON", "London": "GPE"}
    assert _labels(text, labels)["Sarra Whitcomb"] == "PERSON"
    # no "and" before a name of a known kind: a byline's writer and city, not a list
    text = "By Tanvo Ahmad and Nusra Jahn, Dhaka\n\nThe hospitals are full."
    labels = {"Tanvo Ahmad": "PERSON", "Nusra Jahn": "PERSON", "Dhaka": "GPE"}
    assert _labels(text, labels)["Nusra Jahn"] == "PERSON"


def test_a_party_s_use_outweighs_the_model_when_nothing_says_person() -> None:
    text = (
        "The ruling Dream Union won again. Dream Union denied it. "
        "Critics said the law left the field to Dream Union."
    )
    mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer("Dream Union", text)]
    words = ["Dream", "Union"]
    clues = person_clues(text, words, mentions, Parse(), False, {"PERSON": 6})
    assert (
        "PERSON",
        NEVER,
        "a party's adjective before it: ruling; never written as a person",
    ) in clues
    # a title before one mention: a person's name, and the one use weighs as before
    text = text.replace("denied it", "denied it, said Senator Dream Union")
    mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer("Dream Union", text)]
    clues = person_clues(text, words, mentions, Parse(), False, {"PERSON": 6})
    assert not any(weight == NEVER for label, weight, _ in clues if label == "PERSON")


def _use(text: str, name: str) -> str | None:
    start = text.index(name)
    return not_a_person_use(text, Mention(start, start + len(name), name), Parse())


def test_the_agency_after_a_photographer_s_slash_is_no_person() -> None:
    text = "Riot police on Wednesday. Photo: Hussam Shaheed/Malu Courier\n\nThe records leaked."
    assert _use(text, "Malu Courier") == "a credit's agency, after the slash"
    # an agency's code first, then its photographer: a person
    text = "Firefighters near the city on Monday. (JDO/Dedi Firmansah)"
    assert not _use(text, "Dedi Firmansah")


def test_a_name_that_spells_out_an_acronym_is_no_person() -> None:
    text = "The money will be paid through the agency VLAIO (Agentschap Innoveren en Ondernemen)."
    assert _use(text, "Agentschap Innoveren en Ondernemen") == "spells out an acronym: VLAIO"
    text = "The talks were led by the envoy of the UN (Maria Olsen)."
    assert not _use(text, "Maria Olsen")  # "MO" is not in "UN"


def _flat_parse(text: str, subject_of_say: str = "") -> Parse:
    """A parse of ``text``'s words with no relations, but ``subject_of_say``'s words the
    subject of the "said" after them."""
    words = list(re.finditer(r"\S+", text))
    tokens = []
    for index, word in enumerate(words):
        dep, head, lemma = "dep", index, word.group().lower()
        if word.group() == "said":
            lemma = "say"
        elif subject_of_say and subject_of_say.split()[-1] == word.group():
            dep, head = "nsubj", index + 1
        tokens.append(Token(word.start(), word.end(), "NNP", "PROPN", dep, head, lemma))
    return Parse(tuple(tokens))


def _unknown(text: str, name: str, subject: str = "") -> bool:
    mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(name, text)]
    return unknown_and_unused(text, name.split(), mentions, _flat_parse(text, subject))


def test_an_unknown_name_written_as_no_person_s_is_no_person() -> None:
    assert _unknown("The regulator asked Norvela Tel to filter the messages.", "Norvela Tel")
    # a known given name or surname, a credit, a role, speech, a pronoun: a person
    assert not _unknown("The regulator asked Maria Tel to filter the messages.", "Maria Tel")
    assert not _unknown("By Norvela Tel\n\nThe regulator asked for filters.", "Norvela Tel")
    assert not _unknown("The regulator asked analyst Norvela Tel to speak.", "Norvela Tel")
    text = "Norvela Tel said the filters were ready."
    assert not _unknown(text, "Norvela Tel", subject="Norvela Tel")
    assert not _unknown("Norvela Tel left early because she was ill.", "Norvela Tel")
