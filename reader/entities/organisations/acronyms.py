"""Acronyms of bodies that a small model leaves untagged, found by how the text uses them:
repeated ("EKRE said ... EKRE's leader"), the subject of a verb or set beside a noun
("GERB, the largest party"), after "the" ("the ruling MPLA"), told or cited ("told HRT",
"according to LSEG"), or in parentheses after a name ("Jan Peeters (MR)"). An acronym of
a thing, a role, a currency, a time zone or a place, a Roman numeral, and capitals in a
line of capitals (a headline, a byline) are left alone.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.entities.model import Mention
from reader.entities.names import abbreviates
from reader.entities.organisations.long_names import MEMBER_ACRONYMS
from reader.entities.organisations.not_a_body import (
    CREDIT_RATING,
    THING_ACRONYMS,
    currency_codes,
    in_menu,
)
from reader.entities.organisations.shared import CAP
from reader.gazetteer import is_demonym, is_given_name, is_place
from reader.name_words import LAW_HEADS, titles
from reader.syntax import Parse

# Two to six capitals standing alone: not part of a hyphenated or dotted word, a
# credit's "/AFP" or a possessive's stem (which the look-ahead leaves to the name).
_CAPITALS = re.compile(r"(?<![\w&.'\u2019/-])([A-Z]{2,6})(?![\w&/-]|\.\w)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
# Acronyms of what no body is called by alone, beyond things' (``THING_ACRONYMS``).
_NOT_BODIES = frozenset(
    """ceo cfo coo cto cio md ok tv fm am pm id hq vip ngo ngos covid aids sars mers
    usd eur gbp kg km mw gw kw kwh mwh gwh ph phd mba bc ad ce bce""".split()
)
_THE_BEFORE = re.compile(r"\b[Tt]he (?:[a-z]+ )?$")
_CITED_BEFORE = re.compile(
    r"\b(?:told|telling|according to|quoted by|reported by|an interview with|speaking to) $"
)
_CAPITALISED_BEFORE = re.compile(rf"{CAP}\s*\($")
_CAPITALISED_WORD_BEFORE = re.compile(rf"{CAP} $")
_CAPITALISED_WORD_AFTER = re.compile(r" [A-Z\u00c0-\u00de]")
# A wire slug's number after its word: "UPDATE 2-Congo extends ...".
_SLUG_AFTER = re.compile(r" \d+-")
_SUBJECT = frozenset("nsubj nsubjpass".split())


def _shouting(text: str, start: int, end: int) -> bool:
    """Whether the words next to a capitalised word are in capitals too: a headline, a
    byline or a dateline, not an acronym in a sentence."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 30) : start])
    after = re.findall(r"[^\W\d_]+", text[end : end + 30])
    neighbours = before[-1:] + after[:1]
    return any(word.isupper() and len(word) > 1 for word in neighbours)


def _names_a_thing(word: str) -> bool:
    lower = word.lower()
    return (
        lower in THING_ACRONYMS
        or lower in _NOT_BODIES
        or lower in MEMBER_ACRONYMS
        or lower in currency_codes()
        or bool(_ROMAN.match(word) or CREDIT_RATING.match(word))
        or is_place(word)
        or is_demonym(word)
    )


