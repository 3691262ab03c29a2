"""What people's names and people's nouns look like: the knowledge every other rule asks.

Known given names and surnames (Faker's locales, through :mod:`reader.gazetteer`), without
function words, months, titles, places and the head words of bodies and places; a name
with a person's shape (a known given name, then capitalised words); the nouns only a
person is ("economist", "midwife", "striker"); the roles of governments ("Taoiseach");
and where a sentence ends.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.names import PARTICLES
from reader.gazetteer import is_given_name, is_language, is_place, is_surname
from reader.name_words import ORG_HEADS, PLACE_HEADS, ROLE_NOUNS, is_title, titles

# Capitalised words that are neither given names nor surnames in a name, though the lists
# hold some of them: function words and the calendar.
NOT_NAMES = frozenset(
    """the a an and of for in on at to by with new great will may say said christian
    storm tropical typhoon hurricane cyclone santa saint
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


# Roles of governments that English copy writes before a name and nameparser does not
# hold ("Taoiseach Niamh Corcoran", "Tánaiste", "Vice-President").
GOVERNMENT_ROLES = frozenset(
    """taoiseach tánaiste tanaiste vice-president vice-premier vice-chancellor
    secretary-general director-general attorney-general governor-general
    solicitor-general prime premier chancellor""".split()
)


# Nouns of people that an apposition may name, beyond the roles and titles: "Wahyuni, a
# nurse at ...", "Suparni, a 54-year-old rubber tapper", "its regional coordinator, X".
_PERSON_NOUNS = frozenset(
    """nurse tapper farmer worker resident mother father son daughter wife husband widow
    widower student pensioner retiree shopkeeper vendor trader driver fisherman
    fisherwoman herder herdsman villager backbencher teacher coordinator
    organiser organizer volunteer survivor victim witness refugee migrant mechanic
    labourer laborer grandmother grandfather parent nephew niece cousin colleague friend
    neighbour neighbor veteran tenant landlord landlady homeowner employee
    midwife doctor surgeon paramedic firefighter pilot soldier officer official
    spokesperson spokesman spokeswoman lawmaker legislator councillor councilor
    candidate campaigner activist protester protestor demonstrator striker midfielder
    defender goalkeeper winger forward coach manager captain footballer cricketer
    athlete runner sprinter swimmer cyclist boxer wrestler rider jockey skipper
    novelist poet author writer singer musician actor actress artist filmmaker director
    chairman chairwoman chairperson chief founder soprano mezzo-soprano contralto tenor
    baritone bass-baritone countertenor conductor pianist violinist cellist
    parliamentarian chair substitute""".split()
)


# Words of nameparser's titles that end like a person's noun but name no person, or as
# often a company or a country ("Turkey, a NATO member", "X, a leader in cloud software").
_NOT_PERSON_NOUNS = frozenset(
    """computer banner printer producer developer publisher broadcaster theater theatre
    excellent government member partner owner leader pioneer investor winner sponsor
    manufacturer operator trader vendor assistant incumbent challenger controller
    business former junior senior soccer superior warrant master prior highness
    holiness""".split()
)


