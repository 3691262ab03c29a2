"""Evidence from how the text uses each mention of a name.

A person's name is not written after "the" ("in the Gobi", "the Kathmandu Chronicle"),
nor followed by ", which" ("Rio Tinto, which operates ..."), a place's noun ("the Nariin
Khuren coal field"), a platform's or a body's noun ("the Pastef party") or a seat's role
("Kisumu MP Peter Oloo"); the owner in "Labour's Gráinne Hennessy" is a party or a club;
"the chatbot Ernie" is a product's name; "a strategist at Charles Schwab" works at a body;
the agency after a photographer's slash ("Photo: Hussain Shaheem/Malé Observer") and a
name that spells out the acronym before it ("VLAIO (Agentschap Innoveren en Ondernemen)")
are bodies.
For a person: an age or a person's noun in apposition ("Sequeira, 61,"; "its regional
coordinator, Losana Vakalalabure"), ", who" after the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.entities.model import Mention
from reader.entities.people.clue import NEVER, Clue
from reader.entities.people.name_knowledge import names_a_person, person_nouns, sentence_ends_before
from reader.name_words import titles
from reader.syntax import Parse

# Lower-case nouns written after a place's name: "the Nariin Khuren coal field", "the Naryn
# River valley", "the Morowali industrial area", "the Tarai plains".
_PLACE_NOUNS = frozenset(
    """field fields mine mines deposit deposits basin desert plateau valley plains plain
    delta river region province district area corridor border frontier coast coastline
    peninsula steppe mountains hills lake crossing checkpoint port harbour harbor dam
    reservoir oilfield gasfield commune communes village town township county ward
    municipality prefecture governorate oblast regency subdistrict""".split()
)


_LOCATIVES = frozenset("in at near across outside inside around throughout into".split())


# Lower-case nouns of things that are named like people, written right before the name:
# "the voice assistant Kiko", "the chatbot Ernie", "the tanker Sea Star", "the drug X".
_PRODUCT_NOUNS = frozenset(
    """chatbot app smartphone handset drug vaccine medicine robot satellite rocket
    spacecraft ship vessel tanker freighter ferry yacht album song film movie podcast
    videogame game platform software brand vehicle car truck aircraft jet plane
    helicopter drone missile typhoon hurricane cyclone storm""".split()
)


# Software that answers to a name like a person's ("the voice assistant Kiko").
_ASSISTANTS = frozenset(
    "voice assistant|digital assistant|virtual assistant|ai assistant|smart assistant".split("|")
)


# ", a tourism industry group", ", the state-owned lender": an apposition naming a body.
_BODY_APPOSITION = re.compile(
    r", (?:a|an|the) (?:[\w-]+ ){0,3}?(group|company|firm|association|union|agency|body|"
    r"organisation|organization|charity|party|bank|lender|insurer|carrier|airline|"
    r"federation|foundation|institute|network|broadcaster|newspaper|movement|coalition|"
    r"consortium|conglomerate|club|militia|alliance|regulator|watchdog|ministry|authority)"
    # closed, or going on as an apposition does, not as a clause ("On Sunday, the
    # newspaper published ...", "Later, a group of protesters ...")
    r"(?=[,.;)]| based| that| which| whose| owned| run| founded)"
)


# Nouns after a platform's or a channel's name: "his official Instagram account".
_PLATFORM_NOUNS = frozenset("account accounts page feed handle channel app website".split())


# Nouns of bodies written right after their name ("the Pastef party", "the Nueva
# insurer"), never after a person's.
_BODY_NOUNS_AFTER = frozenset(
    """party parties coalition alliance movement newspaper broadcaster insurer lender
    airline carrier club""".split()
)


# Roles of legislators written after their seat or their party ("Kisumu MP Peter Oloo",
# "Sinn Féin TD Eoin ...", "Mlango Kubwa MCA, Patricia Mutheu").
_SEAT_ROLES = frozenset(
    """mp mp, mps mca mca, mcas mla mla, mlas mna mnas mpa td td, tds mep meps msp msps
    mk""".split()
)


# ", 54, said", ", a 54-year-old ...": an age in apposition.
_AGE_AFTER = re.compile(r", (?:(?:1[6-9]|[2-9]\d), |(?:a|an) (?:\w+ )?\d{2}-year-old\b)")


def described_as_a_person(text: str, mention: Mention, parse: Parse) -> str | None:
    """The age or the person's noun that an apposition gives the name ("Sequeira, 61,";
    "Suparni, a 54-year-old rubber tapper"; "its regional coordinator, Losana
    Vakalalabure"), if any."""
    age = _AGE_AFTER.match(text, mention.end)
    if age:
        return "an age"
    if not parse:
        return None
    index = parse.at(mention.end - 1)
    if index is None:
        return None
    token = parse.tokens[index]
    nouns = person_nouns()
    appositions = [c for c in parse.children(index) if parse.tokens[c].dep == "appos"]
    if token.dep == "appos":
        appositions.append(token.head)
    for other in appositions:
        noun = parse.tokens[other]
        if noun.lemma.lower() not in nouns or mention.start <= noun.start < mention.end:
            continue
        # Set off by a comma: "the coordinator, Losana ...", not "the voice assistant Kiko".
        between = text[noun.end : mention.start] if noun.start < mention.start else ""
        if noun.start > mention.start and text[mention.end : mention.end + 1] == ",":
            return noun.lemma.lower()
        if "," in between:
            return noun.lemma.lower()
    return None


