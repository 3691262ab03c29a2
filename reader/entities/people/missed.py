"""People's names the model missed, cut short or split.

A person's name that the model missed after a role ("the housing spokesperson, Eoin Mac
Giolla Rí") or found only in part ("Gonçalo" of "loanee Gonçalo Matos") is found by its
shape: a known given name, capitalised words, a known surname last. An initial of two
letters, a Cyrillic letter's digraph ("Ts. Oyunchimeg"), starts the name it is written
before; a nickname in quotes ('Andre "Blacka" Simpson') and particles in lower case
("Ngugi wa Thiong'o") stay inside the name.
"""

from __future__ import annotations

import re

from reader.entities.people.name_knowledge import (
    GOVERNMENT_ROLES,
    NAME_PARTICLES,
    NOT_NAMES,
    is_given,
    is_known_surname,
    may_be_given,
    names_a_person,
    person_nouns,
)
from reader.gazetteer import is_place
from reader.name_words import ORG_HEADS, PLACE_HEADS, ROLE_NOUNS, is_title, titles

# Two-letter initials that write one Cyrillic or Mongolian letter: Ts (Ц), Ch (Ч),
# Sh (Ш), Kh (Х), Zh (Ж), Ya (Я), Yu (Ю), Ye (Е), Yo (Ё).
_DIGRAPH_INITIALS = frozenset("ts ch sh kh zh ya yu ye yo".split())


# A capitalised word of a name: letters of any script, with an apostrophe or a hyphen
# inside ("O'Brien", "Brennan-Kerr", "Ó", "Rí").
_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