_AGENT_ENDINGS = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ess|ee)$")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that only a person is: the occupations among nameparser's titles (those
    with an agent's ending: "economist", "banker", "physician"), roles, and the nouns of
    :data:`_PERSON_NOUNS`."""
    found = {
        word
        for word in titles()
        if word.isalpha()
        and len(word) > 3
        and _AGENT_ENDINGS.search(word)
        and word not in ORG_HEADS
        and word not in PLACE_HEADS
    }
    return frozenset((found | ROLE_NOUNS | _PERSON_NOUNS) - _NOT_PERSON_NOUNS)


# The endings of the learned occupations ("virologist", "agronomist", "cartographer",
# "psychiatrist"): a word with one names what a person does, never who they are, though
# nameparser's list of titles holds only some of them.
_OCCUPATION_ENDINGS = ("ologist", "onomist", "ographer", "iatrist")
# A people's noun: a language's name and "man" or "woman" ("Englishman", "Welshwoman",
# "Dutchmen"). Stems of five letters or more, so a surname ("Gorman", "Kochman") is not one.
_PEOPLES_NOUN = re.compile(r"([A-Z][a-z]{4,}?)(?:wo)?m[ae]n")


@lru_cache(maxsize=8192)
def is_person_noun_word(word: str) -> bool:
    """Whether a capitalised word says what a person does or where they come from, not
    who they are: a learned occupation ("Virologist Dr Noy Keo") or a people's noun
    ("the Frenchman Jules Marceau"), though it heads a sentence or a span."""
    bare = word.strip(".,")
    if not bare[:1].isupper() or bare.isupper() or is_given_name(bare) or is_surname(bare):
        return False
    if bare.lower().endswith(_OCCUPATION_ENDINGS) and len(bare) > 8:
        return True
    people = _PEOPLES_NOUN.fullmatch(bare)
    return bool(people and is_language(people.group(1)))


# Particles that continue a surname in lower case or capitalised ("Mac Giolla Rí", "Ó
# Murchú", "Ní Bhriain", "van der Merwe").
NAME_PARTICLES = PARTICLES | frozenset("mac mc ó o' ní nic uí mhic ui ni wa".split())


@lru_cache(maxsize=8192)
def is_given(word: str) -> bool:
    """A capitalised word that is a known given name, never a function word, a month, a
    title or a place's name ("Victoria", "Orlando")."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.lower() not in NOT_NAMES
        and word.lower() not in NAME_PARTICLES
        and word.lower().rstrip(".") not in titles()
        and is_given_name(word)
        and not is_place(word)
    )


@lru_cache(maxsize=8192)
def is_known_surname(word: str) -> bool:
    """A capitalised word that is a known surname and neither a place nor the head word of
    an organisation's or a place's name ("Foley", not "London", "Bank" or "Street")."""
    bare = word.strip(".,")
    lower = bare.lower()
    return (
        bare[:1].isupper()
        and not bare.isupper()
        and lower not in NOT_NAMES
        and lower not in ORG_HEADS
        and lower not in PLACE_HEADS
        and lower not in titles()
        and is_surname(bare)
        and not is_place(bare)
    )


def names_a_person(name: str) -> bool:
    """Whether a name of two to five words has a person's shape: a known given name first
    and capitalised words after it, none a head word of an organisation or a place."""
    words = name.split()
    return (
        2 <= len(words) <= 5
        and is_given(words[0])
        and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words[1:])
        and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in words)
    )


def sentence_ends_before(text: str, position: int) -> bool:
    """Whether a block or a sentence ends between ``position`` and the word before it (a
    period after an abbreviation or a title, "Dr.", does not end one)."""
    before = text[max(0, position - 40) : position]
    stripped = before.rstrip(" ")
    if not stripped or "\n" in before[len(stripped) :] or stripped.endswith("\n"):
        return True
    if stripped[-1] not in ".!?":
        return False
    written = stripped.rsplit(None, 1)[-1].rstrip(".!?")
    word = written.lower()
    # "Dr." goes on, "the ruling." ends: a title only with a capital (is_title), and only
    # an abbreviation's length; "defeat to Police." ends, a word the text also writes in
    # lower case ("the police").
    abbreviation = is_title(written) and len(word) <= 5 and word not in lower_case_words(text)
    return len(word) > 1 and not abbreviation and word not in ("st", "mt", "ft")


def may_be_given(word: str, text: str) -> bool:
    """Whether a first word that no list knows may still be a given name: capitalised,
    neither a particle ("El Niño"), a place nor a head word ("City Hall"), and never
    written in lower case in the article ("Project Falcon" beside "the project")."""
    lower = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and lower not in NOT_NAMES
        and lower not in NAME_PARTICLES
        and lower not in ORG_HEADS
        and lower not in PLACE_HEADS
        and lower not in titles()
        and not is_place(word)
        and lower not in lower_case_words(text)
    )


@lru_cache(maxsize=4)
def lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case (a text's hash is computed once)."""
    return frozenset(re.findall(r"\b[a-z][a-z'-]+\b", text))
