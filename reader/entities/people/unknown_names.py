"""A name that only the model calls a person: no word of it known, and nothing about it.

The lists of given names and surnames of every locale of Faker miss about one personal
name in six in news from anywhere, so an unknown name alone says little. But a person in
news copy is written as one somewhere: a title or a role, an age, ", who", a credit's
"By", a surname alone later, the subject of a speech verb, "he" or "she" after. A name
none of whose words is a known given name or surname, written without any of these
("asked Telia Nord to filter", "the Caucasus Courier" as a masthead, "Pointe" of
"Pointe-à-Pierre"), is no person on the model's word alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.entities.model import Mention
from reader.entities.people.uses import used_as_a_person
from reader.gazetteer import is_given_name, is_surname
from reader.name_words import SPEECH_LEMMAS
from reader.syntax import Parse

# A credit or a byline earlier in the line: "By", "Photo:", "Reporting by".
_CREDIT = re.compile(r"\b(?:[Bb]y|BY|Photos?|Pictures?|Reporting|Editing|Credit)\b")
# A personal pronoun later in the sentence or the next one.
_PRONOUN = re.compile(r"[^\n]{0,160}?\b(?:he|she|him|his|her|hers|He|She|His|Her)\b")


def unknown_and_unused(
    text: str, words: Sequence[str], mentions: Sequence[Mention], parse: Parse
) -> bool:
    """Whether no word of the name is a known given name or surname and no mention is
    written as a person's (see the module's docstring)."""
    if not mentions or any(_known(word) for word in words):
        return False
    longest = len(words)
    for mention in mentions:
        if mention.by == "byline" or len(mention.text.split()) < longest:
            return False  # a byline's name, or a short form: "Mokoena said"
        line_start = text.rfind("\n", 0, mention.start) + 1
        if _CREDIT.search(text, line_start, mention.start) or text.startswith("/", mention.end):
            return False
        if _PRONOUN.match(text, mention.end) or speaks(mention, parse):
            return False
    return not used_as_a_person(text, mentions, parse)


def _known(word: str) -> bool:
    """Whether a word, or a part of it between hyphens, is a known given name or surname."""
    parts = [part for part in re.split(r"[-\u2010\u2011]", word.strip(".,")) if part]
    return any(is_given_name(part) or is_surname(part) for part in parts)


def speaks(mention: Mention, parse: Parse) -> bool:
    """Whether the mention is the subject of a speech verb ("X said", "X told")."""
    if not parse:
        return True  # without a parse, say nothing against the name
    for index in parse.between(mention.start, mention.end):
        token = parse.tokens[index]
        if token.dep in ("nsubj", "nsubjpass") and parse.tokens[token.head].lemma in SPEECH_LEMMAS:
            return True
    return False
