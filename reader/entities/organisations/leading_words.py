"""Words before a body's name that describe it and are no part of it: a lower-case
adjective ("the national Prosecutor's Office") and a capitalised role at a sentence's or a
name's start ("Sponsor Erste Bank", "The Opposition Human Rights Party"), which the model
runs into the span."""

from __future__ import annotations

from collections.abc import Sequence

from reader.entities.organisations.shared import BODY_HEADS

# Words that describe a body by what it is to others, written with a capital at a
# sentence's start or in a style that capitalises them ("Sponsor", "Opposition").
DESCRIPTIONS = frozenset(
    """sponsor sponsors opposition ruling governing rival rivals partner partners lender
    insurer regulator operator carrier broadcaster miner owner parent state-owned
    embattled former""".split()
)
# Lower-case words inside names in many languages, which open a name ("de Beers", "al
# Qaeda", "van Oord"): never dropped.
_NAME_PARTICLES = frozenset(
    "de da das do dos del della di du des van von der den al el la le bin ibn y e".split()
)


def leading_description(words: Sequence[str]) -> int:
    """How many of a body's span's first words describe it and are none of its name."""
    if not words or words[-1].lower().strip(".,") not in BODY_HEADS:
        return 0  # a brand in lower case opens its name ("bp Azerbaijan")
    dropped = 0
    while (
        len(words) - dropped > 1
        and words[dropped].isalpha()
        and words[dropped].islower()
        and words[dropped] not in _NAME_PARTICLES
        and words[dropped + 1][:1].isupper()
    ):
        dropped += 1  # "national Prosecutor's Office"
    rest = words[dropped + 1 :]
    if (
        len(rest) > 1
        and words[dropped][:1].isupper()
        and words[dropped].lower() in DESCRIPTIONS
        and all(word[:1].isupper() for word in rest)
    ):
        dropped += 1  # "Sponsor Erste Bank", not "Opposition Bloc"
    return dropped
