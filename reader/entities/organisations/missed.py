"""Bodies that a small model often leaves untagged, found by their shape: a legislature
named in its own language, a body's name in another language, a body called by its kind
("the think tank X"), a company before ", which operates", a party before its members'
roles ("Fianna Fáil TD")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from reader.entities.organisations.foreign_names import (
    CAPITALISED_HEAD_WORDS,
    FOREIGN_BODY,
    FOREIGN_NAMED_WORDS,
    FRENCH_HEAD_WORDS,
    LOWER_CASE_HEAD_WORDS,
    french_body,
    lower_case_name_before,
    lower_case_tail,
)
from reader.entities.organisations.shared import CAP, COMPANY_DOES, LEGISLATURES
from reader.gazetteer import is_demonym, is_given_name, is_place

# Legislatures that one word names, found where the model missed them ("The Dáil voted").
_ONE_WORD_LEGISLATURES = LEGISLATURES - frozenset(
    "rada sabha sangsad yuan tweede eerste senat cortes".split()
)
_LEGISLATURE_WORDS = tuple(sorted(w.capitalize() for w in _ONE_WORD_LEGISLATURES))


_LETTERS = re.compile(r"[^\W\d_]+")


def _find_words(
    text: str, words: Sequence[str], present: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Where each of ``words`` stands alone in ``text`` (a substring search per word:
    faster than one pattern of alternatives tried at every character)."""
    for word in words:
        if word not in present:
            continue
        position = text.find(word)
        while position >= 0:
            end = position + len(word)
            before = text[position - 1 : position]
            after = text[end : end + 1]
            alone_before = not before or not (before.isalnum() or before in "-'\u2019_")
            alone_after = not after or not (after.isalnum() or after in "-_")
            if alone_before and alone_after:
                yield position, end
            position = text.find(word, end)


# A party's or a body's name written before its members' roles: "Fianna Fáil TD", "the Sinn
# Féin housing spokesperson", "Likud lawmakers".
_MEMBER_ROLE = re.compile(
    r" (?:(?:TDs?|MPs?|MEPs?|MLAs?|MSPs?|MNAs?|MPPs?|MHAs?|MLCs?|senators?|lawmakers?|"
    r"legislators?|councillors?)\b|(?:[a-z]+ )?spokes(?:person|man|woman)\b"
    r"|leader(?= [A-Z][a-z]))"
)
_CAPS_BEFORE_ROLE = re.compile(rf"(?<![\w'\u2019-])({CAP}(?: {CAP}){{0,2}})$")
# What a body is called right before its name: "the think tank Expert Forum", "the news
# site Seznam Zprávy", "pipeline operator BOTAŞ". A one-word name must be in capitals,
# unless the noun is a medium's or a think tank's.
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w\u00c0-\u017f&'\u2019-]*"
_KIND_BEFORE = re.compile(
    r"\b(?:think[- ]tank|news (?:site|website|portal|agency)|website|broadcaster|newspaper|"
    r"regulator|watchdog|lender|insurer|operator|retailer)"
    rf" ({_NAME_WORD}(?: {_NAME_WORD}){{0,3}})"
)


_KIND_ALONE = re.compile(r"(?:think[- ]tank|news |website|broadcaster|newspaper)")
# A name of one to four capitalised words before ", which" and what a company does.
_WHICH_DOES = re.compile(r",\s+which\s+(\w+)")
_CAPS_BEFORE_WHICH = re.compile(rf"(?<![\w'\u2019-])({CAP}(?: {CAP}){{0,3}})$")
# Words that open a sentence before a role without naming anyone's party ("Its spokesman").
_DETERMINERS = frozenset(
    """its his her their our my your this that these those each every another one no some
    any all both several many other former then independent government backbench
    opposition senior junior veteran""".split()
)


# Public bodies that a people or a place names with its adjective or its name after
# "the": "the Flemish Parliament", "the Sindh Assembly", "the Ukrainian Air Force".
_PUBLIC_BODY_WORDS = tuple(
    """Parliament Assembly Government Senate Council Congress Cabinet Army Navy Force
    Police Guard Commission""".split()
)
_PEOPLE_BEFORE_BODY = re.compile(
    r"\b[Tt]he ([A-Z][\w'\u2019-]+)(?: (?:National|Air|Armed|Border|Coast|Naval|Regional"
    r"|Provincial|State|Federal|Supreme|Legislative|Constituent|Security|Defence|Defense"
    r"|Executive))? $"
)
# Adjectives of peoples and regions that no country's name gives ("Flemish", "Walloon",
# "Catalan", "Bavarian"): their endings.
_PEOPLE_ENDING = re.compile(r"(?:ish|ian|an|ese|ic|i|on)$")


def _names_a_people_or_place(word: str) -> bool:
    """Whether a capitalised word before a public body names its people or its place."""
    if is_given_name(word) or word.lower() in ("the", "this", "that", "new"):
        return False
    return is_demonym(word) or is_place(word) or bool(_PEOPLE_ENDING.search(word))


