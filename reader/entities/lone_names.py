"""A one-word name the model called a person once, and nothing else says so.

On unseen pages most false people are one capitalised word the model called PERSON a single
time with no word near it for a person: a club ("Zamalek", "Gorica"), a stadium ("Poljud"), an
outlet ("Portfolio"), a foreign common noun ("Gesundheit", "Savez"). A person named once in a
single word is rare in news copy, and when it happens something says who it is: a title, a
role, a speech verb, a known given name or surname, or "alias" before a quoted nickname. A
person named again in full folds into the full name, so the rule never sees them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.entities.model import Mention
from reader.entities.people import is_given, is_known_surname

# 'alias "Tuerto"', 'known as "El Gordo"', 'nicknamed Tata': a nickname is a person's.
_NICKNAME_BEFORE = re.compile(r"\b(?:alias|aka|a\.k\.a\.|known as|nicknamed|dubbed)\W{1,3}$", re.I)

_AND_NAME = re.compile(r",? (?:and|or|&) ([A-Z][\w'\u2019-]+)")


def lone_model_guess(
    text: str,
    words: Sequence[str],
    mentions: Sequence[Mention],
    votes: Mapping[str, float],
    person_weight: float,
    person_names: set[str],
) -> bool:
    """Whether a one-word name rests on the model's single PERSON vote alone.

    ``person_weight`` is the evidence for a person once every rule has spoken: half the
    model's vote (no known given name) means that nothing else spoke for one;
    ``person_names`` are the lower-case words of the article's other people's names.
    """
    if len(words) != 1 or len(mentions) != 1:
        return False
    if {label: count for label, count in votes.items() if count} != {"PERSON": 1}:
        return False
    word = words[0]
    if is_given(word) or is_known_surname(word):
        return False
    start = mentions[0].start
    if _NICKNAME_BEFORE.search(text, max(0, start - 20), start):
        return False
    # "Monet and Van Gogh": written beside another person's name, one of a list of people.
    after = _AND_NAME.match(text, mentions[0].end)
    if after and after.group(1).lower() in person_names:
        return False
    return person_weight <= votes["PERSON"] / 2
