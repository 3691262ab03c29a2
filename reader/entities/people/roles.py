"""A role or a portfolio before a person's name, cut off the name.

A role of any government or a minister's portfolio is never inside a person's name
("Taoiseach Niamh Corcoran", "Minister for Housing Declan Foley", "Winger Idrisa Chande"),
though the model often finds them in one span and calls it an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.entities.people.name_knowledge import (
    GOVERNMENT_ROLES,
    is_given,
    lower_case_words,
    names_a_person,
    person_nouns,
    sentence_ends_before,
)
from reader.gazetteer import is_place
from reader.name_words import FOREIGN_TITLES, HONORIFICS, ORG_HEADS, PLACE_HEADS, titles

# "Minister for Housing Declan Foley", "Secretary of State for Health Jane Doe": a
# portfolio between an office and a person's name.
_OFFICE_OF = re.compile(
    r"(?:Minister|Ministers|Secretary|Commissioner|Spokesperson|Spokesman|Spokeswoman)"
    r"(?: of State)? (?:for|of) (?:the )?(?:[A-Z][\w-]*,? (?:and |& )?)*$"
)


_OFFICE_INSIDE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner)(?: of State)? (?:for|of) (?:the )?"
)


# Courtesies of Spanish, Portuguese and Italian before a given name ("Don Ernesto", "Doña
# Carmen", "Dom Pedro"), and the Maltese priest's "Dun" ("Dun Anton"); "Don" is also a
# given name of its own ("Don Haskins"), so a courtesy only when a known given name
# follows it.
_COURTESIES = frozenset("don doña dona dom dun".split())

_ROLE_SPAN_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
)


# The words of ministers' portfolios in English ("Minister for Economic Affairs",
# "Minister of Agriculture and Farmers Welfare", "Secretary of State for Health").
PORTFOLIO_WORDS = frozenset(
    """affairs economic economy finance financial treasury budget planning development
    trade industry industries commerce investment investments enterprise business
    health education science technology research innovation defence defense security
    interior home justice foreign external internal relations cooperation energy
    power mines mining minerals petroleum oil gas resources natural environment climate
    water forestry forests fisheries agriculture food rural urban lands land housing
    works public infrastructure transport transportation roads aviation maritime
    communications information media culture tourism sport sports youth women gender
    children family social welfare labour labor employment pensions migration
    immigration local government regional territorial national heritage arts
    coordinating digital equality veterans farmers workers consumers citizens""".split()
)


def role_before_person(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """The start and label of a span that holds a role or a portfolio before a person's
    name: "Taoiseach Niamh Corcoran" and "[Minister for] Housing Declan Foley" (the
    model often calls them organisations) are Niamh Corcoran and Declan Foley."""
    inside = _OFFICE_INSIDE.search(text, start, end)
    if inside is not None and inside.end() < end:
        # "Coordinating Minister for Economic Affairs Hatta Rajasa" as one span
        cut = _after_portfolio(text, inside.end(), end)
        if cut is not None:
            return cut, "PERSON"
    words = text[start:end].split(" ")
    if len(words) < 3 or label not in _ROLE_SPAN_LABELS:
        return start, label
    if (
        words[0].lower() in _COURTESIES
        and is_given(words[1])
        and names_a_person(" ".join(words[1:]))
    ):
        # "Don Ernesto Matamoros Valle": a courtesy before a given name and a surname.
        return start + len(words[0]) + 1, "PERSON"
    office = _OFFICE_OF.search(text, max(0, start - 80), start) is not None
    if office:
        cut = _after_portfolio(text, start, end)
        if cut is not None and cut > start:
            return cut, "PERSON"
    for position in range(1, len(words) - 1):
        rest = words[position:]
        role = words[position - 1].lower().rstrip(".")
        if not (2 <= len(rest) <= 4 and names_a_person(" ".join(rest))):
            continue
        lead = [w.lower().rstrip(".") for w in words[:position]]
        if lead[-1] in HONORIFICS:
            continue  # "Cheikh Moussa Diallo", "Sheikh Faisal bin ...": part of the name
        if office or all(w in titles() or w in GOVERNMENT_ROLES for w in lead):
            return start + sum(len(w) + 1 for w in words[:position]), "PERSON"
        if role in GOVERNMENT_ROLES:
            return start + sum(len(w) + 1 for w in words[:position]), "PERSON"
    if label != "PERSON" and _title_before_name(words):
        # "Kgosi Mothibi Seepapitso" called a body: a title before two or three words of
        # a name, none a body's or a place's, opens a person's name.
        return start + len(words[0]) + 1, "PERSON"
    if _role_opens_sentence(text, start, words):
        return start + len(words[0]) + 1, "PERSON"
    if office:
        # "Minister of Agriculture and Farmers Welfare Narendra Singh Tomar": a portfolio's
        # words are common nouns the article also writes in lower case ("farmers").
        common = lower_case_words(text)
        cut = 0
        while cut < len(words) - 2 and words[cut].lower() in common | {"and", "&"}:
            cut += 1
        if cut and all(w[:1].isupper() and w.lower() not in common for w in words[cut:]):
            return start + sum(len(w) + 1 for w in words[:cut]), "PERSON"
    return start, label


# Words of the titles' list that qualify a body as often as a person ("National Bank",
# "Royal Mail", "General Motors", "Grand Hotel"): never read as a person's title here.
_QUALIFIERS = frozenset(
    """former late then acting interim outgoing incoming veteran rookie presidential
    opposition ruling party regional state federal national local provincial county
    municipal senior junior top deputy vice chief head leader leaders boss star host
    general grand royal united first new great high supreme chair president""".split()
)


def _title_before_name(words: Sequence[str]) -> bool:
    """Whether a span of three or four words is a person's title, capitalised, and a
    name of two or three words that holds no body's, place's or title's word."""
    lead = words[0].lower().rstrip(".")
    rest = words[1:]
    return (
        2 <= len(rest) <= 3
        and words[0][:1].isupper()
        and lead in titles()
        # a title of address or a person's noun, not any word of the list ("Social")
        and (lead in FOREIGN_TITLES or lead in person_nouns() or words[0].endswith("."))
        and lead not in _QUALIFIERS
        and lead not in HONORIFICS
        and lead not in ORG_HEADS
        and all(
            w[:1].isupper()
            and not w.isupper()
            and w.lower().strip(".,") not in ORG_HEADS | PLACE_HEADS
            and w.lower().strip(".,") not in titles()
            and not is_place(w.strip(".,"))
            for w in rest
        )
    )


