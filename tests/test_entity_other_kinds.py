"""What the model tags as a body and is another kind of thing, weighed last: the page's
chrome and a story's credits, programmes and schemes, events named after a thing, an
office's title, a designator or a fragment alone, a thing's acronym, a person after a
person's role; and a creed's state, which is a body. Each rule is pinned with invented
names, beside a true body that must stay one."""

from __future__ import annotations

from collections import Counter

from reader.entities.evidence import Weighing, weigh
from reader.entities.model import Mention
from reader.entities.organisations.leading_words import leading_description
from reader.syntax import Parse


def _weigh(text: str, name: str, votes: Counter[str], occurrence: int = 0) -> Weighing:
    """Weigh ``name`` over all its occurrences in ``text`` (or only the ``occurrence``-th,
    counting from 1), with the model's ``votes`` and no parse."""
    mentions = []
    start = text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name, "model"))
        start = text.find(name, start + 1)
    if occurrence:
        mentions = [mentions[occurrence - 1]]
    return weigh(text, name, mentions, votes, Parse(), set())


def _label(text: str, name: str, votes: Counter[str] | None = None, occurrence: int = 0) -> str:
    return _weigh(text, name, votes or Counter({"ORG": 2}), occurrence).decide("ORG")[0]


def test_a_section_heading_alone_on_its_line_is_chrome() -> None:
    page = "The Ravenhill Courier\n\nHome | World | Sport\n\nPOLITICS / GHANA\n\nMinister quits"
    assert _label(page, "POLITICS / GHANA") == "CHROME"
    assert _label("Log in\n\nCourts & Crime\n\nJudge jails clerk", "Courts & Crime") == "CHROME"
    # A paper's name alone on its line is no section's.
    assert _label(page, "The Ravenhill Courier") == "ORG"


def test_an_accounts_link_a_credits_verb_and_a_beat_are_chrome() -> None:
    menu = "Home | Business\n\nLog in | Register\n\nKestrel Bank said on Monday it would cut jobs."
    assert _label(menu, "Register", Counter({"ORG": 1})) == "CHROME"
    assert _label(menu, "Kestrel Bank") == "ORG"
    credits = "Reporting by Ana Lopes; Writing by Tom Field; Editing by Jane Roe"
    assert _label(credits, "Writing", Counter({"ORG": 1})) == "CHROME"
    byline = "By Ana Lopes, Religion and Health Correspondent - 12 January 2027"
    assert _label(byline, "Religion", Counter({"ORG": 2})) == "CHROME"


def test_a_programme_or_a_scheme_is_no_body() -> None:
    text = (
        "Workers recruited under the Koru Mobility (KORU) scheme flew out on Monday. "
        "The KORU scheme pays their fares."
    )
    assert _label(text, "KORU") == "PROGRAMME"
    assert _label(text, "Koru Mobility") == "PROGRAMME"
    owned = "The pitch was relaid with help from FIFA's GoalPlus programme."
    assert _label(owned, "GoalPlus", Counter({"ORG": 1})) == "PROGRAMME"
    # A body that runs a programme is named without it elsewhere: still a body.
    lender = "Talks on the IMF programme resumed. The IMF said it would send a mission."
    assert _label(lender, "IMF") == "ORG"


def test_an_event_named_after_a_thing_is_an_event() -> None:
    text = 'He said "we have been patient since the Varnholt shock" and left.'
    assert _label(text, "Varnholt", Counter({"ORG": 1})) == "EVENT"


def test_a_movement_named_a_state_by_its_creed_is_a_body() -> None:
    text = "Groups linked to Islamic State forced the mines to close."
    assert _label(text, "Islamic State") == "ORG"
    assert _label("Floods hit Kestrel State on Monday.", "Kestrel State", Counter({"GPE": 2})) == (
        "FAC"
    )


def test_an_offices_title_is_no_body() -> None:
    text = "The Minister of Commerce, Industry and Labour told Parliament on Wednesday."
    assert _label(text, "Minister of Commerce", Counter({"ORG": 3})) == "TITLE"
    ministry = "The Ministry of Commerce said on Wednesday that exports rose."
    assert _label(ministry, "Ministry of Commerce", Counter({"ORG": 3})) == "ORG"


