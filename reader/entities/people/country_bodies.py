"""A body named for its country: "Zain Sudan", "Greenpeace Polska", "Orange España".

Companies, charities and clubs name their branch in a country by the country's name after
the brand, in English or in the country's own language. A person's name that ends in a
country's name is rare, and then the country's name is a surname ("Michael Jordan",
"Jimmy Wales") or a given name ("Maurice"), which the lists of names know: a name that
ends in a country's name that is neither is no person's, whatever its first word is.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.entities.people.clue import NEVER, Clue
from reader.gazetteer import (
    is_country,
    is_country_endonym,
    is_given_name,
    is_place,
    is_surname,
)


def country_body_clues(words: Sequence[str]) -> list[Clue]:
    """Evidence against a person, and for a body, when a name of two or three
    capitalised words ends in a country's name that is no personal name."""
    if not 2 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return []
    country = words[-1].strip(".,")
    name = " ".join(words)
    if (
        not (is_country(country) or is_country_endonym(country))
        or is_surname(country)
        or is_given_name(country)
        or is_place(name)  # "South Sudan", "Costa Rica": the country itself
        or is_place(" ".join(words[:-1]))  # "Khartoum Sudan": a place and its country
    ):
        return []
    reason = f"a body named for its country: {country}"
    return [("PERSON", NEVER, reason), ("ORG", 3, reason)]