def _role_opens_sentence(text: str, start: int, words: Sequence[str]) -> bool:
    """Whether a span opens its sentence with a person's noun, capitalised only there,
    before two or three capitalised words of no body or place ("Winger Idrisa Chande
    scored twice", "Baritone Ettore Salvadori during ...")."""
    rest = words[1:]
    return (
        words[0].lower() in person_nouns()
        and words[0].lower() not in ORG_HEADS
        and 2 <= len(rest) <= 3
        and sentence_ends_before(text, start)
        and all(
            w[:1].isupper()
            and not w.isupper()
            and w.lower().strip(".,") not in ORG_HEADS | PLACE_HEADS
            and w.lower().strip(".,") not in person_nouns()
            and not is_place(w.strip(".,"))
            for w in rest
        )
    )


def _after_portfolio(text: str, start: int, end: int) -> int | None:
    """Where the person's name starts after a portfolio that opens ``text[start:end]``:
    its words are a portfolio's ("Economic Affairs", "Housing", "Farmers Welfare") or
    common nouns the article writes in lower case; two to four capitalised words must be
    left, none of them such a word."""
    words = text[start:end].split(" ")
    common = lower_case_words(text)
    cut = 0
    while cut < len(words) - 2 and _portfolio_word(words[cut], common):
        cut += 1
    rest = words[cut:]
    if (
        2 <= len(rest) <= 4
        and all(w[:1].isupper() and not _portfolio_word(w, common) for w in rest)
        and not any(w.lower().strip(".,") in ORG_HEADS | PLACE_HEADS for w in rest)
    ):
        return start + sum(len(w) + 1 for w in words[:cut])
    return None


def _portfolio_word(word: str, common: frozenset[str]) -> bool:
    lower = word.lower().strip(",")
    return lower in PORTFOLIO_WORDS or lower in common or lower in ("and", "&")
