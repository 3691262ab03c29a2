"""What the model tags as a body and is another kind of thing: a programme or a scheme
("the PALM scheme", "UEFA's HatTrick programme"), an event named after a thing ("the
Lehman shock", "the Eternal derby"), a movement named as a state by its creed ("Islamic
State"), an office's title ("Minister of Commerce"), a designator or a fragment alone
("Holdings", "Law and"), a person named after a person's role ("forward Ana Kovač", "Its
director general, Awa Ndiaye,"), and the page's chrome (:mod:`.chrome`).

These are weighed last, over all the other evidence, since each is decisive."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.entities.model import Mention
from reader.entities.organisations.chrome import weigh_chrome
from reader.entities.organisations.not_a_body import CREDIT_RATING, THING_ACRONYMS
from reader.entities.organisations.shared import BODY_HEADS, Weighing
from reader.entities.people.name_knowledge import person_nouns
from reader.gazetteer import is_demonym, is_place
from reader.name_words import ORG_HEADS, PLACE_HEADS

# Nouns of what a body runs, not of a body ("the PALM scheme", "a HatTrick programme").
SCHEME_NOUNS = frozenset(
    """programme programmes program programs scheme schemes initiative initiatives project
    projects portal""".split()
)
# Nouns of events named after a thing or a place ("the Lehman shock", "the Eternal
# derby").
EVENT_NOUNS = frozenset("shock shocks derby derbies".split())
# The words a kind's noun may stand after, over a parenthesised acronym and up to three
# lower-case words ("the Greater Tortue (GTA) liquefied natural gas project").
_KIND_AFTER = re.compile(r"(?:'s|\u2019s)?(?: \([A-Z][A-Za-z.&-]*\))?((?: [a-z][a-z-]*){1,4})")
# Creeds and ideologies that a movement names itself a state by ("Islamic State").
_CREEDS = frozenset(
    """islamic islamist jihadist christian catholic orthodox jewish hindu buddhist sikh
    socialist communist marxist fascist""".split()
)
# Offices written with what they are over ("Minister of Commerce", "Member of Parliament
# for X", "Secretary of State"): a person's title, not the body.
OFFICES = frozenset(
    """minister ministers secretary secretaries director directors president governor
    ambassador commissioner chairman chairwoman chairperson mayor member members speaker
    inspector registrar envoy attorney solicitor""".split()
)
# A company's designator or a body's plural head alone, a fragment of the model's cut
# ("Seven & i Holdings" found as "Holdings").
DESIGNATORS = frozenset(
    """holdings holding group corp corp. corporation inc inc. ltd ltd. limited plc llc co
    co. company sa ag gmbh""".split()
)
# Words that end no name: the model cut it before what follows ("Law and" of "Law and
# Justice").
_DANGLING = frozenset("and of for the on in at to de del des du y e".split())
# A possessive's apposition before a name: "Its director general, X," or "The company's
# chief executive for West Africa, X,".
_ROLE_APPOSED = re.compile(
    r"(?:\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)|(?:'s|\u2019s)) ((?:[a-z-]+ ){0,2}[a-z-]+)"
    r"(?: (?:for|of|at) [A-Z][\w ]{0,30})?, $"
)


def weigh_other_kinds(
    text: str, name: str, mentions: Sequence[Mention], weighing: Weighing, place: bool
) -> None:
    """Add the evidence that a name the model called a body names another kind of thing,
    or a person; and take the labels off the page's chrome."""
    words = name.split()
    if not words or not mentions:
        return
    weigh_chrome(text, tuple(mentions), weighing)
    lower = [word.lower().strip(".,") for word in words]
    votes = sum(weight for weight in weighing.weights.values() if weight > 0)
    kind = _kind_after(text, words, lower, mentions)
    if kind in SCHEME_NOUNS:
        weighing.add("PROGRAMME", 6 + votes, f"a programme: {kind}")
    elif kind in EVENT_NOUNS:
        weighing.add("EVENT", 6 + votes, f"an event: {kind}")
    if len(words) == 2 and lower[1] == "state" and lower[0] in _CREEDS:
        weighing.add("ORG", 6 + votes, f"a movement named by its creed: {words[0]}")
    if (
        len(words) == 1
        and name.isupper()
        and (lower[0] in THING_ACRONYMS or CREDIT_RATING.match(name))
    ):
        # "SIM", "PIN", "IPO": a thing, not a name, whatever noun stands before it ("the
        # hydrogen unit IPO")
        _take_off(weighing, "MISC", "a common noun's acronym")
    elif len(words) > 2 and lower[0] in OFFICES and lower[1] in ("of", "for", "to"):
        _take_off(weighing, "TITLE", f"an office's title: {words[0]} {words[1]}")
    elif len(words) == 1 and lower[0] in DESIGNATORS and words[0][:1].isupper():
        _take_off(weighing, "MISC", f"a designator alone: {words[0]}")
    elif len(words) > 1 and words[-1] in _DANGLING:
        _take_off(weighing, "MISC", f"a name cut before what follows '{words[-1]}'")
    if weighing.weights.get("ORG", 0) > 0 and _personal_shape(words, place):
        role = next((r for m in mentions if (r := _role_before(text, m))), "")
        if role:
            # Decisive over a use that seemed no person's ("X MLA, said": the seat after
            # the name, as British copy writes a member's).
            weighing.weights["PERSON"] = max(weighing.weights.get("PERSON", 0), 0)
            weighing.add("PERSON", 6 + votes, f"a person's role before a person's name: {role}")