# A word that starts with a capital of the Latin letters: where a given name may start.
_CAPITALISED_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z\u00c0-\u00de][\w'\u2019-]*")


def given_name_completed(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """The end and label of a one-word span that is a known given name followed by a
    known surname: "Gonçalo" of "loanee Gonçalo Matos", which the model called a place,
    is Gonçalo Matos."""
    word = text[start:end]
    if label == "PERSON" or " " in word or not is_given(word):
        return end, label
    following = _NAME_WORD.match(text, end + 1)
    if text[end : end + 1] != " " or following is None:
        return end, label
    surname = following.group()
    if is_known_surname(surname) and not text[following.end() : following.end() + 1].isalnum():
        return following.end(), "PERSON"
    return end, label


def missed_people(text: str, claimed: bytearray) -> list[tuple[int, int]]:
    """People's names that no mention holds: a known given name, then one to three
    capitalised words (or a surname's particles), the last a known surname or the whole
    written right after a role ("spokesperson, Eoin Mac Giolla Rí"). ``claimed`` marks
    the characters that mentions already hold."""
    found: list[tuple[int, int]] = []
    for match in _CAPITALISED_WORD.finditer(text):
        given = match.group()
        start = match.start()
        if claimed[start] or (found and start < found[-1][1]) or not is_given(given):
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "-'\u2019"):
            continue
        previous = re.search(r"([A-Z][\w'\u2019-]*) $", text[max(0, start - 30) : start])
        if previous and not _role_word(previous.group(1)):
            continue  # it goes on another name: "Tropical Storm Grace ...", "Hagley Oval"
        end, count, last = match.end(), 0, ""
        while count < 4:
            following = _NAME_WORD.match(text, end + 1)
            if text[end : end + 1] != " " or following is None:
                break
            word = following.group()
            if not (word[:1].isupper() or word.lower() in NAME_PARTICLES):
                break
            if word.lower().strip(".,") in ORG_HEADS | PLACE_HEADS or word.isupper():
                count = 0
                break
            end, count, last = following.end(), count + 1, word
        if not count or last.lower() in NAME_PARTICLES or claimed.find(1, start, end) >= 0:
            continue
        name = text[start:end]
        if not names_a_person(name) or any(is_place(w) for w in name.split()[1:]):
            continue
        if is_known_surname(last) or _after_role(text, start):
            found.append((start, end))
    for match in _DESCRIBED_NAME.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if claimed.find(1, start, end) >= 0 or any(
            w.lower() in NOT_NAMES or w.lower() in titles() or is_place(w) for w in name.split()
        ):
            continue
        if any(a < end and start < b for a, b in found):
            continue
        if match.group(2) or match.group(4) or (match.group(3) or "").lower() in person_nouns():
            found.append((start, end))
    found.extend(_named_after_role(text, claimed, found))
    return sorted(found)


# Two or three capitalised words after a role in lower case or a legislator's acronym,
# then no further capital: "People's Party MP Pakorn Thepsuwan asked", "the
# parliamentarian Nimal Rathnayake, who".
_ROLE_THEN_NAME = re.compile(
    r"(?:\b([a-z][a-z-]+)|(?<![\w.])(MP|TD|MEP|MLA|MCA|MSP|MNA|MPP|Senator|Sen\.|Rep\.|Cllr))"
    r" ([A-Z][a-z\u00c0-\u024f'\u2019-]+(?: [A-Z][a-z\u00c0-\u024f'\u2019-]+){1,2})"
    r"(?=[,.;:)]| [a-z(]|$)",
    re.M,
)


def _named_after_role(
    text: str, claimed: bytearray, found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """People's names no list knows, right after a role ("MP Pakorn Thepsuwan"): two or
    three capitalised words, none a title, a head word or a place, the first never
    written in lower case in the article."""
    named = []
    for match in _ROLE_THEN_NAME.finditer(text):
        role = match.group(1)
        if role is not None and role not in person_nouns() and role not in ROLE_NOUNS:
            continue
        start, end = match.span(3)
        words = match.group(3).split()
        if claimed.find(1, start, end) >= 0 or any(a < end and start < b for a, b in found):
            continue
        if may_be_given(words[0], text) and all(
            word.lower() not in NOT_NAMES
            and word.lower() not in ORG_HEADS | PLACE_HEADS
            and word.lower() not in titles()
            and word.lower() not in person_nouns()
            and not is_place(word)
            for word in words
        ):
            named.append((start, end))
    return named


# A name that opens a block or a sentence, described by an apposition: "Wahyuni, a nurse
# at the regional hospital, said", "Tomas Reyes, a 41-year-old driver, ...".
_NAME_CAP = r"[A-Z][a-z\u00c0-\u024f'\u2019-]+"


_NAME_LINK = r"(?:a/l|a/p|bin|binti|bint|ibn|al|el|van|von|de|da|di|du|del|der|den|dos|das|le|la)"


_DESCRIBED_NAME = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"\u201d] ))"
    rf"({_NAME_CAP}(?: (?:{_NAME_LINK} )?{_NAME_CAP}){{0,3}})"
    # "Ramesh a/l Subramaniam (Klang), a backbencher": a seat in parentheses may come first
    r"(?: \([^()\n]{1,40}\))?(?:, (?:a|an) "
    r"(?:(\d{2}-year-old)|(?:[\w-]+ ){0,3}?([a-z]+)\b(?= at | in | for | of | with | from |,))"
    # "Pranee, 67, a retired teacher": an age between commas
    r"|, ((?:1[6-9]|[2-9]\d)), (?=[a-z]))",
    re.M,
)


def _role_word(word: str) -> bool:
    """Whether a capitalised word before a name is a title or a role ("Baritone Ettore
    Salvadori", "Winger Idrisa Chande"), not another name's word."""
    lower = word.lower().rstrip(".")
    return lower in titles() or lower in GOVERNMENT_ROLES or lower in person_nouns()


def _after_role(text: str, start: int) -> bool:
    """Whether a role noun, or a role and a comma, comes right before ``start``."""
    before = text[max(0, start - 30) : start]
    match = re.search(r"(\w[\w-]*)(,?) $", before)
    if match is None:
        return False
    word = match.group(1).lower()
    return (
        word in ROLE_NOUNS
        or word in GOVERNMENT_ROLES
        or (is_title(match.group(1)) and len(word) > 3)
        or word in person_nouns()
    )


def join_initials(text: str, candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join a two-letter initial the model read as a name of its own to the name after
    it: "Ts" and "Oyunchimeg" of "Ts. Oyunchimeg" are one person's name."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in candidates:
        if joined:
            last_start, last_end, _ = joined[-1]
            initial = text[last_start:last_end]
            if (
                len(initial) == 2
                and initial.lower() in _DIGRAPH_INITIALS
                and initial[0].isupper()
                and text[last_end:start] == ". "
                and text[start : start + 1].isupper()
            ):
                joined[-1] = (last_start, end, "PERSON")
                continue
        joined.append((start, end, label))
    return _join_nicknames(text, joined)


# A nickname in quotes between a given name and a surname: 'Andre "Blacka" Simpson'.
# The nickname may open with an article in lower case ('Luis "el Tanque" Ramos Vega'),
# and the surname be two words.
_NICKNAME = re.compile(
    r" [\"\u201c'\u2018]((?:[a-z]{1,3} )?[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?)"
    r"[\"\u201d'\u2019] ([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?)(?![\w-])"
)
# A span the model ended inside a nickname's quotes: 'Luis "el Tanque'.
_OPEN_QUOTE = re.compile(r" [\"\u201c][^\"\u201d]*$")


def _particle_between(
    text: str, previous: tuple[int, int, str], following: tuple[int, int]
) -> bool:
    """Whether a person's name and the name after it are one name joined by particles
    in lower case that the model left out ("Hortense Kabange" wa "Kabange", "Ngugi" wa
    "Thiong'o"): one or two particles between, one or two capitalised words after."""
    last_start, last_end, last_label = previous
    between = text[last_end : following[0]].split(" ")
    words = text[following[0] : following[1]].split()
    return (
        last_label == "PERSON"
        and 3 <= len(between) <= 4
        and between[0] == ""
        and between[-1] == ""
        and all(word in NAME_PARTICLES and word.islower() for word in between[1:-1])
        and 1 <= len(words) <= 2
        and all(
            word[:1].isupper() and not word.isupper() and word.lower() not in ORG_HEADS
            for word in words
        )
        and not is_place(" ".join(words))
        and len(text[last_start:last_end].split()) <= 3
    )


def _join_nicknames(
    text: str, candidates: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A person's name the model cut at a nickname in quotes ('Andre "Blacka" Simpson':
    "Andre" alone) runs on to the surname: one person's name, the nickname inside it."""
    joined: list[tuple[int, int, str]] = []
    skip_until = -1
    for start, end, label in candidates:
        if start < skip_until:
            continue  # the nickname or the surname, now inside the name before it
        if joined and _particle_between(text, joined[-1], (start, end)):
            joined[-1] = (joined[-1][0], end, "PERSON")
            continue
        cut = _OPEN_QUOTE.search(text, start, end) if label == "PERSON" else None
        if cut and _NICKNAME.match(text, cut.start()):
            end = cut.start()  # back to the given name, and the nickname is matched anew
        match = _NICKNAME.match(text, end)
        words = text[start:end].split()
        if (
            match
            and label == "PERSON"
            and 1 <= len(words) <= 2
            and match.group(2).lower().strip(".,") not in ORG_HEADS | PLACE_HEADS
            and not is_place(match.group(2))
        ):
            joined.append((start, match.end(), "PERSON"))
            skip_until = match.end()
            continue
        joined.append((start, end, label))
    return joined