def neighbour_clues(
    text: str, mention: Mention, parse: Parse, place: bool, only_person: bool, model_place: bool
) -> Iterable[Clue]:
    """Evidence against a person from one mention's neighbours. Where the model said
    nothing but "a person", a locative says what the name is instead; a place's noun after
    it does unless the model said a place or a people already."""
    before = text[max(0, mention.start - 30) : mention.start]
    previous = before.split()[-2:] if before.endswith(" ") else []
    after = text[mention.end : mention.end + 40]
    if (
        only_person
        and len(previous) > 1
        and previous[-1] in ("the", "The")
        and previous[0].lower() in _LOCATIVES
        and not _modifies(mention, parse)
    ):
        yield ("LOC", 3, f"after '{previous[0].lower()} the'")
    place_noun = None if model_place else _place_noun_after(after)
    if place_noun:
        yield ("LOC", 3, f"a place's noun after it: {place_noun}")
    if after.startswith((", which ", ", which,")):
        # Strong, not final: "his father, Patrick Walsh Sr., which received ..." lists.
        yield ("PERSON", -6, "', which' after it")
    elif after.startswith((", who ", ", who,")) and _who_is_its_own(text, mention, previous):
        # "Ardeleanu, who ran the roads company": a body is "which", a person "who".
        yield ("PERSON", 3, "', who' after it")
    owner = re.match(r"(?:'s|\u2019s) (\S+) (\S+)", after)
    if (
        owner
        and mention.text[:1].isupper()
        and names_a_person(f"{owner.group(1)} {owner.group(2).strip('.,;:')}")
        and not names_a_person(mention.text)
    ):
        # "Labour's Gráinne Hennessy", "Essendon's Darcy Whitmore": a party's or a club's.
        yield ("PERSON", NEVER, "owns a person: a party or a club")
        if not place:
            yield ("ORG", 3, "owns a person: a party or a club")
    product = " ".join(previous).lower() if previous else ""
    if previous and (previous[-1].lower() in _PRODUCT_NOUNS or product in _ASSISTANTS):
        # "the voice assistant Kiko", "the chatbot Ernie", "the tanker Sea Star"
        yield ("PERSON", NEVER, f"a {previous[-1].lower()}'s name")
        yield ("PRODUCT", 3, f"a {previous[-1].lower()}'s name")
    body = _BODY_APPOSITION.match(after)
    if body:
        # "Exceltur, a tourism industry group, said": a body's name.
        yield ("PERSON", -4, f"described as a {body.group(1)}")
        yield ("ORG", 3, f"described as a {body.group(1)}")
    if len(previous) > 1 and previous[-1] == "at" and previous[0].lower() in person_nouns():
        # "a strategist at Charles Schwab", "an economist at Kuwait University"
        yield ("PERSON", NEVER, f"a {previous[0].lower()} works at it")
        if not place:
            yield ("ORG", 3, f"a {previous[0].lower()} works at it")


def _who_is_its_own(text: str, mention: Mention, previous: list[str]) -> bool:
    """Whether a "who" after the name speaks of the name itself: it opens its sentence or
    follows a capitalised word or a person's noun ("NPP parliamentarian Nimal
    Rathnayake, who"), not a noun or a word that puts it inside another's description
    ("a deputy head of the state railway X, who", "nine points from Rangers, who")."""
    if sentence_ends_before(text, mention.start) or not previous:
        return True
    word = previous[-1].strip(",;:")
    return word[:1].isupper() or word.lower() in person_nouns()


def _place_noun_after(after: str) -> str | None:
    """The noun of a place right after a name, or after one word in lower case ("the
    Nariin Khuren coal field", "the Naryn River valley")."""
    words = [word.strip(".,;:") for word in after.split()[:2]]
    if words and words[0].isalpha() and words[0] in _PLACE_NOUNS:
        return words[0]
    if len(words) > 1 and words[1] in _PLACE_NOUNS and words[0].islower():
        return words[1]
    return None


