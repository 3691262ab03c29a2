"""Bodies that the model left untagged, found by what the text calls them right after
their name: an apposition whose head noun is a body's ("Ukrenergo, the national grid
operator, said", "Sernac, the consumer protection service,", "Polska 2050, one of the
coalition's smaller parties,") or what the name "is" ("Radio Dabanga is an independent
news outlet"). The head noun must end the description: "X, the company's chief
executive" describes a person, whose head is "executive"."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.organisations.shared import CAP, proper_or_longer
from reader.syntax import Parse

# Nouns that a body alone is called by, as the head of what describes it. A person may be
# a "miner", a "producer", a "developer" or an "owner": those are left out.
BODY_NOUNS = frozenset(
    """company firm group conglomerate maker manufacturer carmaker automaker planemaker
    chipmaker drugmaker steelmaker shipbuilder refiner exporter importer distributor
    retailer wholesaler airline lender bank insurer reinsurer brokerage operator utility
    startup start-up subsidiary unit consultancy agency broadcaster newspaper daily weekly
    outlet channel network publisher charity ngo organisation organization union
    federation association coalition movement party militia consortium cooperative
    co-operative foundation institute university hospital regulator watchdog service
    sponsor centre center authority ministry council commission bureau department
    parliament legislature tribunal club""".split()
)
# The plural after "one of the": "Polska 2050, one of the coalition's smaller parties".
_PLURALS = frozenset(
    {noun + "s" for noun in BODY_NOUNS if not noun.endswith(("y", "s"))}
    | {noun[:-1] + "ies" for noun in BODY_NOUNS if noun.endswith("y")}
)
# Words that end a description's head noun, or cannot stand between its article and it.
_FUNCTION = r"(?:of|for|who|whom|which|that|and|or|in|at|on|to|by|with|from|as|but)"
_DESCRIPTION = re.compile(
    r"(, (?:the|a|an|one of the|one of its|one of their)"
    r"|,? (?:is|was) (?:a|an|the|one of the)) "
    rf"((?:(?!{_FUNCTION}\b)[\w'\u2019.,-]+ ){{0,5}}?)"
    r"([a-z][a-z-]*)"
    r"(?=[,.;:)\u2014\u2013]| (?:of|in|that|which|whose|based|with|for|to|and|said|says|has"
    r"|had|is|was|will|would|owned|run|set|founded|headquartered)\b)"
)
# The name before it: one to four capitalised words (a number may end it: "Polska 2050",
# "Tele2"), none of them part of a longer capitalised run.
_NAME_RUN = re.compile(rf"(?<![\w'\u2019&.-])((?:{CAP} ){{0,3}}(?:{CAP}|\d{{1,4}}))$")
_CAPITALISED_BEFORE = re.compile(rf"{CAP} $")


def described_bodies(
    text: str, parse: Parse, rejected: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names that the words right after them call a body (see the module's note). A name
    that ``rejected`` leaves (a place, a given name, a title, a common word) is none, and
    nor is a one-word name the parse reads as a common noun ("Protesters, a group of")."""
    found = []
    for match in _DESCRIPTION.finditer(text):
        noun = match.group(3)
        plural = "one of" in match.group(1)
        if noun not in (_PLURALS if plural else BODY_NOUNS):
            continue
        if "," in match.group(2) and not match.group(1).startswith(","):
            continue
        name = _NAME_RUN.search(text, max(0, match.start() - 80), match.start())
        if name is None:
            continue
        start, end = name.span(1)
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
            continue  # the end of a longer name: "Minister of Trade Jane Doe"
        words = text[start:end]
        if rejected(words) or not proper_or_longer(text, start, end, parse):
            continue
        found.append((start, end))
    return found
