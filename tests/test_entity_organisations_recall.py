"""Organisations the model leaves untagged or cuts, found by how the text uses them, each
rule pinned by a small invented case run through the real model: a name that what follows
it describes as a body ("Veltrano, the national grid operator,")."""

from __future__ import annotations

from entity_support import entities_in

from reader.analysis import Analyser
from reader.entities import Entity
from reader.entities.organisations import described_bodies
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
