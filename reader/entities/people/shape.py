"""Evidence from a name's shape and the whole text, true of names anywhere.

Initials before capitalised words are a person's ("W.M. Chandana Wijesekera"); a
language's plural article ("Los Choneros") or a people's plural ("Young Africans") is
never in a person's name; a one-word name the text gives a storm, a saint, an acronym
after it each time, or a title's abbreviation names no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.entities.model import Mention
from reader.entities.people.clue import NEVER, Clue
from reader.entities.people.name_knowledge import NAME_PARTICLES, is_given, is_known_surname
from reader.gazetteer import is_demonym, is_given_name, is_place, is_surname
from reader.name_words import ORG_HEADS, titles

# "W.M. Chandana Wijesekera", "J. Smith": initials before a name are a person's.
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]\.?[A-Z]\.")


# Articles of Spanish, German, Dutch and Italian that start no one's name (not "La", "Le",
# "De", "Del", "Van", which start surnames, nor "Les", a given name).
_PLURAL_ARTICLES = frozenset("Los Las Die Het Gli".split())


# A storm's or a saint's word before a one-word name: "Hurricane Melissa", "St James".
_STORM_NAME = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical Depression) (\w+)")


_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St|St\.|Saint|Ste|Ste\.|San|Santa|São|Sant) $")


def shape_clues(text: str, words: Sequence[str], mentions: Sequence[Mention]) -> list[Clue]:
    """Evidence from the name's shape and the whole text, true of names anywhere:

    - initials before capitalised words are a person's ("W.M. Chandana Wijesekera");
    - a one-word name the text gives a storm ("Hurricane Melissa") is the storm's;
    - a one-word name written after "St" or "Saint" every time is a place's or a
      church's ("St James", "St Johnstone");
    - a particle before a place is part of a body's or a place's name ("de Montréal");
    - a short word that opens a title and stands before a period and a name ("Ven.
      Kotapola", "Rev. Jones") is the title's abbreviation.
    """
    clues: list[Clue] = []
    if not words:
        return clues
    if (
        2 <= len(words) <= 4
        and _INITIALS.fullmatch(words[0])
        and all(w[:1].isupper() and w.lower().strip(".,") not in ORG_HEADS for w in words[1:])
        and not is_place(" ".join(words[1:]))
    ):
        clues.append(("PERSON", 3, f"initials before a name: {words[0]}"))
    if len(words) > 1 and words[0] in _PLURAL_ARTICLES:
        # "Los Choneros", "Die Linke", "Het Parool": a language's article opens a gang's,
        # a party's or a paper's name; no person's name starts with one.
        clues.append(("PERSON", NEVER, f"an article opens it: {words[0]}"))
    if len(words) > 1 and _peoples_plural(words[-1]):
        # "Young Africans", "Golden Arrows": a people's or a common noun's plural ends a
        # team's or a group's name, never a person's.
        clues.append(("PERSON", NEVER, f"a plural ends it: {words[-1]}"))
    if len(words) == 1:
        word = words[0]
        if (
            word.isupper()
            and word.isalpha()
            and 3 <= len(word) <= 6
            and all(m.text.isupper() for m in mentions)
            and not is_given_name(word)
            and not is_surname(word)
        ):
            clues.append(("PERSON", NEVER, f"an acronym names no one: {word}"))
        elif (
            mentions
            and not is_given(word)
            and not is_known_surname(word)
            and all(_acronym_after(text, m.end) for m in mentions)
        ):
            # "Nueva EPS" each time, the model's person "Nueva": a body's name cut short
            clues.append(("PERSON", NEVER, "an acronym after it each time"))
        elif word in _storm_names(text):
            clues.append(("PERSON", NEVER, f"a storm's name: {word}"))
        elif mentions and all(
            _SAINT_BEFORE.search(text, max(0, m.start - 6), m.start) for m in mentions
        ):
            clues.append(("PERSON", NEVER, "a saint's name: a place's or a church's"))
        elif _title_abbreviation(word) and all(
            re.match(r"\. [A-Z]", text[m.end : m.end + 3]) for m in mentions
        ):
            clues.append(("PERSON", NEVER, f"a title's abbreviation: {word}."))
    elif words[0] in NAME_PARTICLES and words[0].islower() and is_place(" ".join(words[1:])):
        clues.append(("PERSON", NEVER, f"a particle before a place: {words[0]}"))
    return clues


# An acronym in capitals right after a name: "Nueva EPS". Not letters after a person's
# name: honours, degrees, a legislator's seat ("Jane Doe QC", "John Smith MP").
_ACRONYM_AFTER = re.compile(r" ([A-Z]{2,5})\b(?![\w-])")


_LETTERS_AFTER_NAMES = frozenset(
    """qc kc sc obe mbe cbe kbe dbe phd md mba jr sr ii iii iv mp mps mla mca td mep msp
    mpp mna mk frs""".split()
)


def _acronym_after(text: str, end: int) -> bool:
    """Whether an acronym that is no person's letters follows ``end``."""
    match = _ACRONYM_AFTER.match(text, end)
    return match is not None and match.group(1).lower() not in _LETTERS_AFTER_NAMES


@lru_cache(maxsize=4)
def _storm_names(text: str) -> frozenset[str]:
    """The names an article gives storms ("Melissa" of "Hurricane Melissa")."""
    return frozenset(_STORM_NAME.findall(text))


# Adjectives of peoples beyond a country's demonym, whose plural names a team or a group.
_PEOPLES = frozenset("african european asian american arab latin caribbean pacific".split())


def _peoples_plural(word: str) -> bool:
    """Whether ``word`` is a people's plural ("Africans", "Kenyans", "Brazilians")."""
    if not (word.endswith("s") and word[:1].isupper() and len(word) > 4):
        return False
    singular = word[:-1]
    if singular.lower() in _PEOPLES:
        return True
    return is_demonym(singular)


@lru_cache(maxsize=1024)
def _title_abbreviation(word: str) -> bool:
    """Whether ``word`` (two to four letters, no known given name) starts a longer title
    ("Ven" of "Venerable", "Rev" of "Reverend", "Sgt" is one itself)."""
    lower = word.lower()
    if not 2 <= len(word) <= 4 or not word.isalpha() or is_given(word):
        return False
    return lower in titles() or any(
        len(title) > len(lower) + 2 and title.startswith(lower) for title in titles()
    )