def _defines_a_law(text: str, start: int, word: str) -> bool:
    """Whether the capitals at ``start`` stand in parentheses after the law they
    abbreviate ("the Foreign Agents Registration Act (FARA)"): a law's, not a body's."""
    if not text.endswith("(", max(0, start - 1), start):
        return False
    words = text[max(0, start - 120) : start - 1].split()[-10:]
    if not words or words[-1].lower() not in LAW_HEADS:
        return False
    return any(abbreviates(word, " ".join(words[i:])) for i in range(len(words)))


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether the capitals stand next to a capitalised word of the same phrase: part of
    a longer name ("EU Chips Act", "Marines FC", "MTN Cameroon")."""
    return bool(_CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)) or bool(
        _CAPITALISED_WORD_AFTER.match(text, end)
    )


def _used_as_a_name(text: str, start: int, end: int, parse: Parse) -> bool:
    """Whether the text uses the capitals at ``start`` as a body's name."""
    if _THE_BEFORE.search(text, max(0, start - 30), start):
        return True
    if _CITED_BEFORE.search(text, max(0, start - 30), start):
        return True
    if text.startswith(")", end) and _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
        return True  # "Jan Peeters (MR)": a member's party (a definition was left out)
    if not parse:
        return False
    index = parse.at(start)
    if index is None:
        return False
    token = parse.tokens[index]
    if token.dep in _SUBJECT:
        return True  # "EKRE said", "MOL fell"
    return any(parse.tokens[child].dep == "appos" for child in parse.children(index))


def missed_acronyms(text: str, parse: Parse) -> list[tuple[int, int]]:
    """Each acronym the text uses as a body's name (see the module's note), once: its
    first use that shows it, or its first use if the text repeats it. An acronym that is
    an English word in the text's lower case, a wire slug's word ("UPDATE 2-"), a menu's
    item or a law's acronym is left out."""
    lowered = set(re.findall(r"\b[a-z]{2,6}\b", text))
    found: dict[str, tuple[int, int]] = {}
    uses: dict[str, list[tuple[int, int]]] = {}
    for match in _CAPITALS.finditer(text):
        word = match.group(1)
        start, end = match.span(1)
        if (
            _shouting(text, start, end)
            or _inside_a_name(text, start, end)
            or _SLUG_AFTER.match(text, end)
            or in_menu(text, Mention(start, end, word, "model"))
        ):
            continue
        uses.setdefault(word, []).append((start, end))
    counts = Counter({word: len(spans) for word, spans in uses.items()})
    for word, spans in uses.items():
        if (
            word.lower() in lowered
            or _names_a_thing(word)
            or any(_defines_a_law(text, start, word) for start, _ in spans)
        ):
            continue
        if counts[word] > 1:
            found[word] = spans[0]
            continue
        for start, end in spans:
            if _used_as_a_name(text, start, end, parse):
                found[word] = (start, end)
                break
    return sorted(found.values())


# Capitalised words after an acronym that lead a company's or a union's name: "MTN" +
# " Cameroon", "CPA" + " Ferrere", "UGS" + " Nezavisnost".
_WORDS_AFTER = re.compile(r"(?: [A-Z\u00c0-\u00de][a-z\u00df-\u017f'\u2019-]+){1,2}")


# A sponsor's league or a product's line: "MTN Elite One".
_NUMBERS = frozenset("one two three four five six seven eight nine ten".split())


def acronym_led_names(text: str) -> list[tuple[int, int]]:
    """Names that an acronym leads, which a small model leaves untagged ("MTN Cameroon",
    "the consultancy CPA Ferrere"): capitalised words after it, up to a person's given
    name, a title or a word that opens a sentence; not where the capitals end a longer
    name or are a thing's, a place's or a role's."""
    lowered = set(re.findall(r"\b[a-z]{2,6}\b", text))
    found = []
    for match in _CAPITALS.finditer(text):
        start, end = match.span(1)
        word = match.group(1)
        tail = _WORDS_AFTER.match(text, end)
        if (
            tail is None
            or _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 40), start)
            or _shouting(text, start, end)
            or word.lower() in lowered
            or _names_a_thing(word)
        ):
            continue
        kept: list[str] = []
        for after in tail.group().split():
            lower = after.lower()
            if is_given_name(after) or lower in titles() or lower in LAW_HEADS | _NUMBERS:
                kept = []
                break  # "EU Paata Kalandadze", "NATO Secretary General", "EU Chips Act"
            kept.append(after)
        if kept:
            found.append((start, text.index(kept[-1], end) + len(kept[-1])))
    return found