def test_a_designator_or_a_fragment_alone_is_no_body() -> None:
    text = "Kestrel & Sons Holdings said it would raise wages. Law and Order said nothing."
    assert _label(text, "Holdings", Counter({"ORG": 1})) == "MISC"
    assert _label(text, "Kestrel & Sons Holdings", Counter({"ORG": 1})) == "ORG"
    assert _label(text, "Law and", Counter({"ORG": 2})) == "MISC"


def test_a_things_acronym_is_no_body_whatever_noun_stands_before_it() -> None:
    text = "Kestrel prices its hydrogen unit IPO at the top of its range."
    assert _label(text, "IPO", Counter({"ORG": 2})) == "MISC"


def test_a_person_after_a_persons_role_is_a_person() -> None:
    text = "Its director general, Awa Ndiaye Fall, said the firm would stand with the state."
    assert _label(text, "Awa Ndiaye Fall", Counter({"ORG": 3})) == "PERSON"
    striker = "Centre forward Dario Vukotic scored four times."
    assert _label(striker, "Dario Vukotic", Counter({"ORG": 2})) == "PERSON"
    # A body in a possessive's apposition is no person's: no person's role before it.
    parent = "Its parent, Kestrel Mining Group, said output rose."
    assert _label(parent, "Kestrel Mining Group", Counter({"ORG": 3})) == "ORG"


def test_competitions_in_other_languages_quoted_or_starting_are_events() -> None:
    cup = "Ravenhill beat Kestrel on penalties to lift the Cupa Kestrelei on Sunday."
    assert _label(cup, "Cupa Kestrelei") == "EVENT"
    quoted = 'He said: "Next week we go back to the Ravenhill League qualifiers."'
    assert _label(quoted, "Ravenhill League", Counter({"ORG": 4})) == "EVENT"
    starts = "The club will sign three players before the Coastal League starts in October."
    assert _label(starts, "Coastal League") == "EVENT"
    body = "The Arab League starts talks with both sides on Monday."
    assert _label(body, "Arab League") == "ORG"


def test_the_side_of_a_players_position_is_no_club() -> None:
    match = (
        "Ravenhill beat Kestrel 12-9 in the final. Centre forward Dario Vukotic scored "
        "four goals, and the coach praised the goalkeeper."
    )
    assert _label(match, "Centre", Counter({"GPE": 1})) != "ORG"
    club = "Ravenhill beat Kestrel 12-9 in the final, and the Kestrel coach praised the goalkeeper."
    assert _label(club, "Kestrel", Counter({"ORG": 1}), occurrence=2) == "ORG"


def test_a_lending_scheme_a_festival_and_a_building_are_no_bodies() -> None:
    text = "The fund's review under its Extended Credit Facility ended in July."
    assert _label(text, "Extended Credit Facility", Counter({"ORG": 3})) == "PROGRAMME"
    fest = "Crowds queued at the National Eisteddfod on Tuesday."
    assert _label(fest, "National Eisteddfod") == "EVENT"
    hall = "Deputies celebrated in the Palacio Legislativo after the vote."
    assert _label(hall, "Palacio Legislativo") == "FAC"
    reactor = "The High Flux Reactor in Kestrelburg is due to close by 2030."
    assert _label(reactor, "High Flux Reactor", Counter({"ORG": 3})) == "FAC"


def test_a_peoples_or_a_languages_word_before_a_noun_is_no_body() -> None:
    text = "Kazakh officials have repeatedly denied any political motive."
    assert _label(text, "Kazakh", Counter({"ORG": 1})) in ("NORP", "LANGUAGE")
    body = "Kestrelcorp officials have repeatedly denied it."  # no people's word
    assert _label(body, "Kestrelcorp", Counter({"ORG": 1})) == "ORG"


