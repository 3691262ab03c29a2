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
from reader.gazetteer import is_demonym, is_language, is_place
from reader.name_words import ORG_HEADS, PLACE_HEADS, titles

# The model's labels of names, which the rules here may move.
_NAMES = ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART")
# Nouns of what a body runs, not of a body ("the PALM scheme", "a HatTrick programme").
SCHEME_NOUNS = frozenset(
    """programme programmes program programs scheme schemes initiative initiatives project
    projects portal""".split()
)
# Nouns of events named after a thing or a place ("the Lehman shock", "the Eternal
# derby").
EVENT_NOUNS = frozenset("shock shocks derby derbies".split())
# Nouns of diseases named after a place or a thing ("Lyme disease", "the Marburg virus").
DISEASE_NOUNS = frozenset("disease diseases virus fever syndrome".split())
_KINDS = SCHEME_NOUNS | EVENT_NOUNS | DISEASE_NOUNS
# The words a kind's noun may stand after, over a parenthesised acronym and up to three
# lower-case words ("the Greater Tortue (GTA) liquefied natural gas project").
_KIND_AFTER = re.compile(r"(?:'s|\u2019s)?(?: \([A-Z][A-Za-z.&-]*\))?((?: [a-z][a-z-]*){1,4})")
# Last words of programmes' and lending schemes' names ("Extended Credit Facility").
_SCHEME_LAST = frozenset("facility scheme plan".split())
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
    inspector registrar envoy attorney solicitor superintendent""".split()
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
# Titles' abbreviations that end no name: the model cut it before the person's name that
# follows ("Hospital Dr" of "Hospital Dr. Ana Roy").
_TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms prof adv hon rev gen col capt sgt".split())
# A government's office and its "of" or "for" before a name: the office's domain, not a
# body ("Member of Parliament for X", "Minister of Mines X"); "Director of X" is often a
# body's.
_OFFICE_BEFORE = re.compile(r"\b(?:Minister|Secretary|Member) (?:of|for) $")
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
    if not words or not mentions or not any(weighing.weights.get(label, 0) > 0 for label in _NAMES):
        return  # a date, a number or an amount, which no rule here is about
    weigh_chrome(text, tuple(mentions), weighing)
    lower = [word.lower().strip(".,") for word in words]
    votes = sum(weight for weight in weighing.weights.values() if weight > 0)
    kind = _kind_after(text, words, lower, mentions)
    if kind in SCHEME_NOUNS:
        weighing.add("PROGRAMME", 6 + votes, f"a programme: {kind}")
    elif kind in EVENT_NOUNS:
        weighing.add("EVENT", 6 + votes, f"an event: {kind}")
    elif kind in DISEASE_NOUNS:
        _take_off(weighing, "DISEASE", f"a disease: {kind}")
    elif len(words) > 1 and lower[-1] in _SCHEME_LAST and words[-1][:1].isupper():
        weighing.add("PROGRAMME", 6 + votes, f"a programme: {words[-1]}")
    if len(words) == 2 and lower[1] == "state" and lower[0] in _CREEDS:
        weighing.add("ORG", 6 + votes, f"a movement named by its creed: {words[0]}")
    if all(_OFFICE_BEFORE.search(text, max(0, m.start - 30), m.start) for m in mentions):
        _take_off(weighing, "TITLE", "an office's domain: an office's 'of' before it")
    elif (
        len(words) == 1
        and name.isupper()
        and (lower[0] in THING_ACRONYMS or CREDIT_RATING.match(name))
    ):
        # "SIM", "PIN", "IPO": a thing, not a name, whatever noun stands before it ("the
        # hydrogen unit IPO")
        _take_off(weighing, "MISC", "a common noun's acronym")
    elif len(words) > 2 and lower[0] in OFFICES and lower[1] in ("of", "for", "to"):
        _take_off(weighing, "TITLE", f"an office's title: {words[0]} {words[1]}")
    elif len(words) > 1 and lower[-1] in OFFICES - {"members"} and words[-1][:1].isupper():
        # "Additional Solicitor" of "Additional Solicitor General X": an office, cut
        _take_off(weighing, "TITLE", f"an office's title: {words[-1]}")
    elif (
        len(words) == 1
        and len(name) <= 4
        and (lower[0] in titles() or lower[0] in _TITLE_ABBREVIATIONS)
        and all(text.startswith(".", m.end) for m in mentions)
    ):
        _take_off(weighing, "TITLE", f"a title's abbreviation: {name}.")  # "Adv. X"
    elif len(words) == 1 and lower[0] in DESIGNATORS and words[0][:1].isupper():
        _take_off(weighing, "MISC", f"a designator alone: {words[0]}")
    elif (len(words) > 1 and words[-1] in _DANGLING) or (
        len(words) > 1 and lower[-1] in _TITLE_ABBREVIATIONS and words[-1][:1].isupper()
    ):
        _take_off(weighing, "MISC", f"a name cut before what follows '{words[-1]}'")
    if (
        len(words) == 1
        and _peoples_word(name)
        and all(_before_lower_noun(text, m) for m in mentions)
    ):
        _take_off(weighing, "NORP", f"a people's or a language's word: {name}")
    place_use = next((use for m in mentions if (use := _place_use(text, m))), "")
    if not place_use and len(mentions) == 1 and _model_only(weighing):
        site = _SITE_AT.search(text, max(0, mentions[0].start - 40), mentions[0].start)
        place_use = f"a site's place: '{site.group(1)} {site.group(2)}' it" if site else ""
    if place_use and not any(word in BODY_HEADS for word in lower) and not name.isupper():
        weighing.add("GPE", 6 + votes, place_use)
    if weighing.weights.get("ORG", 0) > 0 and _personal_shape(words, place):
        role = next((r for m in mentions if (r := _role_before(text, m))), "")
        if role:
            # Decisive over a use that seemed no person's ("X MLA, said": the seat after
            # the name, as British copy writes a member's).
            weighing.weights["PERSON"] = max(weighing.weights.get("PERSON", 0), 0)
            weighing.add("PERSON", 6 + votes, f"a person's role before a person's name: {role}")


def _peoples_word(name: str) -> bool:
    """A people's adjective or a language's name ("Kazakh", "Burkinabè", "Indo-Fijian")."""
    last = name.rsplit("-", 1)[-1]
    return (
        is_language(name)
        or is_demonym(name)
        or (last != name and is_demonym(last))
        or (name.endswith(("bè", "bé")) and name[:1].isupper())
    )


def _before_lower_noun(text: str, mention: Mention) -> bool:
    """Whether a lower-case noun follows a mention ("Kazakh officials", "the Burkinabè
    people"), not a possessive or a verb's object."""
    found = re.match(r" ([a-z][a-z-]+)\b", text[mention.end : mention.end + 30])
    return found is not None and found.group(1) not in _NOT_NOUNS | _PARTY_ROLES


# Words in lower case after a name that are no noun it describes: verbs and function words.
_NOT_NOUNS = frozenset(
    """said says say told and or of in on at to for from with by is are was were has have
    had will would could should may might can did does do which who that as than""".split()
)
# Roles that a party or a body is written before, and a people or a language never
# ("Pangu spokesman": a party named like a language).
_PARTY_ROLES = frozenset(
    """spokesman spokeswoman spokesperson leader leaders chairman chairwoman secretary
    member members mp mps lawmaker lawmakers party""".split()
)
# Where a name is written as a place: a compass point's "of" ("east of X"), "between X and
# Y" as one span, a seat's "for" ("member for X").
_COMPASS_OF = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of $"
)
_SEAT_FOR = re.compile(r"\b(?:MP|MPs|MLA|MNA|TD|MPP|member|members|seat) for $")


