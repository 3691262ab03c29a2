"""Names as text: the key that identifies a name, its short forms, its initials, and every
place it occurs in an article."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Name particles that belong with the surname: "Al Hayali", "van der Berg", "bin Salman".
PARTICLES = frozenset(
    """al el bin binti bint ibn abu ben van von der den de da di du del della le la dos das
    st. a/l a/p""".split()
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
    sk fk nk sv vfb vfl pt tbk bhd sdn pte pty kk sae sarl srl oy oyj asa sas""".split()
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
    """Whether a name of two or more words starts with a club's or company's designator
    ("FC Porto", "PT Sawit") or ends with one or with a legal form ("Acme Inc.", "Volvo AB",
    "Hartmann GmbH", "Sølund & Kragh A/S")."""
    words = name.split()
    return len(words) > 1 and (bare_word(words[0]) in DESIGNATORS or is_legal_form(words[-1]))


def bare_word(word: str) -> str:
    """A word case-folded, without the punctuation at its ends."""
    return word.casefold().strip(".,&")


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Company legal forms of many countries from ``cleanco`` ("GmbH", "S.A.", "Tbk",
    "A/S", "Oyj", "Ltda"), one word each, case-folded and without periods; with ours when
    the package is missing. Forms that are English words ("company", "limited") are left
    to the organisation head words, which do not fold "Walt Disney Company" into a person's
    name."""
    try:
        from cleanco.termdata import terms_by_type
    except ImportError:
        return DESIGNATORS
    forms = {
        term.strip().casefold().replace(".", "")
        for terms in terms_by_type.values()
        for term in terms
        if " " not in term.strip()
    }
    return frozenset({form for form in forms if 2 <= len(form) <= 5} | DESIGNATORS)


def is_legal_form(word: str) -> bool:
    """Whether ``word`` ends a company's name as its legal form or designator. A short
    form counts only in capitals or written with its periods or slash ("AS", "S.A.",
    "A/S"), where an English word ("As"), a particle ("da") or a surname ("Teo") is not
    written so."""
    bare = bare_word(word)
    if bare in DESIGNATORS:
        return True
    form = bare.replace(".", "")
    if form not in legal_forms() or form in PARTICLES:
        return False
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 3 or word.isupper() or any(char in word for char in "./")


def name_key(name: str) -> str:
    """The key that identifies a name: case-folded, single-spaced, and without a company or
    club designator or a legal form at either end ("Prairie Mill Co." and "Prairie Mill"
    are one name)."""
    words = name.split()
    while len(words) > 1 and is_legal_form(words[-1]):
        words.pop()
        while len(words) > 1 and not bare_word(words[-1]):
            words.pop()  # the "&" of "Hale, Brandt & Co."
    while len(words) > 1 and bare_word(words[0]) in DESIGNATORS:
        words.pop(0)
    words = [word.casefold() for word in words]
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


# Where a name may end: not inside a word, nor before a contraction ("Hayali'd"), though
# a possessive is fine ("Hayali's").
_NAME_END = re.compile(r"(?![\w-]|['\u2019][a-rt-z])")
_WORD = re.compile(r"\w+(?:-\w+)*")


class WordIndex:
    """Where each word of a text starts, so that every occurrence of many names is found in
    one pass over the text instead of one pass per name (which grows with the square of a
    long article's length: more text, and more names in it).

    Words are runs of letters and digits joined by hyphens; they are keyed case-folded, and
    a name is then checked letter by letter where its first word occurs.
    """

    def __init__(self, text: str) -> None:
        """Index the words of ``text``."""
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            self._starts.setdefault(match.group().casefold(), []).append(match.start())

    def has_word(self, word: str) -> bool:
        """Whether ``word`` occurs as a whole name."""
        return any(True for _ in self.find_all(word))

    def find_all(self, form: str) -> Iterable[tuple[int, int]]:
        """Every occurrence of ``form`` as a whole name, as ``find_all`` finds it."""
        first = _WORD.match(form)
        if first is None or first.start() != 0:
            yield from find_all(self.text, form)  # a name that starts with punctuation
            return
        loose = form[:1].islower()
        text = self.text
        for start in self._starts.get(first.group().casefold(), ()):
            end = start + len(form)
            if text.startswith(form, start):
                pass
            elif not (loose and text.startswith(form[1:], start + 1) and text[start].isupper()):
                continue
            if text[start].lower() != form[0].lower() or not _NAME_END.match(text, end):
                continue
            yield start, end


def find_all(text: str, form: str) -> Iterable[tuple[int, int]]:
    """Every occurrence of ``form`` in ``text`` as a whole name."""
    body = re.escape(form)
    if form[:1].islower():
        # A name that starts with a particle is capitalised at the start of a sentence:
        # "Pieter van Dam ... Van Dam said".
        body = f"[{form[0]}{form[0].upper()}]" + re.escape(form[1:])
    pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-]|['\u2019][a-rt-z])")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


# Letters that Unicode does not decompose into a base letter and an accent.
_UNACCENTED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)


def unaccented(name: str) -> str:
    """A name case-folded and without accents ("Sølund & Kragh" -> "solund & kragh",
    "Boğaziçi" -> "bogazici"): headlines and wires often drop them."""
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_UNACCENTED))
    return "".join(char for char in folded if not unicodedata.combining(char))


def spelling_skeleton(name: str) -> str:
    """A name's consonants in order, as two spellings of one name share them
    ("Oleksandr" and "Olexander": "lksndr"; "al-Hakim" and "al-Hakeem": "l-km")."""
    folded = unaccented(name)
    for old, new in (("x", "ks"), ("ph", "f"), ("q", "k"), ("c", "k"), ("j", "y")):
        folded = folded.replace(old, new)
    consonants = re.sub(r"[aeiouyhw]", "", folded)
    return re.sub(r"(.)\1+", r"\1", consonants)


def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` could abbreviate ``name``: it starts with the name's first
    letter and its letters follow the initials of the name's words in order, small words
    among them ("FECI" for "Fiscalía Especial contra la Impunidad")."""
    initials = "".join(word[0] for word in name.split()).upper()
    letters = iter(initials)
    return (
        bool(acronym)
        and initials[:1] == acronym[:1]
        and all(letter in letters for letter in acronym.upper() if letter.isalpha())
    )
