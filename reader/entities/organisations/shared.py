"""Words and patterns that several kinds of organisations' evidence share, and the
weighing they add to."""

from __future__ import annotations

import re
from typing import Protocol

from reader.name_words import ORG_HEADS
from reader.syntax import Parse

# Heads of offices and bodies that a longer name ends in before its "for" or "of" phrase
# ("National Center for Vector Borne Diseases Control"); "centre" also ends buildings'
# names, so it is no organisation's word alone.
BODY_HEADS = ORG_HEADS | frozenset("center centre division unit chamber".split())

# A capitalised word of a name, accented capitals included ("Komerční", "Égypte").
CAP = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"


class Weighing(Protocol):
    """The weights of an entity's labels, which each rule adds to with its reason."""

    weights: dict[str, float]
    reasons: list[str]

    def add(self, label: str, weight: float, reason: str) -> None: ...


# Legislatures that the English-language press names in their own language.
LEGISLATURES = frozenset(
    """dáil dail seanad oireachtas bundestag bundesrat nationalrat knesset majlis duma
    sejm senat rada storting stortinget riksdag folketing folketinget eduskunta althing
    alþingi cortes khural jirga shura sabha sangsad yuan sabor skupština skupstina
    saeima seimas riigikogu landtag tweede eerste""".split()
)
# Houses of legislatures that English names by one word ("said in Parliament").
HOUSES = frozenset("parliament congress senate".split())
# Roles that a party, a club or a company is written before ("Fianna Fáil TD", "Sinn Féin
# housing spokesperson", "Sporting loanee").
MEMBER_ROLES = frozenset(
    """td tds mp mps mep meps mla mlas msp msps mna mnas mpp mpps mha mhas mlc mlcs
    senator senators lawmaker lawmakers
    legislator legislators councillor councillors councilor councilors spokesperson
    spokesman spokeswoman leader loanee""".split()
)


# Roles of a sports club, after its name or its possessive ("Braga's goalkeeper").
CLUB_ROLES = frozenset(
    """coach coaches manager striker strikers midfielder midfielders defender defenders
    goalkeeper goalkeepers keeper winger wingers forward forwards captain skipper
    player players squad loanee supporters fans ultras president academy""".split()
)


# Verbs after ", which" that a company does ("Rio Tinto, which operates the mine").
COMPANY_DOES = frozenset(
    """operates operate operated owns owned runs ran makes made produces produced
    manufactures employs sells sold supplies controls holds exports imports builds
    develops""".split()
)

# A person's name of two or three words after a possessive: the owner's member.
PERSON_AFTER = re.compile(r"[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff'\u2019-]+){1,2}\b")


def proper_or_longer(text: str, start: int, end: int, parse: Parse) -> bool:
    """Whether a name a finder found is no common noun: one word must be a proper noun to
    the parse ("Protesters, a group of" is not); a longer name is taken by its shape."""
    if " " in text[start:end] or not parse:
        return True
    index = parse.at(start)
    return index is not None and parse.tokens[index].pos in ("PROPN", "X")