def test_a_name_written_as_a_place_is_a_place() -> None:
    east = "A low-pressure area east of Kestrel Isle could become a storm."
    assert _label(east, "Kestrel Isle", Counter({"ORG": 1})) == "GPE"
    seat = "Ana Roy, the member for Ravenhill, said she would vote against it."
    assert _label(seat, "Ravenhill", Counter({"ORG": 1})) == "GPE"
    road = "Trucks waited at checkpoints between Rabkara and Kostel for days."
    assert _label(road, "Rabkara and Kostel", Counter({"ORG": 3})) == "GPE"
    firm = "Ana Roy, an analyst at Kestrel Bank, said shares would rise."
    assert _label(firm, "Kestrel Bank") == "ORG"


def test_a_description_before_a_bodys_name_is_not_part_of_it() -> None:
    assert leading_description("Sponsor Erste Kestrel Bank".split()) == 1
    assert leading_description("national Prosecutor's Office".split()) == 1
    assert leading_description("Opposition Human Rights Protection Party".split()) == 1
    assert leading_description("Opposition Bloc".split()) == 0  # a party's own name
    assert leading_description("de Kestrel Holdings".split()) == 0
    assert leading_description("bp Azerbaijan".split()) == 0


def test_a_disease_named_after_a_place_is_no_body() -> None:
    text = "Kestrel disease cases could triple by 2040. Kestrel disease is spread by ticks."
    assert _label(text, "Kestrel", Counter({"ORG": 2})) == "DISEASE"


def test_a_name_cut_before_a_title_or_after_an_offices_of_is_no_body() -> None:
    text = "Patients were treated at Hospital Dr. Ana Roy in Ravenhill."
    assert _label(text, "Hospital Dr", Counter({"ORG": 2})) == "MISC"
    office = "Minister of Mines and Energy Tomas Berg said the army would help."
    assert _label(office, "Mines and Energy Tomas Berg", Counter({"ORG": 3})) == "TITLE"
    body = "The Ministry of Mines and Energy said the army would help."
    assert _label(body, "Ministry of Mines and Energy", Counter({"ORG": 3})) == "ORG"


def test_a_kinds_noun_after_a_verb_or_a_groups_members_change_nothing() -> None:
    said = "The agency's director Ana Maria Roy said the virus was spreading among monkeys."
    assert _label(said, "Ana Maria Roy", Counter({"PERSON": 4})) == "PERSON"
    fans = "Members of La Kestrela, the club's main supporters' group, said it was not theirs."
    assert _label(fans, "La Kestrela") == "ORG"


def test_a_name_after_a_sites_locative_is_its_place() -> None:
    homes = "He said 120 homes at Kestrelmore would be finished next year."
    assert _label(homes, "Kestrelmore", Counter({"ORG": 1})) == "GPE"
    plant = (
        "The reactor will test parts for the first nuclear plant, at Ravenby-Kopal on the coast."
    )
    assert _label(plant, "Ravenby-Kopal", Counter({"ORG": 1})) == "GPE"
    # An analyst at a bank, or a strike at a mine's owner, is at a body.
    analyst = "Economists at Kestrel Nord said the strike could cost 0.2% of output."
    assert _label(analyst, "Kestrel Nord", Counter({"ORG": 1})) == "ORG"


def test_an_office_cut_from_its_holder_or_a_titles_abbreviation_is_no_body() -> None:
    text = "Appearing for the agency, Additional Solicitor General Ana Roy argued the case."
    assert _label(text, "Additional Solicitor", Counter({"ORG": 2})) == "TITLE"
    counsel = "Adv. Ana Roy, arguing for the movement, said the law was void. Adv. Roy left."
    assert _label(counsel, "Adv", Counter({"ORG": 1})) == "TITLE"
    health = "The Superintendent of Public Health, Prof. Ana Roy, urged parents to act."
    assert _label(health, "Superintendent of Public Health", Counter({"ORG": 4})) == "TITLE"


def test_a_site_after_a_name_or_a_border_before_it_is_no_body() -> None:
    crater = "The lava lakes in the Marum and Kestrel craters had risen, the office said."
    assert _label(crater, "Kestrel", Counter({"ORG": 1})) != "ORG"
    border = "At the free-trade zone on the border at Kestrelville, production went on."
    assert _label(border, "Kestrelville", Counter({"ORG": 1})) == "GPE"
