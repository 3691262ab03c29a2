"""Bodies' names that the model left wholly untagged though a body's head noun ends or
opens them: "Premier Bank said", "data from the Rating and Valuation Department", "Office
of Civil Defense spokesperson X", "The Ulster Orchestra, which". Only the heads that name
nothing but a body count: a city, a post or a network may be a place's or a thing's."""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.entities.organisations.shared import CAP

# Heads that end or open no name but a body's.
_HEADS = frozenset(
    """bank ministry department office agency authority commission council committee
    bureau tribunal party university institute hospital foundation association
    federation union orchestra corporation company holdings securities directorate
    inspectorate secretariat""".split()
)
_HEAD_WORDS = "|".join(sorted(word.capitalize() for word in _HEADS))
# A name of capitalised words that ends in a head ("Premier Bank", "Rating and Valuation
# Department"; "and" or "of" may join its words), or a head and its "of" phrase ("Office
# of Civil Defense").
_HEAD = re.compile(rf"(?<![\w'\u2019&.-])(?:{_HEAD_WORDS})(?![\w'\u2019&-])")
_WORDS_BEFORE_HEAD = re.compile(rf"(?<![\w'\u2019&.-])((?:{CAP} (?:(?:and|of|for|&) )?){{1,4}})$")
# The "of" phrase after a head: "Socialists' Party" + " of Catalonia".
_OF_TAIL = re.compile(rf" (?:of|for) (?:the )?{CAP}(?: (?:and )?{CAP}){{0,3}}(?![\w'\u2019&-])")
_HEAD_OF = re.compile(
    rf"((?:{_HEAD_WORDS}) (?:of|for) (?:the )?{CAP}(?: (?:and )?{CAP}){{0,3}})(?![\w'\u2019&-])"
)
# A capitalised word right before, maybe with a particle: the name is a longer one's end
# ("Fédération Rwandaise de" + "Football Association").
_CAPITALISED_BEFORE = re.compile(
    rf"{CAP} (?:(?:de|du|des|del|di|da|do|of|for|and|y|e|et|&) (?:la |l')?)?$"
)
_ARTICLES = ("The ", "A ", "An ")
# A preposition and a capital after a name: the name goes on.
_GOES_ON = re.compile(r"\s(?:of|for|de|del|du|des|on)\s+(?:the\s+)?[A-Z]")


def headed_names(text: str, rejected: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names of bodies by their head noun (see the module's note), each whole: not the end
    of a longer capitalised run, not a name that ``rejected`` leaves (a place's, a
    title's, a person's); a sentence's "The" is left out."""
    # Each head is found first (a search for a few words), then the name around it.
    heads = [match.span() for match in _HEAD.finditer(text)]
    spans = []
    for head, head_end in heads:
        before = _WORDS_BEFORE_HEAD.search(text, max(0, head - 150), head)
        if before:  # "Premier" + "Bank", "Rating and Valuation" + "Department"
            spans.append((before.start(1), head_end, True))
    for head, _ in heads:
        named = _HEAD_OF.match(text, head)
        if named:  # "Office of Civil Defense"
            spans.append((head, named.end(1), False))
    found = []
    for start, end, ends_in_head in spans:
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
            continue  # a longer name's end, which the model's span or another rule has
        tail = _OF_TAIL.match(text, end) if ends_in_head else None
        if tail:
            end = tail.end()
        if _GOES_ON.match(text, end):
            continue  # a longer name's start ("Authority for the Regulation and Control"
            # + " of Strategic ...")
        if text.startswith(_ARTICLES, start):
            start = text.index(" ", start) + 1
        name = text[start:end]
        if " " not in name or name.split(" ", 1)[0].lower() in ("and", "of", "for"):
            continue
        if rejected(name):
            continue
        found.append((start, end))
    return found
