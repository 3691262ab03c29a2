"""Names as text: the key that identifies a name, its short forms, its initials, and every
place it occurs in an article."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Name particles that belong with the surname: "Al Hayali", "van der Berg", "bin Salman".
PARTICLES = frozenset(
    "al el bin ibn abu ben van von der den de da di du del della le la dos das st.".split()
)
# Generic words that name a kind of institution; alone, they are never an entity.
GENERIC = frozenset(
    """minister ministry defence defense government parliament president presidency state
    police army navy court council committee agency department office party union news
    military security interior foreign cabinet senate congress forum""".split()
)
ORG_WORDS = re.compile(
    r"\b(?:agency|news|press|service|wire|times|post|network|media|associated|reuters"
    r"|bureau|journal|daily|gazette|herald|tribune|broadcasting|tv|radio)\b",
    re.I,
)
ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}(?:-[A-Z]{1,3})?$")
# Words that mark a company or a club in its legal or usual name: "Prairie Mill Co.",
# "Halvorsen Foods Inc.", "FC Porto". A name with one is an organisation whatever label the
# model gave it, and the same name without it ("Prairie Mill", "Porto") is the same entity.
DESIGNATORS = frozenset(
    """inc co corp ltd llc plc lp llp ag sa nv bv gmbh spa fc afc cf sc ss ssc ac cd ud sd rc
    sk fk nk sv vfb vfl pt tbk bhd sdn pte kk sae sarl srl oy oyj asa sas""".split()
)
# Abbreviations whose period belongs to the name: "Halvorsen Foods Inc.", "King Jr.".
KEEP_PERIOD = frozenset("inc co corp ltd bros jr sr".split())
# Small words that acronyms skip: "Securities and Exchange Commission" -> SEC.
ACRONYM_SKIP = frozenset("of and the for on in at to de du des del la le &".split())
# "European Central Bank (ECB)": an acronym defined right after the name it abbreviates.
DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{0,2}[A-Z&]{1,6}(?:-[A-Z]{1,3})?)\s*\)")
POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
EDGE_PUNCT = "\"'\u201c\u201d\u2018\u2019()[]{}<>,.;:!?-\u2013\u2014 "


def has_designator(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and any(bare_word(word) in DESIGNATORS for word in (words[0], words[-1]))


def bare_word(word: str) -> str:
    return word.casefold().strip(".,&")


def name_key(name: str) -> str:
    """The key that identifies a name: case-folded, single-spaced, and without a company or
    club designator at either end ("Prairie Mill Co." and "Prairie Mill" are one name)."""
    words = name.casefold().split()
    while len(words) > 1 and bare_word(words[-1]) in DESIGNATORS:
        words.pop()
        while len(words) > 1 and not bare_word(words[-1]):
            words.pop()  # the "&" of "Hale, Brandt & Co."
    while len(words) > 1 and bare_word(words[0]) in DESIGNATORS:
        words.pop(0)
    if len(words) > 1:
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


def aliases(full: str) -> list[str]:
    """Short forms a news story uses for a person after the first mention."""
    words = full.split()
    if len(words) < 2:
        return []
    aliases = [words[-1]]
    if len(words) >= 3 and words[-2].lower() in PARTICLES:
        aliases.append(" ".join(words[-2:]))
    return aliases


def find_all(text: str, form: str) -> Iterable[tuple[int, int]]:
    body = re.escape(form)
    if form[:1].islower():
        # A name that starts with a particle is capitalised at the start of a sentence:
        # "Pieter van Dam ... Van Dam said".
        body = f"[{form[0]}{form[0].upper()}]" + re.escape(form[1:])
    pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-]|['\u2019][a-rt-z])")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def spelling_skeleton(name: str) -> str:
    """A name's consonants in order, as two spellings of one name share them
    ("Oleksandr" and "Olexander": "lksndr"; "al-Hakim" and "al-Hakeem": "l-km")."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    for old, new in (("x", "ks"), ("ph", "f"), ("q", "k"), ("c", "k"), ("j", "y")):
        folded = folded.replace(old, new)
    consonants = re.sub(r"[aeiouyhw]", "", folded)
    return re.sub(r"(.)\1+", r"\1", consonants)