def not_a_person_use(text: str, mention: Mention, parse: Parse) -> str | None:
    """Why one mention writes the name as no person's ("in the Gobi", "the Nariin Khuren
    coal field"), if it does; ``""`` when the mention only modifies a noun ("the Trump
    administration") and says nothing either way."""
    after = text[mention.end : mention.end + 40]
    noun = _place_noun_after(after)
    if noun:
        return f"a place's noun after it: {noun}"
    following = after.split()[:2]
    if following and following[0].strip(".,;:") in _PLATFORM_NOUNS:
        return f"a platform's noun after it: {following[0].strip('.,;:')}"
    if following and following[0].strip(".,;:") in _BODY_NOUNS_AFTER:
        # "whose Pastef party won", "the Rudaw broadcaster": a body's name before its noun
        return f"a body's noun after it: {following[0].strip('.,;:')}"
    if (
        len(following) > 1
        and following[0].lower() in _SEAT_ROLES
        and (following[0].endswith(",") or following[1][:1].isupper())
    ):
        # "Mlango Kubwa MCA, Patricia Mutheu", "Kisumu MP Peter Oloo": a seat or a party
        return f"a seat's or a party's: {following[0].strip(',')}"
    credited = _PHOTOGRAPHER_SLASH.search(text, max(0, mention.start - 60), mention.start)
    if credited:
        # "Photo: Hussain Shaheem/Malé Observer": the agency after a photographer's slash
        # (not "(JDO/Dedi Firmansyah)": an agency's code, then its photographer)
        return "a credit's agency, after the slash"
    expanded = _ACRONYM_OPENS.search(text, max(0, mention.start - 12), mention.start)
    if expanded and text.startswith(")", mention.end) and _spells(expanded.group(1), mention.text):
        # "the Flemish agency VLAIO (Agentschap Innoveren en Ondernemen)"
        return f"spells out an acronym: {expanded.group(1)}"
    before = text[max(0, mention.start - 5) : mention.start]
    if _modifies(mention, parse):
        return ""
    after_the = before.endswith((" the ", " The ", "\nThe ")) or before in ("the ", "The ")
    return "written after 'the'" if after_the else None


# A photographer's name of two or three words and a slash right before a name.
_PHOTOGRAPHER_SLASH = re.compile(
    r"(?<![\w'\u2019-])[A-Z][a-z\u00c0-\u024f'\u2019-]+(?: [A-Z][a-z\u00c0-\u024f'\u2019-]+){1,2}/$"
)
# An acronym and an opening parenthesis right before a name: "VLAIO (".
_ACRONYM_OPENS = re.compile(r"\b([A-Z]{2,6}) \($")


def _spells(acronym: str, name: str) -> bool:
    """Whether the initials of a name's capitalised words (two at least) are letters of
    ``acronym`` in order: "Agentschap Innoveren en Ondernemen" of "VLAIO"."""
    initials = [word[0] for word in name.split() if word[:1].isupper()]
    letters = iter(acronym)
    return len(initials) >= 2 and all(initial in letters for initial in initials)


def _modifies(mention: Mention, parse: Parse) -> bool:
    """Whether the name modifies a noun after it ("the Trump administration", "the
    Hennessy report"); without a parse, assume so and say nothing."""
    if not parse:
        return True
    index = parse.at(mention.end - 1)
    if index is None:
        return True
    token = parse.tokens[index]
    following = parse.at(token.end + 1)
    return (
        following is not None
        and parse.tokens[following].pos in ("NOUN", "PROPN")
        and token.dep in ("compound", "amod", "nmod")
    )


def used_as_a_person(text: str, mentions: Sequence[Mention], parse: Parse) -> bool:
    """Whether any mention is written as only a person's name is: after a title or a
    person's noun ("Dr", "Senator", "striker"), with an age or a person's noun in
    apposition, or before ", who"."""
    for mention in mentions:
        before = text[max(0, mention.start - 30) : mention.start]
        word = before.split()[-1].strip(",") if before.strip() else ""
        previous = word.lower().rstrip(".")
        # nameparser's titles hold words that are no title in lower case ("the ruling X")
        title = previous in titles() and word[:1].isupper()
        if before.endswith(" ") and (title or previous in person_nouns()):
            return True
        if text.startswith((", who ", ", who,"), mention.end):
            return True
        if described_as_a_person(text, mention, parse):
            return True
    return False