def _take_off(weighing: Weighing, label: str, reason: str) -> None:
    for taken in ("ORG", "PERSON", "GPE", "LOC", "FAC"):
        weighing.weights[taken] = 0
    weighing.add(label, 1, reason)


def _kind_after(
    text: str, words: Sequence[str], lower: Sequence[str], mentions: Sequence[Mention]
) -> str:
    """The noun of a programme or an event that every mention stands before, if the name
    is no body's and is a programme's or an event's by its shape: written more than once
    so, or after an owner's possessive, or of more than one word."""
    if any(word in BODY_HEADS for word in lower):
        return ""
    nouns = set()
    owned = False
    for mention in mentions:
        # "(PALM) scheme": the parenthesis closes the acronym's own
        end = mention.end + 1 if text.startswith(")", mention.end) else mention.end
        found = _KIND_AFTER.match(text, end)
        after = found.group(1).split() if found else []
        noun = next((word for word in after if word in SCHEME_NOUNS | EVENT_NOUNS), "")
        if not noun:
            return ""
        nouns.add(noun)
        owned = owned or text[max(0, mention.start - 3) : mention.start] in ("'s ", "\u2019s ")
    if len(nouns) != 1:
        return ""
    noun = nouns.pop()
    if (
        noun in EVENT_NOUNS
        or len(mentions) > 1
        or owned
        or (len(words) > 1 and not words[0].isupper())
    ):
        return noun
    return ""


def _personal_shape(words: Sequence[str], place: bool) -> bool:
    """Two to four capitalised words, none in capitals, a digit, a body's or a place's
    head, a people's adjective first: a person's name as much as a body's."""
    return (
        2 <= len(words) <= 4
        and not place
        and all(w[:1].isupper() and not w.isupper() and _LETTERS.fullmatch(w) for w in words)
        and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in words)
        and not is_demonym(words[0])
        and not is_place(" ".join(words))
    )


_LETTERS = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# After a name in apposition: a comma, over a seat's acronym ("X MLA,").
_APPOSED_END = re.compile(r"(?: [A-Z]{2,4})?,")


def _role_before(text: str, mention: Mention) -> str:
    """The person's role right before a mention in lower case ("forward X", "substitute
    X"), or in a possessive's apposition ending with a comma ("Its director general,
    X,"), or ""."""
    before = text[max(0, mention.start - 80) : mention.start]
    words = before.split()
    if words and before.endswith(" ") and words[-1] in person_nouns():
        return words[-1]
    apposed = _ROLE_APPOSED.search(before)
    if (
        apposed
        and _APPOSED_END.match(text, mention.end)
        and any(word in person_nouns() for word in apposed.group(1).split())
    ):
        return apposed.group(1)  # "director general", "culture spokesperson"
    return ""
