"""Another name of the same person or body, seen from the people's side.

An initial folds into the full name whose other name it abbreviates ("Ts. Oyunchimeg" of
"Oyunchimeg Tsendsuren"); "X, known as Y" gives X another name; a company's name cut
short reads like a person's ("Oriel" of "Oriel Mobile"), but a memorial's first words
stay its namesake's ("Nelson Mandela Foundation").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.entities.names import is_legal_form
from reader.entities.people.name_knowledge import is_given, is_known_surname, person_nouns
from reader.name_words import ORG_HEADS


def initialled_owner(short: str, full_names: Iterable[str]) -> str | None:
    """The one full name that ``short``, written with an initial before a name ("Ts.
    Oyunchimeg"), abbreviates: "Oyunchimeg Tsendsuren", whose other name starts with
    the initial's letters."""
    match = re.fullmatch(r"([^\W\d_]{1,2})\. (\S+)", short)
    if match is None:
        return None
    initial, name = match.group(1).lower(), match.group(2).lower()
    owners = []
    for full in full_names:
        words = full.lower().split()
        if len(words) != 2 or name not in words:
            continue
        other = words[1] if words[0] == name else words[0]
        if other.startswith(initial) and not other.endswith("."):
            owners.append(full)
    return owners[0] if len(owners) == 1 else None


# "the Kuwait Anti-Corruption Authority, known as Nazaha", "Choi Jun-ho, who performs as
# Juno": the second name is another name of the first.
_KNOWN_AS = re.compile(
    r",? (?:\(|(?:who is |which is )?(?:also |widely |locally |popularly |better |commonly )?"
    r"(?:known|called|nicknamed|dubbed)(?: to [\w ]{1,30}?)?(?: simply)? as |who performs as )"
)


def other_names(text: str) -> list[tuple[int, int]]:
    """Where a text gives a name another name: pairs of (the end of the first name, the
    start of the second), for "X, known as Y", "X, also known as Y", "X (known as Y)",
    "X, who performs as Y"."""
    pairs = []
    for match in _KNOWN_AS.finditer(text):
        if match.group().endswith("("):
            continue  # "X (Y)": an acronym's definition, left to the organisation rules
        if text[match.end() : match.end() + 1].isupper():
            pairs.append((match.start(), match.end()))
    return pairs


# Head words of bodies and places named after a person, whose first words stay that
# person's name ("Nelson Mandela Foundation", "Benjamin Mkapa Stadium"), and the words of
# a family's firm ("Emeka Nwachukwu & Sons Ltd": its founder is a person too).
_MEMORIAL_HEADS = frozenset(
    """foundation university college school academy institute institution stadium arena
    hospital clinic centre center memorial museum library hall airport trust fund prize
    award awards cup trophy lecture medal park square street road avenue bridge house
    scholarship estate sons son daughters brothers bros & and""".split()
)


def company_short_form(short: str, full: str) -> bool:
    """Whether ``short``, which the model called a person, is a company's name cut short:
    the first words of ``full`` (an organisation's name in the same text) before words
    that do not name a memorial ("Oriel" of "Oriel Mobile", "Lemu" of "Lemu Financiera
    SpA"). A known given name or surname alone is left to the people ("Harlan" of "Harlan
    Mobile"); a name that starts with a given name folds only before a company's
    head word or legal form ("Harlan Crest" of "Harlan Crest Partners")."""
    words, whole = short.split(), full.split()
    rest = [word.lower().strip(".,") for word in whole[len(words) :]]
    if not rest or [w.lower() for w in whole[: len(words)]] != [w.lower() for w in words]:
        return False
    if any(word in _MEMORIAL_HEADS or word in person_nouns() for word in rest):
        return False
    if len(words) == 1 and (is_known_surname(words[0]) or is_given(words[0])):
        return False
    if is_given(words[0]):
        return rest[-1] in ORG_HEADS or is_legal_form(whole[-1])
    return True
