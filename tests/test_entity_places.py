"""Places the model takes for people or bodies: each clue of reader.entities.places pinned
on a made-up sentence, and by the whole analysis, with the people and the bodies named
after places that must stay as they are."""

from __future__ import annotations

from entity_support import entities_in

from reader.analysis import Analyser
from reader.entities.model import Mention
from reader.entities.places import place_clues, pooled_place
from reader.gazetteer import is_small_place


def _reasons(text: str, name: str, votes: dict[str, float] | None = None) -> list[str]:
    """The reasons of the place's clues for every mention of ``name`` in ``text``."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = text.find(name, start + 1)
    return [reason for _, _, reason in place_clues(text, name, mentions, votes or {})]


def test_a_place_s_noun_before_of_names_a_place() -> None:
    text = "Loadings stopped at the eastern port of Zar Kefa and the towns of the Salt Bend."
    assert _reasons(text, "Zar Kefa") == ["a place's noun before 'of': port"]
    assert _reasons(text, "Salt Bend") == ["a place's noun before 'of': towns"]
    # an office's noun is no place's: "the minister of X"
    assert not _reasons("the minister of Zar Kefa said", "Zar Kefa")


def test_a_place_s_noun_after_a_name_or_its_list_names_a_place() -> None:
    text = "Quarries along the Morvan and Tellek rivers and the Dovra volcano were shut."
    assert _reasons(text, "Morvan") == ["a place's noun after its list: rivers"]
    assert _reasons(text, "Tellek") == ["a place's noun after it: rivers"]
    assert _reasons(text, "Dovra") == ["a place's noun after it: volcano"]
    # a singular noun after a list belongs to its last name only: "Ana and Tellek river"
    assert not _reasons("Morvan and Tellek river", "Morvan")
    assert _reasons("the Kestra gas complex in the west", "Kestra") == ["a site: gas complex"]


def test_what_a_place_has_and_a_journey_s_end_name_a_place() -> None:
    assert _reasons("no longer flies to Dovra's airstrip.", "Dovra") == [
        "has airstrip",
        "a journey's end",
    ]
    assert _reasons("it would add two flights a week to Lemak.", "Lemak") == ["a journey's end"]
    # speaking to someone is no journey
    assert not _reasons("she said to Lemak that", "Lemak")


def test_a_name_placed_beside_a_known_place_or_on_a_coast_is_a_place() -> None:
    assert _reasons("the reactor at Vorsk near Warsaw, officials said", "Vorsk") == [
        "placed beside another place"
    ]
    assert _reasons("a plant at Vorsk-Tala on the Baltic coast.", "Vorsk-Tala") == [
        "placed beside another place"
    ]
    # beside a name the gazetteer does not know, nothing: "Ana Ruiz near Telmi Kadar"
    assert not _reasons("Ana Ruiz near Telmi Kadar", "Ana Ruiz")


def test_an_apposition_that_calls_a_name_a_place() -> None:
    text = "Lemak, a fishing village on the west coast, was cut off."
    assert _reasons(text, "Lemak") == ["described as a village"]
    assert _reasons("Dovra, the district's main town.", "Dovra") == ["described as a town"]
    # a role that a place's noun opens is a person's: "a town councillor"
    assert not _reasons("Lemak, a town councillor, said so.", "Lemak")


def test_a_list_that_a_locative_opens_is_a_list_of_places() -> None:
    text = "money for roads in Vorga, Ras Telmi and Bin Kadar."
    assert _reasons(text, "Ras Telmi") == ["listed after 'in'"]
    assert _reasons(text, "Bin Kadar") == ["listed after 'in'"]
    # shares in a list of companies are no places, and the list's first name gets no clue
    assert not _reasons("shares in Vorga, Telmi and Kadar rose.", "Kadar")
    assert not _reasons(text, "Vorga")
    # an apposition is no list, nor are writers and their cities
    assert not _reasons("Its manager in Vorga, Telmi Kadar, told the daily.", "Telmi Kadar")
    assert not _reasons("(Reporting by Ana Ruiz in Vorga and Telmi Kadar in Lusa)", "Telmi Kadar")
    # "between" joins people as often as places
    assert not _reasons("talks between Vorga, Telmi and Kadar", "Kadar")


def test_a_known_town_or_a_feature_s_name_after_a_locative() -> None:
    assert is_small_place("Soldeu")
    assert not is_small_place("Zzyxqor")
    assert _reasons("the ski lifts at Soldeu.", "Soldeu") == [
        "a town or village (GeoNames), after a locative"
    ]
    # a known city's name as a body's short form says nothing of the body
    assert not _reasons("researchers at Soldeu Institute and at Soldeu.", "Soldeu Institute")
    # a known town's name without a locative says nothing: "Marco" is a given name too
    assert not _reasons("Marco said the talks would resume.", "Marco")
    assert _reasons("food for 3,000 people to Brin Cove, officials said", "Brin Cove") == [
        "a place's name (Cove), after a locative"
    ]


def test_acronyms_and_people_s_adjectives_get_no_place_clue() -> None:
    assert not _reasons("trade in the ASEAN region grew", "ASEAN")
    assert not _reasons("the Vorgan region", "Vorgan", {"NORP": 1})
    assert _reasons("the Vorgan region", "Vorgan", {"NORP": 1, "GPE": 1})


def test_the_evidence_for_a_place_is_pooled_over_its_labels() -> None:
    assert pooled_place({"ORG": 6, "GPE": 4, "LOC": 3}) == ("GPE", 3)
    # one label alone already wins, or the sum does not: nothing to pool
    assert pooled_place({"ORG": 3, "GPE": 4, "LOC": 3}) is None
    assert pooled_place({"PERSON": 8, "GPE": 4, "LOC": 3}) is None
    assert pooled_place({"ORG": 6, "GPE": 4}) is None


def test_small_places_are_places_in_the_whole_analysis(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Protesters shut the eastern port of Zar Kefa on Tuesday, the oil company said. "
        "Tankers waited off the Zar Kefa terminal.",
        "The government promised money for roads and water works in Vorga, Ras Telmi and "
        "Bin Kadar.",
        "Sand was taken from quarries along the Morvan and Tellek rivers, officials said.",
    )
    for name in ("Zar Kefa", "Ras Telmi", "Bin Kadar", "Morvan", "Tellek"):
        assert name not in found or found[name].label not in ("PERSON", "ORG"), name


def test_people_and_bodies_named_after_places_stay_as_they_are(analyser: Analyser) -> None:
    found = entities_in(
        analyser,
        "Paris Hilton told reporters in Valletta that she would return. Marco Bellini, "
        "the club's coach, said Marco would stay.",
        "Air Tonga said it would add two flights a week to the island, and the Bank of "
        "Cyprus said its shares rose. Air Tonga no longer flies there.",
    )
    places = ("GPE", "LOC", "FAC")
    assert found["Paris Hilton"].label not in places  # a town's name and a person's
    assert found["Marco Bellini"].label == "PERSON"
    # a body named for its place: the title list's "Air" does not cut it to "Tonga"
    assert found["Air Tonga"].label == "ORG"
    assert "Tonga" not in found
    assert found["Bank of Cyprus"].label == "ORG"
