"""Weighing a name the model tagged: the evidence for a body in its words (a legislature,
a body's head before "of" or "for", shares) and around its mentions (a party's noun, an
outlet told, a body's kind, "which operates", a member's role), in one order with the
evidence against it (:mod:`.not_a_body`) and, in a sports story, for a club
(:mod:`.clubs`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.entities.model import Mention
from reader.entities.organisations.clubs import is_sports_story, weigh_club
from reader.entities.organisations.foreign_names import (
    FOREIGN_BODY_HEADS,
    FRENCH_HEADS,
    JOIN_WORDS,
    LOWER_CASE_HEADS,
    french_body,
)
from reader.entities.organisations.missed import numbered_outlet
from reader.entities.organisations.not_a_body import (
    COMPASS,
    COMPETITION_FIRST,
    COMPETITION_LAST,
    FACILITY_FIRST,
    INDEX_LAST,
    competes,
    in_menu,
    model_number,
    unit_code,
    weigh_not_a_body,
)
from reader.entities.organisations.shared import (
    BODY_HEADS,
    CLUB_ROLES,
    COMPANY_DOES,
    HOUSES,
    LEGISLATURES,
    MEMBER_ROLES,
    PERSON_AFTER,
    Weighing,
)
from reader.entities.people import is_known_surname
from reader.gazetteer import is_demonym, is_given_name
from reader.syntax import Parse

# The model's labels of names, which this module's evidence may move.
_NAMES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART")


# What a party has, after its adjective ("Conservative backbenchers", "a Democratic bill",
# "Republican aides"): a party's, where a people's or a faith's adjective is not one.
_PARTY_NOUNS = frozenset(
    """bill bills holdouts backbenchers backbencher aides lawmakers lawmaker senators
    senator congressman congresswoman caucus leadership whip whips majority minority
    nominee nominees candidate candidates primary primaries frontbench frontbencher
    frontbenchers mps mp meps councillors councillor governor governors
    legislators""".split()
)
_NOT_PARTIES = frozenset(
    """muslim muslims christian catholic protestant jewish hindu buddhist sikh sunni shia
    shiite black white indigenous arab latino hispanic asian western eastern northern
    southern federal national state independent senior junior female male christmas
    birthday garden tea dinner search working house""".split()
)
# Parties that English names by their family's plural after "the": "the Greens", "the
# Social Democrats", "the Tories".
_PARTY_FAMILIES = frozenset(
    """greens liberals conservatives democrats republicans socialists communists
    nationalists tories labourites""".split()
)
SPOKES = frozenset("spokesperson spokesman spokeswoman".split())


_WHICH = re.compile(r",\s+which\s+(\w+)")
# Words before an outlet that a speaker talks to ("told Rudaw", "in an interview with X").
_TOLD = re.compile(r"\b(?:told|telling|an interview with|speaking to|quoted by) $")


def weigh_organisation(
    text: str,
    name: str,
    mentions: Sequence[Mention],
    parse: Parse,
    weighing: Weighing,
    place: bool,
) -> None:
    """Add the evidence of this module for an entity called ``name``."""
    words = name.split()
    outlet = any(numbered_outlet(text, m.start, m.end) for m in mentions)
    if outlet:
        # "on Rai 1", which the model may read as a date, and no model's number.
        weighing.add("ORG", 6, "an outlet named with its number")
    if not words or not any(weighing.weights.get(label, 0) > 0 for label in _NAMES):
        return  # a date, a number or an amount
    lower = [word.lower().strip(".,") for word in words]
    votes = sum(w for w in weighing.weights.values() if w > 0)
    if len(words) > 1 and (
        lower[-1] in COMPETITION_LAST
        or lower[0] in COMPETITION_FIRST
        or (lower[-1] == "league" and "champions" in lower)
    ):
        weighing.add("EVENT", 6 + votes, f"a competition: {words[-1]}")
    elif lower[-1] in ("league", "liga") and any(competes(text, m) for m in mentions):
        weighing.add("EVENT", 6 + votes, "a league played in")
    if model_number(words, lower) and not outlet:
        weighing.add("PRODUCT", 6 + votes, "a model number")
    elif len(words) > 1 and lower[-1] in INDEX_LAST:
        weighing.add("PRODUCT", 6 + votes, "a stock index")
    if len(words) == 1 and lower[0] in LEGISLATURES | HOUSES and words[0][:1].isupper():
        weighing.add("ORG", 6, f"a legislature: {words[0]}")
    elif len(words) > 1 and lower[-1] in LEGISLATURES and words[-1][:1].isupper():
        weighing.add("ORG", 6, f"a legislature: {words[-1]}")
    elif len(words) > 2 and any(
        lower[i] in BODY_HEADS
        and lower[i + 1] in ("of", "for")
        and all(word[:1].isupper() for word in words[: i + 1])
        for i in range(len(lower) - 1)
    ):
        weighing.add("ORG", 6, "an organisation's word before 'of' or 'for'")
    if len(words) > 2 and lower[0] in FRENCH_HEADS and french_body(name, 0) == len(name):
        weighing.add("ORG", 6 + votes, f"a French body's name: {words[0]}")
    if len(words) > 1 and all(part in COMPASS for part in lower[-1].split("-")):
        weighing.add("GPE", 5, f"an area: {words[-1]}")  # "Dublin South-Central"
    if all(in_menu(text, mention) for mention in mentions):
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0
        weighing.add("CHROME", 1, "only in a menu line")
    if (
        len(words) > 2
        and lower[0] in FOREIGN_BODY_HEADS
        and any(word in JOIN_WORDS for word in lower[1:-1])
    ):
        weighing.add("ORG", 5, f"a body's word: {words[0]}")
    head = next((word for word in words[1:] if word in LOWER_CASE_HEADS), "")
    if head and words[0][:1].isupper():
        weighing.add("ORG", 5, f"a body's noun in its language: {head}")  # "Komerční banka"
    if len(words) == 1 and name.isupper() and lower[0] in MEMBER_ROLES | {"ceo", "cfo", "coo"}:
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0  # "TD", "MP": a role, not a name
        weighing.add("TITLE", 1, "a role's acronym")
    if len(words) == 1 and name.isupper() and all(unit_code(text, m) for m in mentions):
        for label in ("ORG", "PERSON", "GPE"):
            weighing.weights[label] = 0  # "HUF 1,990", "at 1420 GMT": a unit, not a body
        weighing.add("MISC", 1, "a currency's or a time zone's code by a number")
    if len(words) > 1 and (
        lower[0] in FACILITY_FIRST or (lower[0] == "palace" and lower[1] in ("of", "for"))
    ):
        weighing.add("FAC", 6 + votes, f"a building's or a site's word: {words[0]}")
    elif len(words) > 1 and lower[-1] in _BUILDING_LAST and words[-1][:1].isupper():
        # "Kabul International Cricket Stadium": a ground, whoever owns or plays in it
        weighing.add("FAC", 6 + votes, f"a building's word: {words[-1]}")
    if not is_demonym(words[0]) and any(_STOCK_AFTER.match(text, m.end) for m in mentions):
        weighing.add("ORG", 6 + votes, "a company: its shares or stock")  # "Julius Baer shares"
    sports = is_sports_story(text)
    # Only a name that the model or the evidence calls a body or a person can be a
    # product, an index, a platform or a site instead.
    agentive = weighing.weights.get("ORG", 0) > 0 or weighing.weights.get("PERSON", 0) > 0
    for mention in mentions:
        _around(
            text,
            mention,
            parse,
            weighing,
            place,
            sports,
            multiword=len(words) > 1,
            agentive=agentive,
        )


# A listed company's shares after its name, not the verb ("Kestrel shares fell", "Kestrel's
# share price"; not "Smith shares a flat").
_STOCK_AFTER = re.compile(
    r"(?:'s|\u2019s)? (?:shares|stock|share price|stock price)\b"
    r"(?! (?:a|an|the|his|her|their|its|my|our|your|this|that|these|those|with|in)\b)"
)


def _around(
    text: str,
    mention: Mention,
    parse: Parse,
    weighing: Weighing,
    place: bool,
    sports: bool,
    *,
    multiword: bool,
    agentive: bool,
) -> None:
    before = text[max(0, mention.start - 40) : mention.start].split()
    after = text[mention.end : mention.end + 40].split()
    previous = before[-1].lower() if before else ""
    following = after[0].lower().strip(".,;:") if after else ""
    possessive = text[mention.end : mention.end + 2] in ("'s", "\u2019s")
    if agentive:
        weigh_not_a_body(text, mention, parse, weighing, place, multiword=multiword)
    if (
        not multiword
        and weighing.weights.get("NORP", 0) > 0
        and following in _PARTY_NOUNS
        and after[0].islower()
        and mention.text.lower() not in _NOT_PARTIES
        and not is_demonym(mention.text)
        and not (before and before[-1][:1].isupper() and before[-1][-1:].isalpha())
    ):
        weighing.add("ORG", 4, f"a party's {following}")  # "Republican holdouts"
    if (
        following == "party"
        and after[0].islower()
        and mention.text[:1].isupper()
        and mention.text.lower() not in _NOT_PARTIES
        and not is_demonym(mention.text)
        and not place
    ):
        weighing.add("ORG", 4, "a party: its name before 'party'")  # "whose Pastef party"
    if (
        _TOLD.search(text, max(0, mention.start - 30), mention.start)
        and not multiword
        and not is_given_name(mention.text)
        and not is_known_surname(mention.text)
        and not PERSON_AFTER.match(text, mention.start)
    ):
        weighing.add("ORG", 2, "an outlet told or interviewed")  # "told Rudaw that"
    if (
        previous == "the"
        and mention.text.split()[-1].lower() in _PARTY_FAMILIES
        and mention.text[:1].isupper()
    ):
        weighing.add("ORG", 4, "a party by its family's plural")  # "the Greens voted"
    kind = _KIND_ALONE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if kind and not possessive:
        weighing.add("ORG", 4, f"called a {kind.group(1)}")  # "the news site Seznam Zprávy"
    held = _HELD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if (
        held
        and not place
        and not is_demonym(mention.text)  # "takeover of German sensor maker X"
        and weighing.weights.get("NORP", 0) <= 0
        and not PERSON_AFTER.match(text, mention.start)
    ):
        # "Inditex, the owner of Zara", "a subsidiary of Kestrel": what is owned or owns
        weighing.add("ORG", 3, f"{held.group(1).lower()} of it")
    if _WHOSE_STAFF.match(text, mention.end) and not place:
        weighing.add("ORG", 3, "whose executives or shares")  # "Kestrel, whose chief ..."
    verb = _WHICH.match(text, mention.end)
    if verb and verb.group(1).lower() in COMPANY_DOES:
        weighing.add("ORG", 4, f"which {verb.group(1).lower()}")
        weighing.weights["PERSON"] = min(weighing.weights.get("PERSON", 0), 0)
    if (
        possessive
        and mention.text[:1].isupper()
        and len(after) > 1
        and PERSON_AFTER.match(text, mention.end + 3)
        and not place
        and weighing.weights.get("NORP", 0) <= 0
    ):
        weighing.add("ORG", 2, "a member's owner")  # "Labour's Gráinne Hennessy"
    role = _role_after(after, possessive)
    if role in SPOKES and previous in ("a", "an", "the") and not possessive and not place:
        weighing.add("ORG", 3, f"a {role} of its")  # "A Sun Hung Wah spokeswoman"
    elif (
        role in MEMBER_ROLES - SPOKES
        and not place
        and not is_given_name(mention.text.split()[0])
        and not possessive
        and not weighing.weights.get("NORP")
        and not is_demonym(mention.text)
    ):
        weighing.add("ORG", 3, f"its {role}")
    if sports:
        weigh_club(text, mention, parse, weighing, role, possessive)


def _role_after(after: Sequence[str], possessive: bool) -> str:
    """The role written after a name, over one lower-case portfolio word ("Sinn Féin
    housing spokesperson"); after a possessive, the word after it."""
    if not after:
        return ""
    first = after[0].lower().strip(".,;:")
    if possessive:
        return after[1].lower().strip(".,;:") if len(after) > 1 else ""
    if first in MEMBER_ROLES | CLUB_ROLES:
        return first
    if after[0].islower() and len(after) > 1:
        second = after[1].lower().strip(".,;:")
        if second in ("spokesperson", "spokesman", "spokeswoman"):
            return second
    return first


# What a company is or has before "of" and its name: "the owner of Zara", "a subsidiary of
# X", "shares of X" (a person is owned by no one and has no units).
_HELD_BEFORE = re.compile(
    r"\b(owner|owners|subsidiary|subsidiaries|unit|division|parent|shareholders?|shares|"
    r"takeover|acquisition) of $",
    re.IGNORECASE,
)
# A company's officers or stock after its name: "Kestrel, whose chief executive ...".
_WHOSE_STAFF = re.compile(
    r",? whose (?:chief executive|ceo|chairman|chairwoman|board|shares|stock|subsidiary|"
    r"employees|staff|parent)\b",
    re.IGNORECASE,
)
# The last words of a building's English name that no body's name ends in.
_BUILDING_LAST = frozenset("stadium arena airport reactor dam bridge".split())
_KIND_ALONE_BEFORE = re.compile(
    r"\b(think[- ]tank|news (?:site|website|portal|agency)|website|broadcaster|newspaper) $"
)