# A broadcaster's or an exchange's name with its number: "ČT24", "TV3", "Digi24", "N1",
# "Rai 1", "Channel 4", "Radio 1".
_NUMBERED_NAME = re.compile(
    r"(?<![\w'\u2019.-])([A-Z\u00c0-\u017d][A-Za-z\u00c0-\u017e]{0,6}\d{1,2}"
    r"|(?:Rai|Radio|Channel|Kanal|Canal|Antena|Pro|TV|Sky) \d{1,2})(?![\w.,-]\w)"
)
# What an outlet is told, heard or watched on, and what it is: before or after its name.
_OUTLET_BEFORE = re.compile(
    r"\b(?:told|telling|on|broadcaster|channel|station|television|radio|network|"
    r"interview with|speaking to|quoted by) $"
)
_OUTLET_AFTER = re.compile(
    r" (?:television|tv|radio|channel|news|broadcaster|station|network|exchange|"
    r"reported|reports|said|says)\b"
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'\u2019-]* $")


def _numbered_outlets(text: str) -> list[tuple[int, int]]:
    """Broadcasters and exchanges named with a number ("told ČT24", "on Rai 1", "the B3
    exchange"); a model's number after a product's name ("Vira S3") is not one."""
    return [
        match.span(1)
        for match in _NUMBERED_NAME.finditer(text)
        if numbered_outlet(text, *match.span(1))
    ]


def numbered_outlet(text: str, start: int, end: int) -> bool:
    """Whether the name with a number at ``start`` is an outlet's or an exchange's by
    the words around it ("told ČT24", "on Rai 1", "the B3 exchange")."""
    if not _NUMBERED_NAME.fullmatch(text, start, end):
        return False
    if _CAPITALISED_BEFORE.search(text, max(0, start - 30), start):
        return False  # "Galaxy A55", "Lumina X7"
    return bool(
        _OUTLET_BEFORE.search(text, max(0, start - 30), start) or _OUTLET_AFTER.match(text, end)
    )


def missed_organisations(text: str, rejected: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names of bodies that a small model often misses, by their shape: a legislature's
    name in its own language, a Portuguese, Spanish, French or Italian body's name, a name
    whose head noun its language writes in lower case ("Česká televize"), a broadcaster
    named with its number ("told ČT24"), and a
    party's name before its members' roles. ``rejected`` says which names to leave (places,
    people's names, common words)."""
    # The text's words, once: each list below is searched only for the words it holds
    # (a few of a few hundred), as a word standing alone is always one of these.
    present = frozenset(_LETTERS.findall(text))
    found = list(_find_words(text, _LEGISLATURE_WORDS, present))
    # Each shape is looked for from its cheap anchor (a head word, ", which", a role), then
    # back or forth from it: scanning every capital with the whole pattern costs more.
    for head, _ in _find_words(text, FRENCH_HEAD_WORDS, present):
        end = french_body(text, head)
        if end > head:
            found.append((head, end))  # "Tribunal administratif du travail"
    for head, _ in _find_words(text, LOWER_CASE_HEAD_WORDS, present):
        caps = lower_case_name_before(text, head)
        if caps is None or rejected(text[caps[0] : caps[1]]):
            continue
        end = lower_case_tail(text, *caps)
        if end > head:
            found.append((caps[0], end))  # "Česká televize", "Sportske novosti"
    for head, head_end in _find_words(text, _PUBLIC_BODY_WORDS, present):
        owner = _PEOPLE_BEFORE_BODY.search(text, max(0, head - 60), head)
        if owner and _names_a_people_or_place(owner.group(1)):
            found.append((owner.start(1), head_end))  # "the Flemish Parliament"
    for head, head_end in _find_words(text, CAPITALISED_HEAD_WORDS, present):
        end = lower_case_tail(text, head, head_end)
        if end > head_end:
            found.append((head, end))  # "Zavod za zdravstveno zavarovanje Slovenije"
    found.extend(_numbered_outlets(text))
    for head, _ in _find_words(text, FOREIGN_NAMED_WORDS, present):
        match = FOREIGN_BODY.match(text, head)
        if match:
            found.append(match.span(1))
    for match in _KIND_BEFORE.finditer(text):
        name = match.group(1)
        first = name.split()[0]
        # A role's word may begin a body's name here ("Expert Forum"): not ``rejected``.
        if (
            (name.isupper() or " " in name or _KIND_ALONE.match(match.group()))
            and not is_place(name)
            and not is_given_name(first)
            and not is_demonym(first)
        ):
            found.append(match.span(1))  # "the think tank Expert Forum", "operator BOTAŞ"
    for anchor in _WHICH_DOES.finditer(text):
        if anchor.group(1).lower() not in COMPANY_DOES:
            continue
        match = _CAPS_BEFORE_WHICH.search(text, max(0, anchor.start() - 80), anchor.start())
        if match and not rejected(match.group(1)):
            found.append(match.span(1))  # "Médecins Sans Frontières, which ran ..."
    for anchor in _MEMBER_ROLE.finditer(text):
        match = _CAPS_BEFORE_ROLE.search(text, max(0, anchor.start() - 80), anchor.start())
        if match is None:
            continue
        start, end = match.span(1)
        if text.startswith(("The ", "A ", "An "), start):
            start = text.index(" ", start) + 1
        first = text[start:end].split(" ", 1)[0].lower()
        name = text[start:end]
        if anchor.group().startswith(" leader") and " " not in name and not name.isupper():
            continue  # "Kurdish leader X", "Tibetan leader X": a people's, not a party's
        # A name that ends in "Party" is one before its members' roles, whatever a
        # word of it is elsewhere ("party" is a title's word too: "Workers' Party MP").
        partisan = name.rsplit(" ", 1)[-1] in ("Party", "Partei", "Partido", "Parti")
        if start < end and first not in _DETERMINERS and (partisan or not rejected(name)):
            found.append((start, end))
    return found