# Nouns of sites and buildings, and the locative before a name that places them there
# ("the refinery at X", "120 homes at X", "the harbour cafe on X", "the plant, at X").
_SITE_AT = re.compile(
    r"\b(homes|houses|flats|refinery|refineries|plant|plants|factory|factories|market|"
    r"markets|cafe|café|shop|shops|laboratory|lab|camp|camps|terminal|mine|mines|farm|"
    r"farms|warehouse|warehouses|depot|checkpoint|checkpoints|sit-in|site|sites|border),? "
    r"(at|in|on|near) $"
)


def _model_only(weighing: Weighing) -> bool:
    """Whether only the model's votes, and a locative or an article, say what a name is."""
    return all(
        reason.startswith(("spaCy: ", "after '", "written after")) for reason in weighing.reasons
    )


def _place_use(text: str, mention: Mention) -> str:
    """How a mention is written as a place, or ""."""
    before = text[max(0, mention.start - 30) : mention.start]
    if _COMPASS_OF.search(before):
        return "a compass point's 'of' before it"
    if _SEAT_FOR.search(before):
        return "a seat: 'member for' it"
    if before.endswith("between ") and " and " in mention.text:
        return "two places: 'between' them"
    return ""


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
        # The noun first, or after modifiers, never a verb's or a clause's words ("X
        # said the virus"); a disease's or an event's noun right after the name.
        index = next((i for i, word in enumerate(after) if word in _KINDS), -1)
        noun = after[index] if index >= 0 else ""
        if index > 0 and (
            noun not in SCHEME_NOUNS or any(word in _NOT_NOUNS for word in after[:index])
        ):
            noun = ""
        if not noun:
            return ""
        nouns.add(noun)
        owned = owned or text[max(0, mention.start - 3) : mention.start] in ("'s ", "\u2019s ")
    if len(nouns) != 1:
        return ""
    noun = nouns.pop()
    if (
        noun in EVENT_NOUNS | DISEASE_NOUNS
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
