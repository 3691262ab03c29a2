"""Companies and bodies that the model left untagged, found by a use that only a body has:
its shares ("shares of Kelvora"), what owns or is owned ("a subsidiary of Kelvora",
"owned since 2020 by Kelvora"), its corporate roles ("Kelvora's chief executive",
"Kelvora, whose chief executive"), a statement it issues ("Kelvora said in a
statement"). A name that a known given name opens or that is a known surname alone is
left to the people's rules: a person issues statements and owns things too."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.organisations.shared import CAP, proper_or_longer
from reader.syntax import Parse

# One to three capitalised words (a number may end the name: "Tele2", "Polska 2050").
_NAME = rf"({CAP}(?: {CAP}){{0,2}})"
# Uses before the name.
_BEFORE = re.compile(
    r"\b(?:[Ss]hares (?:of|in)|(?:subsidiary|unit|division|affiliate) of|"
    r"owned(?: \w+ \d{4})? by|acquired by|taken over by|stake in|(?:bought|sold) by) "
    rf"{_NAME}(?![\w'\u2019&-]| {CAP})"
)
# Uses after it, found first (a few literal words), then the name right before.
_AFTER = re.compile(
    r"(?:['\u2019]s (?:chief executive|chief financial officer|ceo|cfo|chairman|chairwoman|"
    r"board|shareholders|managing director)\b|, whose (?:chief executive|ceo|chairman|"
    r"shares|board)\b| said in a statement\b| shares (?:rose|fell|jumped|slumped|gained|"
    r"dropped|climbed|slid|were|closed)\b)"
)
_NAME_BEFORE = re.compile(rf"(?<![\w'\u2019&.-]){_NAME}$")
_CAPITALISED_BEFORE = re.compile(rf"{CAP} $")


def used_as_bodies(
    text: str, parse: Parse, rejected: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names the text uses as a company's or a body's (see the module's note): whole (no
    capitalised word right before), not ``rejected``, and for one word a proper noun to
    the parse."""
    spans = [match.span(1) for match in _BEFORE.finditer(text)]
    for cue in _AFTER.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
        if name:
            spans.append(name.span(1))
    found = []
    for start, end in spans:
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
            continue
        if rejected(text[start:end]) or not proper_or_longer(text, start, end, parse):
            continue
        found.append((start, end))
    return found
